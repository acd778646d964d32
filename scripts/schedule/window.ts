/**
 * Reading the times people type on the command line (`--from 2026-11-01`, `--at 2026-11-22T12:00+01:00`)
 * into instants. Pure; the commands turn a thrown WindowError into a usage error.
 */
import { DateTime } from 'luxon';
import { dateTimeWithoutOffset } from '../time/date-time.ts';

/** A time given on the command line that cannot be read. */
export class WindowError extends Error {}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const OFFSET = /(Z|[+-][0-9]{2}:?[0-9]{2})$/;

/**
 * A date (`2026-11-01`: the start of that day in `zone`; with `endOfDay`, the start of the next day,
 * so `--to 2026-11-30` includes the 30th) or a date-time with a UTC offset.
 */
export function parseInstant(option: string, text: string, zone: string, endOfDay = false): Date {
  if (DATE.test(text)) {
    const day = DateTime.fromISO(text, { zone });
    if (!day.isValid) throw new WindowError(`${option}: "${text}" is not a date (YYYY-MM-DD).`);
    return (endOfDay ? day.plus({ days: 1 }) : day).startOf('day').toJSDate();
  }
  const local = dateTimeWithoutOffset(text);
  if (local !== undefined) throw new WindowError(`${option}: "${text}" has no UTC offset. Write it with one, e.g. "${local}Z" or "${local}+01:00", or give a date (2026-11-01).`);
  const value = DateTime.fromISO(text, { setZone: true });
  if (!value.isValid || !OFFSET.test(text)) {
    throw new WindowError(`${option}: "${text}" is not a date (2026-11-01) or a date-time with a UTC offset (2026-11-01T09:00:00+01:00).`);
  }
  return value.toJSDate();
}

/** `--from`/`--to` with defaults: `from` defaults to `defaultFrom`, `to` to `from + defaultDays` days. */
export function parseWindow(
  options: { from?: string; to?: string },
  zone: string,
  defaults: { from: Date; days: number },
): { from: Date; to: Date } {
  const from = options.from !== undefined ? parseInstant('--from', options.from, zone) : defaults.from;
  const to =
    options.to !== undefined
      ? parseInstant('--to', options.to, zone, true)
      : DateTime.fromJSDate(from, { zone }).plus({ days: defaults.days }).toJSDate();
  if (!(to.getTime() > from.getTime())) throw new WindowError(`--to must be after --from.`);
  return { from, to };
}
