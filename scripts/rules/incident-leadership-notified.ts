import { amendedIncident } from '../incidents/amended.ts';
import { calendarOf, organisationZone, severityLevel } from '../incidents/policy.ts';
import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { deadlineAfter } from '../time/business-time.ts';
import { describeDuration, nominalMinutes, parseDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * "The silent escalation": not telling leadership about a major incident because you are
 * "handling it". The severity's `notify` list says who is told and within what time of detection.
 * A missing notification once the deadline has passed is an error (record it, or tell them now);
 * a late one is a warning, since the record states what happened and cannot be changed.
 */
export const incidentLeadershipNotified: Rule = {
  id: 'incident-leadership-notified',
  description: 'Leadership was notified within the deadline the severity sets (or, without one, policy/communication.yaml leadership; no silent escalation): missing after the deadline is an error, late is a warning.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['severities'],
  check(ctx) {
    const calendar = calendarOf(ctx.model);
    const zone = organisationZone(ctx.model);
    for (const doc of ctx.model.incidents) {
      const incident = amendedIncident(doc.data);
      const level = severityLevel(ctx.model, incident.severity);
      let deadlines = (level?.notify ?? []).filter((n) => n.within !== undefined && parseDuration(n.within) !== undefined);
      // Without a deadline of its own, the severity falls under the leadership rule of the communication policy.
      const leadership = ctx.model.policy.communication?.data.leadership;
      if (deadlines.length === 0 && leadership && leadership.severities.includes(incident.severity)) {
        deadlines = [{ who: ['leadership'], within: leadership.within }];
      }
      if (!level || deadlines.length === 0) continue;
      const strictest = deadlines.reduce((a, b) => (nominalMinutes(parseDuration(b.within!)!) < nominalMinutes(parseDuration(a.within!)!) ? b : a));
      const who = deadlines.flatMap((n) => (n.who === 'all-stakeholders' ? ['all stakeholders'] : n.who));
      const detected = instantOf(incident.detected);
      if (!detected) continue;
      const due = deadlineAfter(calendar, detected, strictest.within!);
      if (!due) continue;
      const within = describeDuration(strictest.within!);
      const notified = instantOf(incident.leadership_notified);
      if (!notified) {
        if (ctx.now.getTime() < due.getTime()) continue;
        ctx.report(doc, ['severity'], {
          message: `severity: a ${level.id} incident must be reported to leadership (${[...new Set(who)].join(', ')}) within ${within} of detection, by ${formatInstant(due, zone)}, and no notification is recorded.`,
          hint: 'Tell leadership now and record the time in leadership_notified. Keeping leadership uninformed while "handling it" is the silent escalation that lets a major incident grow unseen.',
        });
        continue;
      }
      if (notified.getTime() < detected.getTime()) {
        ctx.report(doc, ['leadership_notified'], {
          message: `leadership_notified: ${incident.leadership_notified} is before the incident was detected (${incident.detected}).`,
          hint: 'Check the date and the UTC offset.',
        });
      } else if (notified.getTime() > due.getTime()) {
        ctx.report(doc, ['leadership_notified'], {
          message: `leadership_notified: leadership was told ${describeMinutes(minutesBetween(detected, notified))} after detection, later than the ${within} a ${level.id} incident allows.`,
          hint: 'Post the leadership summary as soon as the severity is declared; the monthly review should look at why it was late.',
          severity: 'warning',
        });
      }
    }
  },
};
