/** `npm run oncall -- approvals` as GitHub Actions runs it: event file, job summary, exit codes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tempRepo, TEST_NOW, type TempRepo } from '../support/repo.ts';
import type { GitHubServer } from '../support/github-server.ts';
import { approve, BASE_SHA, EXAMPLE_GA, GA_PATH, gaRecord, HEAD_SHA, PR, review, serve } from './fixture.ts';

let server: GitHubServer | undefined;
let temp: string | undefined;
let repo: TempRepo | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
  repo?.cleanup();
  repo = undefined;
});

function actionsEnv(s: GitHubServer): Record<string, string> {
  temp = mkdtempSync(join(tmpdir(), 'oncall-actions-'));
  const event = join(temp, 'event.json');
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: PR, pull_request: { number: PR, head: { sha: HEAD_SHA } } }));
  const summary = join(temp, 'summary.md');
  writeFileSync(summary, '');
  return { ...(s.env() as Record<string, string>), GITHUB_EVENT_PATH: event, GITHUB_STEP_SUMMARY: summary, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42' };
}

describe('oncall approvals (CLI)', () => {
  it('takes the pull request from GITHUB_EVENT_PATH, posts failure with what is missing, writes the job summary, exits 1', async () => {
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), review('renovate[bot]', 'APPROVED')] });
    const env = actionsEnv(server);
    const run = await runCli(['approvals', '--now', TEST_NOW], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Pull request #7 at 1f2e3d4: approvals not satisfied.');
    expect(run.stdout).toContain('SRE Lead: missing');
    expect(server.state.statuses).toEqual([
      expect.objectContaining({ sha: HEAD_SHA, state: 'pending', target_url: 'https://github.com/egi/oncall/actions/runs/42' }),
      expect.objectContaining({
        sha: HEAD_SHA,
        state: 'failure',
        context: 'oncall-as-code/approvals',
        description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+1 more)',
        target_url: 'https://github.com/egi/oncall/actions/runs/42',
      }),
    ]);
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).toContain('## ❌ Approvals not satisfied for #7');
    expect(summary).toContain(`| ❌ GA (P3 to P4) in ${GA_PATH} | Ingestion Owner | @amara-okafor |`);
    expect(summary).toContain('- @renovate\\[bot\\]: a bot; bots never count');
  });

  it('exits 0 and posts success once everyone has approved', async () => {
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')] });
    const run = await runCli(['approvals', '--pr', '7', '--now', TEST_NOW], { env: actionsEnv(server) });
    expect(run.code).toBe(0);
    expect(server.state.statuses.map((s) => s.state)).toEqual(['pending', 'success']);
  });

  it('--dry-run evaluates without posting', async () => {
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [] });
    const run = await runCli(['approvals', '--pr', '7', '--dry-run', '--format', 'json', '--now', TEST_NOW], { env: server.env() });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ pr: 7, posted: false, state: 'failure' });
    expect(server.state.statuses).toEqual([]);
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('--base-source git reads the base policy from the local checkout, not the API', async () => {
    repo = tempRepo();
    repo.remove(EXAMPLE_GA);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo!.root, encoding: 'utf8' }).trim();
    git('init', '--quiet');
    git('add', '.');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')] });
    server.state.branches.main = baseSha;
    delete server.state.contents[BASE_SHA];
    const run = await runCli(['approvals', '--pr', '7', '--base-source', 'git', '--root', repo.root, '--now', TEST_NOW], { env: server.env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const contentReads = server.requestsTo('GET /repos/{owner}/{repo}/contents/{path}');
    expect(contentReads.map((r) => r.query.ref)).toEqual([HEAD_SHA]);
  });

  it('--base-source git without the default branch\'s commit locally: error status, exit 2', async () => {
    repo = tempRepo();
    execFileSync('git', ['init', '--quiet'], { cwd: repo.root });
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')] });
    const run = await runCli(['approvals', '--pr', '7', '--base-source', 'git', '--root', repo.root, '--now', TEST_NOW], { env: server.env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not in the local checkout');
    expect(server.state.statuses.map((s) => s.state)).toEqual(['pending', 'error']);
  });
});
