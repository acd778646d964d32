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

/**
 * When a post-mortem was completed, and how that is known: its `published:`; for a final one
 * without it, its first commit (`firstCommits`, read from git by the command), or `now` when the
 * file is not committed yet. Undefined while it is not final, or when a final one's time cannot be
 * known (no git history given).
 */
export interface Completion {
  at: Date;
  from: 'published' | 'first-commit' | 'not-committed';
}

export function completionOf(
  postmortem: { path: string; published?: string | undefined; status?: string | undefined },
  zone: string,
  firstCommits: ReadonlyMap<string, Date> | undefined,
  now: Date,
): Completion | undefined {
  const published = publishedInstant(postmortem.published, zone);
  if (published) return { at: published, from: 'published' };
  if (postmortem.status !== 'final' || !firstCommits) return undefined;
  const first = firstCommits.get(postmortem.path);
  return first ? { at: first, from: 'first-commit' } : { at: now, from: 'not-committed' };
}
