/** What a command may touch of its surroundings; passed in so commands are testable without a process. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Whether stdout is a terminal (colours, default format). */
  isTTY: boolean;
}

/** A usage or environment problem: the command prints the message and exits 2. */
export class UsageError extends Error {}

let pipeGuarded = false;

/**
 * A reader that stops early (`oncall rules | head`) closes the pipe; further output has nowhere to
 * go, so the process ends quietly instead of dying with an EPIPE stack trace.
 */
function guardClosedPipes(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

export function processIO(): CommandIO {
  guardClosedPipes();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
}
