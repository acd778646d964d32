/**
 * Hostile files, each given to every command: a 50 MB file, nesting 10,000 levels deep (block and
 * flow), an alias bomb, NUL bytes, invalid UTF-8, links pointing outside the repository, file names
 * with spaces and non-ASCII letters, 3,000 records in one folder, and prototype keys. Every command
 * must end with exit 0, 1 or 2, a clear message and no stack trace, point only into files that
 * exist, write nothing outside its output, and leave Object.prototype as it was.
 *
 * Memory is bounded by construction, and shown so: no command reads a file over the size limit
 * whole (every readFile call is recorded), and the suite's own timeout bounds the time.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MARKDOWN_MARKER } from '../../scripts/docs/marker.ts';
import { buildModel } from '../../scripts/check/build-model.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { parseYaml } from '../../scripts/repo/parse-yaml.ts';
import { TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';
import type { CliResult } from '../support/cli.ts';
import { isDocsOutput, isValidateCache, namedFileDiagnostics, prettyStderrDiagnostics, runProblems, validateJsonDiagnostics, type CommandUnderTest } from './harness.ts';
import { prototypeChanges, prototypeSnapshot, runCommand, snapshotTree } from './support.ts';

/** Every path `readFile` was asked for, to show that oversized files are never read whole. */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((path: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
    reads.push(String(path));
    return (actual.readFile as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof actual.readFile;
  return { ...actual, readFile, default: { ...actual, readFile } };
});

const FIFTY_MB = 50 * 1024 * 1024;

/** `size` bytes of `line` repeated: a big file that is plausible YAML or Markdown all the way through. */
function repeated(line: string, size = FIFTY_MB): Buffer {
  const unit = Buffer.from(line);
  const out = Buffer.alloc(size, ' ');
  for (let at = 0; at + unit.length <= size; at += unit.length) unit.copy(out, at);
  return out;
}

const COMMANDS: readonly CommandUnderTest[] = [
  { name: 'validate', args: (repo) => ['validate', '--root', repo.root, '--format', 'json', '--now', TEST_NOW], mayWrite: isValidateCache, diagnostics: validateJsonDiagnostics, focus: [] },
  { name: 'docs', args: (repo) => ['docs', '--root', repo.root, '--now', TEST_NOW], mayWrite: isDocsOutput, diagnostics: namedFileDiagnostics, focus: [] },
  { name: 'now', args: (repo) => ['now', '--root', repo.root, '--now', TEST_NOW, '--tz', 'UTC'], diagnostics: (r) => prettyStderrDiagnostics(r), focus: [] },
  { name: 'schedule', args: (repo) => ['schedule', '--root', repo.root, '--now', TEST_NOW, '--format', 'json'], diagnostics: (r) => prettyStderrDiagnostics(r, true), focus: [] },
  { name: 'calendar', args: (repo) => ['calendar', '--root', repo.root, '--now', TEST_NOW, '--out', repo.path('calendars')], mayWrite: (p) => p.startsWith('calendars/'), diagnostics: (r) => prettyStderrDiagnostics(r), focus: [] },
  { name: 'report', args: (repo) => ['report', '--root', repo.root, '--now', TEST_NOW, '--month', '2026-10'], diagnostics: namedFileDiagnostics, focus: [] },
  { name: 'status', args: (repo) => ['status', '--root', repo.root, '--now', TEST_NOW], diagnostics: namedFileDiagnostics, focus: [] },
];

interface HostileCase {
  name: string;
  /** Breaks a fresh copy of the fixture organisation; `outside` is a folder outside the repository. */
  make: (repo: TempRepo, outside: string) => void;
  /** What `validate --format json` must report (rule id and file; line 1 unless given). */
  validate: { ruleId: string; file: string; line?: number; message?: string }[];
  /** Paths no command may read whole (relative to the repository). */
  neverRead?: string[];
}

const deepBlock = '- '.repeat(10_000) + 'deep\n';
const deepFlow = `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
/** Nine levels of nine aliases each: 9^9 copies if expanded. */
const aliasBomb = [
  'bomb:',
  '  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...'bcdefghi'.split('').map((name, i) => `  - &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  '',
].join('\n');

const CASES: HostileCase[] = [
  {
    name: 'a 50 MB policy file and a 50 MB post-mortem',
    make: (repo) => {
      repo.write('policy/raci.yaml', repeated('- row: { step: x, responsible: [a], accountable: b }\n'));
      repo.write('docs/incidents/2026-11-19-huge.md', repeated('The same sentence, over and over.\n'));
    },
    validate: [
      { ruleId: 'file-too-large', file: 'docs/incidents/2026-11-19-huge.md', message: 'The file is 50 MB, over the limit of 1 MB.' },
      { ruleId: 'file-too-large', file: 'policy/raci.yaml', message: 'The file is 50 MB, over the limit of 1 MB.' },
    ],
    neverRead: ['policy/raci.yaml', 'docs/incidents/2026-11-19-huge.md'],
  },
  {
    name: '50 MB files where the generated pages and calendars go',
    make: (repo) => {
      repo.write('docs/people.md', repeated('# My own notes about people\n'));
      repo.write('docs/notes/big.md', repeated(`${MARKDOWN_MARKER}\n`));
      repo.write('calendars/rotations/ingestion.ics', repeated('BEGIN:VEVENT\r\n'));
    },
    validate: [],
    neverRead: ['docs/people.md', 'docs/notes/big.md', 'calendars/rotations/ingestion.ics'],
  },
  {
    name: 'block sequences nested 10,000 deep',
    make: (repo) => repo.write('rotations/deep.yaml', deepBlock),
    validate: [{ ruleId: 'yaml-syntax', file: 'rotations/deep.yaml', message: 'Blocks are nested too deeply here' }],
  },
  {
    name: 'block mappings nested 1,400 deep (as deep as fits in 1 MB)',
    make: (repo) => repo.write('incidents/2026/2026-11-19-deep.yaml', Array.from({ length: 1_400 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' leaf\n'),
    validate: [{ ruleId: 'yaml-syntax', file: 'incidents/2026/2026-11-19-deep.yaml', line: 258, message: 'Blocks are nested too deeply here' }],
  },
  {
    name: 'flow sequences nested 10,000 deep',
    make: (repo) => repo.write('signoffs/2026/2026-11-19-deep.yaml', `id: ${deepFlow}`),
    validate: [{ ruleId: 'yaml-syntax', file: 'signoffs/2026/2026-11-19-deep.yaml', message: 'Brackets are nested too deeply here' }],
  },
  {
    name: 'an alias bomb',
    make: (repo) => repo.write('policy/organisation.yaml', repo.read('policy/organisation.yaml') + aliasBomb),
    validate: [{ ruleId: 'yaml-alias-limit', file: 'policy/organisation.yaml', line: 96, message: 'this looks like an alias bomb' }],
  },
  {
    name: 'NUL bytes in a rotation',
    make: (repo) => repo.write('rotations/ingestion.yaml', repo.read('rotations/ingestion.yaml').replace('name:', 'na\0me:')),
    validate: [{ ruleId: 'file-encoding', file: 'rotations/ingestion.yaml', line: 4, message: 'NUL byte' }],
  },
  {
    name: 'invalid UTF-8 in the people file',
    make: (repo) => {
      const bytes = Buffer.from(repo.read('policy/people.yaml'));
      bytes[bytes.indexOf('name: ') + 7] = 0xff;
      repo.write('policy/people.yaml', bytes);
    },
    validate: [{ ruleId: 'file-encoding', file: 'policy/people.yaml', line: 6, message: 'not valid UTF-8: byte 0xff' }],
  },
  {
    name: 'links to files and folders outside the repository',
    make: (repo, outside) => {
      writeFileSync(join(outside, 'rotation.yaml'), 'id: [not followed\n');
      mkdirSync(join(outside, 'year'));
      writeFileSync(join(outside, 'year', '2027-01-01-elsewhere.yaml'), 'id: 2027-01-01-elsewhere\n');
      writeFileSync(join(outside, 'page.md'), `${MARKDOWN_MARKER}\nSomeone else's page.\n`);
      symlinkSync(join(outside, 'rotation.yaml'), repo.path('rotations/elsewhere.yaml'));
      symlinkSync(join(outside, 'year'), repo.path('incidents/2027'));
      symlinkSync(outside, repo.path('docs/policy'));
    },
    validate: [
      { ruleId: 'file-symlink', file: 'incidents/2027', message: 'links are not followed' },
      { ruleId: 'file-symlink', file: 'rotations/elsewhere.yaml', message: 'links are not followed' },
    ],
  },
  {
    name: 'file names with spaces and non-ASCII letters',
    make: (repo) => {
      repo.write('incidents/2026/2026-11-19 ünïcødé outage.yaml', repo.read('incidents/2026/2026-11-18-ingestion-log-warning.yaml'));
      repo.write('docs/incidents/post mortem – 2026.md', repo.read('docs/incidents/2026-10-14-ingestion-error-rate.md'));
      repo.write('policy/people extra.yaml', 'people: []\n');
    },
    validate: [
      { ruleId: 'file-name-matches-id', file: 'incidents/2026/2026-11-19 ünïcødé outage.yaml', line: 2 },
      { ruleId: 'file-name-matches-id', file: 'docs/incidents/post mortem – 2026.md', line: 2 },
      { ruleId: 'unknown-file', file: 'policy/people extra.yaml' },
    ],
  },
  {
    name: '__proto__, constructor and prototype keys in every kind of file',
    make: (repo) => {
      const keys = '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nprototype: { polluted: true }\n';
      repo.write('policy/organisation.yaml', repo.read('policy/organisation.yaml') + keys);
      repo.write('rotations/ingestion.yaml', repo.read('rotations/ingestion.yaml') + keys);
      repo.write('signoffs/2026/2026-11-02-ingestion-ga.yaml', repo.read('signoffs/2026/2026-11-02-ingestion-ga.yaml') + keys);
      repo.write('incidents/2026/2026-11-18-ingestion-log-warning.yaml', repo.read('incidents/2026/2026-11-18-ingestion-log-warning.yaml') + keys);
      const pm = 'docs/incidents/2026-10-14-ingestion-error-rate.md';
      repo.write(pm, repo.read(pm).replace('\n---\n', `\n${keys}---\n`));
    },
    validate: ['policy/organisation.yaml', 'rotations/ingestion.yaml', 'signoffs/2026/2026-11-02-ingestion-ga.yaml', 'incidents/2026/2026-11-18-ingestion-log-warning.yaml', 'docs/incidents/2026-10-14-ingestion-error-rate.md'].flatMap((file) =>
      ['__proto__', 'constructor', 'prototype'].map((key) => ({ ruleId: 'schema-unknown-field', file, line: 0, message: `unknown field "${key}"` })),
    ),
  },
];

describe.each(CASES)('$name', (hostile) => {
  let repo: TempRepo;
  let outside: string;
  beforeAll(() => {
    repo = tempRepo();
    outside = mkdtempSync(join(tmpdir(), 'oncall-hostile-outside-'));
    hostile.make(repo, outside);
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it.each(COMMANDS)('$name: exit 0, 1 or 2, a clear message, nothing written outside its output', async (command) => {
    reads.length = 0;
    const prototypes = prototypeSnapshot();
    const before = snapshotTree(repo.root);
    const outsideBefore = snapshotTree(outside);
    const result = (await runCommand(command.args(repo, outside), { cwd: repo.root })) as CliResult & { escaped?: unknown };
    const after = snapshotTree(repo.root);
    expect(runProblems(command, result, before, after, outside), `stderr: ${result.stderr.slice(0, 2000)}`).toEqual([]);
    expect(snapshotTree(outside), 'the folder outside the repository').toEqual(outsideBefore);
    expect(prototypeChanges(prototypes, prototypeSnapshot())).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const path of hostile.neverRead ?? []) expect(reads, `${path} was read whole`).not.toContain(repo.path(path));
  });

  it('validate names each problem at its file (and line)', async () => {
    const result = await runCommand(COMMANDS[0]!.args(repo, outside), { cwd: repo.root });
    const report = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string; line: number; message: string }[] };
    for (const expected of hostile.validate) {
      const match = report.diagnostics.find(
        (d) => d.ruleId === expected.ruleId && d.file === expected.file && (expected.line === 0 || d.line === (expected.line ?? 1)) && d.message.includes(expected.message ?? ''),
      );
      expect(match, `${expected.ruleId} ${expected.file}:${expected.line ?? 1} "${expected.message ?? ''}" in\n${report.diagnostics.map((d) => `${d.ruleId} ${d.file}:${d.line} ${d.message}`).join('\n')}`).toBeDefined();
    }
    expect(result.code).toBe(hostile.validate.length > 0 ? 1 : 0);
  });
});

describe('3,000 incident records in one folder', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo();
    const template = repo.read('incidents/2026/2026-11-18-ingestion-log-warning.yaml');
    for (let i = 0; i < 3_000; i++) {
      const id = `2026-11-19-bulk-${String(i).padStart(4, '0')}`;
      writeFileSync(repo.path(`incidents/2026/${id}.yaml`), template.replace('id: 2026-11-18-ingestion-log-warning', `id: ${id}`));
    }
  });
  afterAll(() => repo.cleanup());

  it('validate checks them all and finds nothing wrong', async () => {
    const result = await runCommand(COMMANDS[0]!.args(repo, ''), { cwd: repo.root });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ diagnostics: [], summary: { files: 3_025, errors: 0 } });
  }, 120_000);

  // schedule and calendar read the records as now does (the same loader); now stands for the three.
  it.each(COMMANDS.filter((c) => ['docs', 'now', 'report', 'status'].includes(c.name)))('$name handles them and writes nothing outside its output', async (command) => {
    const before = snapshotTree(repo.root);
    const result = await runCommand(command.args(repo, ''), { cwd: repo.root });
    expect(runProblems(command, result, before, snapshotTree(repo.root), ''), result.stderr).toEqual([]);
    expect(result.code).toBe(0);
  }, 120_000);
});

describe('prototype keys and prototype-named ids', () => {
  it('leaves Object.prototype untouched after loading a repository full of prototype keys', async () => {
    const repo = tempRepo();
    try {
      CASES.find((c) => c.name.startsWith('__proto__'))!.make(repo, '');
      const before = prototypeSnapshot();
      const read = await readRepository(repo.root);
      const { model } = buildModel(read.files);
      expect(prototypeChanges(before, prototypeSnapshot())).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // The files with prototype keys are schema errors, so they are left out of the model.
      expect(model.rotations).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  it.each(['constructor', 'prototype', 'tostring', 'hasownproperty', 'valueof'])('treats "%s" as an unknown person and severity, not a built-in', async (id) => {
    const repo = tempRepo();
    try {
      repo.replace('rotations/ingestion.yaml', 'participants: [amara-okafor]', `participants: [${id}]`);
      repo.replace('incidents/2026/2026-11-18-ingestion-log-warning.yaml', 'severity: P3', `severity: ${id}`);
      const result = await runCommand(COMMANDS[0]!.args(repo, ''), { cwd: repo.root });
      const report = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; message: string }[] };
      expect(report.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
        `reference-exists: severity: "${id}" is not a severity in policy/severities.yaml.`,
        expect.stringMatching(new RegExp(`^reference-exists: tiers\\[\\d\\]\\.rosters\\[\\d\\]\\.participants\\[0\\]: "${id}" is not a person in policy/people.yaml.$`)),
      ]);
    } finally {
      repo.cleanup();
    }
  });
});

describe('regressions', () => {
  it('refuses block nesting thousands deep in plain words, at the same place on every run', () => {
    const first = parseYaml(deepBlock, 'rotations/deep.yaml').diagnostics;
    expect(first).toEqual([
      expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, column: 1, message: 'Blocks are nested too deeply here (indented more than 256 columns, counting "- " and "? " indicators).' }),
    ]);
    for (let i = 0; i < 3; i++) expect(parseYaml(deepBlock, 'rotations/deep.yaml').diagnostics).toEqual(first);
    // Well inside the limit, nesting is data like any other.
    expect(parseYaml(`${'- '.repeat(100)}x\n`, 'a.yaml').diagnostics).toEqual([]);
  });

  it('does not remove a generated-looking page outside the repository through a linked docs folder', async () => {
    const repo = tempRepo();
    const outside = mkdtempSync(join(tmpdir(), 'oncall-linked-docs-'));
    try {
      writeFileSync(join(outside, 'old-page.md'), `${MARKDOWN_MARKER}\nA page in someone else's folder.\n`);
      mkdirSync(join(outside, 'incidents'));
      for (const name of ['2026-10-14-ingestion-error-rate.md', '2026-10-29-ingestion-outage.md']) writeFileSync(join(outside, 'incidents', name), repo.read(`docs/incidents/${name}`));
      rmSync(repo.path('docs'), { recursive: true });
      symlinkSync(outside, repo.path('docs'));
      const before = snapshotTree(outside);
      const result = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
      expect(result.stdout).not.toContain('removed docs/old-page.md');
      expect(snapshotTree(outside)).toEqual(before);
      // The loader refuses the linked folder (its post-mortems would be read through the link), so
      // nothing is generated at all.
      expect(result.stderr).toMatch(/data files? ha(s|ve) errors \(docs\)/);
      expect(result.code).toBe(1);
    } finally {
      repo.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('decides whether a 50 MB page is generated from its first line, without reading it whole', async () => {
    const repo = tempRepo();
    try {
      repo.write('docs/people.md', repeated('# Hand-written\n'));
      repo.write('docs/notes/huge.md', repeated(`${MARKDOWN_MARKER}\n`));
      reads.length = 0;
      const result = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
      expect(result.stderr).toContain('docs/people.md: a file is in the way: it was not generated');
      expect(result.stdout).toContain('removed docs/notes/huge.md (its source is gone)');
      expect(reads).not.toContain(repo.path('docs/people.md'));
      expect(reads).not.toContain(repo.path('docs/notes/huge.md'));
    } finally {
      repo.cleanup();
    }
  });

  it('reports a data folder that is a symbolic link (rotations -> outside) as file-symlink and reads nothing through it', async () => {
    const repo = tempRepo();
    const outside = mkdtempSync(join(tmpdir(), 'oncall-outside-'));
    try {
      writeFileSync(join(outside, 'ingestion.yaml'), repo.read('rotations/ingestion.yaml'));
      writeFileSync(join(outside, 'stranger.yaml'), 'id: stranger\n');
      repo.remove('rotations');
      symlinkSync(outside, repo.path('rotations'));
      const read = await readRepository(repo.root);
      expect(read.files.map((f) => f.path).filter((p) => p.startsWith('rotations/'))).toEqual([]);
      expect(read.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'file-symlink', file: 'rotations', severity: 'error' }));
    } finally {
      repo.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
