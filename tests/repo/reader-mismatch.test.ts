/**
 * The safety net behind the fast reader: wherever a finding needs positions, the YAML Document is
 * built, and its value is compared with the value the checks saw. A difference (a bug in the
 * reader, or a wrong value from the cache) is reported as `yaml-reader-mismatch` at the first
 * place the two differ, once per file; agreement reports nothing.
 */
import { describe, expect, it } from 'vitest';
import { checkFileSchema } from '../../scripts/check/build-model.ts';
import { checkRepository } from '../../scripts/check/check-repository.ts';
import { firstDifference } from '../../scripts/repo/first-difference.ts';
import { lazyParsedYaml, parseYamlFast } from '../../scripts/repo/lazy-yaml.ts';
import { parseYaml } from '../../scripts/repo/parse-yaml.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import type { SourceFile } from '../../scripts/repo/source-file.ts';
import { TEST_NOW, FIXTURE_ROOT } from '../support/repo.ts';

describe('firstDifference', () => {
  it.each([
    { name: 'same values', left: { a: [1, 'x', null, true] }, right: { a: [1, 'x', null, true] }, expected: undefined },
    { name: 'a number is not its text', left: { a: 12 }, right: { a: '12' }, expected: { path: ['a'], what: 'value', left: 12, right: '12' } },
    { name: 'null is not empty text', left: { a: [null] }, right: { a: [''] }, expected: { path: ['a', 0], what: 'value', left: null, right: '' } },
    { name: 'false is not "no"', left: { a: false }, right: { a: 'no' }, expected: { path: ['a'], what: 'value', left: false, right: 'no' } },
    { name: '-0 is not 0', left: { a: -0 }, right: { a: 0 }, expected: { path: ['a'], what: 'value', left: -0, right: 0 } },
    { name: 'NaN is NaN', left: { a: Number.NaN }, right: { a: Number.NaN }, expected: undefined },
    { name: 'key order counts', left: { a: 1, b: 2 }, right: { b: 2, a: 1 }, expected: { path: [], what: 'keys', left: ['a', 'b'], right: ['b', 'a'] } },
    { name: 'a missing key', left: { m: { a: 1 } }, right: { m: { a: 1, b: 2 } }, expected: { path: ['m'], what: 'keys', left: ['a'], right: ['a', 'b'] } },
    { name: 'a list of another length', left: { l: ['a'] }, right: { l: ['a', 'b'] }, expected: { path: ['l'], what: 'value', left: ['a'], right: ['a', 'b'] } },
    { name: 'a list is not a mapping', left: { l: [] }, right: { l: {} }, expected: { path: ['l'], what: 'value', left: [], right: {} } },
  ])('$name', ({ left, right, expected }) => {
    expect(firstDifference(left, right)).toEqual(expected);
  });

  it('sees an own __proto__ key like any other', () => {
    const withProto = (value: unknown) => Object.defineProperty({}, '__proto__', { value, enumerable: true, configurable: true, writable: true });
    expect(firstDifference(withProto(1), withProto(1))).toBeUndefined();
    expect(firstDifference(withProto(1), withProto(2))).toEqual({ path: ['__proto__'], what: 'value', left: 1, right: 2 });
  });
});

const INCIDENT = 'incidents/2026/2026-11-10-ingestion-stuck-upload.yaml';

/** The example organisation, with one file's value replaced by `change(value)` while its text stays: a reader that read it wrong. */
async function misread(path: string, change: (value: Record<string, unknown>) => Record<string, unknown>): Promise<SourceFile[]> {
  const { files } = await readRepository(FIXTURE_ROOT);
  return files.map((file) => {
    if (file.path !== path) return file;
    const parsed = file.parsed!;
    return { ...file, parsed: lazyParsedYaml(parsed.text, file.path, change(structuredClone(parsed.value) as Record<string, unknown>), parsed.lineOffset) };
  });
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('the reader safety net', () => {
  it('reports nothing when the Document agrees (every file of the example read and positioned)', async () => {
    const { files } = await readRepository(FIXTURE_ROOT);
    const { diagnostics } = checkRepository(files, { now: new Date(TEST_NOW) });
    // Every file's Document is built here, so every value is compared.
    for (const file of files) void file.parsed?.doc;
    expect(diagnostics.filter((d) => d.ruleId === 'yaml-reader-mismatch')).toEqual([]);
    expect(files.flatMap((file) => file.parsed?.takeMismatch?.() ?? [])).toEqual([]);
  });

  it('reports a value the schema check positioned a finding for, where the two values differ', async () => {
    const files = await misread(INCIDENT, (value) => ({ ...value, customer_facing: 'yes' }));
    const file = files.find((f) => f.path === INCIDENT)!;
    const check = checkFileSchema(file);
    const text = file.parsed!.text;
    expect(check.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['schema-type', lineOf(text, 'customer_facing:')],
      ['yaml-reader-mismatch', lineOf(text, 'customer_facing:')],
    ]);
    const mismatch = check.diagnostics[1]!;
    expect(mismatch).toMatchObject({ severity: 'error', file: INCIDENT, column: 18 });
    expect(mismatch.message).toBe('customer_facing: the fast YAML reader read "yes" where the yaml package reads true, so findings in this file may be wrong.');
    expect(mismatch.hint).toMatch(/bug in the toolkit/);
    // Given once: a second look at the same file adds nothing.
    expect(checkFileSchema(file).diagnostics.map((d) => d.ruleId)).toEqual(['schema-type']);
  });

  it('reports a value a rule positioned a finding for, once however many findings the file has', async () => {
    const files = await misread(INCIDENT, (value) => ({ ...value, root_cause: 'Kavya Iyer restarted it.', resolution: 'Kavya Iyer fixed it.' }));
    const text = files.find((f) => f.path === INCIDENT)!.parsed!.text;
    const { diagnostics } = checkRepository(files, { now: new Date(TEST_NOW) });
    const onFile = diagnostics.filter((d) => d.file === INCIDENT);
    expect(onFile.filter((d) => d.ruleId === 'blameless-language').length).toBeGreaterThan(0);
    const mismatches = onFile.filter((d) => d.ruleId === 'yaml-reader-mismatch');
    expect(mismatches.map((d) => [d.line, d.column])).toEqual([[lineOf(text, 'root_cause:'), 13]]);
    expect(mismatches[0]!.message).toMatch(/^root_cause: the fast YAML reader read "Kavya Iyer restarted it\." where the yaml package reads "A worker crashed/);
  });

  it('names keys read in another order, at their mapping', async () => {
    const files = await misread(INCIDENT, (value) => {
      const { downtime, summary, ...others } = value.impact as Record<string, unknown>;
      // The unknown field's schema finding is what builds the Document.
      value.impact = { downtime, summary, ...others, extra: 1 };
      return value;
    });
    const file = files.find((f) => f.path === INCIDENT)!;
    const mismatch = checkFileSchema(file).diagnostics.find((d) => d.ruleId === 'yaml-reader-mismatch')!;
    expect(mismatch.line).toBe(lineOf(file.parsed!.text, 'summary:'));
    expect(mismatch.message).toBe('impact: the fast YAML reader read the keys "downtime", "summary", "clients", "extra" where the yaml package reads "summary", "downtime", "clients", so findings in this file may be wrong.');
  });

  it('reports yaml\'s own error where yaml refuses a text the reader read', () => {
    const text = 'id: x\nk: "\\U001F6003"\n';
    const parsed = lazyParsedYaml(text, 'policy/people.yaml', { id: 'x', k: '?' });
    const [refused] = parseYaml(text, 'policy/people.yaml').diagnostics;
    void parsed.doc;
    expect(parsed.takeMismatch?.()).toMatchObject({ ruleId: 'yaml-reader-mismatch', line: 2, column: refused!.column, message: expect.stringMatching(/^The fast YAML reader read this file, but the yaml package reports: YAML syntax error: Invalid escape sequence/) });
  });

  it('compares nothing until the Document is built', () => {
    const parsed = lazyParsedYaml('id: x\n', 'policy/people.yaml', { id: 'y' });
    expect(parsed.takeMismatch?.()).toBeUndefined();
    void parsed.lineCounter;
    expect(parsed.takeMismatch?.()?.ruleId).toBe('yaml-reader-mismatch');
    expect(parsed.takeMismatch?.()).toBeUndefined();
  });

  it('has nothing to compare for a text yaml read itself', () => {
    const parsed = parseYamlFast('k: &anchor text\n', 'f.yaml');
    void parsed.doc;
    expect(parsed.takeMismatch).toBeUndefined();
  });
});
