/**
 * Dates and times on pages. Formats are fixed patterns with English names, never the machine's
 * locale or time zone, so the same data and `--now` give the same bytes everywhere. Zones are named
 * in table headings rather than abbreviated per cell (abbreviations vary with the ICU version).
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

/**
 * A zone's offset by UTC hour: NaN for an hour in which it changes. Asking the zone (Intl) is most
 * of the cost of a date on a page, and a large organisation's incident pages show hundreds of
 * thousands of them; an hour whose two ends have the same offset has it throughout.
 */
const offsetsByHour = new Map<string, Map<number, number>>();

function offsetAt(zone: IANAZone, millis: number): number {
  let hours = offsetsByHour.get(zone.name);
  if (!hours) offsetsByHour.set(zone.name, (hours = new Map()));
  const hour = Math.floor(millis / 3_600_000);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = zone.offset(hour * 3_600_000);
    offset = first === zone.offset((hour + 1) * 3_600_000 - 1) ? first : Number.NaN;
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? zone.offset(millis) : offset;
}

const ianaZones = new Map<string, IANAZone | undefined>();

/** The IANA zone of a name, or undefined for a name that is not one (checked once per name). */
function ianaZone(name: string): IANAZone | undefined {
  if (!ianaZones.has(name)) ianaZones.set(name, IANAZone.isValidZone(name) ? IANAZone.create(name) : undefined);
  return ianaZones.get(name);
}

function at(instant: Date | number | string, zone: string): DateTime {
  if (typeof instant === 'string') return DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  const millis = typeof instant === 'number' ? instant : instant.getTime();
  const iana = Number.isFinite(millis) ? ianaZone(zone) : undefined;
  if (!iana) return DateTime.fromMillis(millis, { zone });
  return DateTime.fromMillis(millis, { zone: FixedOffsetZone.instance(offsetAt(iana, millis)) });
}

// English names written out rather than asked of Intl on every call: a large organisation's pages
// format tens of thousands of dates, and luxon's toFormat with a locale was a third of `docs`.
// tests/docs/format.test.ts checks every function against luxon's toFormat across zones.
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const two = (n: number) => String(n).padStart(2, '0');
/** luxon's `yyyy`: at least four digits, a sign for years before year 0. */
const year = (n: number) => (n < 0 ? `-${String(-n).padStart(4, '0')}` : String(n).padStart(4, '0'));
const dayText = (value: DateTime) => `${WEEKDAYS[value.weekday - 1]} ${value.day} ${MONTHS[value.month - 1]} ${year(value.year)}`;

/** `Mon 23 Nov 2026 09:00` in `zone`. */
export function localDateTime(instant: Date | number | string, zone: string): string {
  const value = at(instant, zone);
  if (!value.isValid) return value.toFormat('ccc d LLL yyyy HH:mm', { locale: 'en-US' });
  return `${dayText(value)} ${two(value.hour)}:${two(value.minute)}`;
}

/** `Mon 23 Nov 2026` in `zone`. */
export function localDate(instant: Date | number | string, zone: string): string {
  const value = at(instant, zone);
  return value.isValid ? dayText(value) : value.toFormat('ccc d LLL yyyy', { locale: 'en-US' });
}

/** A calendar date written `YYYY-MM-DD` as `Mon 23 Nov 2026`. */
export function calendarDate(date: string): string {
  const value = DateTime.fromISO(date, { zone: 'UTC' });
  return value.isValid ? dayText(value) : date;
}

/** `2026-11-23 09:00`: wall-clock time in `zone`, as Mermaid gantt charts read it. */
export function ganttTime(instant: Date | number, zone: string): string {
  const value = at(instant, zone);
  if (!value.isValid) return value.toFormat('yyyy-LL-dd HH:mm');
  return `${year(value.year)}-${two(value.month)}-${two(value.day)} ${two(value.hour)}:${two(value.minute)}`;
}

/** `2026-11-22T12:00:00+01:00`: an instant with its offset in `zone`. */
export function isoWithOffset(instant: Date, zone: string): string {
  return at(instant, zone).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

/** `November 2026`, and its sortable key `2026-11`, for the month an instant falls in. */
export function monthOf(instant: Date | string, zone: string): { key: string; name: string } {
  const value = at(instant, zone);
  if (!value.isValid) return { key: value.toFormat('yyyy-LL'), name: value.toFormat('LLLL yyyy', { locale: 'en-US' }) };
  return { key: `${year(value.year)}-${two(value.month)}`, name: `${MONTH_NAMES[value.month - 1]} ${year(value.year)}` };
}
