/**
 * GitHub faults for `approvals` and `remind`, as a matrix: connection refused, a connection reset
 * mid-body, 500/502/503, 403 and 429 with rate-limit headers, 403 without, 401, 404, a body that is
 * cut short or not JSON, a page cursor that loops. Each shows a bounded number of requests (counted
 * in the server's log), a clear message without a stack trace, never a success status while in
 * doubt (approvals), and no duplicate issue (remind, run again once the fault clears).
 * tests/approvals/faults.test.ts covers the approvals messages and recoveries; this adds the counts.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runApprovals } from '../../scripts/commands/approvals.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { runRemind } from '../../scripts/commands/remind.ts';
import { keyOfBody } from '../../scripts/remind/plan.ts';
import { addIssueRoutes, issuesState, type IssuesState } from '../support/github-issues-routes.ts';
import { startGitHubServer, type Fault, type GitHubServer } from '../support/github-server.ts';
import { FIXTURE_ROOT, TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';
import { approve, FAST, GA_PATH, gaRecord, HEAD_SHA, PR, serve } from '../approvals/fixture.ts';
import { STACK_FRAME } from './support.ts';

/** The client's settings in these tests: 2 retries, 2 rate-limit waits of at most 5 (fast) seconds. */
const CLIENT = { ...FAST, rateLimitRetries: 2 };
/** Most requests one call may make: the first and its retries. */
const ATTEMPTS = 1 + CLIENT.retries;

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function capture(env: Record<string, string | undefined>, cwd = FIXTURE_ROOT) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIO = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env, cwd, isTTY: false };
  return { io, out };
}

/** A fetch that counts its calls, for the one case without a server to log them. */
function countingFetch() {
  const calls: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return globalThis.fetch(input, init);
  };
  return { fetch, calls };
}

interface FaultCase {
  name: string;
  faults: Fault[];
  /** Requests the faulty route may receive at most. */
  most: number;
  /** Part of the message on stderr. */
  message: RegExp;
}

const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const REVIEWS = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews';
const LIST = 'GET /repos/{owner}/{repo}/issues';
const CREATE = 'POST /repos/{owner}/{repo}/issues';

/** Faults that persist: the command must give up after a bounded number of requests. */
const MATRIX: FaultCase[] = [
  { name: 'HTTP 500', faults: [500], most: ATTEMPTS, message: /GitHub failed with HTTP 500 on GET .* after retries/ },
  { name: 'HTTP 502', faults: [502], most: ATTEMPTS, message: /GitHub failed with HTTP 502 on GET/ },
  { name: 'HTTP 503', faults: [503], most: ATTEMPTS, message: /GitHub failed with HTTP 503 on GET/ },
  { name: '403 with x-ratelimit-remaining: 0 for an hour', faults: [{ rateLimit: 'primary', status: 403, resetInSeconds: 3600 }], most: 1, message: /GitHub's API rate limit is exhausted until .* \(HTTP 403 on GET/ },
  { name: '429 with retry-after: 600', faults: [{ rateLimit: 'secondary', status: 429, retryAfter: 600 }], most: 1, message: /GitHub's API rate limit is exhausted for 600s \(HTTP 429 on GET/ },
  { name: '429 with a short retry-after, again and again', faults: [{ rateLimit: 'secondary', status: 429, retryAfter: 1 }], most: 1 + CLIENT.rateLimitRetries, message: /GitHub's API rate limit is exhausted for 1s \(HTTP 429 on GET/ },
  { name: '403 without a rate limit (no permission)', faults: [403], most: 1, message: /GitHub refused GET .* \(HTTP 403: Forbidden.*\): the token may lack the permission/ },
  { name: '401 (bad token)', faults: [401], most: 1, message: /GitHub rejected the token \(HTTP 401 on GET .*\): check GITHUB_TOKEN\./ },
  { name: '404', faults: [404], most: 1, message: /GitHub has no such resource \(HTTP 404 on GET/ },
  { name: 'a connection reset mid-body (a truncated body)', faults: ['reset'], most: ATTEMPTS, message: /GitHub request failed on GET/ },
  { name: 'a body that is not JSON', faults: ['malformed-json'], most: ATTEMPTS, message: /with malformed JSON \(HTTP 200\)/ },
];

describe('approvals under GitHub faults: bounded requests, a clear message, never success', () => {
  let server: GitHubServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** A GA pull request that is fully approved when GitHub behaves. */
  const approvedGa = () => serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')] });

  it.each([...MATRIX, { name: 'a next-page link back to the first page', faults: ['link-loop'] as Fault[], most: 2, message: /next-page link leads back to a page already read/ }])(
    '$name: at most $most requests, exit 2, an error status',
    async ({ faults, most, message }) => {
      server = await approvedGa();
      // The reviews list is paginated, so every fault (the looping cursor too) applies to it.
      server.fault(REVIEWS, faults, { persist: true });
      const { io, out } = capture(server.env());
      const code = await runApprovals({ pr: String(PR), now: TEST_NOW, format: 'json' }, io, { clientOptions: CLIENT });
      expect(code).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr).not.toMatch(STACK_FRAME);
      expect(server.requestsTo(REVIEWS).length).toBeGreaterThanOrEqual(1);
      expect(server.requestsTo(REVIEWS).length).toBeLessThanOrEqual(most);
      // Pending when the check started, then the error: never a success.
      expect(server.state.statuses.map((s) => s.state)).toEqual(['pending', 'error']);
      expect(server.state.statuses.every((s) => s.sha === HEAD_SHA)).toBe(true);
    },
  );

  it('connection refused: a bounded number of attempts, exit 2, a clear message, nothing posted', async () => {
    const port = await closedPort();
    const { fetch, calls } = countingFetch();
    const { io, out } = capture({ GITHUB_API_URL: `http://127.0.0.1:${port}`, GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'egi/oncall' });
    const code = await runApprovals({ pr: String(PR), now: TEST_NOW }, io, { clientOptions: { ...CLIENT, fetch } });
    expect(code).toBe(2);
    expect(out.stderr).toMatch(/oncall: approvals for #7: GitHub request failed on GET http:\/\/127\.0\.0\.1:\d+\/repos\/egi\/oncall\/pulls\/7: .*ECONNREFUSED/);
    expect(out.stderr).not.toMatch(STACK_FRAME);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(ATTEMPTS);
    expect(out.stdout).toBe('');
  });
});

describe('remind under GitHub faults: bounded requests, a clear message, no duplicate issues', () => {
  let repo: TempRepo;
  let server: GitHubServer<IssuesState> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    repo?.cleanup();
  });

  /**
   * 1 December: one action item is overdue, so a clean run opens one issue. (GitHub asks clients to
   * space writes a second apart, and the client does: one write per run keeps the matrix quick.)
   */
  const DECEMBER = '2026-12-01T12:00:00+01:00';
  const OVERDUE = ['action-item/2026-10-14-ingestion-error-rate/AI-2'];
  /** 20 December: two are overdue, for the cases about the second of two issues. */
  const LATER = '2026-12-20T12:00:00+01:00';
  const BOTH = [...OVERDUE, 'action-item/2026-10-29-ingestion-outage/AI-3'];

  async function remind(s: GitHubServer<IssuesState>, now = DECEMBER) {
    const { io, out } = capture(s.env(), repo.root);
    const code = await runRemind({ root: repo.root, now, github: true }, io, { clientOptions: CLIENT });
    return { code, ...out };
  }

  /** Open issues per reminder key: exactly one each for the overdue items, none for anything else. */
  function openIssuesByKey(s: GitHubServer<IssuesState>): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const issue of s.state.issues.filter((i) => i.state === 'open')) {
      const key = keyOfBody(issue.body) ?? '(none)';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  const routes = [
    { route: LIST, what: 'listing its issues' },
    { route: CREATE, what: 'opening an issue' },
  ];
  // Opening an issue takes the faults whose handling differs for a write; the others (500, 503, a
  // body that is not JSON, repeated short rate limits) behave as on the list, and each write attempt
  // is spaced a real second apart by the client, as GitHub asks.
  const FOR_WRITES = new Set(['HTTP 502', '403 with x-ratelimit-remaining: 0 for an hour', '429 with retry-after: 600', '403 without a rate limit (no permission)', '401 (bad token)', '404', 'a connection reset mid-body (a truncated body)']);
  const cases = routes.flatMap(({ route, what }) =>
    [...MATRIX.filter((fault) => route === LIST || FOR_WRITES.has(fault.name)), ...(route === LIST ? [{ name: 'a next-page link back to the first page', faults: ['link-loop'] as Fault[], most: 2, message: /next-page link leads back to a page already read/ }] : [])].map(
      (fault) => ({ ...fault, route, what, message: route === CREATE ? new RegExp(fault.message.source.replace(/GET/g, 'POST')) : fault.message }),
    ),
  );

  it.each(cases)('$what, $name: at most $most requests, exit 2; once it clears, one issue per item', async ({ route, faults, most, message }) => {
    repo = tempRepo();
    server = await startGitHubServer(issuesState());
    addIssueRoutes(server);
    server.fault(route, faults, { persist: true });
    const failed = await remind(server);
    // A create whose answer is lost did reach GitHub: the issue is found on the list, not opened again.
    const found = route === CREATE && faults[0] === 'reset';
    expect(failed.code).toBe(found ? 0 : 2);
    if (!found) expect(failed.stderr).toMatch(/^oncall: remind: /m);
    if (!found) expect(failed.stderr).toMatch(message);
    expect(failed.stderr).not.toMatch(STACK_FRAME);
    expect(server.requestsTo(route).length).toBeGreaterThanOrEqual(1);
    // Opening an issue in doubt looks for it before trying again (a GET each time), never more than the bound.
    expect(server.requestsTo(route).length).toBeLessThanOrEqual(most);

    server.fault(route, []);
    const cleared = await remind(server);
    expect(cleared.stderr).toBe('');
    expect(cleared.code).toBe(0);
    expect(openIssuesByKey(server)).toEqual(Object.fromEntries(OVERDUE.map((key) => [key, 1])));
  });

  it('connection refused: a bounded number of attempts, exit 2, a clear message', async () => {
    repo = tempRepo();
    const port = await closedPort();
    const { fetch, calls } = countingFetch();
    const { io, out } = capture({ GITHUB_API_URL: `http://127.0.0.1:${port}`, GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'egi/oncall' }, repo.root);
    const code = await runRemind({ root: repo.root, now: DECEMBER, github: true }, io, { clientOptions: { ...CLIENT, fetch } });
    expect(code).toBe(2);
    expect(out.stderr).toMatch(/^oncall: remind: GitHub request failed on GET http:\/\/127\.0\.0\.1:\d+\/repos\/egi\/oncall\/issues.*ECONNREFUSED/);
    expect(out.stderr).not.toMatch(STACK_FRAME);
    expect(calls.length).toBeLessThanOrEqual(ATTEMPTS);
  });

  it('does not open a second issue when the answer to opening one is lost (reset after GitHub created it)', async () => {
    repo = tempRepo();
    server = await startGitHubServer(issuesState());
    addIssueRoutes(server);
    server.fault(CREATE, ['reset']);
    const first = await remind(server, LATER);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(server.state.issues).toHaveLength(2);
    expect(openIssuesByKey(server)).toEqual(Object.fromEntries(BOTH.map((key) => [key, 1])));
    const again = await remind(server, LATER);
    expect(again.stdout).toContain('0 changes on GitHub');
  });

  it('does not request forever when the issues list has a next-page link back to its first page', async () => {
    repo = tempRepo();
    server = await startGitHubServer(issuesState());
    addIssueRoutes(server);
    server.fault(LIST, ['link-loop'], { persist: true });
    const result = await remind(server);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^oncall: remind: reminder issues: GitHub's next-page link leads back to a page already read/);
    expect(server.requestsTo(LIST)).toHaveLength(2);
    expect(server.state.issues).toEqual([]);
  });

  it('stops after a failure half-way and finishes on the next run without a duplicate', async () => {
    repo = tempRepo();
    server = await startGitHubServer(issuesState());
    addIssueRoutes(server);
    // The first issue is opened; opening the second fails for good (a 4xx, so no retry and no doubt).
    server.fault(CREATE, [201, 422], { persist: true });
    const failed = await remind(server, LATER);
    expect(failed.code).toBe(2);
    expect(server.state.issues).toHaveLength(1);
    server.fault(CREATE, []);
    const resumed = await remind(server, LATER);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('1 change on GitHub');
    expect(openIssuesByKey(server)).toEqual(Object.fromEntries(BOTH.map((key) => [key, 1])));
  });
});
