import { escalationLevelsKnown, ladderStop, timedEscalations } from '../incidents/escalation.ts';
import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { calendarOf, escalationScenario, levelRanks, organisationZone } from '../incidents/policy.ts';
import type { DocPath } from '../repo/locate.ts';
import { deadlineAfter } from '../time/business-time.ts';
import { describeDuration } from '../util/duration.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * Automatic escalation triggers fire without anyone deciding: an incident of a severity still
 * unresolved after a time, an incident of a scenario (data loss, a security breach), an incident
 * that affects several services at once. When one applies, the record shows an escalation by the
 * trigger's time: to the trigger's level, or the scenario's start level, or for a plain "must be
 * escalated" any escalation at all. None is an error; one after the time, a warning.
 */
export const incidentEscalationTriggers: Rule = {
  id: 'incident-escalation-triggers',
  description:
    'An incident that meets an automatic escalation trigger (policy/escalation.yaml triggers.automatic: a severity unresolved after a time, a scenario such as data loss or a security breach, several services affected) records an escalation by the trigger\'s time, to the level it names; missing is an error, late a warning.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['escalation'],
  check(ctx) {
    const policy = ctx.model.policy.escalation!.data;
    const ranks = levelRanks(ctx.model);
    const levelName = new Map(policy.levels.map((level) => [level.id, level.name]));
    const calendar = calendarOf(ctx.model);
    const zone = organisationZone(ctx.model);
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      const detected = instantOf(incident.detected);
      if (!detected || !escalationLevelsKnown(incident, ranks)) continue;
      const until = ladderStop(policy, incident) ?? ctx.now;
      const escalations = timedEscalations(undefined, incident);
      for (const trigger of policy.triggers.automatic) {
        let path: DocPath;
        let applies: string;
        let after: string;
        let level = trigger.to_level;
        if (trigger.unresolved_after !== undefined) {
          if (trigger.severity !== undefined && trigger.severity !== incident.severity) continue;
          path = ['severity'];
          applies = `the ${incident.severity} incident was not resolved ${describeDuration(trigger.unresolved_after)} after detection`;
          after = trigger.unresolved_after;
        } else if (trigger.scenarios !== undefined) {
          if (incident.scenario === undefined || !trigger.scenarios.includes(incident.scenario)) continue;
          const scenario = escalationScenario(ctx.model, incident.scenario);
          level ??= scenario?.start_level;
          path = ['scenario'];
          applies = `the incident is a ${scenario?.name ?? incident.scenario} (scenario "${incident.scenario}")`;
          after = trigger.within ?? '0m';
        } else if (trigger.services_at_least !== undefined) {
          const services = incident.impact.services ?? [];
          if (services.length < trigger.services_at_least) continue;
          path = ['impact', 'services'];
          applies = `${services.length} services were affected at once`;
          after = trigger.within ?? '0m';
        } else {
          continue; // a condition the record cannot show
        }
        const due = deadlineAfter(calendar, detected, after);
        if (!due || until.getTime() <= due.getTime()) continue;
        const wanted = level === undefined ? undefined : ranks.get(level);
        const met = escalations.find((timed) => wanted === undefined || (timed.escalation.level !== undefined && (ranks.get(timed.escalation.level) ?? 0) >= wanted));
        const target = level === undefined ? 'an escalation' : `an escalation to ${level} (${levelName.get(level) ?? level})`;
        const when = after === '0m' ? 'at detection' : `within ${describeDuration(after)} of detection, by ${formatInstant(due, zone)}`;
        if (met === undefined || met.at.getTime() > until.getTime()) {
          ctx.report(doc, path, {
            message: `${formatPath(path)}: ${applies}, which triggers ${target} (trigger "${trigger.id}": ${trigger.condition}), and none is recorded.`,
            hint: `Record the escalation under escalations (at, ${level ? `level: ${level}` : 'level'}, to, reason, handoff); it was due ${when}.`,
          });
          continue;
        }
        if (met.at.getTime() <= due.getTime()) continue;
        ctx.report(doc, ['escalations', met.index, 'at'], {
          message: `escalations[${met.index}].at: ${applies}, which triggers ${target} ${when} (trigger "${trigger.id}"), but it came ${describeMinutes(minutesBetween(detected, met.at))} after detection.`,
          hint: 'An automatic trigger is not a judgement call: escalate as soon as it applies.',
          severity: 'warning',
        });
      }
    }
  },
};
