/**
 * A small pool of validation worker threads. Workers start loading their code as soon as the pool
 * is made; every batch is handed out at once (each worker a share of similar weight), so workers
 * never wait for the main thread, which meanwhile runs checks of its own.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchOutcome, ContextFile } from './document-batch.ts';
import type { IncidentDefinition } from './incident-definitions.ts';
import type { RuleLibraries } from './rule-libraries.ts';
import type { FromWorker, ToWorker } from './worker.ts';
import type { KindId } from '../schema/kinds.ts';

export interface Batch {
  files: { path: string; kind: KindId }[];
}

/** How many workers make sense on this machine. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Relative cost of checking a file of each kind (bytes and rules), for sharing batches out evenly. */
const KIND_WEIGHT: Partial<Record<KindId, number>> = { incident: 3, postmortem: 3, signoff: 1 };

function weightOf(batch: Batch): number {
  return batch.files.reduce((sum, file) => sum + (KIND_WEIGHT[file.kind] ?? 1), 0);
}

export class WorkerPool {
  private readonly workers: Worker[] = [];

  constructor(size = defaultPoolSize(), options: { heapMb?: number } = {}) {
    for (let i = 0; i < size; i++) {
      this.workers.push(
        new Worker(new URL('./worker-entry.mjs', import.meta.url), {
          workerData: { role: 'oncall-validate', module: new URL('./worker.ts', import.meta.url).href },
          // Parsing makes many short-lived objects: a young generation of this size collects them
          // cheaply, and keeps the process small (larger ones cost memory and gain no time).
          resourceLimits: { maxYoungGenerationSizeMb: 16, ...(options.heapMb ? { maxOldGenerationSizeMb: options.heapMb } : {}) },
        }),
      );
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Gives every worker the context, the time and the incident ids to check against. */
  init(options: { root: string; now: Date; context: ContextFile[]; incidents: IncidentDefinition[]; libraries: RuleLibraries }): void {
    const message: ToWorker = { type: 'init', root: options.root, now: options.now.getTime(), context: options.context, incidents: options.incidents, libraries: options.libraries };
    for (const worker of this.workers) worker.postMessage(message);
  }

  /** Tells every worker the incident ids to check against from now on. */
  setIncidents(incidents: IncidentDefinition[]): void {
    for (const worker of this.workers) worker.postMessage({ type: 'incidents', incidents } satisfies ToWorker);
  }

  /**
   * Checks the batches, heaviest first, each taken by the first worker free: every worker keeps
   * two in hand, so it never waits for the main thread to read its last answer. The first batches
   * are handed out before this returns, so the main thread can do its own checks meanwhile.
   * Resolves when all are done;
   * `onOutcome` gets each batch's index and outcome as it arrives. Rejects when a worker fails:
   * the batches it had not answered are then the caller's.
   */
  async run(batches: readonly Batch[], onOutcome: (index: number, outcome: BatchOutcome) => void): Promise<void> {
    const queue = batches
      .map((batch, index) => ({ index, weight: weightOf(batch) }))
      .sort((a, b) => b.weight - a.weight)
      .map((entry) => entry.index);
    const workersDone = Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              const index = queue.shift();
              if (index === undefined) return;
              inFlight++;
              worker.postMessage({ type: 'batch', id: index, files: batches[index]!.files } satisfies ToWorker);
            };
            const finish = (error?: Error) => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              if (error) reject(error);
              else resolve();
            };
            const onMessage = (message: FromWorker) => {
              if (message.type === 'batch') {
                inFlight--;
                onOutcome(message.id, message.outcome);
                send();
                if (inFlight === 0) finish();
              } else if (message.type === 'error') {
                finish(new Error(`validation worker failed: ${message.message}`));
              }
            };
            const onError = (error: Error) => finish(error);
            worker.on('message', onMessage);
            worker.once('error', onError);
            send();
            send();
            if (inFlight === 0) finish();
          }),
      ),
    );
    await workersDone;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
