import { describe, expect, it } from 'vitest';
import { type Diagnostic, summarise } from '../../scripts/report/diagnostic.ts';
import { formatJson } from '../../scripts/report/json.ts';
import { diag, SAMPLE } from './helpers.ts';

describe('formatJson', () => {
  it('round-trips diagnostics and summary, pretty-printed with a trailing newline', () => {
    const summary = summarise(SAMPLE, 14);
    const out = formatJson(SAMPLE, summary);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "diagnostics": [\n');
    const parsed = JSON.parse(out) as { diagnostics: Diagnostic[]; summary: unknown };
    expect(parsed.diagnostics).toEqual(SAMPLE);
    expect(parsed.summary).toEqual({ files: 14, errors: 1, warnings: 1, notes: 1 });
    expect(Object.keys(parsed)).toEqual(['diagnostics', 'summary']);
  });

  it.each<[string, Diagnostic, string[]]>([
    ['minimal', diag(), ['ruleId', 'severity', 'file', 'line', 'column', 'message']],
    ['with hint', diag({ hint: 'fix it' }), ['ruleId', 'severity', 'file', 'line', 'column', 'message', 'hint']],
    ['with empty hint', diag({ hint: '' }), ['ruleId', 'severity', 'file', 'line', 'column', 'message']],
    [
      'with range',
      diag({ endLine: 2, endColumn: 7 }),
      ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message'],
    ],
    [
      'with only endLine',
      diag({ endLine: 2 }),
      ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'message'],
    ],
    [
      'with everything, built in another key order',
      { hint: 'h', message: 'm', endColumn: 3, endLine: 2, column: 1, line: 1, file: 'f', severity: 'note', ruleId: 'r' },
      ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'hint'],
    ],
  ])('%s: has exactly the expected keys in order', (_name, d, keys) => {
    const [only] = (JSON.parse(formatJson([d], summarise([d], 1))) as { diagnostics: object[] }).diagnostics;
    expect(Object.keys(only ?? {})).toEqual(keys);
  });

  it('never leaks properties outside the Diagnostic shape', () => {
    const extra = { ...diag(), internalNode: { secret: 1 } } as Diagnostic;
    const summary = { ...summarise([extra], 1), debug: true };
    const parsed = JSON.parse(formatJson([extra], summary)) as { diagnostics: object[]; summary: object };
    expect(parsed.diagnostics[0]).not.toHaveProperty('internalNode');
    expect(Object.keys(parsed.summary)).toEqual(['files', 'errors', 'warnings', 'notes']);
  });

  it('keeps control characters inside strings escaped', () => {
    const d = diag({ message: 'a\nb\u001b[31m' });
    const out = formatJson([d], summarise([d], 1));
    expect(out).not.toContain('\u001b');
    expect((JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics[0]?.message).toBe('a\nb\u001b[31m');
  });
});
