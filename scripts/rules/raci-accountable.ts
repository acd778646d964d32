import type { Rule } from './rule.ts';

const LETTER_NAMES = { A: 'Accountable', R: 'Responsible' } as const;

/**
 * RACI only works when exactly one role answers for each activity and someone does the work.
 * Every column also gets a letter, so no role is silently left out of an activity.
 */
export const raciAccountable: Rule = {
  id: 'raci-accountable',
  description: 'Each RACI activity has exactly one Accountable (A or AR) and at least one Responsible (R or AR), assigns a letter to every column, and names only columns.',
  severity: 'error',
  needs: ['raci'],
  check(ctx) {
    const doc = ctx.model.policy.raci!;
    const columns = doc.data.columns;
    doc.data.stages.forEach((stage, s) => {
      stage.activities.forEach((activity, a) => {
        const base = ['stages', s, 'activities', a] as const;
        const where = `${stage.name} / ${activity.name}`;
        const entries = Object.entries(activity.assignments) as [string, string][];
        const accountable = entries.filter(([, letter]) => letter === 'A' || letter === 'AR');
        const responsible = entries.filter(([, letter]) => letter === 'R' || letter === 'AR');
        if (accountable.length !== 1) {
          ctx.report(doc, accountable.length > 1 ? [...base, 'assignments', accountable[1]![0]] : [...base, 'assignments'], {
            message:
              accountable.length === 0
                ? `${where}: no role is ${LETTER_NAMES.A}.`
                : `${where}: ${accountable.length} roles are ${LETTER_NAMES.A} (${accountable.map(([r]) => r).join(', ')}).`,
            hint: 'Exactly one role is accountable for an activity; mark it A (or AR if it also does the work).',
          });
        }
        if (responsible.length === 0) {
          ctx.report(doc, [...base, 'assignments'], {
            message: `${where}: no role is ${LETTER_NAMES.R}.`,
            hint: 'Mark at least one role R (or AR for the accountable role if it does the work itself).',
          });
        }
        for (const column of columns) {
          if (!(column in activity.assignments)) {
            ctx.report(doc, [...base, 'assignments'], {
              message: `${where}: no letter for the column "${column}".`,
              hint: 'Give every column R, A, C, I or AR.',
            });
          }
        }
        for (const [role] of entries) {
          if (!columns.includes(role)) {
            ctx.report(doc, [...base, 'assignments', role], {
              message: `${where}: "${role}" is not one of the matrix's columns.`,
              hint: `Add it to columns, or use one of: ${columns.join(', ')}.`,
              target: 'key',
            });
          }
        }
      });
    });
  },
};
