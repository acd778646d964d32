/**
 * The part of a shift during which its holder is actually on call: all of it for a 24/7 tier, only
 * business hours for a business-hours tier (outside them the tier is reached by arrangement, which
 * is not on-call time). Business hours themselves are scripts/time/business-time.ts's calendar.
 */
import { businessWindows, type BusinessCalendar } from '../time/business-time.ts';
import type { Interval } from './types.ts';

/**
 * The intervals within a shift when its holder is on call. Without known business hours (no valid
 * organisation file) the whole shift counts, which over- rather than under-reports.
 */
export function onCallIntervals(shift: Interval, coverage: 'always' | 'business-hours', calendar: BusinessCalendar | undefined): Interval[] {
  if (coverage === 'always' || !calendar) return [{ start: shift.start, end: shift.end }];
  return businessWindows(calendar, shift.start, shift.end);
}
