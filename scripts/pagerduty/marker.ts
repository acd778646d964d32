/**
 * How the sync recognises the PagerDuty objects it owns: a marker line at the end of their
 * description. A schedule's marker also carries the ids of the overrides the sync made or matched
 * in it (PagerDuty's overrides have no description of their own), so it can tell an override that
 * was removed from the repository (delete it) from one made in PagerDuty's web UI (leave it alone).
 */

export interface ScheduleMarker {
  rotation: string;
  tier: string;
  overrides: string[];
}

const SCHEDULE = /\[oncall-as-code schedule ([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)(?: overrides: ([A-Za-z0-9 ]*))?\]/;
const POLICY = /\[oncall-as-code escalation-policy ([a-z0-9][a-z0-9-]*)\]/;
const ANY = /\n*\[oncall-as-code [^\]]*\]\s*$/;

export function scheduleMarker(rotation: string, tier: string, overrides: readonly string[] = []): string {
  const ids = [...new Set(overrides)].sort();
  return `[oncall-as-code schedule ${rotation}/${tier}${ids.length > 0 ? ` overrides: ${ids.join(' ')}` : ''}]`;
}

export function policyMarker(rotation: string): string {
  return `[oncall-as-code escalation-policy ${rotation}]`;
}

export function readScheduleMarker(description: string): ScheduleMarker | undefined {
  const match = SCHEDULE.exec(description);
  if (!match) return undefined;
  return { rotation: match[1]!, tier: match[2]!, overrides: (match[3] ?? '').split(' ').filter((id) => id !== '') };
}

export function readPolicyMarker(description: string): string | undefined {
  return POLICY.exec(description)?.[1];
}

/** The description without the marker line: the part people read and the plan compares. */
export function withoutMarker(description: string): string {
  return description.replace(ANY, '').trimEnd();
}

/** A description with its marker line replaced (or added). */
export function withMarker(description: string, marker: string): string {
  const text = withoutMarker(description);
  return text === '' ? marker : `${text}\n${marker}`;
}
