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

describe('oncall sync pagerduty on the example organisation', () => {
  it('plans, applies, and then plans nothing', async () => {
    repo = tempRepo();
    server = await serverFor(repo);
    const plan = await sync(repo, server, ['--plan', '--exit-code']);
    console.log(plan.stdout, plan.stderr);
    expect(plan.code).toBe(1);
    const applied = await sync(repo, server, ['--apply']);
    console.log(applied.stdout, applied.stderr);
    expect(applied.code).toBe(0);
    const again = await sync(repo, server, ['--plan', '--exit-code']);
    console.log(again.stdout, again.stderr);
    expect(again.code).toBe(0);
  });
});
