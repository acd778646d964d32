import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../scripts/repo/parse-yaml.ts';
import { splitFrontMatter } from '../../scripts/repo/front-matter.ts';

interface Expected {
  ruleId: string;
  line: number;
  column: number;
  severity?: string;
  message?: RegExp;
  hint?: RegExp;
}

const pick = (d: { ruleId: string; line: number; column: number }) => ({ ruleId: d.ruleId, line: d.line, column: d.column });

describe('parseYaml: problems', () => {
  const cases: { name: string; text: string; lineOffset?: number; expected: Expected[] }[] = [
    {
      name: 'unclosed flow sequence, reported where the bracket opens',
      text: 'a: 1\nb: [1, 2\nc: 3\n',
      expected: [{ ruleId: 'yaml-syntax', line: 2, column: 4, message: /YAML syntax error/ }],
    },
    {
      name: 'syntax error (nested mapping on one line)',
      text: 'name: x\nkey: a: b\n',
      expected: [{ ruleId: 'yaml-syntax', line: 2, column: 6, hint: /own indented lines/ }],
    },
    {
      name: 'unclosed quote, reported where the quote opens',
      text: "a: 'open\n",
      expected: [{ ruleId: 'yaml-syntax', line: 1, column: 4, hint: /quote/ }],
    },
    {
      name: 'tab indentation',
      text: 'team:\n\tname: x\n',
      expected: [{ ruleId: 'yaml-tab', line: 2, column: 1, message: /tab/i, hint: /spaces/ }],
    },
    {
      name: 'tab after spaces in a nested mapping',
      text: 'a:\n  b: 1\n\t c: 2\n',
      expected: [{ ruleId: 'yaml-tab', line: 3, column: 1, hint: /spaces/ }],
    },
    {
      name: 'duplicate key',
      text: 'id: a\nname: x\nid: b\n',
      expected: [{ ruleId: 'yaml-duplicate-key', line: 3, column: 1, message: /"id".*first on line 1/ }],
    },
    {
      name: 'duplicate key in a nested mapping',
      text: 'tiers:\n  - name: a\n    wait: 5m\n    name: b\n',
      expected: [{ ruleId: 'yaml-duplicate-key', line: 4, column: 5, message: /"name".*first on line 2/ }],
    },
    {
      name: 'multiple documents',
      text: 'a: 1\n---\nb: 2\n',
      expected: [{ ruleId: 'yaml-multiple-documents', line: 2, column: 1, hint: /single document/ }],
    },
    {
      name: 'multiple documents, each with a start marker',
      text: '---\na: 1\n---\nb: 2\n',
      expected: [{ ruleId: 'yaml-multiple-documents', line: 3, column: 1 }],
    },
    { name: 'empty file', text: '', expected: [{ ruleId: 'file-empty', line: 1, column: 1, message: /no data/ }] },
    { name: 'whitespace only', text: '\n  \n', expected: [{ ruleId: 'file-empty', line: 1, column: 1 }] },
    { name: 'comments only', text: '# nothing here\n# yet\n', expected: [{ ruleId: 'file-empty', line: 1, column: 1 }] },
    { name: 'document marker only', text: '---\n# todo\n', expected: [{ ruleId: 'file-empty', line: 1, column: 1 }] },
    {
      name: 'CRLF line endings keep line numbers right',
      text: 'a: 1\r\nb: 2\r\na: 3\r\n',
      expected: [{ ruleId: 'yaml-duplicate-key', line: 3, column: 1 }],
    },
    {
      name: 'unresolved alias',
      text: 'a: 1\nb: *nowhere\n',
      expected: [{ ruleId: 'yaml-syntax', line: 2, column: 4, message: /"\*nowhere".*not defined/ }],
    },
    {
      name: 'unknown tag is a warning, not an error',
      text: 'a: !custom x\n',
      expected: [{ ruleId: 'yaml-syntax', line: 1, column: 4, severity: 'warning', hint: /Remove the tag/ }],
    },
    {
      name: 'lineOffset shifts every line',
      text: 'id: a\nid: b\n',
      lineOffset: 1,
      expected: [{ ruleId: 'yaml-duplicate-key', line: 3, column: 1 }],
    },
  ];

  it.each(cases)('$name', ({ text, lineOffset, expected }) => {
    const parsed = parseYaml(text, 'policy/x.yaml', lineOffset === undefined ? undefined : { lineOffset });
    expect(parsed.diagnostics.map(pick)).toEqual(expected.map(pick));
    parsed.diagnostics.forEach((d, i) => {
      const e = expected[i]!;
      expect(d.file).toBe('policy/x.yaml');
      expect(d.severity).toBe(e.severity ?? 'error');
      if (e.message) expect(d.message).toMatch(e.message);
      if (e.hint) expect(d.hint).toMatch(e.hint);
    });
    if (expected.some((e) => (e.severity ?? 'error') === 'error')) expect(parsed.value).toBeNull();
  });

  it('reports a cascade of syntax errors at most once per line and at most 20 times', () => {
    const parsed = parseYaml('['.repeat(5000), 'f.yaml');
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parsed.diagnostics.length).toBeLessThanOrEqual(20);
    expect(parsed.value).toBeNull();
  });
});

describe('parseYaml: alias bombs', () => {
  const billionLaughs = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
    'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    '',
  ].join('\n');

  it('stops a billion-laughs document quickly with one yaml-alias-limit at the first alias', () => {
    const started = performance.now();
    const parsed = parseYaml(billionLaughs, 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parsed.diagnostics.map(pick)).toEqual([{ ruleId: 'yaml-alias-limit', line: 2, column: 8 }]);
    expect(parsed.diagnostics[0]!.message).toMatch(/alias bomb/);
    expect(parsed.value).toBeNull();
  });

  it('accepts ordinary anchors and aliases', () => {
    const parsed = parseYaml('base: &b {tz: UTC}\nx: *b\ny: *b\n', 'f.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.value).toEqual({ base: { tz: 'UTC' }, x: { tz: 'UTC' }, y: { tz: 'UTC' } });
  });

  it('limits even flat reuse: the yaml library counts the anchor too, so 100 aliases of one anchor are refused', () => {
    const many = (n: number) => `a: &a x\nlist: [${Array.from({ length: n }, () => '*a').join(', ')}]\n`;
    expect(parseYaml(many(99), 'f.yaml').diagnostics).toEqual([]);
    expect(parseYaml(many(100), 'f.yaml').diagnostics.map(pick)).toEqual([{ ruleId: 'yaml-alias-limit', line: 2, column: 8 }]);
  });
});

describe('parseYaml: values', () => {
  it('uses the YAML 1.2 core schema: no/on/yes and 09:00 stay text, dates stay strings', () => {
    const parsed = parseYaml('a: no\nb: on\nc: yes\nd: 09:00\ne: 2026-10-14\nf: 2026-10-14T08:12:00\ng: 0900\nh: true\n', 'f.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.value).toEqual({ a: 'no', b: 'on', c: 'yes', d: '09:00', e: '2026-10-14', f: '2026-10-14T08:12:00', g: 900, h: true });
  });

  it('does not turn YAML 1.1 tags into Date or Set objects', () => {
    const parsed = parseYaml('a: !!timestamp 2026-10-14\nb: !!set {x}\n', 'f.yaml');
    const value = parsed.value as Record<string, unknown>;
    expect(value.a).toBe('2026-10-14');
    expect(value.b).not.toBeInstanceOf(Set);
    expect(parsed.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('accepts CRLF and keeps positions for later lookups', () => {
    const parsed = parseYaml('a: 1\r\nb:\r\n  - x\r\n', 'f.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.value).toEqual({ a: 1, b: ['x'] });
    expect(parsed.lineCounter.linePos(parsed.text.indexOf('x'))).toEqual({ line: 3, col: 5 });
  });

  it('tolerates a BOM left in the text', () => {
    const parsed = parseYaml('\uFEFFa: 1\n', 'f.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.value).toEqual({ a: 1 });
  });

  it('returns the document and line counter alongside the value', () => {
    const parsed = parseYaml('a: 1\n', 'policy/x.yaml', { lineOffset: 4 });
    expect(parsed.file).toBe('policy/x.yaml');
    expect(parsed.text).toBe('a: 1\n');
    expect(parsed.doc).not.toBeNull();
    expect(parsed.lineOffset).toBe(4);
  });

  it('never throws on deeply nested input', () => {
    expect(() => parseYaml('- '.repeat(20_000) + 'x', 'f.yaml')).not.toThrow();
  });
});

describe('parseYaml: prototype safety', () => {
  const cases = [
    { name: '__proto__ in a block mapping', text: '__proto__: {polluted: true}\nname: x\n', key: '__proto__' },
    { name: '__proto__ in a flow mapping', text: '{__proto__: {polluted: true}, name: x}\n', key: '__proto__' },
    { name: 'quoted "__proto__"', text: '"__proto__":\n  polluted: true\nname: x\n', key: '__proto__' },
    { name: 'constructor', text: 'constructor: {prototype: {polluted: true}}\nname: x\n', key: 'constructor' },
    { name: 'prototype', text: 'prototype: {polluted: true}\nname: x\n', key: 'prototype' },
  ];

  it.each(cases)('$name: no pollution, key kept as an own property', ({ text, key }) => {
    const parsed = parseYaml(text, 'f.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const result = parsed.value as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(result, key)).toBe(true);
    expect(Object.keys(result)).toContain(key);
    expect(result.name).toBe('x');
  });

  it('a nested __proto__ does not change the nested object either', () => {
    const parsed = parseYaml('outer:\n  __proto__:\n    polluted: true\n', 'f.yaml');
    const outer = (parsed.value as { outer: Record<string, unknown> }).outer;
    expect(Object.getPrototypeOf(outer)).toBe(Object.prototype);
    expect(Object.keys(outer)).toEqual(['__proto__']);
    expect(outer.polluted).toBeUndefined();
  });
});

describe('parseYaml on front matter', () => {
  it('reports an error in front matter at the Markdown file line', () => {
    const md = '---\nincident: INC-1\ntitle: x\ntitle: y\n---\n# Body\n';
    const split = splitFrontMatter(md);
    const parsed = parseYaml(split.frontMatter!, 'docs/pm.md', { lineOffset: split.frontMatterStartLine - 1 });
    expect(parsed.diagnostics.map(pick)).toEqual([{ ruleId: 'yaml-duplicate-key', line: 4, column: 1 }]);
    expect(parsed.diagnostics[0]!.message).toMatch(/first on line 3/);
  });

  it('reports tab indentation in CRLF front matter at the file line', () => {
    const md = '---\r\nincident: INC-1\r\nauthors:\r\n\t- alice\r\n---\r\nBody\r\n';
    const split = splitFrontMatter(md);
    const parsed = parseYaml(split.frontMatter!, 'docs/pm.md', { lineOffset: split.frontMatterStartLine - 1 });
    expect(parsed.diagnostics.map(pick)).toEqual([{ ruleId: 'yaml-tab', line: 4, column: 1 }]);
  });

  it('empty front matter is file-empty at the first front-matter line', () => {
    const split = splitFrontMatter('---\n---\nBody\n');
    const parsed = parseYaml(split.frontMatter!, 'docs/pm.md', { lineOffset: split.frontMatterStartLine - 1 });
    expect(parsed.diagnostics.map(pick)).toEqual([{ ruleId: 'file-empty', line: 2, column: 1 }]);
  });
});
