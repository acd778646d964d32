/**
 * Entry of a validation worker thread. The worker's code is TypeScript: a worker inherits the
 * process's command-line loaders (`node --import tsx`, the tsx CLI), but not a loader registered at
 * run time (the `oncall` bin registers tsx on the main thread only), so the main thread says
 * whether to register one here.
 */
import { workerData } from 'node:worker_threads';

if (workerData.registerTypeScript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
