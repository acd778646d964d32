/**
 * An incident as reports, SLA rules, deadlines and pages read it: the recorded values with each
 * correction from `amendments` applied, in the order they were added (a later one wins). The
 * record itself never changes once closed; a correction is a new, reasoned entry. Pure.
 */
import type { SchemaTypes } from '../types/schema-types.ts';

type Incident = SchemaTypes['incident'];

const cache = new WeakMap<object, Incident>();

/** The incident with its amendments applied; the same object when there are none. */
export function amendedIncident<T extends Partial<Incident>>(incident: T): T {
  const amendments = incident.amendments;
  if (!amendments || amendments.length === 0) return incident;
  const cached = cache.get(incident);
  if (cached) return cached as unknown as T;
  const out: Record<string, unknown> = { ...incident };
  let impact: Record<string, unknown> | undefined;
  for (const amendment of amendments) {
    if (amendment.field.startsWith('impact.')) {
      // Read only when corrected: pages keep an incident's index fields, not its impact.
      impact ??= { ...(Object.hasOwn(incident, 'impact') ? (incident.impact as Record<string, unknown> | undefined) : undefined) };
      impact[amendment.field.slice('impact.'.length)] = amendment.value;
    } else {
      out[amendment.field] = amendment.value;
    }
  }
  if (impact) out.impact = impact;
  cache.set(incident, out as unknown as Incident);
  return out as T;
}
