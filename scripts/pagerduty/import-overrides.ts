/**
 * `oncall import pagerduty --overrides`: the overrides someone made in PagerDuty (a 3 am swap in
 * the web UI) written into the rotation files, so they enter through a pull request and the rules
 * check them. Edits keep each file's comments and layout (yaml's Document API): only a new entry is
 * appended to `overrides:`.
 */
import { isMap, isSeq, parseDocument, YAMLMap } from 'yaml';
import { isoInZone } from '../schedule/local-time.ts';
import type { PdOverride } from './api-types.ts';
import type { DesiredState } from './desired.ts';
import { matchSchedules, type Plan } from './plan.ts';
import type { CurrentState } from './read.ts';

export interface ImportedOverride {
  rotation: string;
  tier: string;
  person: string;
  start: string;
  end: string;
  reason: string;
}

/** The overrides made in PagerDuty (left alone by the plan) with the person each user is. */
export function overridesToImport(plan: Plan, state: DesiredState, current: CurrentState): { overrides: ImportedOverride[]; unknown: string[] } {
  const people = new Map([...state.users].map(([person, user]) => [user, person]));
  const madeThere = new Set(plan.leftAlone.filter((item) => item.object === 'override' && item.reason.startsWith('made in PagerDuty')).map((item) => item.id));
  const matched = matchSchedules(state.schedules, current.schedules);
  const overrides: ImportedOverride[] = [];
  const unknown: string[] = [];
  for (const d of state.schedules) {
    const schedule = matched.get(d.key);
    const list: PdOverride[] = schedule ? current.overrides.get(schedule.id) ?? [] : [];
    for (const o of list) {
      if (!madeThere.has(o.id)) continue;
      const person = people.get(o.user.id);
      const zone = d.timeZone;
      if (person === undefined) {
        unknown.push(`${d.key}: the override ${o.id} (${isoInZone(Date.parse(o.start), zone)} to ${isoInZone(Date.parse(o.end), zone)}) is held by PagerDuty user ${o.user.id}${o.user.summary ? ` (${o.user.summary})` : ''}, who is nobody in policy/people.yaml. Add them (with contacts.pagerduty_user: ${o.user.id}) and import again.`);
        continue;
      }
      overrides.push({ rotation: d.rotation, tier: d.tier, person, start: isoInZone(Date.parse(o.start), zone), end: isoInZone(Date.parse(o.end), zone), reason: `Made in PagerDuty (override ${o.id}); imported` });
    }
  }
  return { overrides, unknown };
}

/** The rotation file's text with the overrides appended to `overrides:` (created at the end if missing). */
export function appendOverrides(text: string, additions: readonly ImportedOverride[]): string {
  const doc = parseDocument(text);
  let list = doc.get('overrides', true);
  if (!isSeq(list)) {
    doc.set('overrides', doc.createNode([]));
    list = doc.get('overrides', true);
  }
  if (!isSeq(list) || !isMap(doc.contents)) throw new Error('the rotation file is not a mapping with an overrides list');
  for (const o of additions) {
    const entry = doc.createNode({ tier: o.tier, person: o.person, start: o.start, end: o.end, reason: o.reason }) as YAMLMap;
    list.items.push(entry);
  }
  return doc.toString({ lineWidth: 0 });
}
