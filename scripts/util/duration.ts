/** Durations as the schemas write them: `15m`, `2h`, `2d`, `1w`, and business time `8bh`, `2bd`. */
export type DurationUnit = 'm' | 'h' | 'd' | 'w' | 'bh' | 'bd';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const PATTERN = /^([0-9]{1,5})(m|h|d|w|bh|bd)$/;

export function parseDuration(text: string): Duration | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

export function isBusinessTime(duration: Duration): boolean {
  return duration.unit === 'bh' || duration.unit === 'bd';
}

const MINUTES: Record<DurationUnit, number> = { m: 1, h: 60, d: 1440, w: 10080, bh: 60, bd: 1440 };

/**
 * Length in minutes for calendar units. Business units are given their nominal length only so
 * that durations can be ordered; measuring against business hours needs the organisation's calendar.
 */
export function nominalMinutes(duration: Duration): number {
  return duration.amount * MINUTES[duration.unit];
}

/** Milliseconds of a calendar duration; undefined for business time, which depends on the calendar. */
export function calendarMillis(duration: Duration): number | undefined {
  return isBusinessTime(duration) ? undefined : nominalMinutes(duration) * 60_000;
}

/** A duration for people: `15 min`, `2 h`, `8 business hours`. */
export function describeDuration(text: string): string {
  const d = parseDuration(text);
  if (!d) return text;
  const words: Record<DurationUnit, [string, string]> = {
    m: ['minute', 'minutes'],
    h: ['hour', 'hours'],
    d: ['day', 'days'],
    w: ['week', 'weeks'],
    bh: ['business hour', 'business hours'],
    bd: ['business day', 'business days'],
  };
  if (d.amount === 0) return 'immediately';
  const [one, many] = words[d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}
