/**
 * `now`, `schedule` and `calendar` on damaged data: exit 0, 1 or 2, no stack trace, every diagnostic
 * on stderr pointing at a line of the file it names, JSON that parses, and nothing written but the
 * calendar folder.
 */
import { describe, it } from 'vitest';
import { TEST_NOW } from '../support/repo.ts';
import { dataFiles, fuzzCommand, prettyStderrDiagnostics } from './harness.ts';
import { fuzzRuns, propertyTimeout } from './support.ts';

const FOCUS = dataFiles('rotations', 'policy/people.yaml', 'policy/roles.yaml', 'policy/organisation.yaml', 'policy/escalation.yaml', 'policy/lifecycle.yaml');
const RUNS = fuzzRuns(1);

describe('the rotation commands survive any mutation of the fixture data', () => {
  it(`now (pretty and JSON): ${RUNS} mutated repositories`, async () => {
    let turn = 0;
    await fuzzCommand(
      {
        name: 'now (pretty and JSON)',
        // Alternate the two formats: the JSON writer and the table writer read different fields.
        args: (repo) => ['now', '--root', repo.root, '--now', TEST_NOW, '--tz', 'Asia/Kolkata', ...(turn++ % 2 === 1 ? ['--format', 'json'] : [])],
        diagnostics: (result) => prettyStderrDiagnostics(result, result.stdout.startsWith('[')),
        focus: FOCUS,
      },
      RUNS,
    );
  }, propertyTimeout(RUNS));

  it(`schedule (pretty and JSON): ${RUNS} mutated repositories`, async () => {
    let turn = 0;
    await fuzzCommand(
      {
        name: 'schedule (pretty and JSON)',
        args: (repo) => ['schedule', '--root', repo.root, '--now', TEST_NOW, ...(turn++ % 2 === 1 ? ['--format', 'json'] : [])],
        diagnostics: (result) => prettyStderrDiagnostics(result, result.stdout.startsWith('[')),
        focus: FOCUS,
      },
      RUNS,
    );
  }, propertyTimeout(RUNS));

  it(`calendar: ${RUNS} mutated repositories`, async () => {
    await fuzzCommand(
      {
        name: 'calendar',
        args: (repo) => ['calendar', '--root', repo.root, '--now', TEST_NOW, '--out', repo.path('calendars')],
        mayWrite: (path) => path.startsWith('calendars/'),
        diagnostics: (result) => prettyStderrDiagnostics(result),
        focus: FOCUS,
      },
      RUNS,
    );
  }, propertyTimeout(RUNS));
});
