import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * A role's history is read by date: the newest assignment whose `from` has come is in force. Two
 * assignments out of order, or on the same day, would make "who held it then" depend on how the
 * file is read; an acting period that ends before it starts holds nobody.
 */
export const roleAssignmentDates: Rule = {
  id: 'role-assignment-dates',
  description: "A named role's assignments are in order of `from`, one per day, and every acting period ends on or after the day it starts.",
  severity: 'error',
  needs: ['roles'],
  check(ctx) {
    const doc = ctx.model.policy.roles!;
    doc.data.roles.forEach((role, r) => {
      const holders = role.holders ?? [];
      holders.forEach((assignment, a) => {
        if (a === 0) return;
        const previous = holders[a - 1]!;
        if (assignment.from > previous.from) return;
        const path = ['roles', r, 'holders', a, 'from'];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: ${assignment.from} is ${assignment.from === previous.from ? 'the same day as' : 'before'} the assignment above it (${previous.from}); assignments of ${role.name} are listed in order of their start.`,
          hint: 'Reassigning appends an assignment with a later `from` at the end of holders; leave the earlier ones as the record of who held the role.',
        });
      });
      (role.acting ?? []).forEach((acting, a) => {
        if (acting.to >= acting.from) return;
        const path = ['roles', r, 'acting', a, 'to'];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: ${acting.to} is before the acting period's first day (${acting.from}).`,
          hint: '`to` is the last day the person acts in the role, on or after `from`.',
        });
      });
    });
  },
};
