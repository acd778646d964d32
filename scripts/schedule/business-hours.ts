/**
 * What a tier's coverage means for its holder, hour by hour. One table of meanings, so coverage
 * checks, limits, double booking, burden, `now` and the pages cannot disagree:
 *
 * | coverage                     | held at every instant | reachable (double booking, burden) | counts for on-call limits |
 * | ---------------------------- | --------------------- | ---------------------------------- | ------------------------- |
 * | `always`                     | yes                   | the whole shift                    | the whole shift           |
 * | `business-hours`             | no                    | business hours                     | business hours            |
 * | `business-hours-and-on-call` | yes                   | the whole shift                    | business hours            |
 *
 * A business-hours-and-on-call tier (an owner who is the escalation point) is on duty in business
 * hours and on call outside them: someone must hold it at night, and holding it then rules out
 * holding another tier; but outside business hours it is reached only through the tiers before it,
 * so the limits on shift work (turn length, rest) count its business hours, as for business-hours.
 * Business hours themselves are scripts/time/business-time.ts's calendar.
 */
import type { SchemaTypes } from '../types/schema-types.ts';
import { businessWindows, type BusinessCalendar } from '../time/business-time.ts';
import type { Interval } from './types.ts';

export type Coverage = SchemaTypes['rotation']['tiers'][number]['coverage'];

/** The holder's state at one instant: working the tier, on call for it, or not reachable for it. */
export type Duty = 'on-duty' | 'on-call' | 'off';

/** Whether a tier must have someone on it at every instant (the coverage-gap rule checks those). */
export function heldAtEveryInstant(coverage: Coverage): boolean {
  return coverage !== 'business-hours';
}

/** How the pages and `now` name a coverage. */
export function coverageLabel(coverage: Coverage): string {
  return { always: '24/7', 'business-hours': 'Business hours', 'business-hours-and-on-call': 'Business hours + on call' }[coverage];
}

/**
 * The intervals within a shift when its holder can be paged for the tier. Without known business
 * hours (no valid organisation file) the whole shift counts, which over- rather than under-reports.
 */
export function onCallIntervals(shift: Interval, coverage: Coverage, calendar: BusinessCalendar | undefined): Interval[] {
  if (coverage !== 'business-hours' || !calendar) return [{ start: shift.start, end: shift.end }];
  return businessWindows(calendar, shift.start, shift.end);
}

/** The intervals within a shift that on-call limits (turn length, rest between shifts) count. */
export function limitedIntervals(shift: Interval, coverage: Coverage, calendar: BusinessCalendar | undefined): Interval[] {
  if (coverage === 'always' || !calendar) return [{ start: shift.start, end: shift.end }];
  return businessWindows(calendar, shift.start, shift.end);
}

/** The holder's duty at an instant: on duty in business hours, on call (24/7 tiers, or outside them), else off. */
export function dutyAt(coverage: Coverage, instant: number, calendar: BusinessCalendar | undefined): Duty {
  if (coverage === 'always') return 'on-call';
  const within = !calendar || businessWindows(calendar, instant, instant + 1).length > 0;
  if (within) return 'on-duty';
  return coverage === 'business-hours-and-on-call' ? 'on-call' : 'off';
}
