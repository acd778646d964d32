import { amendedIncident } from '../incidents/amended.ts';
import { escalationScenario, levelRanks } from '../incidents/policy.ts';
import { instantOf } from '../incidents/instants.ts';
import type { Rule } from './rule.ts';

/**
 * Seed 002 "Don't: skip levels unnecessarily". An incident starts at the first level, or where its
 * scenario starts (a security breach goes straight to level 3), and each escalation climbs at most
 * one level above the highest reached so far. Escalations are listed in the order they happened.
 */
export const incidentEscalationLadder: Rule = {
  id: 'incident-escalation-ladder',
  description: 'Escalations follow the ladder: no level is skipped unless the incident\'s scenario starts higher (seed 002: a security breach starts at level 3); escalations are in time order and not before detection.',
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
        const rank = ranks.get(escalation.level);
        if (rank === undefined) return;
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
          reachedId = escalation.level;
        }
      });
    }
  },
};
