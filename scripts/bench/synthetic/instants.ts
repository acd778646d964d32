/** Instants written as records write them (RFC 3339 with the zone's offset), fast enough for millions. */
import { DateTime } from 'luxon';

const HOUR = 3_600_000;
const offsets = new Map<string, number>();

/** The zone's UTC offset in minutes at an instant (zones change offset on the hour). */
function offsetMinutes(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(ms, { zone }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-10-14T09:42:00+02:00` for an instant in a zone. */
export function isoInZone(ms: number, zone: string): string {
  const offset = offsetMinutes(ms, zone);
  const local = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:00${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(ms: number, zone: string): string {
  return isoInZone(ms, zone).slice(0, 10);
}

/** The instant of a local wall-clock time in a zone. */
export function wallClock(date: string, time: string, zone: string): number {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
}

/** A local date plus a number of days. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** The Monday on or before a local date. */
export function mondayOf(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return day.minus({ days: day.weekday - 1 }).toISODate()!;
}

/** Whole days from one local date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}
