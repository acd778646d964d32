/** Instants as incident records write them: RFC 3339 with an explicit offset. */
import { DateTime } from 'luxon';
import { rfc3339Millis } from '../time/rfc3339.ts';

/** The instant a record's date-time names, or undefined for missing or unreadable text. */
export function instantOf(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const fast = rfc3339Millis(text);
  if (fast !== undefined) return new Date(fast);
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** An instant as `2026-10-29T02:14:09+01:00` in a zone: to the second, milliseconds dropped. */
export function formatInstant(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).startOf('second').toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

/** Minutes between two instants (negative when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 60_000;
}

/** A length of time for people: `48 min`, `2 h 28 min`, `3 d 4 h`. */
export function describeMinutes(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (mins > 0 && days === 0) parts.push(`${mins} min`);
  return parts.join(' ');
}
