/** Runs the CLI in-process with captured output, as a user would call it. */
import { main } from '../../scripts/cli.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { FIXTURE_ROOT } from './repo.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? FIXTURE_ROOT,
    isTTY: options.isTTY ?? false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** `validate --format json` parsed. */
export async function validateJson(root: string, extra: readonly string[] = []) {
  const result = await runCli(['validate', '--root', root, '--format', 'json', '--now', '2026-11-22T12:00:00+01:00', ...extra]);
  if (result.stdout === '') throw new Error(`validate printed nothing; stderr: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    diagnostics: { ruleId: string; severity: string; file: string; line: number; column: number; message: string; hint?: string }[];
    summary: { files: number; errors: number; warnings: number; notes: number };
  };
  return { ...result, report };
}
