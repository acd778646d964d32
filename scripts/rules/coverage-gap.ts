import { coverageGaps } from '../schedule/coverage.ts';
import { describeInterval, describeLength } from '../schedule/describe.ts';
import { compileRotation } from '../schedule/expand.ts';
import { horizonEnd } from '../schedule/policy.ts';
import { coverageLabel } from '../schedule/business-hours.ts';
import type { Rule } from './rule.ts';

/**
 * A tier held at every instant (24/7, or an owner on duty in business hours and on call outside
 * them) with nobody on it is a page nobody answers. Checked from now (not the past, which
 * cannot change) and from the rotation's first hand-off (before it the rotation is not in force)
 * to the coverage horizon.
 */
export const coverageGap: Rule = {
  id: 'coverage-gap',
  description:
    'Every tier held at every instant (coverage: always, or business-hours-and-on-call) has someone on it at every instant from now to the coverage horizon (on_call.coverage_horizon, default 12w); a gap names the rotation, tier and exact interval.',
  severity: 'error',
  needs: [],
  check(ctx) {
    const end = horizonEnd(ctx.model.policy.organisation?.data, ctx.now);
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      const compiled = compileRotation(rotation);
      const from = new Date(Math.max(ctx.now.getTime(), compiled.clock.handoffAt(0)));
      for (const gap of coverageGaps(rotation, from, end)) {
        const tier = rotation.tiers[gap.tierIndex]!;
        const plan = compiled.tiers[gap.tierIndex]!.plan;
        const firstRoster = plan[0] ? rotation.tiers[gap.tierIndex]!.rosters[plan[0].rosterIndex] : undefined;
        const startsLate = firstRoster !== undefined && gap.end.getTime() === compiled.clock.handoffAt(plan[0]!.firstShift);
        ctx.report(doc, ['tiers', gap.tierIndex, 'coverage'], {
          message: `tiers[${gap.tierIndex}]: rotation "${rotation.id}", tier "${tier.id}" has nobody on call ${describeInterval(gap.start, gap.end, rotation.timezone)} (${describeLength(gap.end.getTime() - gap.start.getTime())}), but the tier is covered ${tier.coverage === 'always' ? '24/7' : `"${coverageLabel(tier.coverage)}", so someone holds it at every instant`}.`,
          hint: startsLate
            ? `The tier's first roster takes effect on ${firstRoster.from}; move its "from" earlier, or add an override for "${tier.id}" covering the gap.`
            : `Add a roster in force at that time, or an override for "${tier.id}" covering the gap.`,
        });
      }
    }
  },
};
