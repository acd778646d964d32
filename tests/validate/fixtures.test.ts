/**
 * The bad-input suite: every fixture under tests/fixtures/invalid breaks a copy of the example
 * organisation in one way and names the exact diagnostics `validate --format json` must print;
 * every fixture under tests/fixtures/valid changes it in a way that must be accepted.
 */
import { describe, expect, it } from 'vitest';
import { validateJson } from '../support/cli.ts';
import { applyFixture, loadFixtures, resolveLine, type Fixture } from './fixture-cases.ts';

const INVALID = loadFixtures('invalid');
const VALID = loadFixtures('valid');

/** A stack frame as Node prints it (`    at fn (file.ts:12:5)`). */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

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

async function run(fixture: Fixture) {
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

function assertCase(fixture: Fixture, outcome: Awaited<ReturnType<typeof run>>): void {
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

describe('validate on bad input', () => {
  it('keeps at least 45 bad-input fixtures, each expecting at least one finding', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(45);
    for (const fixture of INVALID) expect(fixture.expect.length, fixture.name).toBeGreaterThan(0);
  });

  it('recognises a stack trace, so the no-stack-trace check is not vacuous', () => {
    expect(new Error('probe').stack).toMatch(STACK_FRAME);
  });

  it('keeps pending fixtures (known gaps, not run) well formed, ready to move to invalid/', () => {
    const pending = loadFixtures('pending');
    for (const fixture of pending) expect(fixture.expect.length, fixture.name).toBeGreaterThan(0);
  });

  it.each(INVALID.map((fixture) => ({ name: fixture.name, fixture })))('$name', async ({ fixture }) => {
    assertCase(fixture, await run(fixture));
  });
});

describe('validate on unusual but valid input', () => {
  it.each(VALID.map((fixture) => ({ name: fixture.name, fixture })))('$name', async ({ fixture }) => {
    expect(fixture.expect).toEqual([]);
    assertCase(fixture, await run(fixture));
  });
});
