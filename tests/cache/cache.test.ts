/**
 * The validation cache is only ever an optimisation: a changed file, a changed policy file, another
 * toolkit (version, schemas, code) or another `now` each make the affected results be computed
 * again; a deleted cache folder is simply rebuilt; a damaged cache file is ignored, never trusted.
 */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeToolkitKey } from '../../scripts/cache/toolkit-key.ts';
import { ValidationCache } from '../../scripts/cache/validation-cache.ts';
import { checkRepository } from '../../scripts/check/check-repository.ts';
import { validateRepository } from '../../scripts/check/pipeline.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { compareDiagnostics, type Diagnostic } from '../../scripts/report/diagnostic.ts';
import { RULES } from '../../scripts/rules/index.ts';
import type { Rule } from '../../scripts/rules/rule.ts';
import { tempRepo, TEST_NOW, type TempRepo } from '../support/repo.ts';

const now = new Date(TEST_NOW);
const INCIDENT = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';

function keys(diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics].sort(compareDiagnostics).map((d) => `${d.ruleId} ${d.file}:${d.line} ${d.message}`);
}

async function plain(root: string, at = now, rules: readonly Rule[] = RULES): Promise<string[]> {
  const read = await readRepository(root);
  return keys([...read.diagnostics, ...checkRepository(read.files, { now: at, rules }).diagnostics]);
}

async function cached(root: string, options: { at?: Date; rules?: readonly Rule[]; toolkitKey?: string } = {}): Promise<string[]> {
  const run = await validateRepository(root, { now: options.at ?? now, workers: 0, ...(options.rules ? { rules: options.rules } : {}), ...(options.toolkitKey ? { toolkitKey: options.toolkitKey } : {}) });
  return keys(run.diagnostics);
}

const cacheDir = (repo: TempRepo) => join(repo.root, '.oncall-cache', 'validate');

describe('the validation cache', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.cleanup());

  it('is written on the first run and gives the same findings on the next', async () => {
    const first = await cached(repo.root);
    expect(statSync(join(cacheDir(repo), 'index.bin')).isFile()).toBe(true);
    expect(await cached(repo.root)).toEqual(first);
    expect(first).toEqual(await plain(repo.root));
  });

  it('checks a changed file again', async () => {
    await cached(repo.root);
    repo.replace(INCIDENT, '\nseverity: P1\n', '\nseverity: P7\n');
    const findings = await cached(repo.root);
    expect(findings.some((f) => f.startsWith(`reference-exists ${INCIDENT}`))).toBe(true);
    expect(findings).toEqual(await plain(repo.root));
  });

  it('notices an edit that keeps the size and the modification time', async () => {
    // Files changed moments before they are hashed are always hashed again ("racily clean"); wait
    // until the copied files are old enough for their stat identity to be trusted.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await cached(repo.root, { toolkitKey: 'stat-test' });
    expect(ValidationCache.open(repo.root, 'stat-test').entry(INCIDENT)?.stat).toBeDefined();
    const before = statSync(repo.path(INCIDENT));
    repo.replace(INCIDENT, '\nseverity: P1\n', '\nseverity: P7\n');
    expect(statSync(repo.path(INCIDENT)).size).toBe(before.size);
    utimesSync(repo.path(INCIDENT), before.atime, before.mtime);
    const findings = await cached(repo.root, { toolkitKey: 'stat-test' });
    expect(findings.some((f) => f.startsWith(`reference-exists ${INCIDENT}`))).toBe(true);
  });

  it('checks every record again when a policy file changes, though the records did not', async () => {
    await cached(repo.root);
    // Renaming a person leaves every incident that names them pointing at nobody.
    repo.replace('policy/people.yaml', '- id: elif-yilmaz', '- id: elif-yilmaz-demir');
    const findings = await cached(repo.root);
    expect(findings.some((f) => f.startsWith(`reference-exists ${INCIDENT}`) && f.includes('"elif-yilmaz"'))).toBe(true);
    expect(findings).toEqual(await plain(repo.root));
  });

  it('gives the time-dependent findings of the new `now`', async () => {
    const later = new Date('2026-12-20T12:00:00+01:00');
    await cached(repo.root);
    const findings = await cached(repo.root, { at: later });
    expect(findings.some((f) => f.startsWith('postmortem-action-items docs/incidents/2026-10-14-ingestion-error-rate.md'))).toBe(true);
    expect(findings).toEqual(await plain(repo.root, later));
  });

  it('is never used by another toolkit (another key), whose rules may find more', async () => {
    const extra: Rule = {
      id: 'every-incident',
      description: 'test rule',
      severity: 'error',
      needs: [],
      check(ctx) {
        for (const doc of ctx.model.incidents) ctx.report(doc, ['id'], { message: 'flagged.' });
      },
    };
    const rules = [...RULES, extra];
    expect(await cached(repo.root, { toolkitKey: 'toolkit-a' })).toEqual(await plain(repo.root));
    const findings = await cached(repo.root, { toolkitKey: 'toolkit-b', rules });
    expect(findings.filter((f) => f.startsWith('every-incident')).length).toBe(4);
    expect(findings).toEqual(await plain(repo.root, now, rules));
  });

  it('is keyed by everything the toolkit is made of: version, Node.js, schemas and sources', () => {
    const sources = mkdtempSync(join(tmpdir(), 'oncall-toolkit-'));
    try {
      mkdirSync(join(sources, 'rules'));
      writeFileSync(join(sources, 'rules', 'a-rule.ts'), 'export const a = 1;\n');
      const parts = { version: '1.0.0', nodeVersion: 'v20.0.0', validators: 'schemas-1', sourcesDir: sources };
      const base = computeToolkitKey(parts);
      expect(computeToolkitKey(parts)).toBe(base);
      expect(computeToolkitKey({ ...parts, version: '1.0.1' })).not.toBe(base);
      expect(computeToolkitKey({ ...parts, nodeVersion: 'v22.0.0' })).not.toBe(base);
      expect(computeToolkitKey({ ...parts, validators: 'schemas-2' })).not.toBe(base);
      writeFileSync(join(sources, 'rules', 'a-rule.ts'), 'export const a = 2;\n');
      expect(computeToolkitKey(parts)).not.toBe(base);
    } finally {
      rmSync(sources, { recursive: true, force: true });
    }
  });

  it('is rebuilt when its folder is deleted', async () => {
    const first = await cached(repo.root);
    rmSync(join(repo.root, '.oncall-cache'), { recursive: true, force: true });
    expect(await cached(repo.root)).toEqual(first);
    expect(statSync(join(cacheDir(repo), 'index.bin')).isFile()).toBe(true);
  });

  it.each([
    ['garbage', (bytes: Buffer) => Buffer.from('not a cache at all')],
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['one byte flipped', (bytes: Buffer) => {
      const copy = Buffer.from(bytes);
      copy[Math.floor(copy.length * 0.7)]! ^= 0xff;
      return copy;
    }],
    ['empty', () => Buffer.alloc(0)],
  ])('ignores a damaged index (%s) and never trusts it', async (_name, damage) => {
    await cached(repo.root);
    // The repository now has a mistake the damaged cache must not hide.
    repo.replace(INCIDENT, '\nseverity: P1\n', '\nseverity: P7\n');
    const index = join(cacheDir(repo), 'index.bin');
    writeFileSync(index, damage(readFileSync(index)));
    expect(await cached(repo.root)).toEqual(await plain(repo.root));
    expect(await cached(repo.root)).toEqual(await plain(repo.root));
  });

  it('ignores damaged payloads, checking their files again', async () => {
    await cached(repo.root);
    const payloads = join(cacheDir(repo), 'payloads.bin');
    const bytes = readFileSync(payloads);
    for (let i = 0; i < bytes.length; i += 7) bytes[i]! ^= 0x5a;
    writeFileSync(payloads, bytes);
    // The repository-wide rules need the payloads: another `now` makes them run.
    const later = new Date('2026-12-20T12:00:00+01:00');
    expect(await cached(repo.root, { at: later })).toEqual(await plain(repo.root, later));
  });

  it('works in a repository where it cannot be written', async () => {
    mkdirSync(join(repo.root, '.oncall-cache'));
    writeFileSync(join(repo.root, '.oncall-cache', 'validate'), 'a file where the cache folder would go');
    expect(await cached(repo.root)).toEqual(await plain(repo.root));
  });
});
