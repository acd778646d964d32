import { amendedIncident } from '../incidents/amended.ts';
import { escalationScenario, levelRanks } from '../incidents/policy.ts';
import { instantOf } from '../incidents/instants.ts';
import type { Rule } from './rule.ts';

/**
 * "Don't skip levels unnecessarily". An incident starts at the first level, or where its scenario
 * starts (a security breach goes straight to level 3, data loss to level 2), and each escalation
 * climbs at most one level above the highest reached so far. The first escalation of a scenario that
 * starts higher is to that level: a security breach handed to a team lead has entered too low.
 * Escalations are listed in the order they happened; one that names no level (it brings in a role of
 * a product's ladder) neither climbs nor skips.
 */
export const incidentEscalationLadder: Rule = {
  id: 'incident-escalation-ladder',
  description:
    "Escalations follow the levels (policy/escalation.yaml): no level is skipped unless the incident's scenario starts higher, the first escalation of such a scenario is to its start level or above (e.g. a security breach at level 3), and escalations are in time order and not before detection.",
  severity: 'error',
  needs: ['escalation'],
  check(ctx) {
    const ranks = levelRanks(ctx.model);
    const levels = ctx.model.policy.escalation!.data.levels;
    const byRank = (rank: number) => levels.find((level) => level.rank === rank);
    const lowest = Math.min(...levels.map((level) => level.rank));
    for (const doc of ctx.model.incidents) {
      const incident = amendedIncident(doc.data);
      const scenario = escalationScenario(ctx.model, incident.scenario);
      const startRank = scenario ? (ranks.get(scenario.start_level) ?? lowest) : lowest;
      let reached = startRank;
      let reachedId = byRank(startRank)?.id ?? scenario?.start_level ?? '';
      let previous: { at: number; text: string } | undefined;
      const detected = instantOf(incident.detected)?.getTime();
      let first = true;
      (incident.escalations ?? []).forEach((escalation, i) => {
        const at = instantOf(escalation.at)?.getTime();
        if (at !== undefined) {
          if (detected !== undefined && at < detected) {
            ctx.report(doc, ['escalations', i, 'at'], {
              message: `escalations[${i}].at: ${escalation.at} is before the incident was detected (${incident.detected}).`,
              hint: 'Check the date and the UTC offset.',
            });
          } else if (previous && at < previous.at) {
            ctx.report(doc, ['escalations', i, 'at'], {
              message: `escalations[${i}].at: ${escalation.at} is before the escalation above it (${previous.text}).`,
              hint: 'List escalations in the order they happened.',
            });
          }
          previous = { at, text: escalation.at };
        }
        const rank = escalation.level === undefined ? undefined : ranks.get(escalation.level);
        if (rank === undefined) return;
        const isFirst = first;
        first = false;
        if (isFirst && scenario && rank < startRank) {
          ctx.report(doc, ['escalations', i, 'level'], {
            message: `escalations[${i}].level: the incident's scenario "${scenario.id}" (${scenario.name}) starts at ${scenario.start_level}, but its first escalation is to ${escalation.level}.`,
            hint: `Escalate a ${scenario.name} incident straight to ${scenario.start_level}${byRank(startRank) ? ` (${byRank(startRank)!.name})` : ''}, bypassing the levels below it; if the scenario does not apply, remove scenario:.`,
          });
          return;
        }
        if (rank > reached + 1) {
          const skipped = levels.filter((level) => level.rank > reached && level.rank < rank).map((level) => level.id);
          const higherStarts = (ctx.model.policy.escalation!.data.scenarios ?? [])
            .filter((s) => (ranks.get(s.start_level) ?? 0) + 1 >= rank)
            .map((s) => `${s.id} starts at ${s.start_level}`);
          ctx.report(doc, ['escalations', i, 'level'], {
            message: `escalations[${i}].level: "${escalation.level}" skips ${skipped.join(', ')}: the incident had reached ${reachedId}${scenario ? ` (scenario "${scenario.id}" starts at ${scenario.start_level})` : ''}, and escalation climbs one level at a time.`,
            hint:
              higherStarts.length > 0
                ? `Record the escalation to ${skipped[0]} first, or set scenario: when one applies (${higherStarts.join('; ')}).`
                : `Record the escalation to ${skipped[0]} first.`,
          });
        }
        if (rank > reached) {
          reached = rank;
          reachedId = escalation.level!;
        }
      });
    }
  },
};
