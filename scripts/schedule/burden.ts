/**
 * On-call burden per person over a period, so the fairness on-call policies ask for ("track on-call
 * burden") can be seen: hours per tier, weekend and night hours in the person's own zone, shifts.
 */
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { BusinessCalendar } from '../time/business-time.ts';
import { onCallIntervals } from './business-hours.ts';
import { compileRotation, expandTier } from './expand.ts';
import { intersection } from './intervals.ts';
import { wallClockInstant } from './local-time.ts';
import type { Interval } from './types.ts';

/** Nights run from 22:00 to 07:00 local time; weekends are Saturday and Sunday. */
export const NIGHT_STARTS = 22;
export const NIGHT_ENDS = 7;

/** One person's burden in the period. */
export interface PersonBurden {
  person: string;
  /** Zone weekend and night hours are counted in (the person's, else the rotation's). */
  timezone: string;
  /** Shifts (after overrides split them) overlapping the period. */
  shifts: number;
  /** On-call hours in the period. */
  hours: number;
  weekendHours: number;
  nightHours: number;
  tiers: { rotation: string; tier: string; shifts: number; hours: number }[];
}

const HOUR = 3_600_000;

/** Milliseconds of `interval` that fall on weekends and at night, in `zone`. */
function weekendAndNight(interval: Interval, zone: string): { weekend: number; night: number } {
  let weekend = 0;
  let night = 0;
  let day = DateTime.fromMillis(interval.start, { zone }).startOf('day');
  while (day.toMillis() < interval.end) {
    const next = day.plus({ days: 1 }).startOf('day');
    const date = { year: day.year, month: day.month, day: day.day };
    const whole = intersection(interval, { start: day.toMillis(), end: next.toMillis() });
    if (whole) {
      if (day.weekday >= 6) weekend += whole.end - whole.start;
      const morning = intersection(interval, { start: day.toMillis(), end: wallClockInstant(date, NIGHT_ENDS, 0, zone).toMillis() });
      const evening = intersection(interval, { start: wallClockInstant(date, NIGHT_STARTS, 0, zone).toMillis(), end: next.toMillis() });
      for (const part of [morning, evening]) if (part) night += part.end - part.start;
    }
    day = next;
  }
  return { weekend, night };
}

const round = (millis: number) => Math.round((millis / HOUR) * 100) / 100;

/**
 * Burden of everyone with on-call time in [from, to), sorted by person id. Business-hours tiers
 * count only business hours (outside them the tier is reached by arrangement).
 */
export function computeBurden(input: {
  rotations: readonly SchemaTypes['rotation'][];
  people: ReadonlyMap<string, { timezone: string }>;
  businessHours?: BusinessCalendar;
  from: Date;
  to: Date;
}): PersonBurden[] {
  const window = { start: input.from.getTime(), end: input.to.getTime() };
  const totals = new Map<string, { timezone: string; shifts: number; hours: number; weekend: number; night: number; tiers: Map<string, { rotation: string; tier: string; shifts: number; hours: number }> }>();
  for (const rotation of input.rotations) {
    const compiled = compileRotation(rotation);
    for (const tier of compiled.tiers) {
      for (const shift of expandTier(compiled, tier, window.start, window.end)) {
        const zone = input.people.get(shift.person)?.timezone ?? rotation.timezone;
        let entry = totals.get(shift.person);
        if (!entry) {
          entry = { timezone: zone, shifts: 0, hours: 0, weekend: 0, night: 0, tiers: new Map() };
          totals.set(shift.person, entry);
        }
        const key = `${rotation.id}/${tier.id}`;
        let perTier = entry.tiers.get(key);
        if (!perTier) {
          perTier = { rotation: rotation.id, tier: tier.id, shifts: 0, hours: 0 };
          entry.tiers.set(key, perTier);
        }
        entry.shifts += 1;
        perTier.shifts += 1;
        const clipped = intersection({ start: shift.start.getTime(), end: shift.end.getTime() }, window);
        if (!clipped) continue;
        for (const interval of onCallIntervals(clipped, tier.coverage, input.businessHours)) {
          const length = interval.end - interval.start;
          entry.hours += length;
          perTier.hours += length;
          const { weekend, night } = weekendAndNight(interval, zone);
          entry.weekend += weekend;
          entry.night += night;
        }
      }
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([person, t]) => ({
      person,
      timezone: t.timezone,
      shifts: t.shifts,
      hours: round(t.hours),
      weekendHours: round(t.weekend),
      nightHours: round(t.night),
      tiers: [...t.tiers.values()].map((x) => ({ ...x, hours: round(x.hours) })),
    }));
}
