import { afterEach, expect, it } from 'vitest';
import { validateJson } from '../support/cli.ts';
import { lineOf, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

it('warns when " #channel" silently cuts unquoted text short', async () => {
  repo = tempRepo();
  repo.replace('rotations/ingestion.yaml', '- "Update #ingestion-rollout with status summary"', '- Update #ingestion-rollout with status summary');
  const { code, report } = await validateJson(repo.root);
  expect(code).toBe(0); // a warning, not an error
  expect(report.diagnostics).toEqual([
    expect.objectContaining({
      ruleId: 'yaml-comment-in-text',
      severity: 'warning',
      file: 'rotations/ingestion.yaml',
      line: lineOf(repo, 'rotations/ingestion.yaml', 'Update #ingestion-rollout'),
      column: 9,
      message: '"Update" is followed by "#ingestion-rollout with status summary", which YAML reads as a comment and drops.',
    }),
  ]);
});

it('leaves ordinary comments alone', async () => {
  repo = tempRepo();
  repo.replace('rotations/ingestion.yaml', '- "Update #ingestion-rollout with status summary"', '- Update the channel # with a real comment');
  const { report } = await validateJson(repo.root);
  expect(report.diagnostics.filter((d) => d.ruleId === 'yaml-comment-in-text')).toEqual([]);
});
