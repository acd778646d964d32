import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import type { PagerDutyServer } from '../support/pagerduty-server.ts';
import { serverFor, sync } from './support.ts';

let repo: TempRepo;
let server: PagerDutyServer;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
});

async function setUp() {
  repo = tempRepo();
  server = await serverFor(repo);
}

const snapshot = (s: PagerDutyServer) => JSON.stringify({ schedules: s.state.schedules, overrides: s.state.overrides.map(({ created: _c, ...o }) => o), policies: s.state.policies });

describe('PagerDuty faults', () => {
  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    await setUp();
    server.fault('GET /users', [{ retryAfter: 2 }, { retryAfter: 1 }]);
    const result = await sync(repo, server, ['--plan']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("PagerDuty's rate limit was reached on GET /users; waiting 2s as it asked.");
    expect(server.requests.filter((r) => r.path === '/users').map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('gives up on a rate limit that asks for too long a wait, with exit 2 and nothing written', async () => {
    await setUp();
    server.fault('GET /schedules', [{ retryAfter: 3600 }]);
    const result = await sync(repo, server, ['--apply']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PagerDuty's rate limit is still reached after 0 waits (HTTP 429 on GET /schedules, retry after 3600s)");
    expect(server.requests.some((r) => r.method !== 'GET')).toBe(false);
  });

  it('retries a read after a 5xx and after a dropped connection', async () => {
    await setUp();
    server.fault('GET /schedules', [503, 'reset']);
    const result = await sync(repo, server, ['--plan']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('PagerDuty failed with HTTP 503 on GET /schedules; retrying (1 of 3).');
    expect(server.requests.filter((r) => r.path === '/schedules').map((r) => r.status)).toEqual([503, 0, 200]);
  });

  it('fails with exit 2 after a read times out on every try', async () => {
    await setUp();
    server.fault('GET /users', [{ delayMs: 400 }, { delayMs: 400 }, { delayMs: 400 }, { delayMs: 400 }]);
    const result = await sync(repo, server, ['--plan'], { PAGERDUTY_TIMEOUT_MS: '100' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/oncall: sync pagerduty: PagerDuty did not answer GET http:\/\/127\.0\.0\.1:\d+\/users\?limit=100&offset=0 within 100 ms\./);
  });

  it('says what to check when the token is rejected (401) or may not write (403)', async () => {
    await setUp();
    const rejected = await sync(repo, server, ['--plan'], { PAGERDUTY_TOKEN: 'wrong' });
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toBe('oncall: sync pagerduty: PagerDuty rejected the token (HTTP 401 on GET /users: Unauthorized). Check PAGERDUTY_TOKEN: it must be a REST API token of this account (and PAGERDUTY_API_URL the account\'s region).\n');
    server.state.readOnlyToken = 'read-only';
    const readOnly = await sync(repo, server, ['--apply'], { PAGERDUTY_TOKEN: 'read-only' });
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toContain('apply stopped after 0 of 9 changes: PagerDuty refused POST /schedules (HTTP 403: Access Denied (This token is read-only.)). The token lacks the permission: --apply needs a read-write REST API token, --plan a read-only one is enough.');
    expect(server.state.schedules).toEqual([]);
  });

  it('needs a token: exit 2 before any request', async () => {
    await setUp();
    const result = await sync(repo, server, ['--plan'], { PAGERDUTY_TOKEN: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('oncall: PAGERDUTY_TOKEN is not set: give the command a PagerDuty REST API token (read-only is enough for --plan).\n');
    expect(server.requests).toEqual([]);
  });

  it('an apply that stops halfway is finished by the next one, with nothing made twice', async () => {
    await setUp();
    // Three schedules and the primary's three overrides (one request) are made; the secondary's overrides fail.
    server.failWritesAfter(4);
    const stopped = await sync(repo, server, ['--apply']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain('apply stopped after 6 of 9 changes: PagerDuty failed with HTTP 500 on POST /schedules/PS000006/overrides: Internal Server Error. Nothing after this was sent; run the command again. What was sent stays in PagerDuty; run apply again to finish (nothing is made twice).');
    expect(server.state.schedules).toHaveLength(3);
    expect(server.state.overrides).toHaveLength(3);
    server.failWritesAfter(undefined);
    const finished = await sync(repo, server, ['--apply']);
    expect(finished.code).toBe(0);
    expect(server.state.schedules).toHaveLength(3);
    expect(server.state.overrides).toHaveLength(5);
    expect(server.state.policies).toHaveLength(1);
    const after = snapshot(server);
    const again = await sync(repo, server, ['--apply']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^PagerDuty apply: nothing to change \(compared /);
    expect(snapshot(server)).toBe(after);
  });

  it('a POST that fails with a 5xx is not sent again (it may have been carried out)', async () => {
    await setUp();
    server.fault('POST /schedules', [502]);
    const result = await sync(repo, server, ['--apply']);
    expect(result.code).toBe(2);
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/schedules')).toHaveLength(1);
  });

  it('answers that are not what the API describes fail clearly', async () => {
    await setUp();
    server.state.schedules.push({ id: 'PBAD001', name: 'x', time_zone: 'UTC', description: '', layers: [{ id: 'L1', name: 'l', start: 'yesterday', end: null, rotation_virtual_start: 'then', rotation_turn_length_seconds: 3600, users: [], restrictions: [] }] });
    const result = await sync(repo, server, ['--plan']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('oncall: sync pagerduty: schedule PBAD001 layer 0: "start" is "yesterday", not a date-time, in PagerDuty\'s answer.\n');
  });
});
