import { coverageGaps } from '../schedule/coverage.ts';
import { describeInterval, describeLength } from '../schedule/describe.ts';
import { compileRotation, inForceFrom, layerStart } from '../schedule/expand.ts';
import { horizonEnd } from '../schedule/policy.ts';
import type { Rule } from './rule.ts';

/**
 * A 24/7 tier with nobody on it is a page nobody answers. Checked from now (not the past, which
 * cannot change) and from the rotation's first hand-off (before it the rotation is not in force)
 * to the coverage horizon.
 */
export const coverageGap: Rule = {
  id: 'coverage-gap',
  description:
    'Every 24/7 tier (coverage: always) has someone on call at every instant from now to the coverage horizon (on_call.coverage_horizon, default 12w); a gap names the rotation, tier and exact interval.',
  severity: 'error',
  needs: [],
  check(ctx) {
    const end = horizonEnd(ctx.model.policy.organisation?.data, ctx.now);
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      const compiled = compileRotation(rotation);
      const from = new Date(Math.max(ctx.now.getTime(), inForceFrom(compiled)));
      for (const gap of coverageGaps(rotation, from, end)) {
        const tier = rotation.tiers[gap.tierIndex]!;
        // A gap that ends where a layer's first list takes effect: that list starts too late.
        const late = compiled.tiers[gap.tierIndex]!.layers.find((layer) => layer.plan[0] && gap.end.getTime() === layerStart(layer));
        const firstRoster = late ? late.spec.rosters[late.plan[0]!.rosterIndex] : undefined;
        const startsLate = firstRoster !== undefined;
        ctx.report(doc, ['tiers', gap.tierIndex, 'coverage'], {
          message: `tiers[${gap.tierIndex}]: rotation "${rotation.id}", tier "${tier.id}" has nobody on call ${describeInterval(gap.start, gap.end, rotation.timezone)} (${describeLength(gap.end.getTime() - gap.start.getTime())}), but the tier is covered 24/7.`,
          hint: startsLate
            ? `The ${late!.layerId ? `layer "${late!.layerId}"'s` : "tier's"} first roster takes effect on ${firstRoster.from}; move its "from" earlier, or add an override for "${tier.id}" covering the gap.`
            : `Add a roster in force at that time, or an override for "${tier.id}" covering the gap.`,
        });
      }
    }
  },
};
