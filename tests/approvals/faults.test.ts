/**
 * When GitHub cannot be reached or answers oddly, the check fails closed: never a success status,
 * an `error` status where the head commit is known, exit 2 and a clear message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoutes, type Fault, type GitHubServer } from '../support/github-server.ts';
import { runCli } from '../support/cli.ts';
import { approve, GA_PATH, gaRecord, HEAD_SHA, PR, runAgainst, serve } from './fixture.ts';

let server: GitHubServer | undefined;
let temp: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
});

const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const REVIEWS = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews';
const COMMITS = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits';
const EVENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/events';
const CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path}';
const STATUSES = 'POST /repos/{owner}/{repo}/statuses/{sha}';

/** A GA pull request that is fully approved when GitHub behaves. */
const approvedGa = () => serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')] });

function noSuccess(s: GitHubServer) {
  expect(s.state.statuses.filter((status) => status.state === 'success')).toEqual([]);
}

describe('approvals: fail closed', () => {
  it('retries a 502 and then succeeds', async () => {
    server = await approvedGa();
    server.fault(PULL, [502, 200]);
    const run = await runAgainst(server);
    expect(run.code).toBe(0);
    // Read once for its head, once in full, and once more just before posting.
    expect(server.requestsTo(PULL).map((r) => r.status)).toEqual([502, 200, 200, 200]);
    expect(server.state.statuses.map((s) => s.state)).toEqual(['pending', 'success']);
  });

  it('waits out a short secondary rate limit (429 with retry-after) and succeeds', async () => {
    server = await approvedGa();
    server.fault(FILES, [{ rateLimit: 'secondary', status: 429, retryAfter: 1 }, 200]);
    const run = await runAgainst(server);
    expect(run.code).toBe(0);
    expect(server.requestsTo(FILES).map((r) => r.status)).toEqual([429, 200]);
  });

  it('waits out a primary rate limit that resets soon (403, x-ratelimit-remaining: 0)', async () => {
    server = await approvedGa();
    server.fault(REVIEWS, [{ rateLimit: 'primary', status: 403, resetInSeconds: 1 }, 200]);
    const run = await runAgainst(server);
    expect(run.code).toBe(0);
    expect(server.requestsTo(REVIEWS).map((r) => r.status)).toEqual([403, 200]);
  });

  interface FaultCase {
    name: string;
    route: string;
    faults: Fault[];
    /** Part of the message on stderr. */
    message: string;
  }

  const faults: FaultCase[] = [
    { name: '5xx after every retry', route: REVIEWS, faults: [502], message: 'GitHub failed with HTTP 502 on GET' },
    { name: 'a rate limit that resets in an hour', route: FILES, faults: [{ rateLimit: 'primary', status: 403, resetInSeconds: 3600 }], message: "GitHub's API rate limit is exhausted until" },
    { name: 'a secondary rate limit longer than the client waits', route: FILES, faults: [{ rateLimit: 'secondary', status: 429, retryAfter: 600 }], message: "GitHub's API rate limit is exhausted for 600s" },
    { name: 'malformed JSON', route: REVIEWS, faults: ['malformed-json'], message: 'with malformed JSON (HTTP 200)' },
    { name: 'a timeout', route: COMMITS, faults: [{ delayMs: 5_000 }], message: 'did not answer GET' },
    { name: 'a connection reset mid-body', route: EVENTS, faults: ['reset'], message: 'GitHub request failed on GET' },
    { name: 'a Link header that loops', route: REVIEWS, faults: ['link-loop'], message: "next-page link leads back to a page already read" },
    { name: 'a 500 reading the base policy', route: CONTENTS, faults: [500], message: 'GitHub failed with HTTP 500 on GET' },
  ];

  it.each(faults)('$name: exit 2, an error status, never success', async ({ route, faults: sequence, message }) => {
    server = await approvedGa();
    server.fault(route, sequence, { persist: true });
    const run = await runAgainst(server);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    noSuccess(server);
    expect(server.state.statuses).toEqual([
      expect.objectContaining({ sha: HEAD_SHA, state: 'pending', context: 'oncall-as-code/approvals' }),
      expect.objectContaining({ sha: HEAD_SHA, state: 'error', context: 'oncall-as-code/approvals' }),
    ]);
    expect(server.state.statuses[1]!.description).toMatch(/^Could not check approvals: /);
  });

  it('404 for the pull request: exit 2, nothing posted, a message that says what to check', async () => {
    server = await approvedGa();
    const run = await runAgainst(server, { pr: '8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('HTTP 404');
    expect(run.stderr).toContain('check GITHUB_REPOSITORY, the pull request number');
    expect(server.state.statuses).toEqual([]);
  });

  it('404 for the pull request of the event: the error status goes on the event head commit', async () => {
    server = await approvedGa();
    server.fault(PULL, [404], { persist: true });
    temp = mkdtempSync(join(tmpdir(), 'oncall-event-'));
    const event = join(temp, 'event.json');
    writeFileSync(event, JSON.stringify({ number: PR, pull_request: { number: PR, head: { sha: HEAD_SHA } } }));
    const run = await runAgainst(server, { pr: null, env: { GITHUB_EVENT_PATH: event } });
    expect(run.code).toBe(2);
    expect(server.state.statuses).toEqual([expect.objectContaining({ sha: HEAD_SHA, state: 'error' })]);
  });

  it('401 (bad token): exit 2 and a message about the token', async () => {
    server = await approvedGa();
    const run = await runAgainst(server, { env: { GITHUB_TOKEN: 'wrong' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GitHub rejected the token (HTTP 401');
    expect(server.state.statuses).toEqual([]);
  });

  it('a default branch without policy/approvals.yaml: error, not success', async () => {
    server = await approvedGa();
    delete server.state.contents['b'.repeat(40)]!['policy/approvals.yaml'];
    const run = await runAgainst(server);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('policy/approvals.yaml on the default branch (commit bbbbbbbbbbbb) is missing, so approvals cannot be decided.');
    expect(server.state.statuses.map((s) => s.state)).toEqual(['pending', 'error']);
  });

  it('a list endpoint that answers with an object: error', async () => {
    server = await approvedGa();
    server.route(FILES, () => ({ status: 200, body: { message: 'not a list' } }));
    const run = await runAgainst(server);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pull request #7 files: GitHub answered page 1 with an object, not a list.');
    noSuccess(server);
  });

  it('a next-page link to another host is not followed (the token stays with the API)', async () => {
    server = await approvedGa();
    server.route(REVIEWS, () => ({ status: 200, body: [], headers: { link: '<https://attacker.example/steal?page=2>; rel="next"' } }));
    const run = await runAgainst(server);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("next-page link points to https://attacker.example, not http://127.0.0.1");
    noSuccess(server);
  });

  it('posting even the pending status fails: exit 2, and no status exists', async () => {
    server = await approvedGa();
    server.fault(STATUSES, [500], { persist: true });
    const run = await runAgainst(server);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GitHub failed with HTTP 500 on POST');
    expect(server.state.statuses).toEqual([]);
  });

  it('a push during the evaluation: no status for a commit that was not evaluated, exit 2', async () => {
    server = await approvedGa();
    const original = defaultRoutes().find(([key]) => key === PULL)![1];
    let calls = 0;
    server.route(PULL, (ctx) => {
      const answer = original(ctx);
      if (++calls === 1) ctx.state.pulls[PR]!.head.sha = 'f'.repeat(40);
      return answer;
    });
    const run = await runAgainst(server);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the head moved from 1f2e3d4 to fffffff while approvals were checked; 1f2e3d4 keeps a pending status and the run for fffffff decides.');
    expect(server.state.statuses).toEqual([expect.objectContaining({ sha: HEAD_SHA, state: 'pending' })]);
  });

  it('missing GITHUB_TOKEN or GITHUB_REPOSITORY: exit 2 with a clear message', async () => {
    const noToken = await runCli(['approvals', '--pr', '7'], { env: { GITHUB_REPOSITORY: 'egi/oncall', GITHUB_TOKEN: undefined } });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN is not set');
    const noRepo = await runCli(['approvals', '--pr', '7'], { env: { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: undefined } });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toContain('GITHUB_REPOSITORY is not set');
    const badPr = await runCli(['approvals', '--pr', '7; rm -rf /'], { env: { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'egi/oncall' } });
    expect(badPr.code).toBe(2);
    expect(badPr.stderr).toContain('--pr: "7; rm -rf /" is not a pull request number.');
    const noPr = await runCli(['approvals'], { env: { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'egi/oncall', GITHUB_EVENT_PATH: undefined } });
    expect(noPr.code).toBe(2);
    expect(noPr.stderr).toContain('no pull request number given');
  });
});
