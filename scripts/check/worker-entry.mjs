/**
 * Entry of a validation worker thread: loads the worker's module the way the main thread loads the
 * toolkit (see scripts/bin/import-typescript.mjs).
 */
import { workerData } from 'node:worker_threads';
import { importTypeScript } from '../bin/import-typescript.mjs';

await importTypeScript(workerData.module);
