import { describe, expect, it } from 'vitest';
import { type Diagnostic, summarise } from '../../scripts/report/diagnostic.ts';
import {
  escapeCommandData,
  escapeCommandProperty,
  formatGithubAnnotations,
  formatGithubSummary,
} from '../../scripts/report/github.ts';
import { diag, type MdNode, nodeTypes, parseGfm, SAMPLE, textOf, walk } from './helpers.ts';

/** Decode a workflow command the way the Actions runner does (ActionCommand.TryParseV2 and its unescapers). */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } {
  expect(line.startsWith('::')).toBe(true);
  const end = line.indexOf('::', 2);
  expect(end).toBeGreaterThan(2);
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const props = space < 0 ? '' : info.slice(space + 1);
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of props ? props.split(',') : []) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command, properties, data: unescapeData(line.slice(end + 2)) };
}

/** How the runner splits a step's output into lines. */
const outputLines = (out: string) => out.replace(/\n$/, '').split(/\r\n|\r|\n/);

describe('formatGithubAnnotations', () => {
  it.each<[string, Diagnostic, string]>([
    ['plain error', diag(), '::error file=a.yaml,line=1,col=2,title=rule::msg'],
    ['warning', diag({ severity: 'warning' }), '::warning file=a.yaml,line=1,col=2,title=rule::msg'],
    ['note becomes notice', diag({ severity: 'note' }), '::notice file=a.yaml,line=1,col=2,title=rule::msg'],
    [
      'range',
      diag({ endLine: 3, endColumn: 4 }),
      '::error file=a.yaml,line=1,col=2,endLine=3,endColumn=4,title=rule::msg',
    ],
    ['hint appended', diag({ hint: 'do this' }), '::error file=a.yaml,line=1,col=2,title=rule::msg Hint: do this'],
    ['percent in data', diag({ message: '100% done, 50%25 left' }), '::error file=a.yaml,line=1,col=2,title=rule::100%25 done, 50%2525 left'],
    ['CRLF in data', diag({ message: 'a\r\nb' }), '::error file=a.yaml,line=1,col=2,title=rule::a%0D%0Ab'],
    ['colon and comma stay in data', diag({ message: 'owner: a, b :: c' }), '::error file=a.yaml,line=1,col=2,title=rule::owner: a, b :: c'],
    [
      'colon, comma, percent and newline in properties',
      diag({ file: 'c:/x,y%/a.yaml', ruleId: 'ns:rule,x\n' }),
      '::error file=c%3A/x%2Cy%25/a.yaml,line=1,col=2,title=ns%3Arule%2Cx%0A::msg',
    ],
    [
      'injection attempt in message',
      diag({ message: 'bad\n::add-mask::secret' }),
      '::error file=a.yaml,line=1,col=2,title=rule::bad%0A::add-mask::secret',
    ],
  ])('%s', (_name, d, expected) => {
    expect(formatGithubAnnotations([d])).toBe(expected + '\n');
  });

  it('returns an empty string when there are no findings', () => {
    expect(formatGithubAnnotations([])).toBe('');
  });

  const hostile = [
    'bad\n::add-mask::secret',
    'x\r::set-output name=a::b',
    '\n\n::stop-commands::tok\n::error::forged',
    '%0A::warning::pre-escaped',
    'ok\r\n  ::debug::leading spaces are trimmed by the runner',
    '::notice::',
  ];

  it('never lets diagnostic text start another workflow command', () => {
    const diagnostics = hostile.flatMap((text, i) => [
      diag({ message: text, line: i + 1 }),
      diag({ severity: 'warning', file: text, ruleId: text, hint: text }),
    ]);
    const lines = outputLines(formatGithubAnnotations(diagnostics));
    expect(lines).toHaveLength(diagnostics.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=/);
  });

  it('is lossless: the runner decodes exactly the original text', () => {
    for (const text of hostile) {
      const d = diag({ file: `dir,${text}.yaml`, ruleId: `r:${text}`, message: text, hint: text });
      const [line = ''] = outputLines(formatGithubAnnotations([d]));
      const parsed = parseCommand(line);
      expect(parsed.command).toBe('error');
      expect(parsed.properties).toEqual({ file: d.file, line: '1', col: '2', title: d.ruleId });
      expect(parsed.data).toBe(`${text} Hint: ${text}`);
    }
  });

  it.each([
    ['50%', '50%25', '50%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['k:v,w', 'k:v,w', 'k%3Av%2Cw'],
    ['%3A', '%253A', '%253A'],
  ])('escapes %j as data %j and as a property %j', (input, data, property) => {
    expect(escapeCommandData(input)).toBe(data);
    expect(escapeCommandProperty(input)).toBe(property);
  });
});

/** The single table in a summary, checked to be well formed: every row has the header's cell count. */
function summaryTable(markdown: string): MdNode[][] {
  const root = parseGfm(markdown);
  const tables: MdNode[] = [];
  walk(root, (n) => {
    if (n.type === 'table') tables.push(n);
  });
  expect(tables).toHaveLength(1);
  const rows = (tables[0]?.children ?? []).map((row) => row.children ?? []);
  for (const row of rows) expect(row).toHaveLength(5);
  return rows;
}

describe('formatGithubSummary', () => {
  it('has a heading, the result line and one table row per finding', () => {
    const out = formatGithubSummary(SAMPLE, summarise(SAMPLE, 14));
    expect(out.startsWith('## oncall-as-code\n\n✖ 1 error, 1 warning, 1 note in 14 files\n\n|')).toBe(true);
    const rows = summaryTable(out);
    expect(rows.map((row) => row.map(textOf))).toEqual([
      ['Location', 'Severity', 'Rule', 'Message', 'Hint'],
      ['rotations/primary.yaml:1', 'note', 'stale-rotation', 'rotation has not changed in 180 days', ''],
      [
        'incidents/2024-05-01.yaml:12',
        'error',
        'reference-exists',
        'participants[2]: "alcie" is not a person in policy/people.yaml.',
        'Did you mean "alice"?',
      ],
      ['incidents/2024-05-01.yaml:3', 'warning', 'schema-type', 'severity: expected one of sev1, sev2, sev3', ''],
    ]);
  });

  it('has no table when there are no findings', () => {
    expect(formatGithubSummary([], summarise([], 3))).toBe('## oncall-as-code\n\n✔ 3 files checked, no problems\n');
  });

  it('keeps hostile text inside its cell, as plain text', () => {
    const nasty: Diagnostic[] = [
      diag({ message: 'a | b | c', hint: '|' }),
      diag({ message: 'line one\nline two\r\n| x | y | z | w | v | u |', hint: 'x\n\n# heading' }),
      diag({ message: '<script>alert(1)</script>', hint: '<img src=x onerror=alert(1)>' }),
      diag({ message: '`code` ``x`` *em* __strong__ ~~del~~', hint: '[click](javascript:alert(1)) ![i](x)' }),
      diag({ file: 'dir|x/<b>.yaml', ruleId: 'r|`x`', message: 'ends with backslash \\', hint: '\\|' }),
      diag({ message: '&lt;already&gt; &amp;', hint: '<!-- comment -->' }),
    ];
    const out = formatGithubSummary(nasty, summarise(nasty, 1));
    const rows = summaryTable(out);
    expect(rows).toHaveLength(nasty.length + 1);

    expect(nodeTypes(parseGfm(out)).has('html')).toBe(false);
    // Inside the table there is nothing but rows, cells and plain text: no code, emphasis, links...
    const root = parseGfm(out);
    const table = root.children?.find((n) => n.type === 'table');
    expect([...nodeTypes(table ?? { type: 'missing' })].sort()).toEqual(['table', 'tableCell', 'tableRow', 'text']);
    // And the reader sees the original text (line breaks as spaces).
    const flat = (s: string) => s.replace(/\r\n|\n/g, ' ');
    nasty.forEach((d, i) => {
      const cells = (rows[i + 1] ?? []).map(textOf);
      expect(cells).toEqual([`${d.file}:${d.line}`, d.severity, d.ruleId, flat(d.message), flat(d.hint ?? '')]);
    });
  });

  it('lists at most 1000 findings and says how many were left out', () => {
    const many = Array.from({ length: 1005 }, (_, i) => diag({ line: i + 1 }));
    const out = formatGithubSummary(many, summarise(many, 1));
    expect(summaryTable(out)).toHaveLength(1001);
    expect(out).toContain('Showing the first 1000 of 1005 findings; 5 more were left out');
  });

  it('stays under the byte limit even when every message is huge and expands when escaped', () => {
    const huge = Array.from({ length: 1000 }, (_, i) => diag({ line: i + 1, message: '&'.repeat(50_000), hint: '<'.repeat(50_000) }));
    const out = formatGithubSummary(huge, summarise(huge, 1));
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(1024 * 1024);
    const rows = summaryTable(out);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(1001);
    expect(out).toMatch(/Showing the first \d+ of 1000 findings; \d+ more were left out/);
    // Long cells are cut, visibly, on a code point boundary.
    expect(textOf(rows[1]?.[3] ?? { type: 'x' })).toBe('&'.repeat(999) + '…');
  });

  it('honours smaller limits', () => {
    const some = Array.from({ length: 10 }, (_, i) => diag({ line: i + 1, message: '😀'.repeat(20) }));
    const out = formatGithubSummary(some, summarise(some, 1), { maxRows: 3, maxCellLength: 5 });
    const rows = summaryTable(out);
    expect(rows).toHaveLength(4);
    expect(textOf(rows[1]?.[3] ?? { type: 'x' })).toBe('😀😀😀😀…');
    expect(out).toContain('Showing the first 3 of 10 findings; 7 more were left out');

    const tight = formatGithubSummary(some, summarise(some, 1), { maxBytes: 1200 });
    expect(Buffer.byteLength(tight)).toBeLessThanOrEqual(1200);
  });
});
