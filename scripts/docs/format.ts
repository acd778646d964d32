/**
 * Dates and times on pages. Formats are fixed patterns with English names, never the machine's
 * locale or time zone, so the same data and `--now` give the same bytes everywhere. Zones are named
 * in table headings rather than abbreviated per cell (abbreviations vary with the ICU version).
 */
import { DateTime } from 'luxon';

function at(instant: Date | number | string, zone: string): DateTime {
  if (typeof instant === 'string') return DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  return DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), { zone });
}

/** `Mon 23 Nov 2026 09:00` in `zone`. */
export function localDateTime(instant: Date | number | string, zone: string): string {
  return at(instant, zone).toFormat('ccc d LLL yyyy HH:mm', { locale: 'en-US' });
}

/** `Mon 23 Nov 2026` in `zone`. */
export function localDate(instant: Date | number | string, zone: string): string {
  return at(instant, zone).toFormat('ccc d LLL yyyy', { locale: 'en-US' });
}

/** A calendar date written `YYYY-MM-DD` as `Mon 23 Nov 2026`. */
export function calendarDate(date: string): string {
  const value = DateTime.fromISO(date, { zone: 'UTC' });
  return value.isValid ? value.toFormat('ccc d LLL yyyy', { locale: 'en-US' }) : date;
}

/** `2026-11-23 09:00`: wall-clock time in `zone`, as Mermaid gantt charts read it. */
export function ganttTime(instant: Date | number, zone: string): string {
  return at(instant, zone).toFormat('yyyy-LL-dd HH:mm');
}

/** `2026-11-22T12:00:00+01:00`: an instant with its offset in `zone`. */
export function isoWithOffset(instant: Date, zone: string): string {
  return at(instant, zone).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

/** `November 2026`, and its sortable key `2026-11`, for the month an instant falls in. */
export function monthOf(instant: Date | string, zone: string): { key: string; name: string } {
  const value = at(instant, zone);
  return { key: value.toFormat('yyyy-LL'), name: value.toFormat('LLLL yyyy', { locale: 'en-US' }) };
}
