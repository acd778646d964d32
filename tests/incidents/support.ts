/** Helpers for the incident and post-mortem rule tests: break a copy of the fixture data, validate, compare. */
import { afterEach, expect } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tempRepo, TEST_NOW, type TempRepo } from '../support/repo.ts';

export interface Found {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** `validate --format json` at `now` (default TEST_NOW). */
export async function validateAt(repo: TempRepo, now = TEST_NOW): Promise<{ code: number; diagnostics: Found[] }> {
  const result = await runCli(['validate', '--root', repo.root, '--format', 'json', '--now', now]);
  if (result.stdout === '') throw new Error(`validate printed nothing; stderr: ${result.stderr}`);
  return { code: result.code, diagnostics: (JSON.parse(result.stdout) as { diagnostics: Found[] }).diagnostics };
}

/** Line and column (1-based) of `sub` (default: `needle`) on the `occurrence`-th line of `file` holding `needle`. */
export function at(repo: TempRepo, file: string, needle: string, sub: string = needle, occurrence = 1): { line: number; column: number } {
  const lines = repo.read(file).split('\n');
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(needle) && ++seen === occurrence);
  if (index < 0) throw new Error(`"${needle}" not found in ${file}`);
  const column = lines[index]!.indexOf(sub);
  if (column < 0) throw new Error(`"${sub}" not on the line holding "${needle}" in ${file}`);
  return { line: index + 1, column: column + 1 };
}

/** Expected diagnostic: where, which rule, how severe, and words the message must contain. */
export interface Expected {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'note';
  message?: string;
}

/** The diagnostics must be exactly `expected` (order aside). */
export function expectExactly(found: readonly Found[], expected: readonly Expected[]): void {
  const shape = (d: Found | Expected) => `${d.ruleId} ${d.severity} ${d.file}:${d.line}:${d.column}`;
  expect(found.map(shape).sort()).toEqual(expected.map(shape).sort());
  for (const e of expected) {
    if (e.message === undefined) continue;
    const messages = found.filter((f) => shape(f) === shape(e)).map((f) => f.message);
    expect(messages.some((m) => m.includes(e.message!)), `${shape(e)} saying "${e.message}" in ${JSON.stringify(messages)}`).toBe(true);
  }
}

/** A rule case: break a copy of the fixture data, and the exact findings that must follow. */
export interface Case {
  name: string;
  edit: (repo: TempRepo) => void;
  expect: (repo: TempRepo) => Expected[];
  now?: string;
}

/**
 * Runs a case on a fresh copy of the fixture data: exactly the expected findings, and exit code 1
 * when one of them is an error. `track` receives the copy, for the caller's cleanup.
 */
export async function checkCase(testCase: Case, track: (repo: TempRepo) => void): Promise<void> {
  const repo = tempRepo();
  track(repo);
  testCase.edit(repo);
  const { code, diagnostics } = await validateAt(repo, testCase.now);
  const wanted = testCase.expect(repo);
  expectExactly(diagnostics, wanted);
  expect(code).toBe(wanted.some((d) => d.severity === 'error') ? 1 : 0);
}

/**
 * For a test file of cases: a `track` to pass to {@link checkCase}, and the copy it was given removed
 * after each test. Call it at the top level of the file.
 */
export function trackedCopies(): (copy: TempRepo) => void {
  let current: TempRepo | undefined;
  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });
  return (copy) => {
    current = copy;
  };
}
