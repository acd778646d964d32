/**
 * The hand-off clock of a rotation: hand-off number k happens on the local date `anchor + k * period`
 * at the hand-off's wall-clock time in the rotation's zone. Everything is arithmetic on k, so finding
 * the shift at an instant costs the same whether the rotation began last week or decades ago.
 */
import { DateTime } from 'luxon';
import type { ClockSpec } from './layers.ts';
import { dateValue, localDateOf, parseLocalDate, parseLocalTime, wallClockMillis, type LocalDate } from './local-time.ts';

const DAY_MS = 86_400_000;

/** The UTC calendar date of an instant (fields NaN outside the range dates can show, as luxon's are). */
function utcDateOf(millis: number): LocalDate {
  const date = new Date(millis);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Midnight UTC of a calendar date, any year; undefined when the fields are not a calendar date. */
function utcMillisOf(date: LocalDate): number | undefined {
  const value = new Date(0);
  value.setUTCFullYear(date.year, date.month - 1, date.day);
  const millis = value.getTime();
  if (value.getUTCFullYear() !== date.year || value.getUTCMonth() + 1 !== date.month || value.getUTCDate() !== date.day) return undefined;
  return millis;
}

const WEEKDAY_NUMBER: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/** When a rotation's shifts change hands. */
export interface HandoffClock {
  zone: string;
  /** Local date of hand-off 0 (the first hand-off on or after `start` falling on the hand-off weekday). */
  anchor: LocalDate;
  /** Days between hand-offs. */
  periodDays: number;
  hour: number;
  minute: number;
  /** Instant (epoch ms) of hand-off k; k may be negative (before the rotation began). */
  handoffAt(k: number): number;
  /** Local date of hand-off k. */
  handoffDate(k: number): LocalDate;
  /** The k whose shift contains the instant: handoffAt(k) <= t < handoffAt(k + 1). */
  indexAt(t: number): number;
  /** The first k whose hand-off falls on or after a local date. */
  firstIndexOnOrAfter(date: LocalDate): number;
}

/**
 * The hand-off clock of a rotation or a layer. A weekly rotation whose `start` is not the hand-off
 * weekday begins at the first hand-off weekday after it; a weekly rotation without a weekday hands
 * off on `start`'s weekday.
 */
export function handoffClock(rotation: ClockSpec): HandoffClock {
  const zone = rotation.timezone;
  const { hour, minute } = parseLocalTime(rotation.handoff.time);
  const every = rotation.cadence.every ?? 1;
  const weekly = rotation.cadence.unit === 'week';
  const periodDays = weekly ? 7 * every : every;
  let anchorValue = dateValue(parseLocalDate(rotation.start));
  const weekday = rotation.handoff.weekday === undefined ? undefined : WEEKDAY_NUMBER[rotation.handoff.weekday];
  if (weekly && weekday !== undefined) anchorValue = anchorValue.plus({ days: (weekday - anchorValue.weekday + 7) % 7 });
  const anchor = localDateOf(anchorValue);

  // Whole days in UTC are exactly 86,400,000 ms apart, so date arithmetic is plain arithmetic here
  // (the same answers luxon's calendar arithmetic on a UTC value gives).
  const anchorMillis = anchorValue.toMillis();
  const dateAt = (k: number): LocalDate => utcDateOf(anchorMillis + k * periodDays * DAY_MS);
  // Rules and commands ask for the same hand-offs over and over; each answer costs several zone lookups.
  const handoffs = new Map<number, number>();
  const handoffAt = (k: number): number => {
    let at = handoffs.get(k);
    if (at === undefined) handoffs.set(k, (at = wallClockMillis(dateAt(k), hour, minute, zone)));
    return at;
  };
  const indexes = new Map<number, number>();
  const daysFromAnchor = (date: LocalDate): number => {
    const millis = utcMillisOf(date);
    // A date that is not a calendar date (February 30) is left to luxon, which calls it invalid.
    if (millis === undefined) return Math.round(dateValue(date).diff(anchorValue, 'days').days);
    return Math.round((millis - anchorMillis) / DAY_MS);
  };

  return {
    zone,
    anchor,
    periodDays,
    hour,
    minute,
    handoffAt,
    handoffDate: (k) => dateAt(k),
    indexAt(t) {
      let k = indexes.get(t);
      if (k !== undefined) return k;
      const local = DateTime.fromMillis(t, { zone });
      k = Math.floor(daysFromAnchor({ year: local.year, month: local.month, day: local.day }) / periodDays);
      // The local date puts t within one hand-off of the right shift; the instants settle which side.
      while (handoffAt(k) > t) k -= 1;
      while (handoffAt(k + 1) <= t) k += 1;
      indexes.set(t, k);
      return k;
    },
    firstIndexOnOrAfter(date) {
      return Math.ceil(daysFromAnchor(date) / periodDays);
    },
  };
}
