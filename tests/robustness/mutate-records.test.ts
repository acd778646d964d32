/**
 * `docs`, `report` and `status` on damaged data: exit 0, 1 or 2, no stack trace, files named in
 * messages exist, and nothing written but the generated pages (docs/ outside docs/incidents/, and
 * .github/CODEOWNERS).
 */
import { describe, it } from 'vitest';
import { TEST_NOW } from '../support/repo.ts';
import { ALL_DATA_FILES, dataFiles, fuzzCommand, isDocsOutput, namedFileDiagnostics } from './harness.ts';
import { fuzzRuns, propertyTimeout } from './support.ts';

const RUNS = fuzzRuns(1);

describe('docs, report and status survive any mutation of the fixture data', () => {
  it(`docs: ${RUNS} mutated repositories`, async () => {
    await fuzzCommand(
      {
        name: 'docs',
        args: (repo) => ['docs', '--root', repo.root, '--now', TEST_NOW],
        mayWrite: isDocsOutput,
        diagnostics: (result) => namedFileDiagnostics(result),
        focus: ALL_DATA_FILES,
      },
      RUNS,
    );
  }, propertyTimeout(RUNS));

  it(`report (Markdown and JSON): ${RUNS} mutated repositories`, async () => {
    let turn = 0;
    await fuzzCommand(
      {
        name: 'report (Markdown and JSON)',
        args: (repo) => ['report', '--root', repo.root, '--now', TEST_NOW, '--month', '2026-10', ...(turn++ % 2 === 1 ? ['--format', 'json'] : [])],
        diagnostics: (result) => namedFileDiagnostics(result),
        focus: dataFiles('incidents', 'docs/incidents', 'policy/organisation.yaml', 'policy/severities.yaml', 'policy/escalation.yaml', 'policy/lifecycle.yaml'),
      },
      RUNS,
    );
  }, propertyTimeout(RUNS));

  it(`status (pretty and JSON): ${RUNS} mutated repositories`, async () => {
    let turn = 0;
    await fuzzCommand(
      {
        name: 'status (pretty and JSON)',
        args: (repo) => ['status', '--root', repo.root, '--now', TEST_NOW, ...(turn++ % 2 === 1 ? ['--format', 'json'] : [])],
        diagnostics: (result) => namedFileDiagnostics(result),
        focus: dataFiles('signoffs', 'policy/approvals.yaml', 'policy/lifecycle.yaml', 'policy/roles.yaml', 'policy/people.yaml'),
      },
      RUNS,
    );
  }, propertyTimeout(RUNS));
});
