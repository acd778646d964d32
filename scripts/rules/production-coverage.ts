import { DateTime } from 'luxon';
import { describeInterval } from '../schedule/describe.ts';
import { compileRotation, expandTier, layerStart } from '../schedule/expand.ts';
import { holes } from '../schedule/intervals.ts';
import { parseLocalDate, wallClockInstant } from '../schedule/local-time.ts';
import { horizonEnd } from '../schedule/policy.ts';
import type { Rule } from './rule.ts';

/**
 * "Production-critical services need a named weekly primary and backup before prod is
 * enabled." The primary and backup are the rotation's first two 24/7 tiers; each must have someone
 * in every week from the production-enabled date (at the rotation's hand-off time) to the coverage
 * horizon. Only the first week that falls short is reported, on the product.
 */
export const productionCoverage: Rule = {
  id: 'production-coverage',
  description:
    'A production-critical product (policy/lifecycle.yaml) has a named primary and backup, two 24/7 tiers with someone on call, in every week from its production_enabled date to the coverage horizon.',
  severity: 'error',
  needs: ['lifecycle'],
  check(ctx) {
    const lifecycle = ctx.model.policy.lifecycle!;
    const organisation = ctx.model.policy.organisation?.data;
    lifecycle.data.products.forEach((product, p) => {
      if (product.production_critical !== true || product.production_enabled === undefined) return;
      const doc = ctx.model.rotations.find((r) => r.data.id === product.rotation);
      if (!doc) return;
      const rotation = doc.data;
      const compiled = compileRotation(rotation);
      const always = compiled.tiers.filter((t) => t.coverage === 'always');
      if (always.length < 2) {
        ctx.report(lifecycle, ['products', p, 'production_critical'], {
          message: `products[${p}].production_critical: "${product.id}" is production-critical, but rotation "${rotation.id}" has ${always.length === 0 ? 'no 24/7 tier' : `only one 24/7 tier ("${always[0]!.id}")`}; it needs a named primary and backup.`,
          hint: `Give rotations/${rotation.id}.yaml two tiers with coverage: always (primary and secondary).`,
        });
        return;
      }
      const enabled = wallClockInstant(parseLocalDate(product.production_enabled), compiled.clock.hour, compiled.clock.minute, rotation.timezone);
      const from = enabled.toMillis();
      const to = horizonEnd(organisation, new Date(Math.max(from, ctx.now.getTime()))).getTime();
      let first: { start: number; end: number; tier: string } | undefined;
      for (const tier of always.slice(0, 2)) {
        // Once a tier's first roster is in force it is staffed for good (rosters never end), so
        // only the time before that can lack someone: the search stays short however old the product.
        const staffed = Math.max(...tier.layers.map(layerStart));
        const end = Math.min(to, staffed);
        if (!(end > from)) continue;
        const covered = expandTier(compiled, tier, from, end).map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }));
        const gap = holes(covered, { start: from, end })[0];
        if (gap && (!first || gap.start < first.start)) first = { ...gap, tier: tier.name };
      }
      if (!first) return;
      const weeks = Math.floor(DateTime.fromMillis(first.start, { zone: rotation.timezone }).diff(enabled, 'weeks').weeks);
      const weekStart = enabled.plus({ weeks });
      ctx.report(lifecycle, ['products', p, 'production_enabled'], {
        message: `products[${p}].production_enabled: production-critical "${product.id}" has no named ${first.tier} in rotation "${rotation.id}" ${describeInterval(first.start, first.end, rotation.timezone)} (week ${weeks + 1} from production on ${product.production_enabled}, ${describeInterval(weekStart.toMillis(), weekStart.plus({ weeks: 1 }).toMillis(), rotation.timezone)}).`,
        hint: `Staff the tier in rotations/${rotation.id}.yaml from ${product.production_enabled} on (start the rotation and its rosters by then), or move production_enabled.`,
      });
    });
  },
};
