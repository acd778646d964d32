import { DateTime } from 'luxon';
import { describeInterval } from '../schedule/describe.ts';
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { horizonEnd } from '../schedule/policy.ts';
import { handoffDate } from '../signoffs/handoff-date.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * Some lifecycle stages staff on-call from one team: while a product stabilises after launch, its
 * own engineers are on call, because they know the code that is still changing. A stage that names
 * an `on_call_team` says so; while a product is in that stage (from now until its hand-off, or the
 * coverage horizon), everyone on call in any tier of its rotation is from that team. Shadowing by
 * the operating team is not on-call and does not appear in the rotation.
 */
export const stageOnCallTeam: Rule = {
  id: 'stage-on-call-team',
  description:
    "While a product is in a lifecycle stage that names an on_call_team (policy/lifecycle.yaml), everyone on call in its rotation, from now until the product's hand-off (or the coverage horizon), is from that team.",
  severity: 'error',
  needs: ['lifecycle', 'people'],
  check(ctx) {
    const lifecycle = ctx.model.policy.lifecycle!.data;
    const teamOf = new Map(ctx.model.policy.people!.data.people.map((p) => [p.id, p.team]));
    const horizon = horizonEnd(ctx.model.policy.organisation?.data, ctx.now).getTime();
    const now = ctx.now.getTime();
    for (const product of lifecycle.products) {
      const stage = lifecycle.stages.find((s) => s.id === product.stage);
      const team = stage?.on_call_team;
      if (!stage || team === undefined) continue;
      for (const doc of ctx.model.rotations.filter((r) => r.data.id === product.rotation || r.data.product === product.id)) {
        const rotation = doc.data;
        const handoff = handoffDate(ctx.model, product.id, rotation.timezone);
        const end = handoff === undefined ? horizon : Math.min(horizon, DateTime.fromISO(handoff, { zone: rotation.timezone }).toMillis());
        if (end <= now) continue;
        const compiled = compileRotation(rotation);
        const reported = new Set<string>();
        for (const tier of compiled.tiers) {
          for (const shift of expandTier(compiled, tier, now, end)) {
            const personTeam = teamOf.get(shift.person);
            if (personTeam === undefined || personTeam === team) continue;
            const where = formatPath(shift.path);
            if (reported.has(where)) continue;
            reported.add(where);
            ctx.report(doc, shift.path, {
              message: `${where}: "${shift.person}" of ${personTeam} holds ${tier.name} ${describeInterval(shift.start, shift.end, rotation.timezone)}, while product "${product.id}" is in stage "${stage.id}", whose on-call is drawn from ${team}.`,
              hint: `Put someone from ${team} on that shift${handoff ? `; the stage ends with the hand-off on ${handoff}` : ''}.`,
            });
          }
        }
      }
    }
  },
};
