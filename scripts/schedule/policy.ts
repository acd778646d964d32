/** The organisation settings the schedule checks read, with their documented defaults. */
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import { parseDuration, type Duration } from '../util/duration.ts';

/** How far ahead coverage is checked when policy/organisation.yaml does not say. */
export const DEFAULT_COVERAGE_HORIZON = '12w';

/**
 * `instant + duration`, counting days and weeks as calendar days in `zone` (so "12w" ends at the
 * same wall-clock time twelve weeks on, whatever DST does in between). Business units count as
 * their nominal length here: a horizon is a planning distance, not a deadline.
 */
export function addDuration(instant: number, duration: Duration, zone: string): number {
  const start = DateTime.fromMillis(instant, { zone });
  switch (duration.unit) {
    case 'm':
      return start.plus({ minutes: duration.amount }).toMillis();
    case 'h':
    case 'bh':
      return start.plus({ hours: duration.amount }).toMillis();
    case 'd':
    case 'bd':
      return start.plus({ days: duration.amount }).toMillis();
    case 'w':
      return start.plus({ weeks: duration.amount }).toMillis();
  }
}

/** The end of the coverage horizon that starts at `now` (organisation's `on_call.coverage_horizon`, default 12w). */
export function horizonEnd(organisation: SchemaTypes['organisation'] | undefined, now: Date): Date {
  const duration = parseDuration(organisation?.on_call.coverage_horizon ?? DEFAULT_COVERAGE_HORIZON) ?? parseDuration(DEFAULT_COVERAGE_HORIZON)!;
  return new Date(addDuration(now.getTime(), duration, organisation?.timezone ?? 'UTC'));
}

/** Milliseconds of a duration text for rest periods (business units at their nominal length). */
export function durationMillis(text: string): number | undefined {
  const duration = parseDuration(text);
  if (!duration) return undefined;
  const minutes: Record<Duration['unit'], number> = { m: 1, h: 60, bh: 60, d: 1440, bd: 1440, w: 10080 };
  return duration.amount * minutes[duration.unit] * 60_000;
}
