/**
 * The date-times this repository accepts: ISO 8601 with a date, hours and minutes, optional seconds
 * (and fraction), and a UTC offset that is never optional (`2026-10-14T09:42+02:00`,
 * `2026-10-14T09:42:00Z`). One definition for the schemas' `date-time` format and for the messages
 * that tell a user what is wrong with one.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const DATE_TIME = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

let rfc3339: ((text: string) => boolean) | undefined;

/** Whether `text` is a date-time with a UTC offset, seconds optional, every field in range. */
export function isDateTimeWithOffset(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  // With seconds written in, it is RFC 3339, which ajv-formats checks field by field (leap years, leap seconds).
  rfc3339 ??= (require('ajv-formats/dist/formats') as { fullFormats: Record<string, { validate: (s: string) => boolean }> }).fullFormats['date-time']!.validate;
  return rfc3339(`${m[1]}${m[2] ?? ':00'}${m[3]}`);
}

/**
 * For a date-time written without an offset (`2026-10-14T09:42`, `2026-10-14 09:42:00`), the same
 * date-time in the form the fix should take (`2026-10-14T09:42`); undefined for any other text.
 */
export function dateTimeWithoutOffset(text: string): string | undefined {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ''}${m[7] ?? ''}`;
}
