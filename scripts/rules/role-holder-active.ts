import { dayIn } from '../roles/holding.ts';
import { assignmentPeriods, nextDay } from '../roles/periods.ts';
import { findPerson, personLabel } from '../signoffs/holders.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * Someone who has left holds nothing: the toolkit already leaves them out of every lookup, so an
 * assignment still naming them leaves the role with fewer holders than the file shows (or none).
 * It is reported while that matters, from now on; a stretch in the past is history, ended by
 * appending the assignment that took over.
 */
export const roleHolderActive: Rule = {
  id: 'role-holder-active',
  description:
    "No assignment or acting period names someone as holding a role now or later beyond the day they left (people[].left); the message names the date and who should take over.",
  severity: 'error',
  needs: ['people', 'roles'],
  check(ctx) {
    const doc = ctx.model.policy.roles!;
    const view = policyViewOf(ctx.model)!;
    const today = dayIn(ctx.now, view.zone ?? 'UTC');
    const leftOn = (person: string) => findPerson(view, person)?.left;
    const active = (person: string | undefined, on: string) => person !== undefined && (leftOn(person) === undefined || leftOn(person)! >= on);

    doc.data.roles.forEach((role, r) => {
      const holders = role.holders ?? [];
      for (const period of assignmentPeriods(holders)) {
        const assignment = holders[period.index]!;
        const named: [string, (string | number)[], string][] = [
          [assignment.primary, ['primary'], 'primary'],
          ...(assignment.backup !== undefined ? [[assignment.backup, ['backup'], 'backup'] as [string, (string | number)[], string]] : []),
          ...(assignment.others ?? []).map((other, o) => [other, ['others', o], 'holder'] as [string, (string | number)[], string]),
        ];
        for (const [person, tail, as] of named) {
          const left = leftOn(person);
          if (left === undefined) continue;
          const gone = nextDay(left);
          const first = gone > period.from ? gone : period.from;
          // Only a stretch that reaches today or later is reported; the past is history.
          if ((period.to !== undefined && period.to < first) || (period.to !== undefined && period.to < today)) continue;
          const path = ['roles', r, 'holders', period.index, ...tail];
          const start = first > today ? first : today;
          const next = period.to !== undefined ? holders.find((a) => a.from === nextDay(period.to!)) : undefined;
          const candidate =
            as === 'primary' && active(assignment.backup, start)
              ? `the backup, ${personLabel(view, assignment.backup!)}`
              : next && active(next.primary, start)
                ? `${personLabel(view, next.primary)}, who the next assignment (from ${next.from}) names`
                : undefined;
          ctx.report(doc, path, {
            message: `${formatPath(path)}: ${personLabel(view, person)} left on ${left}, but this assignment still names them as ${role.name} ${as} from ${first}${period.to !== undefined ? ` to ${period.to}` : ''}.`,
            hint: `Append an assignment from ${start} naming who takes over${candidate ? ` (for example ${candidate})` : ''}; keep this one as the record of who held the role before.`,
          });
        }
      }
      (role.acting ?? []).forEach((acting, a) => {
        const left = leftOn(acting.person);
        if (left === undefined || acting.to <= left || acting.to < today) return;
        const path = ['roles', r, 'acting', a, 'person'];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: ${personLabel(view, acting.person)} left on ${left}, but acts as ${role.name} until ${acting.to}.`,
          hint: `End the acting period on ${left} (to: ${left}), and name someone who is still here in a new acting entry if one is needed.`,
        });
      });
    });
  },
};
