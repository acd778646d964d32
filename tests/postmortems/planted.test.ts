/**
 * The planted variants (scripts/bench/planted.ts) of the first two sets: the measured misses and
 * false alarms, and further formats and wordings (the third set, probing known limits, is measured
 * by `npm run lint-recall`, not asserted), each inserted into a real post-mortem or incident record of the
 * corpus at test time. A plant that must be caught gives exactly one finding, of its rule, at the
 * planted span's line and column; a plant that must pass gives none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsWith, judge, parsedFiles, plantedOrganisation } from '../../scripts/bench/lint-recall.ts';
import { PLANTS, plantInto, type Variant } from '../../scripts/bench/planted.ts';
import { corpusAvailable } from '../../scripts/bench/postmortem-corpus.ts';
import { loadRuleLibraries } from '../../scripts/check/rule-libraries.ts';
import type { SourceFile } from '../../scripts/repo/source-file.ts';

let files: Map<string, string>;
let records: string[];
let parsed: Map<string, SourceFile>;

// The corpus lives beside this repository (../shared), not in an organisation's copy of it.
const haveCorpus = corpusAvailable();

beforeAll(async () => {
  if (!haveCorpus) return;
  await loadRuleLibraries({ markdown: true, secrets: true });
  ({ files, records } = plantedOrganisation());
  parsed = parsedFiles(files);
});

/** The plant in the n-th corpus record that has its place (plants spread over the corpus). */
function variantOf(index: number): Variant {
  const plant = PLANTS[index]!;
  const eligible = records.map((path) => plantInto(path, files.get(path)!, plant)).filter((v): v is Variant => v !== undefined);
  if (eligible.length === 0) throw new Error(`no corpus record has a place for "${plant.name}"`);
  return eligible[index % eligible.length]!;
}

describe.skipIf(!haveCorpus).each(['issue', 'more'] as const)('planted variants (%s)', (set) => {
  const cases = PLANTS.map((plant, index) => ({ ...plant, index, outcome: plant.finding === undefined ? 'passes' : 'caught' })).filter((p) => p.set === set);
  it.each(cases)('$rule: $name ($place) is $outcome', ({ index }) => {
    const plant = PLANTS[index]!;
    const variant = variantOf(index);
    const findings = findingsWith(parsed, variant.path, variant.text);
    const where = findings.map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column} ${d.message}`);
    if (plant.finding === undefined) {
      expect(where).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: plant.rule, file: variant.path, ...variant.expected });
    expect(judge(plant, variant, findings)).toMatchObject({ truePositive: true, falsePositives: [] });
    // A credential is never printed in full.
    if (plant.rule === 'sensitive-data' && plant.finding.length > 8) expect(findings[0]!.message).not.toContain(plant.finding);
  });
});
