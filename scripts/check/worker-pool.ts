/**
 * A small pool of validation worker threads. Batches go to whichever worker is free, so a slow
 * batch does not hold the others up; results come back as plain data.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchOutcome, ContextFile } from './document-batch.ts';
import type { IncidentDefinition } from './incident-definitions.ts';
import type { FromWorker, ToWorker } from './worker.ts';
import type { KindId } from '../schema/kinds.ts';

export interface Batch {
  files: { path: string; kind: KindId }[];
}

export interface PoolOptions {
  root: string;
  now: Date;
  context: ContextFile[];
  incidents: IncidentDefinition[];
  /** Worker threads to start (default: one per core, at most 4). */
  size?: number;
}

/** How many workers make sense on this machine. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly ready: Promise<void>[] = [];

  constructor(options: PoolOptions) {
    const size = options.size ?? defaultPoolSize();
    const registerTypeScript = !process.execArgv.some((arg) => /\btsx\b/.test(arg));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
        workerData: { role: 'oncall-validate', module: new URL('./worker.ts', import.meta.url).href, registerTypeScript },
      });
      this.ready.push(
        new Promise((resolve, reject) => {
          const onMessage = (message: FromWorker) => {
            if (message.type !== 'ready') return;
            worker.off('message', onMessage);
            worker.off('error', reject);
            resolve();
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
        }),
      );
      worker.postMessage({ type: 'init', root: options.root, now: options.now.getTime(), context: options.context, incidents: options.incidents } satisfies ToWorker);
      this.workers.push(worker);
    }
  }

  /** Tells every worker the incident ids to check references against from now on. */
  setIncidents(incidents: IncidentDefinition[]): void {
    for (const worker of this.workers) worker.postMessage({ type: 'incidents', incidents } satisfies ToWorker);
  }

  /** Runs the batches, calling `onOutcome` with each batch's index and outcome as it completes. */
  async run(batches: readonly Batch[], onOutcome: (index: number, outcome: BatchOutcome) => void): Promise<void> {
    await Promise.all(this.ready);
    let next = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= batches.length) {
                worker.off('message', onMessage);
                worker.off('error', onError);
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ type: 'batch', id, files: batches[id]!.files } satisfies ToWorker);
            };
            const onMessage = (message: FromWorker) => {
              if (message.type === 'batch') {
                onOutcome(message.id, message.outcome);
                give();
              } else if (message.type === 'error') {
                worker.off('message', onMessage);
                worker.off('error', onError);
                reject(new Error(`validation worker failed: ${message.message}`));
              }
            };
            const onError = (error: Error) => {
              worker.off('message', onMessage);
              reject(error);
            };
            worker.on('message', onMessage);
            worker.once('error', onError);
            give();
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
