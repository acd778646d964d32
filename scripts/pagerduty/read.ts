/**
 * Reading PagerDuty's current state for a plan, in a bounded number of requests: every list at the
 * largest page size (users, schedules with their layers and rendered final schedule, escalation
 * policies), then the override list of only those schedules the repository manages and that have
 * overrides on either side.
 */
import { parseEscalationPolicy, parseOverride, parseSchedule, parseUser, type PdEscalationPolicy, type PdOverride, type PdSchedule, type PdUser } from './api-types.ts';
import { PagerDutyAnswerError, type PagerDutyClient } from './client.ts';

export interface CurrentState {
  users: PdUser[];
  schedules: PdSchedule[];
  policies: PdEscalationPolicy[];
  /** Overrides by schedule id, for the schedules whose overrides were read. */
  overrides: Map<string, PdOverride[]>;
}

export interface ReadWindow {
  /** Rendered entries from here (the plan's now). */
  since: number;
  /** ... up to here. */
  until: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function readUsers(client: PagerDutyClient): Promise<PdUser[]> {
  return (await client.list('/users', 'users')).map(parseUser);
}

/** Schedules, policies and users; overrides come after the plan knows which schedules it manages. */
export async function readAccount(client: PagerDutyClient, window: ReadWindow, users: PdUser[]): Promise<Omit<CurrentState, 'overrides'>> {
  const schedules = (
    await client.list('/schedules', 'schedules', {
      'include[]': ['schedule_layers', 'final_schedule'],
      since: iso(window.since),
      until: iso(window.until),
    })
  ).map(parseSchedule);
  const policies = (await client.list('/escalation_policies', 'escalation_policies')).map(parseEscalationPolicy);
  return { users, schedules, policies };
}

/** The overrides of some schedules that end after `since` (one request per schedule). */
export async function readOverrides(client: PagerDutyClient, scheduleIds: readonly string[], window: ReadWindow): Promise<Map<string, PdOverride[]>> {
  const out = new Map<string, PdOverride[]>();
  for (const id of scheduleIds) {
    const answer = await client.get(`/schedules/${encodeURIComponent(id)}/overrides`, { since: iso(window.since), until: iso(window.until), overflow: true });
    const list = typeof answer === 'object' && answer !== null ? (answer as { overrides?: unknown }).overrides : undefined;
    if (!Array.isArray(list)) throw new PagerDutyAnswerError(`PagerDuty's answer to GET /schedules/${id}/overrides has no "overrides" list.`);
    out.set(id, list.map((o, i) => parseOverride(o, `schedule ${id} override ${i}`)));
  }
  return out;
}
