import { describeDuration, nominalMinutes, parseDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * A ladder is read top to bottom as time passes; a step that is not later than the one before it
 * (or that drops to a lower level) cannot be followed as written.
 */
export const ladderOrder: Rule = {
  id: 'ladder-order',
  description: 'Escalation ladder steps strictly increase in time and never return to a lower level; escalation level ranks strictly increase.',
  severity: 'error',
  needs: ['escalation'],
  check(ctx) {
    const doc = ctx.model.policy.escalation!;
    const rank = new Map(doc.data.levels.map((level) => [level.id, level.rank]));
    doc.data.levels.forEach((level, i) => {
      const previous = doc.data.levels[i - 1];
      if (previous && level.rank <= previous.rank) {
        ctx.report(doc, ['levels', i, 'rank'], {
          message: `levels[${i}].rank: ${level.id} has rank ${level.rank}, not above ${previous.id} (rank ${previous.rank}).`,
          hint: 'List levels from the first responder upwards, each rank higher than the one before.',
        });
      }
    });
    doc.data.ladders.forEach((ladder, l) => {
      let lastMinutes = -1;
      let lastAfter = '';
      let highestRank = 0;
      let highestLevel = '';
      ladder.steps.forEach((step, s) => {
        const duration = parseDuration(step.after);
        if (duration) {
          const minutes = nominalMinutes(duration);
          if (minutes <= lastMinutes) {
            ctx.report(doc, ['ladders', l, 'steps', s, 'after'], {
              message: `ladders[${l}].steps[${s}].after: ${ladder.id} step "${step.action}" comes ${describeDuration(step.after)} after detection, not later than the step before (${describeDuration(lastAfter)}).`,
              hint: 'Each step of a ladder must come strictly later than the previous one.',
            });
          }
          if (minutes > lastMinutes) {
            lastMinutes = minutes;
            lastAfter = step.after;
          }
        }
        if (step.level !== undefined) {
          const r = rank.get(step.level);
          if (r !== undefined && r < highestRank) {
            ctx.report(doc, ['ladders', l, 'steps', s, 'level'], {
              message: `ladders[${l}].steps[${s}].level: ${ladder.id} drops back to ${step.level} after reaching ${highestLevel}.`,
              hint: 'A ladder only climbs; remove the step or move it earlier.',
            });
          }
          if (r !== undefined && r > highestRank) {
            highestRank = r;
            highestLevel = step.level;
          }
        }
      });
    });
  },
};
