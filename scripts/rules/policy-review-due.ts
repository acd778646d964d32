import { DateTime } from 'luxon';
import type { Doc } from '../model/repo-model.ts';
import { POLICY_KINDS, type PolicyKindId } from '../schema/kinds.ts';
import { reviewDue, reviewOf } from '../time/reviews.ts';
import type { Rule } from './rule.ts';

const EVERY_TEXT = { month: 'every month', quarter: 'every three months', year: 'every year' } as const;

/**
 * Policies go stale quietly: escalation contacts leave, SLAs change, procedures drift from what
 * people do. policy/organisation.yaml `reviews` says how often each policy file is reviewed, and each
 * file records its last review in `last_reviewed`. A covered file without the date is an error; one
 * whose review is overdue is a warning (the policy still holds, but someone should look at it).
 */
export const policyReviewDue: Rule = {
  id: 'policy-review-due',
  description:
    'Every policy file a review in policy/organisation.yaml reviews covers records last_reviewed (an error without it), and is reviewed again within the review\'s period (month, quarter, year): an overdue review is a warning.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['organisation'],
  check(ctx) {
    const organisation = ctx.model.policy.organisation!.data;
    const zone = organisation.timezone;
    const today = DateTime.fromJSDate(ctx.now, { zone }).toISODate()!;
    for (const kind of POLICY_KINDS) {
      const doc = ctx.model.policy[kind] as Doc<PolicyKindId> | undefined;
      if (!doc) continue;
      const path = `policy/${kind}.yaml`;
      const review = reviewOf(organisation, path);
      if (!review) continue;
      const last = (doc.data as { last_reviewed?: string }).last_reviewed;
      if (last === undefined) {
        // At the file's first key: that is where the date goes.
        const first = Object.keys(doc.data as object)[0];
        ctx.report(doc, first === undefined ? [] : [first], {
          target: 'key',
          message: `${path} records no last_reviewed date, but the ${review.name} (${EVERY_TEXT[review.every]}, policy/organisation.yaml reviews) covers it.`,
          hint: `Review the file and add last_reviewed: ${today} at its top.`,
        });
        continue;
      }
      const due = reviewDue(last, review.every);
      if (due < today) {
        ctx.report(doc, ['last_reviewed'], {
          message: `last_reviewed: ${path} was last reviewed on ${last}; the ${review.name} (${EVERY_TEXT[review.every]}) was due by ${due}.`,
          hint: `Review it${kind === 'people' ? ', contact information first,' : ''} and set last_reviewed to the date of the review.`,
          severity: 'warning',
        });
      }
    }
  },
};
