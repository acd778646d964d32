import { calendarOf, organisationZone, severityLevel } from '../incidents/policy.ts';
import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { deadlineAfter } from '../time/business-time.ts';
import { describeDuration, parseDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * Two acknowledgement promises, measured once an incident is closed and its record final: the
 * first line acknowledges the alert within the severity's `acknowledge` target, and whoever an
 * incident is escalated to (another team, the building team after a hand-off) acknowledges the
 * escalation within `escalation_acknowledge`. Business-time targets count business hours. A closed
 * incident that does not say when it was acknowledged cannot be measured: an error. A late
 * acknowledgement is a warning: the record is right, the response was late, and the monthly report
 * counts it against the SLA.
 */
export const incidentAcknowledgementSla: Rule = {
  id: 'incident-acknowledgement-sla',
  description:
    "A closed incident was acknowledged within its severity's acknowledge target of detection, and each escalation within escalation_acknowledge of being made (policy/severities.yaml targets; business time where they say so); a missing time is an error, a late one a warning.",
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['severities'],
  check(ctx) {
    const calendar = calendarOf(ctx.model);
    const zone = organisationZone(ctx.model);
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      if (incident.status !== 'closed') continue;
      const level = severityLevel(ctx.model, incident.severity);
      const detected = instantOf(incident.detected);
      if (!level || !detected) continue;
      const acknowledge = level.targets.acknowledge;
      const acknowledged = instantOf(incident.acknowledged);
      if (!acknowledged) {
        ctx.report(doc, ['status'], {
          message: `status: the incident is closed but does not record when it was acknowledged, so the ${describeDuration(acknowledge)} acknowledgement target of ${level.id} cannot be measured.`,
          hint: 'Add acknowledged: with the date-time on-call acknowledged the alert.',
        });
      } else if (parseDuration(acknowledge)) {
        const due = deadlineAfter(calendar, detected, acknowledge);
        if (due && acknowledged.getTime() > due.getTime()) {
          ctx.report(doc, ['acknowledged'], {
            message: `acknowledged: on-call acknowledged ${describeMinutes(minutesBetween(detected, acknowledged))} after detection, later than the ${describeDuration(acknowledge)} a ${level.id} incident allows (due ${formatInstant(due, zone)}).`,
            hint: 'The monthly report counts this against the acknowledgement SLA; the review should look at why the page was answered late.',
            severity: 'warning',
          });
        }
      }
      const target = level.targets.escalation_acknowledge;
      if (target === undefined) continue;
      (incident.escalations ?? []).forEach((escalation, index) => {
        const at = instantOf(escalation.at);
        if (!at) return;
        const ack = instantOf(escalation.acknowledged);
        if (!ack) {
          ctx.report(doc, ['escalations', index], {
            message: `escalations[${index}]: the escalation to ${escalation.level} does not record when it was acknowledged, so the ${describeDuration(target)} escalation acknowledgement target of ${level.id} cannot be measured.`,
            hint: 'Add acknowledged: with the date-time those escalated to acknowledged the escalation.',
          });
          return;
        }
        if (ack.getTime() < at.getTime()) {
          ctx.report(doc, ['escalations', index, 'acknowledged'], {
            message: `escalations[${index}].acknowledged: ${escalation.acknowledged} is before the escalation was made (${escalation.at}).`,
            hint: 'Check the date and the UTC offset.',
          });
          return;
        }
        if (!parseDuration(target)) return;
        const due = deadlineAfter(calendar, at, target);
        if (due && ack.getTime() > due.getTime()) {
          ctx.report(doc, ['escalations', index, 'acknowledged'], {
            message: `escalations[${index}].acknowledged: the escalation to ${escalation.level} was acknowledged ${describeMinutes(minutesBetween(at, ack))} after it was made, later than the ${describeDuration(target)} a ${level.id} escalation allows (due ${formatInstant(due, zone)}).`,
            hint: 'The monthly report counts this against the escalation acknowledgement SLA.',
            severity: 'warning',
          });
        }
      });
    }
  },
};
