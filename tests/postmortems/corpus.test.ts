/**
 * The real public post-mortems (../shared/corpora/postmortems, read by path, never copied) as a
 * regression set: published as they are, they hold no credential, contact detail or blame, and
 * the timeline rules find exactly the two ordering mistakes their authors made.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusOrganisation } from '../../scripts/bench/postmortem-corpus.ts';
import { validateJson } from '../support/cli.ts';

let root: string;
let lines: (path: string) => string[];

// The corpus lives beside this repository (../shared), not in an organisation's copy of it.
const haveCorpus = corpusAvailable();

beforeAll(() => {
  if (!haveCorpus) return;
  const { files } = corpusOrganisation();
  root = mkdtempSync(join(tmpdir(), 'oncall-corpus-'));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  lines = (path) => files.get(path)!.split('\n');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** 1-based line and column of `needle` on the first line of `path` that holds it. */
function position(path: string, needle: string): { line: number; column: number } {
  const all = lines(path);
  const index = all.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in ${path}`);
  return { line: index + 1, column: all[index]!.indexOf(needle) + 1 };
}

describe.skipIf(!haveCorpus)('the real post-mortems', () => {
  it('give no sensitive-data or blameless-language finding, and the timeline rules catch the real ordering mistakes', async () => {
    const { diagnostics } = (await validateJson(root)).report;
    const prose = diagnostics.filter((d) => d.ruleId === 'sensitive-data' || d.ruleId === 'blameless-language');
    expect(prose).toEqual([]);

    const log4shell = 'docs/incidents/2021-12-10-dfds-log4shell-investigation.md';
    const nodes = 'docs/incidents/2023-02-14-dfds-total-node-failure.md';
    const tables = diagnostics.filter((d) => d.ruleId === 'postmortem-timeline-ordered').map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message }));
    expect(tables).toEqual([
      { file: log4shell, ...position(log4shell, '2021-12-13   14:30'), severity: 'error', message: 'The timeline row at "2021-12-13   14:30" is before the row above it at "2021-12-13   15:50".' },
      { file: nodes, ...position(nodes, '2023-02-14 11:07'), severity: 'error', message: 'The timeline row at "2023-02-14 11:07" is before the row above it at "2023-02-14 11:08".' },
    ]);
    const records = diagnostics.filter((d) => d.ruleId === 'incident-times-ordered').map((d) => `${d.file}:${d.line}`);
    expect(records).toEqual([
      `incidents/2021/2021-12-10-dfds-log4shell-investigation.yaml:${position('incidents/2021/2021-12-10-dfds-log4shell-investigation.yaml', '2021-12-13T14:30').line}`,
      `incidents/2023/2023-02-14-dfds-total-node-failure.yaml:${position('incidents/2023/2023-02-14-dfds-total-node-failure.yaml', '2023-02-14T11:07').line}`,
    ]);
  });
});
