import { describe, expect, it } from 'vitest';
import { compareDiagnostics, summarise, type Summary } from '../../scripts/report/diagnostic.ts';
import { formatPretty } from '../../scripts/report/pretty.ts';
import { summaryLine } from '../../scripts/report/summary-line.ts';
import { diag, SAMPLE, stripAnsi } from './helpers.ts';

const sorted = [...SAMPLE].sort(compareDiagnostics);
const summary = summarise(SAMPLE, 14);

describe('formatPretty', () => {
  it('groups by file, aligns columns per file, and ends with the summary', () => {
    expect(formatPretty(sorted, summary, { color: false })).toBe(
      [
        'incidents/2024-05-01.yaml',
        '  3:1   warning  severity: expected one of sev1, sev2, sev3  schema-type',
        '  12:5  error    participants[2]: "alcie" is not a person in policy/people.yaml.  reference-exists',
        '                 hint: Did you mean "alice"?',
        '',
        'rotations/primary.yaml',
        '  1:1  note  rotation has not changed in 180 days  stale-rotation',
        '',
        '✖ 1 error, 1 warning, 1 note in 14 files',
        '',
      ].join('\n'),
    );
  });

  it('prints the brief example line exactly when a file has only errors', () => {
    const d = diag({
      file: 'incidents/x.yaml',
      line: 12,
      column: 5,
      ruleId: 'reference-exists',
      message: 'participants[2]: "alcie" is not a person in policy/people.yaml.',
    });
    const lines = formatPretty([d], summarise([d], 1), { color: false }).split('\n');
    expect(lines[1]).toBe(
      '  12:5  error  participants[2]: "alcie" is not a person in policy/people.yaml.  reference-exists',
    );
  });

  it('prints only the summary when there are no findings', () => {
    expect(formatPretty([], summarise([], 14), { color: false })).toBe('✔ 14 files checked, no problems\n');
  });

  it('emits no escape character without colour, and ANSI colours with it', () => {
    const plain = formatPretty(sorted, summary, { color: false });
    const coloured = formatPretty(sorted, summary, { color: true });
    expect(plain).not.toContain('\u001b');
    expect(coloured).toContain('\u001b[31merror'); // red error
    expect(coloured).toContain('\u001b[33mwarning'); // yellow warning
    expect(coloured).toContain('\u001b[36mnote'); // cyan note
    expect(coloured).toContain('\u001b[2mreference-exists\u001b[0m'); // dim rule id
    // Colour is purely decoration: removing it gives the plain output byte for byte.
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('shows control characters and bidi overrides in diagnostic text as visible escapes', () => {
    const d = diag({
      file: 'evil\u001b[2J.yaml',
      message: 'name: "\u001b[31mred\u001b[0m"\nsecond line\u202e',
      ruleId: 'rule\u0007',
      hint: 'tab\there',
    });
    for (const color of [false, true]) {
      const out = formatPretty([d], summarise([d], 1), { color });
      const visible = stripAnsi(out);
      expect(visible).toContain('evil\\u001b[2J.yaml');
      expect(visible).toContain('name: "\\u001b[31mred\\u001b[0m"\\nsecond line\\u202e  ');
      expect(visible).toContain('rule\\u0007');
      expect(visible).toContain('hint: tab\\there');
      // The only raw escapes left are the ones we add for colour, and each line is one finding line.
      expect(visible).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
      expect(out.split('\n')).toHaveLength(6); // file, finding, hint, blank, summary, final newline
    }
  });
});

describe('summaryLine', () => {
  it.each<[Summary, string]>([
    [{ files: 14, errors: 3, warnings: 1, notes: 0 }, '✖ 3 errors, 1 warning in 14 files'],
    [{ files: 14, errors: 0, warnings: 0, notes: 0 }, '✔ 14 files checked, no problems'],
    [{ files: 1, errors: 0, warnings: 0, notes: 0 }, '✔ 1 file checked, no problems'],
    [{ files: 2, errors: 0, warnings: 2, notes: 1 }, '⚠ 2 warnings, 1 note in 2 files'],
    [{ files: 1, errors: 0, warnings: 0, notes: 1 }, 'ℹ 1 note in 1 file'],
    [{ files: 3, errors: 1, warnings: 0, notes: 2 }, '✖ 1 error, 2 notes in 3 files'],
  ])('%j -> %s', (s, expected) => {
    expect(summaryLine(s)).toBe(expected);
  });
});
