import type { Doc } from '../model/repo-model.ts';
import { onCallIntervals } from '../schedule/business-hours.ts';
import { businessCalendar, type BusinessCalendar } from '../time/business-time.ts';
import { describeInterval } from '../schedule/describe.ts';
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { intersection } from '../schedule/intervals.ts';
import { horizonEnd } from '../schedule/policy.ts';
import type { Interval, LocatedShift } from '../schedule/types.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

interface Booking {
  doc: Doc<'rotation'>;
  shift: LocatedShift;
  tierIndex: number;
  tierName: string;
  /** When the holder is actually on call (business-hours tiers only count business hours). */
  intervals: Interval[];
}

function firstOverlap(a: Booking, b: Booking): Interval | undefined {
  for (const x of a.intervals) for (const y of b.intervals) {
    const overlap = intersection(x, y);
    if (overlap) return overlap;
  }
  return undefined;
}

/**
 * One person cannot be both the first responder and their own backup, so two tiers of one rotation
 * at once is an error. Two rotations at once is a warning: it may be intended (small teams), which
 * policy says with on_call.allow_concurrent_rotations.
 */
export const doubleBooking: Rule = {
  id: 'double-booking',
  description:
    'Nobody holds two tiers of one rotation at the same instant (error), or is on call in two rotations at once (warning, unless on_call.allow_concurrent_rotations is true), from now to the coverage horizon.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: [],
  check(ctx) {
    const organisation = ctx.model.policy.organisation?.data;
    const hours: BusinessCalendar | undefined = organisation ? businessCalendar(organisation) : undefined;
    const from = ctx.now.getTime();
    const to = horizonEnd(organisation, ctx.now).getTime();
    const byPerson = new Map<string, Booking[]>();
    for (const doc of ctx.model.rotations) {
      const compiled = compileRotation(doc.data);
      for (const tier of compiled.tiers) {
        for (const shift of expandTier(compiled, tier, from, to)) {
          const intervals = onCallIntervals({ start: Math.max(from, shift.start.getTime()), end: Math.min(to, shift.end.getTime()) }, tier.coverage, hours);
          const booking = { doc, shift, tierIndex: tier.index, tierName: tier.name, intervals };
          const list = byPerson.get(shift.person);
          if (list) list.push(booking);
          else byPerson.set(shift.person, [booking]);
        }
      }
    }

    // One finding per place in a file and kind of clash, with how often it happens.
    const findings = new Map<string, { doc: Doc<'rotation'>; path: LocatedShift['path']; message: string; hint: string; warning: boolean; more: number }>();
    const note = (doc: Doc<'rotation'>, path: LocatedShift['path'], key: string, message: string, hint: string, warning: boolean) => {
      const id = `${doc.file.path}|${formatPath(path)}|${key}`;
      const existing = findings.get(id);
      if (existing) existing.more += 1;
      else findings.set(id, { doc, path, message, hint, warning, more: 0 });
    };

    for (const [person, bookings] of byPerson) {
      for (let i = 0; i < bookings.length; i++) {
        for (let j = i + 1; j < bookings.length; j++) {
          const a = bookings[i]!;
          const b = bookings[j]!;
          const sameRotation = a.doc === b.doc;
          if (sameRotation && a.tierIndex === b.tierIndex) continue;
          const overlap = firstOverlap(a, b);
          if (!overlap) continue;
          // Report at the entry of the later tier (or later rotation), where the clash was introduced.
          const [first, second] =
            sameRotation ? (a.tierIndex < b.tierIndex ? [a, b] : [b, a]) : a.doc.data.id < b.doc.data.id ? [a, b] : [b, a];
          const zone = second.doc.data.timezone;
          const where = formatPath(second.shift.path);
          if (sameRotation) {
            note(
              second.doc,
              second.shift.path,
              `tier:${first.shift.tier}`,
              `${where}: "${person}" holds both ${first.tierName} and ${second.tierName} of rotation "${second.doc.data.id}" ${describeInterval(overlap.start, overlap.end, zone)}.`,
              'One person cannot back themselves up: change the roster order or offset, or add an override so someone else holds one of the tiers.',
              false,
            );
          } else if (organisation?.on_call.allow_concurrent_rotations !== true) {
            note(
              second.doc,
              second.shift.path,
              `rotation:${first.doc.data.id}`,
              `${where}: "${person}" is on call in rotations "${first.doc.data.id}" (${first.tierName}) and "${second.doc.data.id}" (${second.tierName}) at once ${describeInterval(overlap.start, overlap.end, zone)}.`,
              'Move one of the shifts with an override, or set on_call.allow_concurrent_rotations: true in policy/organisation.yaml if this is intended.',
              true,
            );
          }
        }
      }
    }
    for (const f of findings.values()) {
      const message = f.more > 0 ? f.message.replace(/\.$/, `, and ${f.more} more ${f.more === 1 ? 'time' : 'times'} before the coverage horizon.`) : f.message;
      ctx.report(f.doc, f.path, { message, hint: f.hint, ...(f.warning ? { severity: 'warning' as const } : {}) });
    }
  },
};
