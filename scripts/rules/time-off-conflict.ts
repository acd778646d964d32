import { DateTime } from 'luxon';
import { onCallIntervals } from '../schedule/business-hours.ts';
import { coverCandidates, describeCandidates } from '../schedule/cover.ts';
import { describeInterval } from '../schedule/describe.ts';
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { intersection } from '../schedule/intervals.ts';
import { shortIsoInZone } from '../schedule/local-time.ts';
import { durationMillis } from '../schedule/policy.ts';
import { describeTimeOff, timeOffByPerson, type TimeOff } from '../schedule/time-off.ts';
import type { Interval } from '../schedule/types.ts';
import type { DocPath } from '../repo/locate.ts';
import { businessCalendar } from '../time/business-time.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/** A shift, or the part of it, that falls in someone's time off. */
interface Clash {
  path: DocPath;
  person: string;
  tierName: string;
  tierIndex: number;
  clash: Interval;
  entry: TimeOff;
}

/** How far ahead time off is checked at most: a bound for hostile data, not a planning limit. */
const MAX_DAYS_AHEAD = 400;

/**
 * Someone who is away cannot answer a page. Time off is checked in full from now on (not only to
 * the coverage horizon: cover for next summer is best planned early), against roster shifts and
 * overrides alike; business-hours tiers clash only in business hours. The finding sits on the shift
 * (where the fix, an override, goes) and names who could cover in the roster's order with their
 * load. A private reason is never shown.
 */
export const timeOffConflict: Rule = {
  id: 'time-off-conflict',
  description:
    "Nobody is on call during their time off (people[].time_off in policy/people.yaml), from now on; the finding names who could cover (the next available people in the roster's order, with their load), and each time-off entry ends after it starts.",
  severity: 'error',
  needs: ['people'],
  check(ctx) {
    const people = ctx.model.policy.people!;
    people.data.people.forEach((person, p) => {
      (person.time_off ?? []).forEach((entry, t) => {
        const away = timeOffByPerson([{ ...person, time_off: [entry] }]);
        if (away.size > 0) return;
        ctx.report(people, ['people', p, 'time_off', t, 'to'], {
          message: `people[${p}].time_off[${t}].to: "${entry.to}" is not after its from "${entry.from}".`,
          hint: 'A date is a whole day (to is the last day away, included); a date-time is an instant (to is when the person is back).',
        });
      });
    });
    const timeOff = timeOffByPerson(people.data.people);
    if (timeOff.size === 0) return;
    const organisation = ctx.model.policy.organisation?.data;
    const hours = organisation ? businessCalendar(organisation) : undefined;
    const peopleById = new Map(people.data.people.map((person) => [person.id, person]));
    const context = {
      rotations: ctx.model.rotations.map((doc) => doc.data),
      people: peopleById,
      timeOff,
      ...(hours ? { businessHours: hours } : {}),
      allowConcurrentRotations: organisation?.on_call.allow_concurrent_rotations === true,
      ...(organisation ? { limits: { maxConsecutiveDays: organisation.on_call.max_consecutive_days, minRestMillis: durationMillis(organisation.on_call.min_rest_between_shifts) ?? 0 } } : {}),
    };
    const now = ctx.now.getTime();
    const limit = DateTime.fromMillis(now).plus({ days: MAX_DAYS_AHEAD }).toMillis();
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      const compiled = compileRotation(rotation);
      const found = new Map<string, { shift: Clash; more: number }>();
      const clashes: Clash[] = [];
      for (const [person, entries] of timeOff) {
        for (const entry of entries) {
          const from = Math.max(now, entry.start);
          const to = Math.min(limit, entry.end);
          if (!(to > from)) continue;
          for (const tier of compiled.tiers) {
            for (const shift of expandTier(compiled, tier, from, to)) {
              if (shift.person !== person) continue;
              for (const part of onCallIntervals({ start: shift.start.getTime(), end: shift.end.getTime() }, tier.coverage, hours)) {
                const clash = intersection(part, { start: from, end: to });
                if (clash) clashes.push({ path: shift.path, person, tierName: tier.name, tierIndex: tier.index, clash, entry });
              }
            }
          }
        }
      }
      clashes.sort((a, b) => a.clash.start - b.clash.start);
      for (const clash of clashes) {
        const key = `${formatPath(clash.path)}|${clash.person}|${clash.entry.index}`;
        const existing = found.get(key);
        if (existing) existing.more += 1;
        else found.set(key, { shift: clash, more: 0 });
      }
      for (const { shift, more } of found.values()) {
        const zone = rotation.timezone;
        const candidates = coverCandidates(context, rotation, shift.tierIndex, { person: shift.person, path: shift.path }, shift.clash);
        const personIndex = people.data.people.findIndex((p) => p.id === shift.person);
        const again = more > 0 ? `, and ${more} more ${more === 1 ? 'time' : 'times'} in that time off` : '';
        ctx.report(doc, shift.path, {
          message: `${formatPath(shift.path)}: "${shift.person}" is ${describeTimeOff(shift.entry, peopleById.get(shift.person)!.timezone)} (people[${personIndex}].time_off[${shift.entry.index}] in policy/people.yaml) but holds ${shift.tierName} of rotation "${rotation.id}" ${describeInterval(shift.clash.start, shift.clash.end, zone)}${again}.`,
          hint:
            candidates.length > 0
              ? `Cover it with an override (oncall cover ${shift.person} --from ${shortIsoInZone(shift.clash.start, zone)} --to ${shortIsoInZone(shift.clash.end, zone)} --by <person>). Next available in the roster's order: ${describeCandidates(candidates)}.`
              : `Cover it with an override; nobody on the list is free then without going past the on-call limits, so split the cover between people, ask someone outside the rotation, or change the time off.`,
        });
      }
    }
  },
};
