/**
 * The fast pipeline (batches, worker threads, projections of records, the cache) and the selection
 * mode (`validate <paths>`, `--changed-since`) must report exactly what the plain pipeline reports:
 * readRepository, then checkRepository over every file. Checked on the fixture organisation and
 * on every good- and bad-input fixture.
 */
import { describe, expect, it } from 'vitest';
import { checkRepository } from '../../scripts/check/check-repository.ts';
import { validateRepository } from '../../scripts/check/pipeline.ts';
import { RULE_PLACEMENT, DOCUMENT_RULE_RECORDS } from '../../scripts/check/rule-placement.ts';
import { validateSelection } from '../../scripts/check/selection.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { compareDiagnostics, type Diagnostic } from '../../scripts/report/diagnostic.ts';
import { RULES } from '../../scripts/rules/index.ts';
import { applyFixture, loadFixtures, type Fixture } from '../validate/fixture-cases.ts';
import { tempRepo, TEST_NOW } from '../support/repo.ts';
import { loadRuleLibraries } from '../../scripts/check/rule-libraries.ts';

// Checked directly (not through the pipeline, which loads it when a post-mortem needs it).
await loadRuleLibraries({ markdown: true, secrets: true });

const now = new Date(TEST_NOW);

function canonical(diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics].sort(compareDiagnostics).map((d) => JSON.stringify(d));
}

async function plain(root: string): Promise<string[]> {
  const read = await readRepository(root);
  return canonical([...read.diagnostics, ...checkRepository(read.files, { now }).diagnostics]);
}

/** The files a fixture writes, moves or removes: a selection as `validate <paths>` would make it. */
function touched(fixture: Fixture): string[] {
  return [...new Set(fixture.edits.flatMap((edit) => ('moveTo' in edit ? [edit.file, edit.moveTo] : [edit.file])))];
}

const FIXTURES = [...loadFixtures('invalid'), ...loadFixtures('valid')];

describe('the fast pipeline reports what the plain pipeline reports', () => {
  it('places every rule, and says which records each document rule reports on', () => {
    for (const rule of RULES) {
      expect(RULE_PLACEMENT[rule.id], rule.id).toBeDefined();
      if (RULE_PLACEMENT[rule.id] === 'document') expect(DOCUMENT_RULE_RECORDS[rule.id], rule.id).toBeDefined();
    }
  });

  it('on the fixture organisation, with and without worker threads', async () => {
    const repo = tempRepo();
    try {
      const expected = await plain(repo.root);
      expect(canonical((await validateRepository(repo.root, { now, cache: false, workers: 0 })).diagnostics)).toEqual(expected);
      expect(canonical((await validateRepository(repo.root, { now, cache: false, workers: 1 })).diagnostics)).toEqual(expected);
    } finally {
      repo.cleanup();
    }
  });

  it.each(FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s: whole repository (cold and warm cache) and selection', async (_name, fixture) => {
    const { repo, cleanup } = applyFixture(fixture);
    try {
      const expected = await plain(repo.root);
      expect(canonical((await validateRepository(repo.root, { now, cache: false, workers: 0 })).diagnostics), 'no cache').toEqual(expected);
      expect(canonical((await validateRepository(repo.root, { now, workers: 0 })).diagnostics), 'cold cache').toEqual(expected);
      expect(canonical((await validateRepository(repo.root, { now, workers: 0 })).diagnostics), 'warm cache').toEqual(expected);
      const selection = new Set(touched(fixture));
      const inSelection = (file: string) => selection.has(file);
      const selected = await validateSelection(repo.root, { now, selected: inSelection });
      expect(canonical(selected.diagnostics.filter((d) => inSelection(d.file))), 'selection').toEqual(expected.filter((d) => inSelection((JSON.parse(d) as Diagnostic).file)));
    } finally {
      cleanup();
    }
  });
});
