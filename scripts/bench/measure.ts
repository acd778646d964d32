/**
 * Timing a command as its own process: wall-clock seconds and the peak resident memory (RSS
 * high-water mark), from GNU time's `%M` when /usr/bin/time is there (as on CI runners), else not known.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** One run of a command. */
export interface Run {
  seconds: number;
  /** Peak resident set size in megabytes, when it could be measured. */
  peakMb?: number;
  code: number;
  stdout: string;
  stderr: string;
}

let gnuTime: boolean | undefined;

/** Whether GNU time (with `-f %M`) is available. */
function hasGnuTime(): boolean {
  if (gnuTime === undefined) gnuTime = existsSync(GNU_TIME) && process.platform === 'linux';
  return gnuTime;
}

/** Runs `command args` in `cwd` and measures it. */
export async function measure(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv } ): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-'));
  const rusage = join(dir, 'rusage');
  const [file, argv] = hasGnuTime() ? [GNU_TIME, ['-f', '%M', '-o', rusage, command, ...args]] : [command, [...args]];
  try {
    const started = process.hrtime.bigint();
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let peakMb: number | undefined;
    if (existsSync(rusage)) {
      const kb = Number(readFileSync(rusage, 'utf8').trim().split('\n').pop());
      if (Number.isFinite(kb)) peakMb = kb / 1024;
    }
    return { seconds, ...(peakMb === undefined ? {} : { peakMb }), ...result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
