/** Shared set-up for the PagerDuty tests: a local PagerDuty whose users match a repository's people. */
import { parse } from 'yaml';
import { runCli } from '../support/cli.ts';
import { startPagerDutyServer, type FakeUser, type PagerDutyServer, type PagerDutyState } from '../support/pagerduty-server.ts';
import type { TempRepo } from '../support/repo.ts';

/** The PagerDuty users of a repository's people: by `contacts.pagerduty_user`, else by e-mail. */
export function usersOf(peopleYaml: string): FakeUser[] {
  const doc = parse(peopleYaml) as { people: { id: string; name: string; contacts: { email?: string; pagerduty_user?: string } }[] };
  let n = 0;
  return doc.people.flatMap((p) => {
    if (p.contacts.pagerduty_user) return [{ id: p.contacts.pagerduty_user, name: p.name, email: `${p.id}@partner.example` }];
    if (p.contacts.email) return [{ id: `PU${String(++n).padStart(5, '0')}`, name: p.name, email: p.contacts.email }];
    return [];
  });
}

/** Person id -> PagerDuty user id, as {@link usersOf} makes them. */
export function userIdsOf(peopleYaml: string): Map<string, string> {
  const doc = parse(peopleYaml) as { people: { id: string; contacts: { email?: string; pagerduty_user?: string } }[] };
  const users = usersOf(peopleYaml);
  const out = new Map<string, string>();
  for (const p of doc.people) {
    const user = users.find((u) => (p.contacts.pagerduty_user ? u.id === p.contacts.pagerduty_user : u.email === p.contacts.email));
    if (user) out.set(p.id, user.id);
  }
  return out;
}

export async function serverFor(repo: TempRepo, state: Partial<PagerDutyState> = {}): Promise<PagerDutyServer> {
  return startPagerDutyServer({ users: usersOf(repo.read('policy/people.yaml')), now: Date.parse('2026-11-22T12:00:00+01:00'), ...state });
}

/** Client waits shrunk so fault tests take milliseconds: one "second" of waiting is 1 ms. */
export const FAST = { ONCALL_PAGERDUTY_SECOND_MS: '1' };

export async function sync(repo: TempRepo, server: PagerDutyServer, args: readonly string[], env: Record<string, string | undefined> = {}) {
  return runCli(['sync', 'pagerduty', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00', ...args], { env: server.env({ ...FAST, ...env }) });
}
