/**
 * What policy/kill-switch.yaml says about one activation in an incident's kill-switch log: how long
 * it lasted, and which resume scope governs ending it. Pure lookups shared by the kill-switch rules.
 */
import type { SchemaTypes } from '../types/schema-types.ts';
import { calendarMillis, parseDuration } from '../util/duration.ts';
import { instantOf } from './instants.ts';
import type { Incident } from './policy.ts';

export type KillSwitchEntry = NonNullable<Incident['kill_switch']>[number];
export type KillSwitchPolicy = SchemaTypes['kill-switch'];
export type ResumeScope = KillSwitchPolicy['resume'][number];

const OPEN: ReadonlySet<string> = new Set(['detected', 'acknowledged', 'mitigated']);

/**
 * When an activation ended: its resume; else the next entry of the log that covers the same ground
 * (a global one, or one for the same workspace), which took over; else, while the incident is open,
 * `now`. Undefined when the log does not say (a closed incident that never recorded the resume).
 */
export function activationEnd(incident: Incident, index: number, now: Date): Date | undefined {
  const log = incident.kill_switch ?? [];
  const entry = log[index]!;
  const resumed = instantOf(entry.resumed);
  if (resumed) return resumed;
  const start = instantOf(entry.at);
  if (!start) return undefined;
  const next = log
    .filter((other, i) => i !== index && (other.scope === 'global' || (other.scope === entry.scope && other.workspace === entry.workspace)))
    .map((other) => instantOf(other.at))
    .filter((at): at is Date => at !== undefined && at.getTime() > start.getTime())
    .sort((a, b) => a.getTime() - b.getTime())[0];
  if (next) return next;
  return OPEN.has(incident.status) ? now : undefined;
}

/**
 * Whether every role an activation names (who activated, approved, was told, resumed) is a role the
 * policy defines. One that is not is reported by reference-exists; the kill-switch rules then leave
 * the entry alone rather than echo the typo as a missing approval or notification.
 */
export function entryRolesKnown(entry: KillSwitchEntry, roles: ReadonlySet<string>): boolean {
  const named = [
    ...(entry.activated_by ? [entry.activated_by.role] : []),
    ...(entry.approval && entry.approval !== 'none' ? entry.approval.by.map((signer) => signer.role) : []),
    ...(entry.notified ?? []).map((n) => n.who).filter((who) => who !== 'all-stakeholders'),
    ...(entry.resumed_by ?? []).map((signer) => signer.role),
  ];
  return named.every((role) => roles.has(role));
}

/** Milliseconds of a calendar duration text (15m, 1h); undefined for business time or bad text. */
export function durationMillis(text: string | undefined): number | undefined {
  const duration = text === undefined ? undefined : parseDuration(text);
  return duration ? calendarMillis(duration) : undefined;
}

/**
 * The resume scope that governs ending an activation: a scope naming its scenario wins; otherwise the
 * first scope naming its action whose duration bounds fit how long it lasted. Undefined when none does.
 */
export function resumeScopeFor(policy: KillSwitchPolicy, entry: KillSwitchEntry, lastedMillis: number): ResumeScope | undefined {
  const byScenario = policy.resume.find((scope) => scope.applies_to?.scenarios?.includes(entry.scenario));
  if (byScenario) return byScenario;
  return policy.resume.find((scope) => {
    const applies = scope.applies_to;
    if (!applies?.actions?.includes(entry.action)) return false;
    const upTo = durationMillis(applies.up_to);
    const longerThan = durationMillis(applies.longer_than);
    if (upTo !== undefined && lastedMillis > upTo) return false;
    if (longerThan !== undefined && lastedMillis <= longerThan) return false;
    return true;
  });
}
