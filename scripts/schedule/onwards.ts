/** Everything a rotation will ever schedule from some instant on, in a bounded expansion. */
import type { SchemaTypes } from '../types/schema-types.ts';
import { compileRotation, expandRotationLocated, inForceFrom } from './expand.ts';
import type { LocatedShift } from './types.ts';

/** How far ahead the search looks at most. */
const MAX_YEARS = 50;

/**
 * The shifts from `from` on, up to the point after which nothing new can appear: once the last
 * roster of every tier is in force and the last override has ended, the turn order simply repeats,
 * so one more full cycle shows every person (and every roster entry) that will ever hold a shift.
 * Rules that ask "does this person appear after date X, ever?" use it instead of an endless window.
 * The search stops 50 years after `from` at the latest.
 */
export function shiftsOnwards(rotation: SchemaTypes['rotation'], from: Date): LocatedShift[] {
  const compiled = compileRotation(rotation);
  let settled = Math.max(from.getTime(), inForceFrom(compiled));
  for (const tier of compiled.tiers) {
    for (const layer of tier.layers) {
      const last = layer.plan.at(-1);
      if (last) settled = Math.max(settled, layer.clock.handoffAt(last.firstShift));
    }
    for (const override of tier.overrides) settled = Math.max(settled, override.end);
  }
  // A bound for hostile data (a roster or override centuries ahead): nobody plans rotas that far.
  const limit = from.getTime() + MAX_YEARS * 366 * 86_400_000;
  settled = Math.min(settled, limit);
  // One more full cycle of every layer: enough shifts to give each person of its last list a turn
  // (a restricted layer skips its empty shifts, at most six in seven).
  let to = settled;
  for (const tier of compiled.tiers) {
    for (const layer of tier.layers) {
      const last = layer.plan.at(-1);
      if (!last) continue;
      const shifts = (layer.restrictions ? 7 : 1) * last.participants.length + 1;
      to = Math.max(to, layer.clock.handoffAt(layer.clock.indexAt(settled) + shifts));
    }
  }
  return expandRotationLocated(rotation, from, new Date(Math.min(to, limit)));
}
