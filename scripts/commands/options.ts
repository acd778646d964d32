import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Format } from '../report/index.ts';
import { dateTimeWithoutOffset } from '../time/date-time.ts';
import { UsageError, type CommandIO } from './io.ts';

/** The repository a command works on: `--root`, default the current directory. */
export function resolveRoot(root: string | undefined, io: CommandIO): string {
  const dir = resolve(io.cwd, root ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--root: "${root}" is not a folder.`);
  if (!existsSync(resolve(dir, 'policy'))) {
    throw new UsageError(`${dir} has no policy/ folder, so it is not an oncall-as-code repository. Pass --root <dir> or run from the repository's top folder.`);
  }
  return dir;
}

/** `--now`: an ISO 8601 date-time with an offset; default the clock. */
export function resolveNow(now: string | undefined): Date {
  if (now === undefined) return new Date();
  const local = dateTimeWithoutOffset(now);
  if (local !== undefined) throw new UsageError(`--now: "${now}" has no UTC offset. Write it with one, e.g. "${local}Z" or "${local}+01:00".`);
  const parsed = DateTime.fromISO(now, { setZone: true });
  if (!parsed.isValid || !/(Z|[+-][0-9]{2}:?[0-9]{2})$/.test(now)) {
    throw new UsageError(`--now: "${now}" is not a date-time with a UTC offset (e.g. 2026-11-22T09:00:00+01:00).`);
  }
  return parsed.toJSDate();
}

/**
 * `--format` means the same in every command: `pretty` (the default) for people at a terminal,
 * `json` for programs, and `markdown` where the output is a document (the monthly report, the rule
 * table, validate's findings as a report). validate also writes `github` (workflow annotations and
 * a job summary) and `sarif` (code scanning).
 */
export const DATA_FORMATS = ['pretty', 'json'] as const;
export const DOCUMENT_FORMATS = ['pretty', 'json', 'markdown'] as const;
export const FORMATS: readonly Format[] = ['pretty', 'json', 'markdown', 'github', 'sarif'];

/** A `--format` value one of `choices`, default `pretty`; anything else is a usage error naming them. */
export function resolveChoice<T extends string>(format: string | undefined, choices: readonly T[]): T {
  if (format === undefined) return choices[0]!;
  if (!(choices as readonly string[]).includes(format)) throw new UsageError(`--format: "${format}" is not one of ${choices.join(', ')}.`);
  return format as T;
}

/** validate's `--format`, defaulting to GitHub annotations inside Actions and pretty elsewhere. */
export function resolveFormat(format: string | undefined, io: CommandIO): Format {
  if (format === undefined) return io.env.GITHUB_ACTIONS === 'true' && !io.isTTY ? 'github' : 'pretty';
  return resolveChoice(format, FORMATS);
}

/** Colours only on a terminal, and never under NO_COLOR (https://no-color.org). */
export function useColor(io: CommandIO): boolean {
  return io.isTTY && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '') && io.env.TERM !== 'dumb';
}
