/**
 * `validate <paths>` and `--changed-since` run the schedule checks only over the rotations that
 * can bear on a selected one (selection.ts). On an organisation of many rotations that share
 * people, with overrides added so that people are double-booked and over their on-call limits
 * across rotations, selecting any one rotation must still give exactly the findings a
 * whole-repository run gives on it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/bench/prng.ts';
import { generateOrganisation } from '../../scripts/bench/synthetic/organisation.ts';
import { readExample, writeAll } from '../../scripts/bench/synthetic/tree.ts';
import { checkRepository } from '../../scripts/check/check-repository.ts';
import { validateSelection } from '../../scripts/check/selection.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { compareDiagnostics, type Diagnostic } from '../../scripts/report/diagnostic.ts';
import { TEST_NOW, FIXTURE_ROOT } from '../support/repo.ts';
import { loadRuleLibraries } from '../../scripts/check/rule-libraries.ts';

// Checked directly (not through the pipeline, which loads it when a post-mortem needs it).
await loadRuleLibraries({ markdown: true, secrets: true });

const now = new Date(TEST_NOW);

function canonical(diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics].sort(compareDiagnostics).map((d) => JSON.stringify(d));
}

describe('selection of rotations', () => {
  let root: string;
  let expected: Diagnostic[];
  let rotations: string[];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'oncall-selection-'));
    const organisation = generateOrganisation(await readExample(FIXTURE_ROOT), 'selection', { people: 90, rotations: 10, incidents: 20, postmortems: 5, signoffs: 20 });
    writeAll(root, organisation.files);
    rotations = [...organisation.files.keys()].filter((path) => path.startsWith('rotations/')).sort();
    // Every rotation's people, as the generator wrote them.
    const participants = new Map(rotations.map((path) => [path, [...readFileSync(join(root, path), 'utf8').matchAll(/participants: \[([^\]]*)\]/g)].flatMap((m) => m[1]!.split(', '))]));
    const random = seededRandom('selection-context');
    for (const path of rotations.slice(0, 6)) {
      // Someone from another rotation covers this one for a while: a double booking, and a long stretch on call.
      const other = random.pick(rotations.filter((p) => p !== path));
      const person = random.pick(participants.get(other)!);
      const day = random.int(24, 40);
      const length = random.pick([1, 3, 12]);
      let text = readFileSync(join(root, path), 'utf8');
      if (!/^overrides:/m.test(text)) text += 'overrides:\n';
      text += `  - tier: primary\n    person: ${person}\n    start: 2026-11-${String(day > 30 ? 30 : day).padStart(2, '0')}T08:00:00+01:00\n    end: 2026-12-${String(Math.min(28, (day % 30) + length)).padStart(2, '0')}T20:00:00+01:00\n    reason: Covering for a colleague\n`;
      writeFileSync(join(root, path), text);
    }
    const read = await readRepository(root);
    expected = [...read.diagnostics, ...checkRepository(read.files, { now }).diagnostics];
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has findings across rotations to get right', () => {
    const across = expected.filter((d) => d.ruleId === 'double-booking' || d.ruleId === 'on-call-limits');
    expect(across.length).toBeGreaterThan(0);
  });

  it('gives, for any one rotation selected, the findings of a whole-repository run on it', async () => {
    for (const path of rotations) {
      const run = await validateSelection(root, { now, cache: false, selected: (file) => file === path });
      expect(canonical(run.diagnostics.filter((d) => d.file === path)), path).toEqual(canonical(expected.filter((d) => d.file === path)));
    }
  }, 120_000);

  it('gives the same for two rotations, and for a policy file with a rotation', async () => {
    const pairs = [[rotations[0]!, rotations[1]!], [rotations[2]!, 'policy/people.yaml']];
    for (const pair of pairs) {
      const chosen = new Set(pair);
      const run = await validateSelection(root, { now, cache: false, selected: (file) => chosen.has(file) });
      expect(canonical(run.diagnostics.filter((d) => chosen.has(d.file))), pair.join(' ')).toEqual(canonical(expected.filter((d) => chosen.has(d.file))));
    }
  }, 120_000);
});
