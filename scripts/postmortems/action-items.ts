/**
 * Post-mortem action items tracked to completion: which are open, which are
 * past their due date, and which have been overdue longer than the policy's grace period. Pure.
 */
import { DateTime } from 'luxon';
import { calendarOf } from '../incidents/policy.ts';
import type { Doc, RepoModel } from '../model/repo-model.ts';
import { deadlineAfter } from '../time/business-time.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { parseDuration } from '../util/duration.ts';

export type ActionItem = SchemaTypes['postmortem']['action_items'][number];

/** An item is still to do while it is open or in progress. */
export function isOpen(item: ActionItem): boolean {
  return item.status === 'open' || item.status === 'in-progress';
}

/** Where an action item stands at an instant. */
export interface ActionItemStanding {
  item: ActionItem;
  /** Index in the post-mortem's `action_items`. */
  index: number;
  postmortem: Doc<'postmortem'>;
  open: boolean;
  /** The end of the due day in the organisation's zone: an open item is overdue from then. */
  overdueFrom: Date;
  overdue: boolean;
  /** Whole days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** Overdue for longer than the grace period (always false without one). */
  pastGrace: boolean;
}

/** The instant a due date is missed: the start of the following day in `zone`. */
export function overdueFrom(due: string, zone: string): Date {
  return DateTime.fromISO(due, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}

/**
 * Every action item of every post-mortem with its standing at `now`. The grace period is the
 * organisation's `follow_up.action_item_grace`, counted from the end of the due day (business units
 * in business time).
 */
export function actionItemStandings(model: RepoModel, now: Date): ActionItemStanding[] {
  const zone = model.policy.organisation?.data.timezone ?? 'UTC';
  const graceText = model.policy.organisation?.data.follow_up?.action_item_grace;
  const grace = graceText ? parseDuration(graceText) : undefined;
  const calendar = calendarOf(model);
  const standings: ActionItemStanding[] = [];
  for (const postmortem of model.postmortems) {
    postmortem.data.action_items.forEach((item, index) => {
      const from = overdueFrom(item.due, zone);
      const open = isOpen(item);
      const overdue = open && now.getTime() >= from.getTime();
      let pastGrace = false;
      if (overdue && grace) {
        const end = deadlineAfter(calendar, from, grace);
        pastGrace = end !== undefined && now.getTime() >= end.getTime();
      }
      const daysOverdue = overdue ? Math.floor(DateTime.fromJSDate(now, { zone }).diff(DateTime.fromJSDate(from, { zone }), 'days').days) + 1 : 0;
      standings.push({ item, index, postmortem, open, overdueFrom: from, overdue, daysOverdue, pastGrace });
    });
  }
  return standings;
}
