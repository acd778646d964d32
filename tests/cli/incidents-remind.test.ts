import { afterEach, describe, expect, it } from 'vitest';
import { runRemind } from '../../scripts/commands/remind.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { issueBody, keyOfBody, markerFor } from '../../scripts/remind/plan.ts';
import { runCli } from '../support/cli.ts';
import { startGitHubServer, type GitHubServer } from '../support/github-server.ts';
import { addIssueRoutes, issuesState, type FakeIssue, type IssuesState } from '../support/github-issues-routes.ts';
import { TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';

const ERROR_RATE_PM = 'docs/incidents/2026-10-14-ingestion-error-rate.md';
const OUTAGE_PM = 'docs/incidents/2026-10-29-ingestion-outage.md';
const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
/** 20 December: AI-2 of 14 Oct (due 30 Nov) and AI-3 of 29 Oct (due 15 Dec) are overdue. */
const DECEMBER = '2026-12-20T12:00:00+01:00';
const AI2 = 'action-item/2026-10-14-ingestion-error-rate/AI-2';
const AI3 = 'action-item/2026-10-29-ingestion-outage/AI-3';

let repo: TempRepo | undefined;
let server: GitHubServer<IssuesState> | undefined;
afterEach(async () => {
  repo?.cleanup();
  repo = undefined;
  await server?.close();
  server = undefined;
});

async function github(state: Partial<IssuesState> = {}): Promise<GitHubServer<IssuesState>> {
  server = await startGitHubServer(issuesState(state));
  addIssueRoutes(server);
  return server;
}

function remind(r: TempRepo, s: GitHubServer<IssuesState>, now = DECEMBER) {
  return runCli(['remind', '--github', '--root', r.root, '--now', now], { env: s.env() });
}

const byKey = (s: GitHubServer<IssuesState>) => new Map(s.state.issues.map((i) => [keyOfBody(i.body) ?? '', i]));

describe('oncall remind (dry run)', () => {
  it('says nothing is overdue on the fixture data today', async () => {
    repo = tempRepo();
    const result = await runCli(['remind', '--root', repo.root, '--now', TEST_NOW]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Nothing is overdue: every required post-mortem and action item is on time.\nDry run: nothing was sent to GitHub. Pass --github to open, update and close reminder issues.\n',
    );
  });

  it('lists overdue action items and post-mortems without touching GitHub', async () => {
    repo = tempRepo();
    repo.remove(OUTAGE_PM);
    const result = await runCli(['remind', '--root', repo.root, '--now', DECEMBER], { env: { GITHUB_TOKEN: undefined } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '2 overdue:',
        '  action item AI-2 of 2026-10-14-ingestion-error-rate due 2026-11-30 (in-progress), owner farid-haddad, 20 days overdue',
        '  post-mortem of 2026-10-29-ingestion-outage due 2026-10-30T03:06:00+01:00 (not written), commander sofia-rossi',
        'Dry run: nothing was sent to GitHub. Pass --github to open, update and close reminder issues.',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON for scripts', async () => {
    repo = tempRepo();
    const result = await runCli(['remind', '--root', repo.root, '--now', DECEMBER, '--format', 'json']);
    expect(JSON.parse(result.stdout)).toEqual({
      overdue: [
        { key: AI2, kind: 'action-item', incident: '2026-10-14-ingestion-error-rate', due: '2026-11-30', owner: 'farid-haddad', title: expect.stringContaining('Overdue action item AI-2') },
        { key: AI3, kind: 'action-item', incident: '2026-10-29-ingestion-outage', due: '2026-12-15', owner: 'sam-osei', title: expect.stringContaining('Overdue action item AI-3') },
      ],
    });
  });
});

describe('oncall remind --github against a local GitHub', () => {
  it('opens one issue per overdue item, and a second run changes nothing', async () => {
    repo = tempRepo();
    const s = await github();
    const first = await remind(repo, s);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`2 overdue; 2 changes on GitHub:\n  opened    #1  ${AI2}\n  opened    #2  ${AI3}\n`);
    expect(s.state.issues).toHaveLength(2);
    const issue = byKey(s).get(AI3)!;
    expect(issue).toMatchObject({ state: 'open', labels: ['oncall-reminder'], title: 'Overdue action item AI-3 (2026-10-29-ingestion-outage): Inventory every credential with a fixed expiry and record it in the runbook' });
    expect(issue.body!.startsWith(markerFor(AI3))).toBe(true);
    expect(issue.body).toContain('- Owner: Sam Osei (@samosei)');
    expect(issue.body).toContain('- Due: 2026-12-15');

    const second = await remind(repo, s);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`2 overdue; 0 changes on GitHub:\n  unchanged #1  ${AI2}\n  unchanged #2  ${AI3}\n`);
    expect(s.state.issues).toHaveLength(2);
    expect(s.requestsTo('POST /repos/{owner}/{repo}/issues')).toHaveLength(2);
    expect(s.requestsTo('PATCH /repos/{owner}/{repo}/issues/{issue_number}')).toHaveLength(0);
  });

  it('updates the issue when the item changes, and closes it when the item is done', async () => {
    repo = tempRepo();
    const s = await github();
    await remind(repo, s);
    repo.replace(OUTAGE_PM, '    due: 2026-12-15\n    status: open\n', '    due: 2026-12-15\n    status: in-progress\n');
    const updated = await remind(repo, s);
    expect(updated.stdout).toContain(`  updated   #2  ${AI3}`);
    expect(byKey(s).get(AI3)!.body).toContain('- Status: in-progress');

    repo.replace(OUTAGE_PM, '    due: 2026-12-15\n    status: in-progress\n', '    due: 2026-12-15\n    status: done\n    done: 2026-12-19\n');
    const closed = await remind(repo, s);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain(`  closed    #2  ${AI3}: AI-3 is done (2026-12-19). Closing this reminder.`);
    expect(byKey(s).get(AI3)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(byKey(s).get(AI2)!.state).toBe('open');
    expect(s.state.comments.map((c) => [c.issue_number, c.body])).toEqual([[2, 'AI-3 is done (2026-12-19). Closing this reminder.']]);

    // Done stays done: the next run leaves the closed issue alone.
    const again = await remind(repo, s);
    expect(again.stdout).toBe(`1 overdue; 0 changes on GitHub:\n  unchanged #1  ${AI2}\n`);

    // Reopened in the data (the fix did not hold): the same issue is reopened, not a new one opened.
    repo.replace(OUTAGE_PM, '    status: done\n    done: 2026-12-19\n', '    status: open\n');
    const reopened = await remind(repo, s);
    expect(reopened.stdout).toContain(`  reopened  #2  ${AI3}`);
    expect(s.state.issues).toHaveLength(2);
    expect(byKey(s).get(AI3)).toMatchObject({ state: 'open', state_reason: 'reopened' });
  });

  it('reminds of an overdue post-mortem until it is final', async () => {
    repo = tempRepo();
    const text = repo.read(OUTAGE_PM);
    repo.remove(OUTAGE_PM);
    const s = await github();
    const first = await remind(repo, s, TEST_NOW);
    expect(first.stdout).toBe('1 overdue; 1 change on GitHub:\n  opened    #1  postmortem/2026-10-29-ingestion-outage\n');
    expect(s.state.issues[0]!.title).toBe('Overdue post-mortem: 2026-10-29-ingestion-outage');
    expect(s.state.issues[0]!.body).toContain('npm run oncall -- new postmortem --incident 2026-10-29-ingestion-outage');

    repo.write(OUTAGE_PM, text.replace('status: final\npublished: 2026-10-29T17:30:00+01:00\n', 'status: draft\n'));
    const draft = await remind(repo, s, TEST_NOW);
    expect(draft.stdout).toContain('  updated   #1  postmortem/2026-10-29-ingestion-outage');
    expect(s.state.issues[0]!.body).toContain('(draft)');

    repo.write(OUTAGE_PM, text);
    const final = await remind(repo, s, TEST_NOW);
    expect(final.stdout).toContain('  closed    #1  postmortem/2026-10-29-ingestion-outage: The post-mortem `docs/incidents/2026-10-29-ingestion-outage.md` is final. Closing this reminder.');
    expect(s.state.issues[0]!.state).toBe('closed');
  });

  it('finds its earlier issue on a later page, closes duplicates and orphans, and leaves other issues alone', async () => {
    repo = tempRepo();
    const at = '2026-12-01T00:00:00Z';
    const base = { state_reason: null, author: 'github-actions[bot]', created_at: at, updated_at: at, closed_at: null } as const;
    const issues: FakeIssue[] = [
      // #1: the issue an earlier run opened for AI-2 (oldest, so on the last page of a newest-first list).
      { ...base, number: 1, title: 'old title', body: `${markerFor(AI2)}\nold body`, state: 'open', labels: ['oncall-reminder'] },
      // #2: a duplicate of it, opened by hand with the same marker.
      { ...base, number: 2, title: 'copy', body: `${markerFor(AI2)}\ncopy`, state: 'open', labels: ['oncall-reminder'] },
      // #3: a reminder for an item that is gone from the repository.
      { ...base, number: 3, title: 'gone', body: `${markerFor('action-item/2025-01-01-gone/AI-1')}\ngone`, state: 'open', labels: ['oncall-reminder'] },
      // #4: a labelled issue without a marker, and #5 an unrelated issue: neither is touched.
      { ...base, number: 4, title: 'discussion', body: 'Let us talk about reminders.', state: 'open', labels: ['oncall-reminder'] },
      { ...base, number: 5, title: 'bug', body: `quoting ${markerFor(AI3)}`, state: 'open', labels: ['bug'] },
      // 140 closed reminders of long-settled items push #1 onto the second page.
      ...Array.from({ length: 140 }, (_, i): FakeIssue => ({ ...base, number: 6 + i, title: `settled ${i}`, body: `${markerFor(`action-item/2025-02-01-old/AI-${i + 1}`)}\nx`, state: 'closed', labels: ['oncall-reminder'] })),
    ];
    const s = await github({ issues });
    const result = await remind(repo, s);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '2 overdue; 4 changes on GitHub:',
        `  updated   #1  ${AI2}`,
        `  closed    #2  ${AI2}: Duplicate of #1, which tracks this reminder.`,
        `  opened    #146  ${AI3}`,
        '  closed    #3  action-item/2025-01-01-gone/AI-1: The item this reminder tracked is no longer in the repository. Closing this reminder.',
        '',
      ].join('\n'),
    );
    const list = s.requestsTo('GET /repos/{owner}/{repo}/issues');
    expect(list.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(list[0]!.query).toMatchObject({ state: 'all', labels: 'oncall-reminder', per_page: '100' });
    const after = new Map(s.state.issues.map((i) => [i.number, i]));
    expect(after.get(1)).toMatchObject({ state: 'open', title: expect.stringContaining('AI-2'), body: expect.stringContaining('- Due: 2026-11-30') });
    expect(after.get(4)).toMatchObject({ state: 'open', title: 'discussion' });
    expect(after.get(5)).toMatchObject({ state: 'open', title: 'bug' });
  });

  it('retries a failed request and still opens each issue once', async () => {
    repo = tempRepo();
    const s = await github();
    s.fault('POST /repos/{owner}/{repo}/issues', [502]);
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: s.env(), cwd: repo.root, isTTY: false };
    const code = await runRemind({ root: repo.root, now: DECEMBER, github: true }, io, { clientOptions: { secondMs: 1 } });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('2 changes on GitHub');
    expect(s.requestsTo('POST /repos/{owner}/{repo}/issues').map((r) => r.status)).toEqual([502, 201, 201]);
    expect(s.state.issues).toHaveLength(2);
  });

  it('exits 2 with a clear message when GitHub refuses or is not configured', async () => {
    repo = tempRepo();
    const s = await github();
    const wrongToken = await runCli(['remind', '--github', '--root', repo.root, '--now', DECEMBER], { env: s.env({ GITHUB_TOKEN: 'wrong' }) });
    expect(wrongToken.code).toBe(2);
    expect(wrongToken.stderr).toContain('GitHub rejected the token (HTTP 401');
    expect(wrongToken.stderr).not.toMatch(/\n\s+at /);
    const noToken = await runCli(['remind', '--github', '--root', repo.root, '--now', DECEMBER], { env: { ...s.env(), GITHUB_TOKEN: undefined } });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toBe(
      'oncall: remind --github: GITHUB_TOKEN is not set. remind --github needs a token that can read, open, update and close the repository\'s issues, in GITHUB_TOKEN, and the repository as "owner/repo" in GITHUB_REPOSITORY ' +
        '(GitHub Actions sets GITHUB_REPOSITORY; pass the token with env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} and grant permissions: issues: write).\n',
    );
    expect(s.state.issues).toEqual([]);
  });

  it('keeps the body it writes stable, so unchanged items cause no writes', () => {
    const body = issueBody({ key: AI2, kind: 'action-item', incident: 'x', overdue: true, due: '2026-11-30', owner: 'o', title: 't', body: 'b', summary: 's', settled: 'd' });
    expect(body).toBe(`${markerFor(AI2)}\nb\n`);
  });
});

describe('reminders stay in step with the incident record', () => {
  it('does not remind of a post-mortem the incident does not need', async () => {
    repo = tempRepo();
    repo.replace(OUTAGE, 'severity: P0\nstatus', 'severity: P2\nstatus');
    repo.replace(OUTAGE, 'scenario: service-outage\n', '');
    repo.replace(OUTAGE, 'postmortem: docs/incidents/2026-10-29-ingestion-outage.md\n', '');
    repo.remove(OUTAGE_PM);
    const result = await runCli(['remind', '--root', repo.root, '--now', TEST_NOW]);
    expect(result.stdout).toContain('Nothing is overdue');
    // The action items of the other post-mortem are still tracked.
    const later = await runCli(['remind', '--root', repo.root, '--now', DECEMBER]);
    expect(later.stdout).toContain(`action item AI-2 of 2026-10-14-ingestion-error-rate`);
    expect(repo.read(ERROR_RATE_PM)).toContain('AI-2');
  });
});
