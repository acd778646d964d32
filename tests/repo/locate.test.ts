import { describe, expect, it } from 'vitest';
import { diagnosticAt, locate, sourceTextAt } from '../../scripts/repo/locate.ts';
import type { DocPath, LocateTarget } from '../../scripts/repo/locate.ts';
import { parseYaml } from '../../scripts/repo/parse-yaml.ts';

const ROTATION = [
  '# A rotation', //                        1
  'id: platform-primary', //                2
  'timezone: Europe/Berlin', //             3
  'tiers:', //                              4
  '  - name: first', //                     5
  '    participants: [alice, bob, carol]', // 6
  '  - name: second', //                    7
  '    participants:', //                   8
  '      - dave', //                        9
  '      - erin', //                        10
  'escalation:', //                         11
  '  after: 15m', //                        12
  'handover:', //                           13
  'notes: "multi', //                       14
  '  line"', //                             15
  '',
].join('\n');

describe('locate', () => {
  const parsed = parseYaml(ROTATION, 'rotations/platform.yaml');

  const cases: { name: string; path: DocPath; target?: LocateTarget; expected: { line: number; column: number; endLine: number; endColumn: number } }[] = [
    { name: 'top-level scalar value', path: ['timezone'], expected: { line: 3, column: 11, endLine: 3, endColumn: 24 } },
    { name: 'top-level key', path: ['timezone'], target: 'key', expected: { line: 3, column: 1, endLine: 3, endColumn: 9 } },
    { name: 'item in a flow list', path: ['tiers', 0, 'participants', 2], expected: { line: 6, column: 32, endLine: 6, endColumn: 37 } },
    { name: 'item in a block list', path: ['tiers', 1, 'participants', 1], expected: { line: 10, column: 9, endLine: 10, endColumn: 13 } },
    { name: 'list item given by a numeric string', path: ['tiers', '1', 'participants', '0'], expected: { line: 9, column: 9, endLine: 9, endColumn: 13 } },
    { name: 'key inside a list item', path: ['tiers', 1, 'name'], target: 'key', expected: { line: 7, column: 5, endLine: 7, endColumn: 9 } },
    { name: 'list item has no key: key target gives the item', path: ['tiers', 1, 'participants', 0], target: 'key', expected: { line: 9, column: 9, endLine: 9, endColumn: 13 } },
    { name: 'collection value spans its lines', path: ['tiers', 1, 'participants'], expected: { line: 9, column: 7, endLine: 10, endColumn: 13 } },
    { name: 'empty value points at its key', path: ['handover'], expected: { line: 13, column: 1, endLine: 13, endColumn: 9 } },
    { name: 'multi-line string', path: ['notes'], expected: { line: 14, column: 8, endLine: 15, endColumn: 8 } },
    { name: 'missing property of a keyed mapping: the mapping key', path: ['escalation', 'repeat'], expected: { line: 11, column: 1, endLine: 11, endColumn: 11 } },
    { name: 'missing property of a list item: the item, first line only', path: ['tiers', 0, 'wait'], expected: { line: 5, column: 5, endLine: 5, endColumn: 16 } },
    { name: 'missing top-level property: the root mapping, first line only', path: ['owner'], expected: { line: 2, column: 1, endLine: 2, endColumn: 21 } },
    { name: 'deeper missing path: closest existing ancestor', path: ['escalation', 'policy', 'steps', 3], expected: { line: 11, column: 1, endLine: 11, endColumn: 11 } },
    { name: 'index out of range: the list itself', path: ['tiers', 0, 'participants', 9], expected: { line: 6, column: 19, endLine: 6, endColumn: 38 } },
    { name: 'path through a scalar: that scalar', path: ['timezone', 'x'], expected: { line: 3, column: 11, endLine: 3, endColumn: 24 } },
    { name: 'empty path', path: [], expected: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
  ];

  it.each(cases)('$name', ({ path, target, expected }) => {
    expect(locate(parsed, path, target)).toEqual(expected);
  });

  it('adds lineOffset to every line', () => {
    const fm = parseYaml('incident: INC-1\nauthors: [alice]\n', 'docs/pm.md', { lineOffset: 1 });
    expect(locate(fm, ['authors', 0])).toEqual({ line: 3, column: 11, endLine: 3, endColumn: 16 });
    expect(locate(fm, [])).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 1 });
  });

  it('gives line 1 column 1 for an unparsable document', () => {
    const broken = { ...parseYaml('a: [1\n', 'f.yaml'), doc: null };
    expect(locate(broken, ['a', 0])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });

  it('gives line 1 column 1 for an empty document', () => {
    expect(locate(parseYaml('', 'f.yaml'), ['a'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });

  it('counts CRLF lines correctly', () => {
    const crlf = parseYaml('a: 1\r\nlist:\r\n  - x\r\n  - yy\r\n', 'f.yaml');
    expect(locate(crlf, ['list', 1])).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 7 });
  });

  it('follows aliases to their anchor', () => {
    const aliased = parseYaml('defaults: &d\n  tz: UTC\nteam:\n  settings: *d\n', 'f.yaml');
    expect(locate(aliased, ['team', 'settings', 'tz'])).toEqual({ line: 2, column: 7, endLine: 2, endColumn: 10 });
    expect(locate(aliased, ['team', 'settings'])).toMatchObject({ line: 4, column: 13 });
  });

  it('finds keys that are not plain strings in YAML (numbers, quoted, odd characters)', () => {
    const odd = parseYaml('1: one\n"a/b": slash\n"__proto__": p\n', 'f.yaml');
    expect(locate(odd, ['1'], 'key')).toMatchObject({ line: 1, column: 1 });
    expect(locate(odd, ['a/b'], 'key')).toMatchObject({ line: 2, column: 1, endColumn: 6 });
    expect(locate(odd, ['__proto__'], 'key')).toMatchObject({ line: 3, column: 1 });
  });
});

describe('diagnosticAt', () => {
  const parsed = parseYaml(ROTATION, 'rotations/platform.yaml');

  it('builds a full diagnostic', () => {
    expect(
      diagnosticAt(parsed, ['tiers', 0, 'participants', 2], {
        ruleId: 'reference-exists',
        severity: 'error',
        message: 'tiers[0].participants[2]: "carol" is not a person in policy/people.yaml.',
        hint: 'Did you mean "carl"?',
      }),
    ).toEqual({
      ruleId: 'reference-exists',
      severity: 'error',
      file: 'rotations/platform.yaml',
      line: 6,
      column: 32,
      endLine: 6,
      endColumn: 37,
      message: 'tiers[0].participants[2]: "carol" is not a person in policy/people.yaml.',
      hint: 'Did you mean "carl"?',
    });
  });

  it('omits the hint when there is none, and honours the key target', () => {
    const d = diagnosticAt(parsed, ['timezone'], { ruleId: 'x', severity: 'warning', message: 'm.' }, 'key');
    expect('hint' in d).toBe(false);
    expect(d).toMatchObject({ line: 3, column: 1, severity: 'warning' });
  });
});

describe('sourceTextAt', () => {
  it('returns the value as written', () => {
    const parsed = parseYaml('start: 0900\nname: "x"\n', 'f.yaml');
    expect(sourceTextAt(parsed, ['start'])).toBe('0900');
    expect(sourceTextAt(parsed, ['name'])).toBe('"x"');
    expect(sourceTextAt(parsed, ['missing'])).toBeUndefined();
  });
});
