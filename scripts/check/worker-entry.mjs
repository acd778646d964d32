/**
 * Entry of a validation worker thread: loads the worker's module the way the main thread loads the
 * toolkit (compiled when possible, see scripts/cache/compiled-sources.mjs, else through tsx).
 */
import { workerData } from 'node:worker_threads';
import { importToolkitModule } from '../cache/compiled-sources.mjs';

await importToolkitModule(workerData.module);
