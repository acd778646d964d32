/**
 * The organisation's business hours as intervals, and the part of a shift during which its holder
 * is actually on call: all of it for a 24/7 tier, only business hours for a business-hours tier
 * (outside them the tier is reached by arrangement, which is not on-call time).
 */
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import { intersection } from './intervals.ts';
import { parseLocalTime, wallClockInstant } from './local-time.ts';
import type { Interval } from './types.ts';

const WEEKDAY_NUMBER: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/** Business hours as the engine needs them. */
export interface BusinessHours {
  zone: string;
  weekdays: ReadonlySet<number>;
  start: { hour: number; minute: number };
  end: { hour: number; minute: number };
  holidays: ReadonlySet<string>;
}

/** Business hours from policy/organisation.yaml (zone defaults to the organisation's). */
export function businessHoursOf(organisation: SchemaTypes['organisation']): BusinessHours {
  const hours = organisation.business_hours;
  return {
    zone: hours.timezone ?? organisation.timezone,
    weekdays: new Set(hours.days.map((d) => WEEKDAY_NUMBER[d]!)),
    start: parseLocalTime(hours.start),
    end: parseLocalTime(hours.end),
    holidays: new Set(hours.holidays ?? []),
  };
}

/** Working-hour intervals overlapping [from, to), clipped to it; cost grows with the window's days. */
export function businessIntervals(hours: BusinessHours, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  if (!(to > from)) return out;
  let day = DateTime.fromMillis(from, { zone: hours.zone }).startOf('day');
  const last = DateTime.fromMillis(to, { zone: hours.zone }).startOf('day');
  while (day.toMillis() <= last.toMillis()) {
    const date = { year: day.year, month: day.month, day: day.day };
    if (hours.weekdays.has(day.weekday) && !hours.holidays.has(day.toISODate() ?? '')) {
      const start = wallClockInstant(date, hours.start.hour, hours.start.minute, hours.zone).toMillis();
      const end = wallClockInstant(date, hours.end.hour, hours.end.minute, hours.zone).toMillis();
      const clipped = intersection({ start, end }, { start: from, end: to });
      if (clipped) out.push(clipped);
    }
    day = DateTime.fromObject({ ...date }, { zone: hours.zone }).plus({ days: 1 }).startOf('day');
  }
  return out;
}

/**
 * The intervals within a shift when its holder is on call: the whole shift for 24/7 coverage,
 * business hours only for business-hours coverage. Without known business hours (no valid
 * organisation file) the whole shift counts, which over- rather than under-reports.
 */
export function onCallIntervals(shift: Interval, coverage: 'always' | 'business-hours', hours: BusinessHours | undefined): Interval[] {
  if (coverage === 'always' || !hours) return [{ start: shift.start, end: shift.end }];
  return businessIntervals(hours, shift.start, shift.end);
}
