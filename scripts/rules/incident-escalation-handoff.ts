import type { DocPath } from '../repo/locate.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * An escalation hands the incident to people who were not there: without a summary, the current
 * status, what has been tried and the evidence, they start from nothing ("Don't escalate without
 * context"). policy/escalation.yaml `handoff.fields` lists what an escalation carries and which
 * fields are required, so an organisation can change the list without a code change.
 */
export const incidentEscalationHandoff: Rule = {
  id: 'incident-escalation-handoff',
  description:
    "Every escalation in an incident carries the hand-off information policy/escalation.yaml handoff.fields marks required (incident summary, current status, severity, impact, affected systems, actions taken, evidence) under escalations[].handoff.",
  severity: 'error',
  needs: ['escalation'],
  check(ctx) {
    const required = (ctx.model.policy.escalation!.data.handoff?.fields ?? []).filter((f) => f.required);
    if (required.length === 0) return;
    for (const doc of ctx.model.incidents) {
      (doc.data.escalations ?? []).forEach((escalation, i) => {
        const handoff = (escalation.handoff ?? {}) as Record<string, unknown>;
        const missing = required.filter((f) => handoff[f.field] === undefined);
        if (missing.length === 0) return;
        const path: DocPath = escalation.handoff ? ['escalations', i, 'handoff'] : ['escalations', i];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: the escalation ${escalation.handoff ? 'hands over no' : 'records no hand-off, so no'} ${missing.map((f) => `${f.name} (${f.field})`).join(', ')}, which policy/escalation.yaml requires of every escalation.`,
          hint: `Add ${escalation.handoff ? '' : 'handoff: with '}${missing.map((f) => `${f.field}:`).join(', ')}: what the people brought in were told.`,
          ...(escalation.handoff ? { target: 'key' as const } : {}),
        });
      });
    }
  },
};
