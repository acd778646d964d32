/**
 * Every `npm run oncall -- ...` line of the workflows, run here with the same arguments against the
 * fixture organisation, succeeds: what CI runs on GitHub is what these tests run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { startGitHubServer, type GitHubServer } from '../support/github-server.ts';
import { addIssueRoutes, issuesState } from '../support/github-issues-routes.ts';
import { startSlackServer } from '../support/slack-webhook-server.ts';
import { approve, GA_PATH, gaRecord, PR, serve } from '../approvals/fixture.ts';
import { FIXTURE_ROOT, TEST_NOW, TOOLKIT_ROOT, tempRepo, type TempRepo } from '../support/repo.ts';
import { serverFor } from '../pagerduty/support.ts';

/** The argument lists of every `npm run oncall -- <command> ...` line, with shell quotes removed. */
function workflowCommands(): string[][] {
  const dir = join(TOOLKIT_ROOT, '.github', 'workflows');
  const out: string[][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const match = /^\s*(?:run:\s*)?npm run (?:-s )?oncall -- ([^|&;#]*?)(?:\s*\|\|.*)?$/.exec(line);
      if (match) out.push(match[1]!.trim().split(/\s+/).map((word) => word.replace(/^"(.*)"$/, '$1')));
    }
  }
  return out;
}

const commands = workflowCommands();
/** The workflow lines of one command, labelled as they are written, for it.each. */
const named = (command: string) => commands.filter((args) => args[0] === command).map((args) => [args.join(' '), args] as const);

let repo: TempRepo | undefined;
let server: GitHubServer | undefined;
afterEach(async () => {
  repo?.cleanup();
  repo = undefined;
  await server?.close();
  server = undefined;
});

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
}

/** Replaces "$NAME" arguments with values, failing on any the test does not know. */
function substitute(args: string[], values: Record<string, string>): string[] {
  return args.map((arg) => {
    const variable = /^\$([A-Z_]+)$/.exec(arg)?.[1];
    if (variable === undefined) return arg;
    if (!(variable in values)) throw new Error(`no value for $${variable}`);
    return values[variable]!;
  });
}

describe('the workflows\' commands, run locally with the same arguments', () => {
  it('cover every command the workflows call', () => {
    expect([...new Set(commands.map((args) => args[0]))].sort()).toEqual(['approvals', 'calendar', 'docs', 'notify', 'remind', 'sync', 'validate']);
  });

  it.each(named('validate'))('oncall %s (a pull request against its base)', async (_label, args) => {
    repo = tempRepo();
    git(repo.root, 'init', '-q');
    git(repo.root, 'add', '-A');
    git(repo.root, 'commit', '-q', '-m', 'base');
    const base = git(repo.root, 'rev-parse', 'HEAD');
    const result = await runCli([...substitute([...args], { BASE_SHA: base }), '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.each(named('docs'))('oncall %s', async (_label, args) => {
    if (args.includes('--check')) {
      // The check runs on the committed pages of the fixture organisation, as on a pull request.
      const result = await runCli([...args], { cwd: FIXTURE_ROOT });
      expect(result.stdout + result.stderr).not.toMatch(/stale|missing/i);
      expect(result.code).toBe(0);
      return;
    }
    repo = tempRepo();
    cpSync(join(FIXTURE_ROOT, 'docs'), repo.path('docs'), { recursive: true });
    const result = await runCli([...args, '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(result.code).toBe(0);
  });

  it.each(named('calendar'))('oncall %s', async (_label, args) => {
    repo = tempRepo();
    const result = await runCli([...args, '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(repo.path('docs/calendars/rotations'))).toContain('ingestion.ics');
  });

  it.each(named('remind'))('oncall %s (against GitHub)', async (_label, args) => {
    const github = await startGitHubServer(issuesState());
    server = github;
    addIssueRoutes(github);
    const result = await runCli([...args, '--now', TEST_NOW], { cwd: FIXTURE_ROOT, env: github.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.each(named('notify'))('oncall %s (against GitHub, and a Slack webhook)', async (_label, args) => {
    const github = await startGitHubServer(issuesState());
    server = github;
    addIssueRoutes(github);
    const slack = await startSlackServer();
    try {
      // Monday 7 December, 10:00: the hand-off to Anchor was an hour ago.
      const result = await runCli([...args, '--now', '2026-12-07T10:00:00+01:00'], { cwd: FIXTURE_ROOT, env: github.env({ SLACK_WEBHOOK_URL: slack.url }) });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('posted  handoff/ingestion/20261207T0800Z');
      expect(slack.posted).toHaveLength(args.includes('--slack') ? 1 : 0);
    } finally {
      await slack.close();
    }
  });

  it.each(named('sync'))('oncall %s (against PagerDuty)', async (_label, args) => {
    repo = tempRepo();
    const pagerduty = await serverFor(repo, { readOnlyToken: 'pd-read-only' });
    try {
      if (args.includes('--plan')) {
        // The pull request's data checked out beside the toolkit, planned with the read-only token.
        const workspace = mkdtempSync(join(tmpdir(), 'oncall-workspace-'));
        try {
          cpSync(repo.root, join(workspace, 'pull-request'), { recursive: true });
          const result = await runCli([...args, '--now', TEST_NOW], { cwd: workspace, env: pagerduty.env({ PAGERDUTY_TOKEN: 'pd-read-only' }) });
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
          expect(result.stdout).toMatch(/^### PagerDuty plan\n\n9 to create, 0 to update, 0 to delete /);
          expect(pagerduty.requests.every((r) => r.method === 'GET')).toBe(true);
        } finally {
          rmSync(workspace, { recursive: true, force: true });
        }
        return;
      }
      const result = await runCli([...args, '--now', TEST_NOW], { cwd: repo.root, env: pagerduty.env() });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('### PagerDuty after apply\n\nPagerDuty follows the repository: nothing to change');
    } finally {
      await pagerduty.close();
    }
  });

  it.each(named('approvals'))('oncall %s (a fully approved GA pull request)', async (_label, args) => {
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')] });
    const result = await runCli([...substitute([...args], { PR_NUMBER: String(PR) }), '--now', TEST_NOW], { cwd: FIXTURE_ROOT, env: server.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(server.state.statuses.at(-1)).toMatchObject({ state: 'success', context: 'oncall-as-code/approvals' });
  });
});
