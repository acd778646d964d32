import { coverageGaps } from '../schedule/coverage.ts';
import { describeInterval, describeLength } from '../schedule/describe.ts';
import { compileRotation, inForceFrom, layerStart } from '../schedule/expand.ts';
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
      const from = new Date(Math.max(ctx.now.getTime(), inForceFrom(compiled)));
      const gaps = coverageGaps(rotation, from, end);
      // Layers in different zones drift apart daily around a DST change: one finding per tier, with
      // the first gap exact and how many more follow.
      const byTier = new Map<number, typeof gaps>();
      for (const gap of gaps) byTier.set(gap.tierIndex, [...(byTier.get(gap.tierIndex) ?? []), gap]);
      for (const [tierIndex, tierGaps] of byTier) {
        const gap = tierGaps[0]!;
        const more = tierGaps.length - 1;
        const tier = rotation.tiers[tierIndex]!;
        // A gap that ends where a layer's first list takes effect: that list starts too late.
        const late = compiled.tiers[tierIndex]!.layers.find((layer) => layer.plan[0] && gap.end.getTime() === layerStart(layer));
        const firstRoster = late ? late.spec.rosters[late.plan[0]!.rosterIndex] : undefined;
        const total = tierGaps.reduce((sum, g) => sum + g.end.getTime() - g.start.getTime(), 0);
        ctx.report(doc, ['tiers', tierIndex, 'coverage'], {
          message: `tiers[${tierIndex}]: rotation "${rotation.id}", tier "${tier.id}" has nobody on call ${describeInterval(gap.start, gap.end, rotation.timezone)} (${describeLength(gap.end.getTime() - gap.start.getTime())})${more > 0 ? `, and ${more} more ${more === 1 ? 'gap' : 'gaps'} before the coverage horizon (${describeLength(total)} in all)` : ''}, but the tier is covered ${tier.coverage === 'always' ? '24/7' : `"${coverageLabel(tier.coverage)}", so someone holds it at every instant`}.`,
          hint: firstRoster
            ? `The ${late!.layerId ? `layer "${late!.layerId}"'s` : "tier's"} first roster takes effect on ${firstRoster.from}; move its "from" earlier, or add an override for "${tier.id}" covering the gap.`
            : tier.layers
              ? `Change the layers' restrictions so they meet without a gap (layers in different zones drift apart when the clocks change), add a layer or an override for "${tier.id}" covering the gap.`
              : `Add a roster in force at that time, or an override for "${tier.id}" covering the gap.`,
        });
      }
    }
  },
};
