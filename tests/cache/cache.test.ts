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
import { ValidationCache, type CacheEntry } from '../../scripts/cache/validation-cache.ts';
import { ColumnsBuilder, decodeEntry, decodeResult, hashIsAt } from '../../scripts/cache/index-columns.ts';
import type { FileResult } from '../../scripts/check/file-result.ts';
import { seededRandom, type Random } from '../../scripts/bench/prng.ts';
import { checkRepository } from '../../scripts/check/check-repository.ts';
import { validateRepository } from '../../scripts/check/pipeline.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { compareDiagnostics, type Diagnostic } from '../../scripts/report/diagnostic.ts';
import { RULES } from '../../scripts/rules/index.ts';
import type { Rule } from '../../scripts/rules/rule.ts';
import { tempRepo, TEST_NOW, type TempRepo } from '../support/repo.ts';
import { loadRuleLibraries } from '../../scripts/check/rule-libraries.ts';

// Checked directly (not through the pipeline, which loads it when a post-mortem needs it).
await loadRuleLibraries({ markdown: true, secrets: true });

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

  it('reads unchanged policy files from the values it keeps, with the same findings', async () => {
    // A finding that needs the policy file's text (a comment cut into a value) and one on a record.
    repo.replace('policy/communication.yaml', 'name: Escalation to EGI', 'name: Escalation to #egi');
    const first = await cached(repo.root);
    expect(first.some((f) => f.startsWith('yaml-comment-in-text policy/communication.yaml'))).toBe(true);
    expect(first).toEqual(await plain(repo.root));
    // A changed record makes the next run read the context: from the cache, as the bytes are the same.
    repo.replace(INCIDENT, '\nseverity: P1\n', '\nseverity: P7\n');
    const second = await cached(repo.root);
    expect(second).toEqual(await plain(repo.root));
    expect(second.some((f) => f.startsWith('yaml-comment-in-text policy/communication.yaml'))).toBe(true);
    // A changed policy file is read anew.
    repo.replace('policy/communication.yaml', 'name: Escalation to #egi', 'name: Escalation to EGI');
    const third = await cached(repo.root);
    expect(third).toEqual(await plain(repo.root));
    expect(third.some((f) => f.startsWith('yaml-comment-in-text policy/communication.yaml'))).toBe(false);
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

describe('the cache index', () => {
  const hex = (random: Random) => Array.from({ length: 40 }, () => '0123456789abcdef'[random.int(0, 15)]).join('');
  const diagnostic = (random: Random): Diagnostic => ({ ruleId: 'x', severity: 'error', file: 'f.yaml', line: random.int(1, 9), column: 1, message: `m${random.int(0, 99)}` }) as Diagnostic;
  function randomEntry(random: Random, path: string): CacheEntry {
    const hash = hex(random);
    const list = () => (random.chance(0.8) ? [] : [diagnostic(random)]);
    const result = {
      path,
      kind: random.pick(['incident', 'signoff', 'rotation', 'people', 'postmortem']),
      hash,
      present: random.chance(0.9),
      readDiagnostics: list(),
      schemaDiagnostics: list(),
      valid: random.chance(0.8),
      ...(random.chance(0.5) ? { definedId: random.chance(0.1) ? '' : `id-${random.int(0, 999)}` } : {}),
      facts: random.pick([{}, { rollout: 'r', signoffKind: 'ga' }, { incident: 'i' }]),
      ruleDiagnostics: list(),
    } as FileResult;
    const entry: CacheEntry = {
      hash,
      ...(random.chance(0.7) ? { stat: { size: random.int(0, 1e6), mtimeMs: 1795381480452.7344 + random.int(0, 1e6), ctimeMs: 1795381480070.3672, ino: random.int(0, 2 ** 40) } } : {}),
      result,
      ...(random.chance(0.6) ? { contextKey: random.pick(['a'.repeat(40), 'b'.repeat(40)]) } : {}),
      ...(random.chance(0.3) ? { incidentsKey: hex(random) } : {}),
      ...(random.chance(0.3) ? { now: 1795381480000 + random.int(0, 1e9) } : {}),
      ...(random.chance(0.5) ? { payload: { offset: random.int(0, 1e7), length: random.int(1, 999), sha1: hex(random) } } : {}),
    };
    // Shapes the columns do not know are kept whole.
    if (random.chance(0.05)) return { ...entry, result: { ...result, path: 'elsewhere.yaml' } };
    if (random.chance(0.05)) return { ...entry, hash: 'NOT-HEX' };
    if (random.chance(0.05)) return { ...entry, result: { ...result, extra: 1 } as FileResult };
    return entry;
  }
  /** What decoding may change: empty lists and facts become shared empty values (equal, so nothing). */
  const plainOf = (value: unknown) => JSON.parse(JSON.stringify(value));

  it('gives back every entry exactly as stored, by column and copied', () => {
    const random = seededRandom('cache-index');
    const entries = Array.from({ length: 3000 }, (_, i) => [`data/${i}.yaml`, randomEntry(random, `data/${i}.yaml`)] as const);
    const builder = new ColumnsBuilder(10);
    for (const [path, entry] of entries) builder.add(path, entry);
    const columns = builder.build();
    const copier = new ColumnsBuilder(1);
    for (let i = 0; i < entries.length; i++) copier.copy(columns, i);
    const copied = copier.build();
    entries.forEach(([path, entry], i) => {
      expect(columns.paths[i]).toBe(path);
      expect(plainOf(decodeEntry(columns, i))).toEqual(plainOf(entry));
      expect(plainOf(decodeEntry(copied, i))).toEqual(plainOf(entry));
      // What a pull request's run asks of a file it does not read: its result, if the hash is the one given.
      expect(plainOf(decodeResult(columns, i))).toEqual(plainOf(entry.result));
      expect(hashIsAt(columns, i, entry.hash)).toBe(true);
      const other = `${entry.hash.slice(0, 39)}${entry.hash.endsWith('0') ? '1' : '0'}`;
      expect(hashIsAt(columns, i, other)).toBe(false);
      expect(hashIsAt(columns, i, entry.hash.toUpperCase())).toBe(entry.hash === entry.hash.toUpperCase());
    });
  });

  it('keeps every payload readable when the payload file is compacted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-cache-index-'));
    try {
      const random = seededRandom('cache-compact');
      const cache = ValidationCache.open(dir, 'key');
      const payloadOf = (i: number, round: number) => Buffer.from(`payload ${i} round ${round} `.repeat(random.int(1, 20)));
      const expected = new Map<string, Buffer>();
      for (let i = 0; i < 200; i++) {
        const path = `data/${i}.yaml`;
        const bytes = payloadOf(i, 0);
        expected.set(path, bytes);
        cache.put(path, randomEntry(random, path), bytes);
      }
      cache.save();
      cache.close();
      // Garbage grows the payload file past the point where it is rewritten on the next save.
      writeFileSync(join(dir, '.oncall-cache', 'validate', 'payloads.bin'), Buffer.alloc(17 * 1024 * 1024), { flag: 'a' });
      const again = ValidationCache.open(dir, 'key');
      for (let i = 0; i < 200; i += 3) {
        const path = `data/${i}.yaml`;
        const bytes = payloadOf(i, 1);
        expected.set(path, bytes);
        again.put(path, randomEntry(random, path), bytes);
      }
      // An entry changed without a new payload keeps the one it had.
      again.put('data/1.yaml', { ...again.entry('data/1.yaml')!, now: 1 });
      again.save();
      again.close();
      expect(statSync(join(dir, '.oncall-cache', 'validate', 'payloads.bin')).size).toBeLessThan(1024 * 1024);
      const reopened = ValidationCache.open(dir, 'key');
      for (const [path, bytes] of expected) expect(Buffer.from(reopened.payload(path)!).toString(), path).toBe(bytes.toString());
      expect(reopened.entry('data/1.yaml')!.now).toBe(1);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
