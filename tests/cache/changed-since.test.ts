/**
 * `validate --changed-since` with a cache: files the change did not touch are looked up by their
 * blob id at the base (one `git ls-tree`, nothing read). The cache's content key must therefore be
 * git's blob id, the findings must be those of a run without any cache, and where git may check
 * files out with other bytes than their blobs' (line-end conversion, filters) the blob ids are not
 * used at all.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateRepository } from '../../scripts/check/pipeline.ts';
import { validateSelection } from '../../scripts/check/selection.ts';
import { blobIdsAt, checkoutMayConvert } from '../../scripts/git/blob-ids.ts';
import { changedFiles } from '../../scripts/git/changed-files.ts';
import { contentHash } from '../../scripts/repo/content-hash.ts';
import { compareDiagnostics, type Diagnostic } from '../../scripts/report/diagnostic.ts';
import { DATA_ROOTS } from '../../scripts/schema/kinds.ts';
import { tempRepo, TEST_NOW, type TempRepo } from '../support/repo.ts';

const now = new Date(TEST_NOW);
const INCIDENT = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';
const ROTATION = 'rotations/ingestion.yaml';

function keys(diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics].sort(compareDiagnostics).map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column} ${d.message}`);
}

describe('validate --changed-since with a cache', () => {
  let repo: TempRepo;
  let git: (...args: string[]) => string;
  beforeEach(() => {
    repo = tempRepo();
    git = (...args) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], { cwd: repo.root, encoding: 'utf8', stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(repo.root, '.gitignore'), '.oncall-cache/\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
  });
  afterEach(() => repo.cleanup());

  /** The selection's findings in the changed files, and a run without cache filtered the same way. */
  async function bothWays(): Promise<{ withCache: string[]; without: string[] }> {
    const { changed, deleted } = await changedFiles(repo.root, 'HEAD');
    const touched = new Set([...changed, ...deleted]);
    const inChange = (file: string) => touched.has(file);
    const base = { ref: 'HEAD', changed, deleted };
    const withCache = (await validateSelection(repo.root, { now, selected: inChange, base })).diagnostics.filter((d) => inChange(d.file));
    const without = (await validateSelection(repo.root, { now, selected: inChange, base, cache: false })).diagnostics.filter((d) => inChange(d.file));
    return { withCache: keys(withCache), without: keys(without) };
  }

  it('keys the cache by git blob ids, so an unchanged file is known from git alone', async () => {
    const ids = await blobIdsAt(repo.root, 'HEAD', DATA_ROOTS);
    expect(ids.size).toBeGreaterThan(10);
    for (const [path, id] of ids) {
      expect(contentHash(readFileSync(join(repo.root, path))), path).toBe(id);
      expect(git('hash-object', path).trim(), path).toBe(id);
    }
  });

  it('reports in a change what a run without cache reports, from a cache of the base', async () => {
    await validateRepository(repo.root, { now, workers: 0 });
    repo.replace(INCIDENT, '\nseverity: P1\n', '\nseverity: P7\n');
    repo.replace(ROTATION, '  time: "09:00"', '  time: "9am"');
    const { withCache, without } = await bothWays();
    expect(withCache.some((k) => k.includes(INCIDENT) && k.includes('P7'))).toBe(true);
    expect(withCache.some((k) => k.includes(ROTATION))).toBe(true);
    expect(withCache).toEqual(without);
  });

  it('uses a cache restored into a fresh clone, whose files all have new modification times', async () => {
    await validateRepository(repo.root, { now, workers: 0 });
    const clone = tempRepo({ empty: true });
    try {
      clone.remove('policy');
      execFileSync('git', ['clone', '-q', repo.root, clone.root + '/c'], { stdio: 'pipe' });
      const root = join(clone.root, 'c');
      cpSync(join(repo.root, '.oncall-cache'), join(root, '.oncall-cache'), { recursive: true });
      writeFileSync(join(root, INCIDENT), readFileSync(join(root, INCIDENT), 'utf8').replace('\nseverity: P1\n', '\nseverity: P7\n'));
      const { changed, deleted } = await changedFiles(root, 'HEAD');
      expect(changed).toEqual([INCIDENT]);
      const inChange = (file: string) => file === INCIDENT;
      const base = { ref: 'HEAD', changed, deleted };
      const withCache = keys((await validateSelection(root, { now, selected: inChange, base })).diagnostics.filter((d) => inChange(d.file)));
      const without = keys((await validateSelection(root, { now, selected: inChange, base, cache: false })).diagnostics.filter((d) => inChange(d.file)));
      expect(withCache.length).toBeGreaterThan(0);
      expect(withCache).toEqual(without);
    } finally {
      clone.cleanup();
    }
  });

  it('does not trust blob ids where git may convert files on checkout', async () => {
    expect(await checkoutMayConvert(repo.root)).toBe(false);
    git('config', 'core.autocrlf', 'true');
    expect(await checkoutMayConvert(repo.root)).toBe(true);
    git('config', 'core.autocrlf', 'false');
    expect(await checkoutMayConvert(repo.root)).toBe(false);
    writeFileSync(join(repo.root, '.gitattributes'), '*.yaml text eol=crlf\n');
    expect(await checkoutMayConvert(repo.root)).toBe(true);
  });

  it('still reports exactly when the files on disk differ from their blobs (line ends converted)', async () => {
    await validateRepository(repo.root, { now, workers: 0 });
    writeFileSync(join(repo.root, '.gitattributes'), 'incidents/** text eol=crlf\n');
    // What a CRLF checkout writes: git calls the file unchanged, its bytes are not the blob's.
    writeFileSync(join(repo.root, INCIDENT), readFileSync(join(repo.root, INCIDENT), 'utf8').replace(/\n/g, '\r\n'));
    repo.replace(ROTATION, '  time: "09:00"', '  time: "9am"');
    const { withCache, without } = await bothWays();
    expect(withCache).toEqual(without);
  });
});
