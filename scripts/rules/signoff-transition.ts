import { phaseHistories } from '../signoffs/phase-history.ts';
import type { Rule } from './rule.ts';

/**
 * The phase is derived from the history, so a record whose `from` is not the phase the history left
 * the rollout in, or that skips a gate, would make the derived phase meaningless.
 */
export const signoffTransition: Rule = {
  id: 'signoff-transition',
  description:
    "A phase change is legal: replayed in time order, its from is the rollout's current phase, gates are not skipped, a rollback goes back, and GA (kind ga) is the last gate.",
  severity: 'error',
  needs: ['approvals', 'signoff'],
  check(ctx) {
    for (const history of phaseHistories(ctx.model.signoffs, ctx.model.policy.approvals!.data)) {
      for (const step of history.steps) {
        for (const problem of step.problems) ctx.report(step.record, problem.path, { message: problem.message, ...(problem.hint ? { hint: problem.hint } : {}) });
      }
    }
  },
};
