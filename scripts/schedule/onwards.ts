/** Everything a rotation will ever schedule from some instant on, in a bounded expansion. */
import type { SchemaTypes } from '../types/schema-types.ts';
import { compileRotation, expandRotationLocated } from './expand.ts';
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
  const { clock } = compiled;
  let settled = Math.max(from.getTime(), clock.handoffAt(0));
  let cycle = 1;
  for (const tier of compiled.tiers) {
    const last = tier.plan.at(-1);
    if (last) {
      settled = Math.max(settled, clock.handoffAt(last.firstShift));
      cycle = Math.max(cycle, last.participants.length);
    }
    for (const override of tier.overrides) settled = Math.max(settled, override.end);
  }
  // A bound for hostile data (a roster or override centuries ahead): nobody plans rotas that far.
  const limit = from.getTime() + MAX_YEARS * 366 * 86_400_000;
  const to = Math.min(clock.handoffAt(clock.indexAt(Math.min(settled, limit)) + cycle + 1), limit);
  return expandRotationLocated(rotation, from, new Date(to));
}
