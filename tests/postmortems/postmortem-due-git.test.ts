/**
 * postmortem-due with git history: a final post-mortem without `published` counts as completed when
 * its file was first committed. Outside a git checkout that date is unknown and only `published`
 * counts; in a checkout, a file not committed yet counts as completed now. The monthly report
 * judges it the same way.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { firstCommitDates } from '../../scripts/git/first-commits.ts';
import type { MonthlyReport } from '../../scripts/report-monthly/monthly-report.ts';
import { at, expectExactly, validateAt } from '../incidents/support.ts';
import { runCli } from '../support/cli.ts';
import { TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';

const PM = 'docs/incidents/2026-10-29-ingestion-outage.md';
const PUBLISHED = 'published: 2026-10-29T17:30:00+01:00\n';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** Runs git in the repository with a fixed identity, committing at `date` (author and committer). */
function git(root: string, args: string[], date = '2026-10-01T09:00:00+02:00'): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

/** The example organisation in a git repository, everything but the outage post-mortem committed first. */
function gitRepo(): TempRepo {
  const r = tempRepo();
  r.replace(PM, PUBLISHED, '');
  git(r.root, ['init', '-q', '-b', 'main']);
  git(r.root, ['add', '-A', '--', '.', `:!${PM}`]);
  git(r.root, ['commit', '-q', '-m', 'Example organisation']);
  return r;
}

describe('postmortem-due and the first commit of a post-mortem', () => {
  it('a final post-mortem without published, committed a week after its deadline, is late', async () => {
    repo = gitRepo();
    git(repo.root, ['add', PM]);
    git(repo.root, ['commit', '-q', '-m', 'Post-mortem of the outage'], '2026-11-05T10:00:00+01:00');
    const { code, diagnostics } = await validateAt(repo);
    expectExactly(diagnostics, [
      {
        ruleId: 'postmortem-due',
        severity: 'warning',
        file: PM,
        ...at(repo, PM, 'status: final', 'final'),
        message:
          'status: the post-mortem is final without a published date, so it counts as completed when it was first committed, 2026-11-05T10:00:00+01:00, after its deadline: 2026-10-30T03:06:00+01:00, within 24 hours of resolution (scenario "service-outage").',
      },
    ]);
    expect(code).toBe(0);
  });

  it('one committed before its deadline is in time', async () => {
    repo = gitRepo();
    git(repo.root, ['add', PM]);
    git(repo.root, ['commit', '-q', '-m', 'Post-mortem of the outage'], '2026-10-29T20:00:00+01:00');
    expect((await validateAt(repo)).diagnostics).toEqual([]);
  });

  it('the first commit counts, not a later edit', async () => {
    repo = gitRepo();
    git(repo.root, ['add', PM]);
    git(repo.root, ['commit', '-q', '-m', 'Post-mortem of the outage'], '2026-10-29T20:00:00+01:00');
    repo.replace(PM, 'The runbook had no section', 'The runbook still had no section');
    git(repo.root, ['commit', '-q', '-am', 'Wording'], '2026-11-12T10:00:00+01:00');
    await expect(firstCommitDates(repo.root, 'docs/incidents')).resolves.toEqual(
      new Map([
        ['docs/incidents/2026-10-14-ingestion-error-rate.md', new Date('2026-10-01T07:00:00Z')],
        [PM, new Date('2026-10-29T19:00:00Z')],
      ]),
    );
    expect((await validateAt(repo)).diagnostics).toEqual([]);
  });

  it('in a checkout, one not committed yet counts as completed now', async () => {
    repo = gitRepo();
    const { diagnostics } = await validateAt(repo);
    expectExactly(diagnostics, [
      {
        ruleId: 'postmortem-due',
        severity: 'warning',
        file: PM,
        ...at(repo, PM, 'status: final', 'final'),
        message: 'status: the post-mortem is final without a published date and not committed yet, so it counts as completed now, 2026-11-22T12:00:00+01:00, after its deadline',
      },
    ]);
  });

  it('outside a git checkout the first commit is unknown, and only published counts', async () => {
    repo = tempRepo();
    repo.replace(PM, PUBLISHED, '');
    expect(await firstCommitDates(repo.root, 'docs/incidents')).toBeUndefined();
    expect((await validateAt(repo)).diagnostics).toEqual([]);
  });
});

/** How October's report rates the outage's post-mortem. */
async function outageStanding(r: TempRepo): Promise<string | undefined> {
  const result = await runCli(['report', '--root', r.root, '--month', '2026-10', '--format', 'json', '--now', TEST_NOW]);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as MonthlyReport;
  return report.incidents.find((row) => row.id === '2026-10-29-ingestion-outage')?.postmortem.standing;
}

describe('the monthly report and the first commit of a post-mortem', () => {
  it('reports a final post-mortem without published, first committed after its deadline, as late', async () => {
    repo = gitRepo();
    git(repo.root, ['add', PM]);
    git(repo.root, ['commit', '-q', '-m', 'Post-mortem of the outage'], '2026-11-05T10:00:00+01:00');
    expect(await outageStanding(repo)).toBe('late');
  });

  it('reports one first committed before its deadline as on time', async () => {
    repo = gitRepo();
    git(repo.root, ['add', PM]);
    git(repo.root, ['commit', '-q', '-m', 'Post-mortem of the outage'], '2026-10-29T20:00:00+01:00');
    expect(await outageStanding(repo)).toBe('met');
  });
});
