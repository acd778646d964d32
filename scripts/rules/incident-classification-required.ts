import { isPastTriage } from '../incidents/escalation.ts';
import type { Rule } from './rule.ts';

/**
 * Triage classifies the issue (infrastructure, application, configuration), and the class decides
 * who resolves it and who it is escalated to; classifying is also the first step of an escalation.
 * So an incident past triage, or already escalated, names its class.
 */
export const incidentClassificationRequired: Rule = {
  id: 'incident-classification-required',
  description:
    'An incident past triage (mitigated, resolved or closed) or already escalated names its classification from policy/escalation.yaml (infrastructure, application, configuration), which decides who resolves it.',
  severity: 'error',
  needs: ['escalation'],
  check(ctx) {
    const classes = ctx.model.policy.escalation!.data.classification ?? [];
    if (classes.length === 0) return;
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      if (incident.classification !== undefined) continue;
      const pastTriage = isPastTriage(incident);
      if (!pastTriage && (incident.escalations ?? []).length === 0) continue;
      ctx.report(doc, pastTriage ? ['status'] : ['escalations'], {
        message: pastTriage
          ? `status: the incident is ${incident.status}, so it has been triaged, but it names no classification.`
          : 'escalations: the incident is escalated but names no classification; classifying the issue is the first step of an escalation.',
        hint: `Add classification: one of ${classes.map((c) => c.id).join(', ')} (policy/escalation.yaml); it decides who resolves the issue and who it is escalated to.`,
        ...(pastTriage ? {} : { target: 'key' as const }),
      });
    }
  },
};
