/**
 * The benchmark's own parts: the synthetic organisation is deterministic from its seed, has the
 * shape its scale asks for, is valid (every rule has its full work to do), and carries the ten-file
 * change; the report puts each figure against its target and rewrites only its own section of
 * BENCHMARKS.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { median } from '../../scripts/bench/measure.ts';
import { renderBenchmarks, type Figure } from '../../scripts/bench/report.ts';
import { generateOrganisation, SYNTHETIC_NOW, type Scale } from '../../scripts/bench/synthetic/organisation.ts';
import { readExample, writeAll, type SyntheticTree } from '../../scripts/bench/synthetic/tree.ts';
import { validateRepository } from '../../scripts/check/pipeline.ts';
import { FIXTURE_ROOT } from '../support/repo.ts';

const SCALE: Scale = { people: 120, rotations: 8, incidents: 60, postmortems: 20, signoffs: 30 };

describe('the synthetic organisation', () => {
  let example: Map<string, string>;
  let root: string;
  beforeAll(async () => {
    example = await readExample(FIXTURE_ROOT);
    root = mkdtempSync(join(tmpdir(), 'oncall-synthetic-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is the same for the same seed, and another for another seed', () => {
    const a = generateOrganisation(example, 'seed-a', SCALE);
    const again = generateOrganisation(example, 'seed-a', SCALE);
    const b = generateOrganisation(example, 'seed-b', SCALE);
    expect([...again.files]).toEqual([...a.files]);
    expect([...again.change]).toEqual([...a.change]);
    expect([...b.files]).not.toEqual([...a.files]);
  });

  it('has the shape of its scale, and a change of one rotation, five incidents and four sign-offs', () => {
    const { files, change } = generateOrganisation(example, 'shape', SCALE);
    const count = (pattern: RegExp) => [...files.keys()].filter((path) => pattern.test(path)).length;
    expect(count(/^rotations\//)).toBe(SCALE.rotations);
    expect(count(/^incidents\//)).toBe(SCALE.incidents);
    expect(count(/^docs\/incidents\//)).toBe(SCALE.postmortems);
    expect(count(/^signoffs\//)).toBe(SCALE.signoffs);
    expect((parse(files.get('policy/people.yaml')!) as { people: unknown[] }).people).toHaveLength(SCALE.people);
    const changed = [...change.keys()];
    expect(changed).toHaveLength(10);
    expect(changed.filter((path) => path.startsWith('rotations/'))).toHaveLength(1);
    expect(changed.filter((path) => path.startsWith('incidents/'))).toHaveLength(5);
    expect(changed.filter((path) => path.startsWith('signoffs/'))).toHaveLength(4);
  });

  it('is valid before and after its change: validate finds no error', async () => {
    const { files, change } = generateOrganisation(example, 'valid', SCALE);
    writeAll(root, files);
    const now = new Date(SYNTHETIC_NOW);
    const before = await validateRepository(root, { now, cache: false, workers: 0 });
    expect(before.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    writeAll(root, change);
    const after = await validateRepository(root, { now, cache: false, workers: 0 });
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('the benchmark report', () => {
  const tree = { root: '/x', files: 30310, bytes: 83.9e6, baseRef: 'HEAD~1', changed: [], generated: false } as unknown as SyntheticTree;
  const machine = { cores: 2, memoryGb: 23.5, cpu: 'AMD EPYC', node: 'v20.20.2', platform: 'linux x64' };
  const figures: Figure[] = [
    { id: 'floor', name: 'floor', seconds: 16, peakMb: 150, runs: 3 },
    { id: 'peer', name: 'peer', seconds: 7, peakMb: 110, runs: 3 },
    { id: 'cold', name: 'validate, cold', seconds: 8, peakMb: 370, runs: 3 },
    { id: 'changed', name: 'validate --changed-since', seconds: 1, peakMb: 170, runs: 3 },
    { id: 'docs', name: 'docs', seconds: 8, peakMb: 520, runs: 3 },
  ];
  const render = (scale: 'small' | 'large') => renderBenchmarks({ scale, seed: '1', tree, figures, machine, command: `npm run bench -- --scale ${scale} --write`, date: '2026-11-22', reps: 3 });

  it('gives each figure its ratio to the floor and says which targets it meets', () => {
    const { text } = render('large');
    expect(text).toContain('| validate, cold | 8.00 | 0.500x | 370 | met (<= 0.7x floor), met (< 400 MB) |');
    expect(text).toContain('| validate --changed-since | 1.00 | 0.063x | 170 | **missed** (< 0.05x floor), met (< peer), met (< 400 MB) |');
    expect(text).toContain('| docs | 8.00 | 0.500x | 520 | met (< 1.5x floor), **missed** (< 400 MB) |');
    expect(text).toContain('Command: `npm run bench -- --scale large --write`');
    expect(text).toContain('2 cores (AMD EPYC)');
  });

  it('holds the small scale to its own targets', () => {
    expect(render('small').text).toContain('| validate, cold | 8.00 | 0.500x | 370 | **missed** (< 0.5 s) |');
  });

  it("rewrites only its own scale's section of BENCHMARKS.md", () => {
    const document = `# Benchmarks\n\nProse kept.\n\n<!-- bench:small:start -->\nold small\n<!-- bench:small:end -->\n\nMiddle.\n\n<!-- bench:large:start -->\nold large\n<!-- bench:large:end -->\n\nEnd.\n`;
    const updated = render('large').into(document);
    expect(updated).toContain('old small');
    expect(updated).not.toContain('old large');
    expect(updated).toContain('Prose kept.');
    expect(updated.endsWith('<!-- bench:large:end -->\n\nEnd.\n')).toBe(true);
    expect(render('small').into('# Benchmarks\n')).toMatch(/^# Benchmarks\n\n<!-- bench:small:start -->[\s\S]*<!-- bench:small:end -->\n$/);
  });

  it('reports the median of the runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
