import {
  escalationLevelsKnown,
  escalationMeetingStep,
  ladderIsOrdered,
  ladderStop,
  laddersFor,
  startRank,
  stepNeedsEscalation,
  timedEscalations,
  type Ladder,
} from '../incidents/escalation.ts';
import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { calendarOf, levelRanks, organisationZone } from '../incidents/policy.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { deadlineAfter } from '../time/business-time.ts';
import { describeDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * A ladder says who is brought in how long after detection while the incident is unresolved. For
 * every step that brings in someone new (a higher level, or a role of the product's ladder), an
 * incident still unresolved at that time must record an escalation that did it: none at all is an
 * error (escalate now, or record it), one after the step's time a warning, since the record states
 * what happened and cannot be changed. The clock stops when the ladder says the incident is resolved
 * (ladder_stops_at), and a ladder marked customer_facing_only applies only to customer-facing incidents.
 */
export const incidentEscalationTiming: Rule = {
  id: 'incident-escalation-timing',
  description:
    "An incident is escalated when its ladders say (policy/escalation.yaml ladders, the organisation's and its product's): still unresolved at a step that brings in a higher level or a new role, it records an escalation that did so by then; missing is an error, late a warning.",
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['escalation', 'people', 'roles', 'rotation'],
  check(ctx) {
    const policy = ctx.model.policy.escalation!.data;
    const ranks = levelRanks(ctx.model);
    const levelName = new Map(policy.levels.map((level) => [level.id, level.name]));
    const calendar = calendarOf(ctx.model);
    const zone = organisationZone(ctx.model);
    const view = policyViewOf(ctx.model);
    const roleName = (id: string) => view?.roles.roles.find((role) => role.id === id)?.name ?? id;
    const knownRoles = new Set(view?.roles.roles.map((role) => role.id) ?? []);
    const whom = (step: Ladder['steps'][number]) =>
      step.roles && step.roles.length > 0 ? step.roles.map(roleName).join(' + ') : `${step.level} (${levelName.get(step.level!) ?? step.level})`;
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      const detected = instantOf(incident.detected);
      // An escalation to an unknown level is reported by reference-exists; what it reached is unknown.
      if (!detected || !escalationLevelsKnown(incident, ranks)) continue;
      const stop = ladderStop(policy, incident);
      const until = stop ?? ctx.now;
      const start = startRank(ctx.model, incident);
      const escalations = timedEscalations(view, incident);
      const lateReported = new Set<number>();
      for (const ladder of laddersFor(policy, incident).filter((l) => ladderIsOrdered(l, ranks))) {
        let missingReported = false;
        ladder.steps.forEach((step, index) => {
          if (!stepNeedsEscalation(ladder, index, ranks, start)) return;
          // A role the policy does not define cannot be brought in; reference-exists reports it.
          if (step.roles?.some((role) => !knownRoles.has(role))) return;
          const due = deadlineAfter(calendar, detected, step.after);
          // Resolved by then, or not yet due: the step never came.
          if (!due || until.getTime() <= due.getTime()) return;
          const met = escalationMeetingStep(step, escalations, ranks);
          const after = describeDuration(step.after);
          if (met === undefined || met.at.getTime() > until.getTime()) {
            if (missingReported) return;
            missingReported = true;
            const later = ladder.steps
              .slice(index + 1)
              .filter((s, i) => stepNeedsEscalation(ladder, index + 1 + i, ranks, start))
              .filter((s) => {
                const d = deadlineAfter(calendar, detected, s.after);
                return d !== undefined && until.getTime() > d.getTime() && escalationMeetingStep(s, escalations, ranks) === undefined;
              })
              .map((s) => `${whom(s)} after ${describeDuration(s.after)}`);
            const path = incident.escalations ? ['escalations'] : ['severity'];
            ctx.report(doc, path, {
              message: `${path[0]}: the ${incident.severity} incident was ${stop ? 'still unresolved' : 'unresolved'} ${after} after detection (at ${formatInstant(due, zone)}), and no escalation brought in ${whom(step)}, as ladder "${ladder.id}" requires (${step.action})${later.length > 0 ? `; nor ${later.join(', ')}` : ''}.`,
              hint: stop
                ? `Record the escalation that brought in ${whom(step)} under escalations (at, ${step.roles?.length ? 'to: the people' : `level: ${step.level}`}, reason, handoff).`
                : `Escalate now to ${whom(step)} and record it under escalations.`,
              ...(incident.escalations ? { target: 'key' as const } : {}),
            });
            return;
          }
          if (met.at.getTime() <= due.getTime() || lateReported.has(met.index)) return;
          lateReported.add(met.index);
          ctx.report(doc, ['escalations', met.index, 'at'], {
            message: `escalations[${met.index}].at: ${whom(step)} was brought in ${describeMinutes(minutesBetween(detected, met.at))} after detection; ladder "${ladder.id}" brings them in after ${after} (${formatInstant(due, zone)}).`,
            hint: 'Escalate at the step, not after it; the monthly review should look at why this one was late.',
            severity: 'warning',
          });
        });
      }
    }
  },
};
