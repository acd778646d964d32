/**
 * Business-time arithmetic: deadlines such as "8 business hours" or "2 business days" counted in an
 * organisation's working week, holidays and time zone. Pure: instants in, instants out, no clock.
 *
 * A business day is one full working day of business hours (09:00-17:00 gives 8 hours), so `2bd`
 * is 16 business hours: from Friday 16:00, one business day later is Monday 16:00. Working hours
 * are wall-clock times in the calendar's zone, so they stay 09:00-17:00 across DST changes, and a
 * window that contains a DST change is as long as the real time that passes in it.
 */
import { DateTime } from 'luxon';
import './zone-offsets.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { parseDuration, type Duration } from '../util/duration.ts';

/** An organisation's working week, in one IANA time zone. */
export interface BusinessCalendar {
  /** IANA zone the working hours and holidays are counted in. */
  zone: string;
  /** Working weekdays, ISO numbering (1 = Monday ... 7 = Sunday). */
  weekdays: ReadonlySet<number>;
  /** Start of the working day, minutes after local midnight. */
  startMinute: number;
  /** End of the working day, minutes after local midnight. */
  endMinute: number;
  /** Local dates (YYYY-MM-DD) that are not working days. */
  holidays: ReadonlySet<string>;
}

const WEEKDAYS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/** Longest stretch the arithmetic walks before giving up (a calendar with no working time left). */
const MAX_DAYS = 366 * 30;

function minuteOfDay(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** The calendar of policy/organisation.yaml's `business_hours` (zone defaults to the organisation's). */
export function businessCalendar(organisation: SchemaTypes['organisation']): BusinessCalendar {
  const hours = organisation.business_hours;
  return {
    zone: hours.timezone ?? organisation.timezone,
    weekdays: new Set(hours.days.map((day) => WEEKDAYS[day]!)),
    startMinute: minuteOfDay(hours.start),
    endMinute: minuteOfDay(hours.end),
    holidays: new Set(hours.holidays ?? []),
  };
}

/** Business minutes in one working day (480 for 09:00-17:00); 0 for a calendar without working hours. */
export function businessDayMinutes(calendar: BusinessCalendar): number {
  return Math.max(0, calendar.endMinute - calendar.startMinute);
}

function hasWorkingTime(calendar: BusinessCalendar): boolean {
  return calendar.weekdays.size > 0 && businessDayMinutes(calendar) > 0;
}

/** Working windows by calendar and local day: every rotation's business-hours tier asks for the same days. */
const dayMemory = new Map<string, { start: number; end: number } | null>();

/** The working window of one local day, or undefined when the day is not a working day. */
function windowOf(calendar: BusinessCalendar, day: DateTime): { start: number; end: number } | undefined {
  const key = `${calendarKey(calendar)}|${day.year}-${day.month}-${day.day}`;
  let known = dayMemory.get(key);
  if (known === undefined) {
    known = computeWindowOf(calendar, day) ?? null;
    if (dayMemory.size >= 100_000) dayMemory.clear();
    dayMemory.set(key, known);
  }
  return known ?? undefined;
}

function computeWindowOf(calendar: BusinessCalendar, day: DateTime): { start: number; end: number } | undefined {
  if (!calendar.weekdays.has(day.weekday)) return undefined;
  if (calendar.holidays.has(day.toISODate() ?? '')) return undefined;
  const at = (minute: number) =>
    DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60 },
      { zone: calendar.zone },
    ).toMillis();
  return { start: at(calendar.startMinute), end: at(calendar.endMinute) };
}

function localDay(calendar: BusinessCalendar, millis: number): DateTime {
  return DateTime.fromMillis(millis, { zone: calendar.zone }).startOf('day');
}

/**
 * The working-hour windows overlapping [from, to), in epoch milliseconds, clipped to it. Cost grows
 * with the number of days in the window.
 */
export function businessWindows(calendar: BusinessCalendar, from: number, to: number): { start: number; end: number }[] {
  // The schedule checks ask for the same shifts' windows many times (rotations in one zone share
  // their hand-offs); the answer depends only on the calendar's contents and the interval.
  const key = `${calendarKey(calendar)}|${from}|${to}`;
  let windows = windowMemory.get(key);
  if (!windows) {
    windows = computeBusinessWindows(calendar, from, to);
    if (windowMemory.size >= 100_000) windowMemory.clear();
    windowMemory.set(key, windows);
  }
  return windows.map((w) => ({ start: w.start, end: w.end }));
}

const windowMemory = new Map<string, readonly { start: number; end: number }[]>();
const calendarKeys = new WeakMap<BusinessCalendar, string>();

/** Everything a calendar says, as text: two calendars with the same key give the same answers. */
function calendarKey(calendar: BusinessCalendar): string {
  let key = calendarKeys.get(calendar);
  if (key === undefined) {
    key = JSON.stringify([calendar.zone, [...calendar.weekdays], calendar.startMinute, calendar.endMinute, [...calendar.holidays]]);
    calendarKeys.set(calendar, key);
  }
  return key;
}

function computeBusinessWindows(calendar: BusinessCalendar, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!(to > from)) return out;
  const last = localDay(calendar, to).toMillis();
  for (let day = localDay(calendar, from); day.toMillis() <= last; day = day.plus({ days: 1 }).startOf('day')) {
    const window = windowOf(calendar, day);
    if (!window) continue;
    const start = Math.max(window.start, from);
    const end = Math.min(window.end, to);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Whether an instant falls inside working hours. */
export function isWithinBusinessHours(calendar: BusinessCalendar, instant: Date): boolean {
  const t = instant.getTime();
  const window = windowOf(calendar, localDay(calendar, t));
  return window !== undefined && t >= window.start && t < window.end;
}

/** Business minutes elapsed between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a) || !hasWorkingTime(calendar)) return 0;
  let total = 0;
  let day = localDay(calendar, a);
  for (let i = 0; i < MAX_DAYS; i++) {
    const window = windowOf(calendar, day);
    if (window) {
      if (window.start >= b) break;
      const overlap = Math.min(b, window.end) - Math.max(a, window.start);
      if (overlap > 0) total += overlap;
    } else if (day.toMillis() >= b) {
      break;
    }
    day = day.plus({ days: 1 });
  }
  return total / 60_000;
}

/**
 * The instant at which `minutes` business minutes have passed since `from`, or undefined when the
 * calendar has no working time to count in. Time outside working hours does not count, so a
 * deadline that runs out at the end of a working day is that day's closing time.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date | undefined {
  if (minutes <= 0) return new Date(from.getTime());
  if (!hasWorkingTime(calendar)) return undefined;
  let remaining = minutes * 60_000;
  const start = from.getTime();
  let day = localDay(calendar, start);
  for (let i = 0; i < MAX_DAYS; i++) {
    const window = windowOf(calendar, day);
    if (window && window.end > start) {
      const begin = Math.max(start, window.start);
      const available = window.end - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
    day = day.plus({ days: 1 });
  }
  return undefined;
}

/**
 * The deadline `duration` after `from`: calendar minutes and hours as elapsed time, days and weeks
 * as local calendar days in the calendar's zone (so a day across a DST change keeps its wall-clock
 * time), business hours and days in working time. Undefined for text that is not a duration (for
 * example `next-sprint`, which sets no clock) or a calendar with no working time.
 */
export function deadlineAfter(calendar: BusinessCalendar, from: Date, duration: string | Duration): Date | undefined {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!d) return undefined;
  switch (d.unit) {
    case 'm':
      return new Date(from.getTime() + d.amount * 60_000);
    case 'h':
      return new Date(from.getTime() + d.amount * 3_600_000);
    case 'd':
    case 'w': {
      const local = DateTime.fromMillis(from.getTime(), { zone: calendar.zone });
      return local.plus(d.unit === 'd' ? { days: d.amount } : { weeks: d.amount }).toJSDate();
    }
    case 'bh':
    case 'bd':
      if (!hasWorkingTime(calendar)) return undefined;
      return addBusinessMinutes(calendar, from, d.amount * (d.unit === 'bh' ? 60 : businessDayMinutes(calendar)));
  }
}

/**
 * How long passed between two instants in the terms of a target: business minutes for a business
 * target (`8bh`, `2bd`), elapsed minutes otherwise.
 */
export function minutesAgainst(calendar: BusinessCalendar, from: Date, to: Date, target: string): number {
  const d = parseDuration(target);
  if (d && (d.unit === 'bh' || d.unit === 'bd')) return businessMinutesBetween(calendar, from, to);
  return Math.max(0, (to.getTime() - from.getTime()) / 60_000);
}

/**
 * A target's length in the minutes {@link minutesAgainst} measures: business minutes for `bh`/`bd`,
 * elapsed minutes for `m`/`h`, and for `d`/`w` the nominal length (24 h a day). Undefined for
 * `next-sprint` or anything else that is not a duration.
 */
export function targetMinutes(calendar: BusinessCalendar, target: string): number | undefined {
  const d = parseDuration(target);
  if (!d) return undefined;
  switch (d.unit) {
    case 'm':
      return d.amount;
    case 'h':
      return d.amount * 60;
    case 'd':
      return d.amount * 1440;
    case 'w':
      return d.amount * 10080;
    case 'bh':
      return d.amount * 60;
    case 'bd':
      return d.amount * businessDayMinutes(calendar);
  }
}
