import { dayIn } from '../roles/holding.ts';
import { assignmentPeriods } from '../roles/periods.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * A role the policy gives a backup (`backup_required`) is a single point of failure without one.
 * Only the assignment in force now and later ones are checked: an earlier assignment is the record
 * of the past, and the fix is to append one, never to edit it.
 */
export const roleBackupRequired: Rule = {
  id: 'role-backup-required',
  description: 'A role marked backup_required names a backup in the assignment in force now and in every later one.',
  severity: 'error',
  needs: ['roles'],
  check(ctx) {
    const doc = ctx.model.policy.roles!;
    const zone = policyViewOf(ctx.model)?.zone ?? ctx.model.policy.organisation?.data.timezone ?? 'UTC';
    const today = dayIn(ctx.now, zone);
    doc.data.roles.forEach((role, r) => {
      if (role.backup_required !== true || !role.holders) return;
      for (const period of assignmentPeriods(role.holders)) {
        const assignment = role.holders[period.index]!;
        if (assignment.backup !== undefined || (period.to !== undefined && period.to < today)) continue;
        const path = ['roles', r, 'holders', period.index];
        const started = assignment.from <= today;
        ctx.report(doc, path, {
          message: `${formatPath(path)}: ${role.name} needs a backup (backup_required), and this assignment ${started ? `in force since ${assignment.from}` : `from ${assignment.from}`} names none.`,
          hint: started
            ? `Append an assignment from today (${today}) with primary ${assignment.primary} and a backup who is not the primary; keep this one as the record of the past.`
            : `Add backup: <person id> to it, someone other than the primary ${assignment.primary}.`,
        });
      }
    });
  },
};
