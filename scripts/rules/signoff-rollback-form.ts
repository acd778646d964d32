import { formatInstant, instantOf } from '../incidents/instants.ts';
import { calendarOf, organisationZone } from '../incidents/policy.ts';
import { deadlineAfter } from '../time/business-time.ts';
import { describeDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

const NEXT_STEPS = [
  { field: 'investigation', name: 'investigation assigned to' },
  { field: 'reramp_target', name: 're-ramp target date' },
  { field: 'client_communication', name: 'client communication (required or not-required)' },
] as const;

/**
 * The rollback form is complete: a reason the form offers with a blank ("Other: ____") carries its
 * words, and the next steps (who investigates, when to re-ramp, whether clients are told) are known
 * by the time the policy gives for them (policy/approvals.yaml rollback.next_steps_within after the
 * rollback). Until then missing next steps are a note, so a rollback can be recorded as it happens.
 */
export const signoffRollbackForm: Rule = {
  id: 'signoff-rollback-form',
  description:
    "A rollback's form is complete: a ticked reason that needs words (policy/approvals.yaml rollback.reasons[].needs_text, e.g. Other) has reason_other, and its next steps (investigation, re-ramp target, client communication) are recorded once due (rollback.next_steps_within after it; a note before).",
  severity: 'error',
  alsoReports: ['note'],
  needs: ['approvals'],
  check(ctx) {
    const rollbackPolicy = ctx.model.policy.approvals!.data.rollback;
    const calendar = calendarOf(ctx.model);
    const zone = organisationZone(ctx.model);
    for (const doc of ctx.model.signoffs) {
      const rollback = doc.data.rollback;
      if (!rollback) continue;
      const needText = rollback.reasons.flatMap((id, j) => (rollbackPolicy.reasons.find((r) => r.id === id)?.needs_text ? [{ id, j }] : []));
      if (needText.length > 0 && rollback.reason_other === undefined) {
        const { id, j } = needText[0]!;
        const name = rollbackPolicy.reasons.find((r) => r.id === id)?.name ?? id;
        ctx.report(doc, ['rollback', 'reasons', j], {
          message: `rollback.reasons[${j}]: "${name}" is ticked without saying what the reason is.`,
          hint: 'Add rollback.reason_other: with the reason in words.',
        });
      } else if (needText.length === 0 && rollback.reason_other !== undefined) {
        const free = rollbackPolicy.reasons.filter((r) => r.needs_text).map((r) => r.id);
        ctx.report(doc, ['rollback', 'reason_other'], {
          message: 'rollback.reason_other: words for a reason of its own are given, but no such reason is ticked.',
          hint: free.length > 0 ? `Add ${free.join(' or ')} to rollback.reasons, or remove reason_other.` : 'Remove reason_other.',
          target: 'key',
        });
      }
      const at = instantOf(doc.data.at);
      if (!at) continue;
      const within = rollbackPolicy.next_steps_within ?? '0m';
      const due = deadlineAfter(calendar, at, within);
      if (!due) continue;
      const steps = (rollback.next_steps ?? {}) as Record<string, unknown>;
      const missing = NEXT_STEPS.filter((s) => steps[s.field] === undefined);
      if (missing.length === 0) continue;
      const overdue = ctx.now.getTime() >= due.getTime();
      const path = rollback.next_steps ? ['rollback', 'next_steps'] : ['rollback'];
      ctx.report(doc, path, {
        message: `${path.join('.')}: the rollback's next steps lack ${missing.map((s) => `${s.name} (${s.field})`).join(', ')}; they are due ${within === '0m' ? 'with the rollback' : `${describeDuration(within)} after it`}, by ${formatInstant(due, zone)}${overdue ? '' : ' (not yet due)'}.`,
        hint: `Add ${rollback.next_steps ? '' : 'next_steps: with '}${missing.map((s) => `${s.field}:`).join(', ')} to the rollback record; next_steps may be amended after the record is merged.`,
        target: 'key',
        ...(overdue ? {} : { severity: 'note' as const }),
      });
    }
  },
};
