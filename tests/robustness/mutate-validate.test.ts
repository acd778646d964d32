/**
 * `validate` on damaged data: any mutation of any example file (keys dropped, duplicated, renamed
 * or retyped, YAML syntax inserted anywhere, the file cut short) gives exit 0, 1 or 2, no stack
 * trace, diagnostics that each point at a line of the file they name, in JSON and as GitHub
 * annotations (every stdout line one annotation; the job summary inert Markdown), and no write.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/repo.ts';
import { ALL_DATA_FILES, fuzzCommand, isValidateCache, validateGithubDiagnostics, validateJsonDiagnostics } from './harness.ts';
import { fuzzRuns, propertyTimeout } from './support.ts';

const JSON_RUNS = fuzzRuns(1);
const GITHUB_RUNS = fuzzRuns(0.5);

describe('validate survives any mutation of the fixture data', () => {
  it(`validate --format json: ${JSON_RUNS} mutated repositories`, async () => {
    const codes = await fuzzCommand(
      {
        name: 'validate --format json',
        args: (repo) => ['validate', '--root', repo.root, '--format', 'json', '--now', TEST_NOW],
        mayWrite: isValidateCache,
        diagnostics: (result) => validateJsonDiagnostics(result),
        focus: ALL_DATA_FILES,
      },
      JSON_RUNS,
    );
    // Not vacuous: some mutations are still valid data (exit 0), others are findings (exit 1).
    if (JSON_RUNS >= 50) expect([...codes.keys()].sort()).toEqual(expect.arrayContaining([0, 1]));
  }, propertyTimeout(JSON_RUNS));

  it(`validate --format github: ${GITHUB_RUNS} mutated repositories`, async () => {
    await fuzzCommand(
      {
        name: 'validate --format github',
        args: (repo) => ['validate', '--root', repo.root, '--format', 'github', '--now', TEST_NOW],
        mayWrite: isValidateCache,
        env: (_repo, outside) => ({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(outside, 'summary.md') }),
        diagnostics: (result, outside) => validateGithubDiagnostics(result, outside),
        focus: ALL_DATA_FILES,
      },
      GITHUB_RUNS,
    );
  }, propertyTimeout(GITHUB_RUNS));
});
