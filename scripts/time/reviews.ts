/** Policy reviews (policy/organisation.yaml `reviews`): which review covers a file, and when it is due. Pure. */
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';

export type Review = NonNullable<SchemaTypes['organisation']['reviews']>[number];

const MONTHS: Record<Review['every'], number> = { month: 1, quarter: 3, year: 12 };

/** The most frequent review covering a policy file (`policy/<kind>.yaml`), which decides when it is due; undefined when none covers it. */
export function reviewOf(organisation: SchemaTypes['organisation'], path: string): Review | undefined {
  const covering = (organisation.reviews ?? []).filter((review) => review.files === undefined || review.files.includes(path));
  return covering.length === 0 ? undefined : covering.reduce((a, b) => (MONTHS[b.every] < MONTHS[a.every] ? b : a));
}

/** The date the next review is due: one month, three months or a year after the last (calendar dates). */
export function reviewDue(lastReviewed: string, every: Review['every']): string {
  return DateTime.fromISO(lastReviewed, { zone: 'UTC' }).plus({ months: MONTHS[every] }).toISODate()!;
}
