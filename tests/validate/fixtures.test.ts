/**
 * The bad-input suite: every fixture under tests/fixtures/invalid breaks a copy of the example
 * organisation in one way and names the exact diagnostics `validate --format json` must print;
 * every fixture under tests/fixtures/valid changes it in a way that must be accepted.
 */
import { describe, expect, it } from 'vitest';
import { expectOutcome, loadFixtures, runFixture, STACK_FRAME } from './fixture-cases.ts';

const INVALID = loadFixtures('invalid');
const VALID = loadFixtures('valid');

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
    expectOutcome(fixture, await runFixture(fixture));
  });
});

describe('validate on unusual but valid input', () => {
  it.each(VALID.map((fixture) => ({ name: fixture.name, fixture })))('$name', async ({ fixture }) => {
    expect(fixture.expect).toEqual([]);
    expectOutcome(fixture, await runFixture(fixture));
  });
});
