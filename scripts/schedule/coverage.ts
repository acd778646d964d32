/** Coverage of 24/7 tiers: the times nobody holds a tier that must always be held. */
import type { SchemaTypes } from '../types/schema-types.ts';
import { compileRotation, expandTier } from './expand.ts';
import { holes } from './intervals.ts';

/** An interval when nobody holds a 24/7 tier. */
export interface CoverageGap {
  rotation: string;
  tier: string;
  /** Index of the tier in the rotation's `tiers`. */
  tierIndex: number;
  start: Date;
  end: Date;
}

/**
 * Every interval within [from, to) during which a tier with `coverage: always` has nobody, in tier
 * order then time. (Two people at once can only come from overlapping overrides, which the
 * `override-overlap` rule reports; the engine lets the later override win.)
 */
export function coverageGaps(rotation: SchemaTypes['rotation'], from: Date, to: Date): CoverageGap[] {
  const compiled = compileRotation(rotation);
  const window = { start: from.getTime(), end: to.getTime() };
  if (!(window.end > window.start)) return [];
  const gaps: CoverageGap[] = [];
  for (const tier of compiled.tiers) {
    if (tier.coverage !== 'always') continue;
    const shifts = expandTier(compiled, tier, window.start, window.end);
    const covered = shifts.map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }));
    for (const hole of holes(covered, window)) {
      gaps.push({ rotation: rotation.id, tier: tier.id, tierIndex: tier.index, start: new Date(hole.start), end: new Date(hole.end) });
    }
  }
  return gaps;
}
