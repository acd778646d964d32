/** Coverage of tiers held at every instant: the times nobody holds one. */
import type { SchemaTypes } from '../types/schema-types.ts';
import { heldAtEveryInstant } from './business-hours.ts';
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
 * Every interval within [from, to) during which a tier held at every instant (`always`, or
 * `business-hours-and-on-call`) has nobody, in tier
 * order then time. (Two people at once can only come from overlapping overrides, which the
 * `override-overlap` rule reports; the engine lets the later override win.)
 */
export function coverageGaps(rotation: SchemaTypes['rotation'], from: Date, to: Date): CoverageGap[] {
  const compiled = compileRotation(rotation);
  const window = { start: from.getTime(), end: to.getTime() };
  if (!(window.end > window.start)) return [];
  const gaps: CoverageGap[] = [];
  for (const tier of compiled.tiers) {
    if (!heldAtEveryInstant(tier.coverage)) continue;
    const shifts = expandTier(compiled, tier, window.start, window.end);
    const covered = shifts.map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }));
    for (const hole of holes(covered, window)) {
      gaps.push({ rotation: rotation.id, tier: tier.id, tierIndex: tier.index, start: new Date(hole.start), end: new Date(hole.end) });
    }
  }
  return gaps;
}
