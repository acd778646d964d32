/**
 * A validation worker thread: keeps the context it is given and checks the batches of record files
 * the main thread sends (see document-batch.ts), answering with plain results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleLibraries, type RuleLibraries } from './rule-libraries.ts';
import { checkDocumentBatch, contextEntry, type ContextFile } from './document-batch.ts';
import { mark } from './timeline.ts';
import { definitionsOfIncidents, type IncidentDefinition } from './incident-definitions.ts';
import type { ModelEntry } from './build-model.ts';
import type { DefinitionIndex } from '../model/definitions.ts';
import type { KindId } from '../schema/kinds.ts';

/** Messages from the main thread. */
export type ToWorker =
  | { type: 'init'; root: string; now: number; context: ContextFile[]; incidents: IncidentDefinition[]; libraries: RuleLibraries }
  | { type: 'incidents'; incidents: IncidentDefinition[] }
  | { type: 'batch'; id: number; files: { path: string; kind: KindId }[] };

/** Messages to the main thread. */
export type FromWorker =
  | { type: 'batch'; id: number; outcome: import('./document-batch.ts').BatchOutcome }
  | { type: 'error'; id: number; message: string };

let root = '';
let now = new Date(0);
let context: ModelEntry[] = [];
let definitions: DefinitionIndex = new Map();

const port = parentPort;
if (port && workerData?.role === 'oncall-validate') {
  // One message at a time, in order, though handling one may wait (loading the Markdown parser).
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(() => handle(port, message));
  });
}

async function handle(port: NonNullable<typeof parentPort>, message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      // What the records' rules need loaded (rule-libraries.ts).
      await loadRuleLibraries(message.libraries);
      mark('worker: init');
      root = message.root;
      now = new Date(message.now);
      context = message.context.map(contextEntry);
      definitions = definitionsOfIncidents(context, message.incidents);
      break;
    case 'incidents':
      definitions = definitionsOfIncidents(context, message.incidents);
      break;
    case 'batch':
      try {
        const started = performance.now();
        const outcome = checkDocumentBatch({ root, files: message.files, context, definitions, now });
        mark(`worker: batch ${message.id} (${message.files.length} ${message.files[0]?.kind ?? ''} files) in ${(performance.now() - started).toFixed(0)} ms`);
        port.postMessage({ type: 'batch', id: message.id, outcome } satisfies FromWorker);
      } catch (error) {
        port.postMessage({ type: 'error', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
      }
      break;
  }
}
