/**
 * Bad-input (and good-input) fixtures for `validate`: each fixture is a YAML file that says how to
 * break a copy of the fixture organisation and which diagnostics `validate` must then print.
 * This module reads fixtures, applies their edits and runs `validate` on the result; tests/validate/
 * fixtures.test.ts runs the fixture files, yaml-reader.test.ts fixtures written in code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { validateJson } from '../support/cli.ts';
import { TOOLKIT_ROOT, tempRepo, type TempRepo } from '../support/repo.ts';

export const FIXTURES_DIR = join(TOOLKIT_ROOT, 'tests', 'fixtures');

/** One change to the temp copy of the fixture organisation. */
export type Edit =
  /** Replaces `replace` (which must occur exactly once) with `with`. */
  | { file: string; replace: string; with: string }
  /** Writes the whole file as UTF-8 text. */
  | { file: string; content: string }
  /** Writes raw bytes (invalid UTF-8, NUL bytes). */
  | { file: string; base64: string }
  | { file: string; remove: true }
  /** Moves the file to another path (a record into the wrong year folder). */
  | { file: string; moveTo: string }
  /** Rewrites the file's line ends: CRLF (Windows) or a lone CR (classic Mac OS). */
  | { file: string; lineEnds: 'crlf' | 'cr' }
  /** Writes `repeat` over and over until the file is `bytes` long: huge inputs are never committed. */
  | { file: string; generate: { repeat: string; bytes: number } }
  /** Makes `file` a symbolic link to a file holding `outside`, in a folder outside the repository. */
  | { file: string; symlink: { outside: string } };

/** Where a diagnostic must be: a line number, or the line of the first occurrence of a text in the edited file. */
export type LineSpec = number | { of: string; occurrence?: number };

export interface ExpectedDiagnostic {
  ruleId: string;
  file: string;
  line: LineSpec;
  column?: number;
  severity?: 'error' | 'warning' | 'note';
  /** A substring of the message. */
  message?: string;
  /** The exact hint; `null` when there must be none (no misleading suggestion). */
  hint?: string | null;
}

export interface Fixture {
  /** File name without `.yaml`. */
  name: string;
  description: string;
  edits: Edit[];
  /** The exact set of diagnostics (order does not matter). */
  expect: ExpectedDiagnostic[];
  /** Exit code of `validate`; defaults to 1 when an error is expected, else 0. */
  exitCode: number;
}

const EDIT_FORMS = ['replace', 'content', 'base64', 'remove', 'moveTo', 'lineEnds', 'generate', 'symlink'] as const;

/**
 * Reads and checks every fixture of a folder, sorted by name: `invalid` and `valid` are run;
 * `pending` holds cases whose expected output the toolkit does not give yet (see its README).
 */
export function loadFixtures(folder: 'invalid' | 'valid' | 'pending'): Fixture[] {
  const dir = join(FIXTURES_DIR, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parseFixture(name.slice(0, -'.yaml'.length), readFileSync(join(dir, name), 'utf8')));
}

/** Parses one fixture file; a malformed fixture fails loudly with its name, never silently passes. */
export function parseFixture(name: string, text: string): Fixture {
  const fail = (what: string): never => {
    throw new Error(`fixture ${name}: ${what}`);
  };
  let raw: Record<string, unknown> | null = null;
  try {
    raw = parse(text) as Record<string, unknown> | null;
  } catch (error) {
    fail(`not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!raw || typeof raw !== 'object') fail('not a mapping');
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) if (!['description', 'edits', 'expect', 'exitCode'].includes(key)) fail(`unknown field "${key}"`);
  if (typeof data.description !== 'string' || data.description.trim() === '') fail('needs a description');
  if (!Array.isArray(data.edits)) fail('needs a list of edits');
  if (!Array.isArray(data.expect)) fail('needs a list under expect');
  const edits = (data.edits as Record<string, unknown>[]).map((edit, i) => {
    if (typeof edit?.file !== 'string') fail(`edit ${i} has no file`);
    const forms = EDIT_FORMS.filter((form) => form in edit);
    if (forms.length !== 1) fail(`edit ${i} must have exactly one of ${EDIT_FORMS.join(', ')}`);
    if (forms[0] === 'replace' && (typeof edit.replace !== 'string' || typeof edit.with !== 'string')) fail(`edit ${i}: replace and with must be text`);
    return edit as unknown as Edit;
  });
  const expectations = (data.expect as Record<string, unknown>[]).map((e, i) => {
    if (typeof e?.ruleId !== 'string' || typeof e.file !== 'string') fail(`expectation ${i} needs ruleId and file`);
    const line = e.line as unknown;
    const lineOk = typeof line === 'number' || (typeof line === 'object' && line !== null && typeof (line as { of?: unknown }).of === 'string');
    if (!lineOk) fail(`expectation ${i} needs a line (a number or { of: text })`);
    for (const key of Object.keys(e)) {
      if (!['ruleId', 'file', 'line', 'column', 'severity', 'message', 'hint'].includes(key)) fail(`expectation ${i}: unknown field "${key}"`);
    }
    return e as unknown as ExpectedDiagnostic;
  });
  const defaultExit = expectations.some((e) => (e.severity ?? 'error') === 'error') ? 1 : 0;
  const exitCode = data.exitCode === undefined ? defaultExit : Number(data.exitCode);
  return { name, description: data.description as string, edits, expect: expectations, exitCode };
}

/** A temp copy of the fixture organisation with a fixture's edits applied; `cleanup` removes it all. */
export function applyFixture(fixture: Fixture): { repo: TempRepo; cleanup: () => void } {
  const repo = tempRepo();
  const extra: string[] = [];
  const cleanup = () => {
    repo.cleanup();
    for (const dir of extra) rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const edit of fixture.edits) {
      if ('replace' in edit) repo.replace(edit.file, edit.replace, edit.with);
      else if ('content' in edit) repo.write(edit.file, edit.content);
      else if ('base64' in edit) repo.write(edit.file, Buffer.from(edit.base64, 'base64'));
      else if ('remove' in edit) repo.remove(edit.file);
      else if ('moveTo' in edit) {
        const bytes = readFileSync(repo.path(edit.file));
        repo.remove(edit.file);
        repo.write(edit.moveTo, bytes);
      } else if ('lineEnds' in edit) {
        if (edit.lineEnds !== 'crlf' && edit.lineEnds !== 'cr') throw new Error(`lineEnds must be crlf or cr`);
        repo.write(edit.file, repo.read(edit.file).replace(/\r?\n/g, edit.lineEnds === 'crlf' ? '\r\n' : '\r'));
      }
      else if ('generate' in edit) {
        const unit = Buffer.from(edit.generate.repeat, 'utf8');
        const bytes = Buffer.alloc(edit.generate.bytes);
        for (let offset = 0; offset < bytes.length; offset += unit.length) unit.copy(bytes, offset);
        repo.write(edit.file, bytes);
      } else if ('symlink' in edit) {
        const outside = mkdtempSync(join(tmpdir(), 'oncall-outside-'));
        extra.push(outside);
        const target = join(outside, 'target.yaml');
        writeFileSync(target, edit.symlink.outside);
        mkdirSync(dirname(repo.path(edit.file)), { recursive: true });
        repo.remove(edit.file);
        symlinkSync(target, repo.path(edit.file));
      }
    }
  } catch (error) {
    cleanup();
    throw new Error(`fixture ${fixture.name}: ${(error as Error).message}`);
  }
  return { repo, cleanup };
}

/** The 1-based line an expectation names, looked up in the edited file. */
export function resolveLine(repo: TempRepo, file: string, line: LineSpec): number {
  if (typeof line === 'number') return line;
  const lines = readFileSync(repo.path(file), 'utf8').split(/\r\n|\r|\n/);
  let seen = 0;
  const wanted = line.occurrence ?? 1;
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.includes(line.of) && ++seen === wanted) return i + 1;
  }
  throw new Error(`"${line.of}" not found in ${file}`);
}

/** A stack frame as Node prints it (`    at fn (file.ts:12:5)`). */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** Every own property of Object.prototype and Array.prototype with its value, so any change (pollution) shows. */
function prototypeSnapshot(): Map<string, unknown> {
  const snapshot = new Map<string, unknown>();
  for (const [name, proto] of [['Object', Object.prototype], ['Array', Array.prototype]] as const) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      snapshot.set(`${name}.${String(key)}`, descriptor.value ?? descriptor.get);
    }
  }
  return snapshot;
}

/** Applies a fixture to a temp copy of the example organisation and runs `validate --format json` on it. */
export async function runFixture(fixture: Fixture) {
  const before = prototypeSnapshot();
  const { repo, cleanup } = applyFixture(fixture);
  try {
    const result = await validateJson(repo.root);
    const expected = fixture.expect.map((e) => ({ ruleId: e.ruleId, file: e.file, line: resolveLine(repo, e.file, e.line) }));
    return { ...result, expected, before };
  } finally {
    cleanup();
  }
}

/**
 * What `validate` must have done for a fixture: exactly the expected diagnostics (rule, file, line,
 * and column, severity, message and hint where given), its exit code, no stack trace, no pollution.
 */
export function expectOutcome(fixture: Fixture, outcome: Awaited<ReturnType<typeof runFixture>>): void {
  const { code, stdout, stderr, report, expected, before } = outcome;
  const key = (d: { ruleId: string; file: string; line: number }) => `${d.ruleId} ${d.file}:${d.line}`;
  const shown = report.diagnostics.map((d) => `${key(d)} [${d.severity}] ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`).join('\n');

  // The exact set of findings, with nothing extra: an unexpected second diagnostic for one mistake is a failure too.
  expect(report.diagnostics.map(key).sort(), `diagnostics were:\n${shown}`).toEqual(expected.map(key).sort());

  fixture.expect.forEach((wanted, i) => {
    const at = expected[i]!;
    const match = report.diagnostics.find((d) => key(d) === key(at));
    expect(match, key(at)).toBeDefined();
    if (wanted.column !== undefined) expect(match!.column, `column of ${key(at)}`).toBe(wanted.column);
    if (wanted.severity !== undefined) expect(match!.severity, `severity of ${key(at)}`).toBe(wanted.severity);
    if (wanted.message !== undefined) expect(match!.message, `message of ${key(at)}`).toContain(wanted.message);
    if (wanted.hint === null) expect(match!.hint, `hint of ${key(at)}`).toBeUndefined();
    else if (wanted.hint !== undefined) expect(match!.hint, `hint of ${key(at)}`).toBe(wanted.hint);
  });

  expect(code, `exit code; diagnostics were:\n${shown}`).toBe(fixture.exitCode);
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stdout).not.toMatch(STACK_FRAME);
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
