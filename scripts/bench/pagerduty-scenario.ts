/**
 * The benchmark's PagerDuty: the local PagerDuty API of tests/support/pagerduty-server.ts with one
 * user per person of the synthetic organisation, brought in line with it by one `sync pagerduty
 * --apply` (not timed), so the timed `--plan` reads a fully synced account under PagerDuty's rate
 * limit of 960 requests a minute.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startPagerDutyServer, type PagerDutyServer } from '../../tests/support/pagerduty-server.ts';

export interface PagerDutyScenario {
  server: PagerDutyServer;
  /** Requests the seeding apply sent (reads and writes). */
  applyRequests: number;
  applyWrites: number;
}

export async function startPagerDutyScenario(root: string, bin: string, now: string): Promise<PagerDutyScenario> {
  const people = (parse(readFileSync(join(root, 'policy', 'people.yaml'), 'utf8')) as { people: { id: string; name: string; contacts: { email?: string; pagerduty_user?: string } }[] }).people;
  let n = 0;
  const users = people.flatMap((p) => {
    if (p.contacts.pagerduty_user) return [{ id: p.contacts.pagerduty_user, name: p.name, email: `${p.id}@partner.example` }];
    if (p.contacts.email) return [{ id: `PU${String(++n).padStart(6, '0')}`, name: p.name, email: p.contacts.email }];
    return [];
  });
  // Seeding makes every object once (more writes than a minute allows): no limit while it runs.
  const server = await startPagerDutyServer({ users, now: Date.parse(now), rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  // Asynchronously: the server answers from this process's event loop.
  await promisify(execFile)(process.execPath, [bin, 'sync', 'pagerduty', '--apply', '--format', 'json', '--now', now], { cwd: root, env: { ...process.env, ...server.env() }, maxBuffer: 256 * 1024 * 1024 });
  const applyRequests = server.requests.length;
  const applyWrites = server.requests.filter((r) => r.method !== 'GET').length;
  server.state.rateLimit = { limit: 960, windowMs: 60_000 };
  server.resetRateLimit();
  return { server, applyRequests, applyWrites };
}
