/**
 * A trace of the validation pipeline's phases for profiling: with ONCALL_TIMELINE set to the start
 * time in epoch milliseconds (`ONCALL_TIMELINE=$(date +%s%3N) npm run oncall -- validate`), each
 * phase of the main thread and each worker batch prints its time since then and the thread's
 * memory to standard error. Silent otherwise.
 */
export function mark(label: string): void {
  const start = Number(process.env.ONCALL_TIMELINE);
  if (!process.env.ONCALL_TIMELINE || !Number.isFinite(start)) return;
  const { heapUsed, heapTotal, rss } = process.memoryUsage();
  const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
  process.stderr.write(`${String(Date.now() - start).padStart(6)} ms  ${label}  heapUsed ${mb(heapUsed)} heapTotal ${mb(heapTotal)} rss ${mb(rss)} MB\n`);
}
