/**
 * Entry of a validation worker thread. The worker's code is TypeScript; a worker thread does not
 * inherit a TypeScript loader from its process in every setup (the `oncall` bin registers tsx at
 * run time, on the main thread only), so when the code cannot be loaded as it is, tsx is
 * registered here and the import tried again.
 */
import { workerData } from 'node:worker_threads';

try {
  await import(workerData.module);
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${workerData.module}?typescript`);
}
