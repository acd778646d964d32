/**
 * Wall-clock times in IANA zones, with one rule for the two DST cases where a wall-clock time does
 * not name exactly one instant. The rule is RFC 5545's (section 3.3.5), so the engine and every
 * calendar client reading our TZID events agree on the instant:
 *
 * - A time that does not exist (inside a spring-forward gap) is read with the UTC offset in force
 *   before the gap: a 02:30 hand-off on a day the clocks jump from 02:00 to 03:00 happens at 03:30
 *   new time, the instant 02:30 would have been.
 * - A time that occurs twice (inside a fall-back overlap) means its first occurrence: a 02:30
 *   hand-off on a day the clocks go back from 03:00 to 02:00 happens at the first 02:30, still on
 *   summer time.
 *
 * All offset knowledge comes from luxon (the platform's tz database); nothing here adds hours by hand.
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import '../time/zone-offsets.ts';

/** A calendar date without a zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` (already schema-checked) into its parts. */
export function parseLocalDate(text: string): LocalDate {
  const [year = 1970, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

/** Parses `HH:MM` into hour and minute. */
export function parseLocalTime(text: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = text.split(':').map(Number);
  return { hour, minute };
}

/** The date as a luxon value in UTC, for whole-day arithmetic that no offset can disturb. */
export function dateValue(date: LocalDate): DateTime {
  return DateTime.utc(date.year, date.month, date.day);
}

/** Back from a whole-day value to a plain date. */
export function localDateOf(value: DateTime): LocalDate {
  return { year: value.year, month: value.month, day: value.day };
}

/**
 * The instant a wall-clock time on a date names in a zone, following the rule above. Returns a
 * luxon DateTime set to the zone (so `.toISO()` shows the local time and the offset).
 */
export function wallClockInstant(date: LocalDate, hour: number, minute: number, zone: string): DateTime {
  const wall = { year: date.year, month: date.month, day: date.day, hour, minute };
  const guess = DateTime.fromObject(wall, { zone });
  // The offsets in force around the date: a transition changes between them.
  const before = guess.minus({ days: 1 }).offset;
  const offsets = [...new Set([before, guess.offset, guess.plus({ days: 1 }).offset])];
  let best: DateTime | undefined;
  for (const offset of offsets) {
    const candidate = DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(offset) }).setZone(zone);
    const sameWallTime =
      candidate.year === wall.year && candidate.month === wall.month && candidate.day === wall.day && candidate.hour === hour && candidate.minute === minute;
    if (sameWallTime && (best === undefined || candidate.toMillis() < best.toMillis())) best = candidate;
  }
  if (best) return best;
  // Not a wall-clock time of this day (a spring-forward gap): read it with the offset before the gap.
  return DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(before) }).setZone(zone);
}

/** Answers of wallClockMillis: a zone's rules do not change while the process runs. */
const wallClockMemory = new Map<string, number>();
/** Answers remembered before the memory starts over (bounds memory, never correctness). */
const MAX_WALL_CLOCK_ENTRIES = 100_000;

/**
 * The epoch milliseconds of wallClockInstant(date, hour, minute, zone), remembered: rotations that
 * share a zone and a hand-off time ask for the same instants again and again.
 */
export function wallClockMillis(date: LocalDate, hour: number, minute: number, zone: string): number {
  const key = `${zone}\0${date.year}\0${date.month}\0${date.day}\0${hour}\0${minute}`;
  let millis = wallClockMemory.get(key);
  if (millis === undefined) {
    millis = wallClockInstant(date, hour, minute, zone).toMillis();
    if (wallClockMemory.size >= MAX_WALL_CLOCK_ENTRIES) wallClockMemory.clear();
    wallClockMemory.set(key, millis);
  }
  return millis;
}

/**
 * Whether the wall-clock time an instant shows in `zone` occurs twice that day (a fall-back
 * overlap), so a local time alone cannot say which instant is meant.
 */
export function isRepeatedWallTime(instant: Date | number, zone: string): boolean {
  const millis = typeof instant === 'number' ? instant : instant.getTime();
  // Nearly every instant is far from an offset change: the same offset a day before and after settles it.
  const iana = IANAZone.create(zone);
  if (iana.isValid && iana.offset(millis - 86_400_000) === iana.offset(millis + 86_400_000)) return false;
  const local = DateTime.fromMillis(millis, { zone });
  const wall = { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
  const offsets = new Set([local.minus({ days: 1 }).offset, local.offset, local.plus({ days: 1 }).offset]);
  let readings = 0;
  for (const offset of offsets) {
    const candidate = DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(offset) }).setZone(zone);
    if (candidate.hour === wall.hour && candidate.minute === wall.minute && candidate.day === wall.day) readings += 1;
  }
  return readings > 1;
}

/** `2026-11-23T09:00:00+01:00`: an instant as ISO 8601 local time with its offset in `zone`. */
export function isoInZone(instant: Date | number, zone: string): string {
  const millis = typeof instant === 'number' ? instant : instant.getTime();
  return DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(millis).toISOString();
}

/** `2026-11-23T09:00+01:00`: the same with minutes precision, for messages. */
export function shortIsoInZone(instant: Date | number, zone: string): string {
  const millis = typeof instant === 'number' ? instant : instant.getTime();
  const value = DateTime.fromMillis(millis, { zone });
  const seconds = value.second !== 0 || value.millisecond !== 0;
  return value.toISO({ suppressMilliseconds: true, suppressSeconds: !seconds }) ?? new Date(millis).toISOString();
}

/** `Mon 23 Nov 2026 09:00 +01:00`: an instant for people, in a zone (offsets read the same in every locale). */
export function humanInZone(instant: Date | number, zone: string): string {
  const millis = typeof instant === 'number' ? instant : instant.getTime();
  return DateTime.fromMillis(millis, { zone }).toFormat('ccc d LLL yyyy HH:mm ZZ', { locale: 'en-GB' });
}
