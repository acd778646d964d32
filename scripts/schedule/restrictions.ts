/**
 * When a restricted layer is on call: windows at local wall-clock times in the layer's zone, every
 * day ("09:00" to "21:00"), on some days, or once a week ("friday 18:00" to "monday 09:00"). A
 * window keeps its wall-clock times across DST changes, so a 09:00-21:00 window lasts 11 or 13
 * hours on the days the clocks change, and times the clocks skip or repeat follow the same rule as
 * hand-offs (local-time.ts).
 *
 * Windows are kept as minutes into a local week (Monday 00:00 = 0). Reasoning about local time as
 * plain minutes makes "does this shift contain any on-call time?" periodic in the calendar, which is
 * what keeps turn counting exact and lazy (see turns.ts).
 */
import { DateTime } from 'luxon';
import { union } from './intervals.ts';
import { parseLocalTime, wallClockMillis } from './local-time.ts';
import type { Restriction } from './layers.ts';
import type { Interval } from './types.ts';

export const WEEK_MINUTES = 7 * 1440;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A layer's windows: where each starts in the local week and how long it lasts, both in minutes. */
export interface CompiledRestrictions {
  zone: string;
  windows: readonly { start: number; length: number }[];
}

function minuteOf(time: string): number {
  const { hour, minute } = parseLocalTime(time);
  return hour * 60 + minute;
}

function weekMinuteOf(text: string): number {
  const [day = 'monday', time = '00:00'] = text.split(' ');
  return WEEKDAYS.indexOf(day) * 1440 + minuteOf(time);
}

/** Whether a restriction is the weekly form (`"friday 18:00"`). */
export function isWeekly(restriction: Restriction): boolean {
  return restriction.from.includes(' ');
}

/** Compiles a layer's restrictions; undefined when there are none (the layer is always on call). */
export function compileRestrictions(restrictions: readonly Restriction[], zone: string): CompiledRestrictions | undefined {
  if (restrictions.length === 0) return undefined;
  const windows: { start: number; length: number }[] = [];
  for (const restriction of restrictions) {
    if (isWeekly(restriction)) {
      const start = weekMinuteOf(restriction.from);
      const length = (weekMinuteOf(restriction.to) - start + WEEK_MINUTES) % WEEK_MINUTES || WEEK_MINUTES;
      windows.push({ start, length });
      continue;
    }
    const from = minuteOf(restriction.from);
    const length = (minuteOf(restriction.to) - from + 1440) % 1440 || 1440;
    const days = 'days' in restriction && restriction.days ? restriction.days : WEEKDAYS;
    for (const day of days) windows.push({ start: WEEKDAYS.indexOf(day) * 1440 + from, length });
  }
  return { zone, windows };
}

/** Minutes since 1970-01-01 00:00 of a local wall-clock time, as if local time were UTC. */
export function naiveMinutes(date: { year: number; month: number; day: number }, hour: number, minute: number): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 60_000 + hour * 60 + minute;
}

/** Minutes into the local week (Monday 00:00 = 0) of a naive minute count; 1970-01-01 was a Thursday. */
function weekMinute(naive: number): number {
  return (((naive + 3 * 1440) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
}

/** Whether any window falls inside the local interval [start, end) of naive minutes. */
export function hasWindowIn(restrictions: CompiledRestrictions, start: number, end: number): boolean {
  for (let monday = start - weekMinute(start) - WEEK_MINUTES; monday < end; monday += WEEK_MINUTES) {
    for (const window of restrictions.windows) {
      const from = monday + window.start;
      if (from < end && from + window.length > start) return true;
    }
  }
  return false;
}

function instantOfNaive(naive: number, zone: string): number {
  const date = new Date(naive * 60_000);
  const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  return wallClockMillis(day, date.getUTCHours(), date.getUTCMinutes(), zone);
}

/** The on-call windows of a restricted layer overlapping [from, to), clipped to it, as instants. */
export function restrictedIntervals(restrictions: CompiledRestrictions, from: number, to: number): Interval[] {
  if (!(to > from)) return [];
  const local = (t: number) => {
    const value = DateTime.fromMillis(t, { zone: restrictions.zone });
    return naiveMinutes(value, value.hour, value.minute);
  };
  // One day of slack on each side: an offset change moves local time by hours, never by a day.
  const start = local(from) - 1440;
  const end = local(to) + 1440;
  const out: Interval[] = [];
  for (let monday = start - weekMinute(start) - WEEK_MINUTES; monday < end; monday += WEEK_MINUTES) {
    for (const window of restrictions.windows) {
      const naiveStart = monday + window.start;
      const naiveEnd = naiveStart + window.length;
      if (naiveStart >= end || naiveEnd <= start) continue;
      const a = Math.max(from, instantOfNaive(naiveStart, restrictions.zone));
      const b = Math.min(to, instantOfNaive(naiveEnd, restrictions.zone));
      if (b > a) out.push({ start: a, end: b });
    }
  }
  return union(out);
}
