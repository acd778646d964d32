import { isDeepStrictEqual } from 'node:util';
import { dayIn } from '../roles/holding.ts';
import { previousDay } from '../roles/periods.ts';
import { findPerson } from '../signoffs/holders.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * Who held a role is a record, like who was on call: merged sign-offs and incidents are checked
 * against it. A change may add assignments and acting periods that start today or later, and edit
 * ones that have not started; it may not rewrite one already in force, or add one that starts in
 * the past, since that would hand (or take) authority over decisions already taken. An acting
 * period may be ended early or extended, as long as its end stays today or later (or, for someone
 * who left, on their last day). Only runs with `validate --changed-since <ref>`.
 */
export const roleHistory: Rule = {
  id: 'role-history',
  description:
    "With validate --changed-since, a change to policy/roles.yaml rewrites no assignment or acting period already in force and adds none that starts before today: reassigning means appending.",
  severity: 'error',
  needs: ['roles'],
  check(ctx) {
    const doc = ctx.model.policy.roles;
    const base = ctx.base?.policy.roles;
    if (!doc || !base) return;
    const view = policyViewOf(ctx.model);
    const today = dayIn(ctx.now, view?.zone ?? 'UTC');
    const yesterday = previousDay(today);
    const hint = 'Append an assignment (or acting period) from today or later instead, and leave the ones in force as the record of who held the role.';

    doc.data.roles.forEach((role, r) => {
      const before = base.data.roles.find((b) => b.id === role.id);
      const oldHolders = before?.holders ?? [];
      const holders = role.holders ?? [];
      oldHolders.forEach((old, a) => {
        if (old.from > today) return;
        if (isDeepStrictEqual(holders[a], old)) return;
        const path = holders[a] ? ['roles', r, 'holders', a] : ['roles', r, 'holders'];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: this change ${holders[a] ? 'rewrites' : 'removes'} the ${role.name} assignment in force since ${old.from} (primary ${old.primary}${old.backup ? `, backup ${old.backup}` : ''}); who held a role in the past cannot change.`,
          hint,
        });
      });
      holders.forEach((assignment, a) => {
        if (a < oldHolders.length || assignment.from >= today) return;
        const path = ['roles', r, 'holders', a, 'from'];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: the new assignment starts ${assignment.from}, before today (${today}); it would change who held ${role.name} for decisions already taken.`,
          hint: `Start it today (${today}) or later.`,
        });
      });

      const oldActing = before?.acting ?? [];
      const acting = role.acting ?? [];
      oldActing.forEach((old, a) => {
        if (old.from > today) return;
        const now = acting[a];
        const left = view ? findPerson(view, old.person)?.left : undefined;
        const endOk = (to: string) => to === old.to || to >= yesterday || (left !== undefined && to >= left && to >= old.from);
        if (now && now.person === old.person && now.from === old.from && now.reason === old.reason && endOk(now.to)) return;
        const path = now ? ['roles', r, 'acting', a] : ['roles', r, 'acting'];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: this change ${now ? 'rewrites' : 'removes'} the acting period of ${old.person} as ${role.name} that started ${old.from}; only its end may move, to ${yesterday} or later.`,
          hint: 'Change only `to` (ending the period early or extending it), never to a day before yesterday.',
        });
      });
      acting.forEach((entry, a) => {
        if (a < oldActing.length || entry.from >= today) return;
        const path = ['roles', r, 'acting', a, 'from'];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: the new acting period starts ${entry.from}, before today (${today}); it would change who held ${role.name} for decisions already taken.`,
          hint: `Start it today (${today}) or later.`,
        });
      });
    });
  },
};
