/** When a post-mortem was completed, from its `published:` front matter. */
import { DateTime } from 'luxon';
import { instantOf } from '../incidents/instants.ts';

/**
 * The instant `published:` names. A date says only that the review was completed that day, so it
 * counts as the end of that day in the organisation's zone: on time only if the deadline falls on a
 * later day (give the time to show it was in time on the day of the deadline).
 */
export function publishedInstant(published: string | undefined, zone: string): Date | undefined {
  if (published === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    const day = DateTime.fromISO(published, { zone });
    return day.isValid ? day.endOf('day').toJSDate() : undefined;
  }
  return instantOf(published);
}
