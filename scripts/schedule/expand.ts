/**
 * Rotation -> concrete shifts for a window of time. Lazy and bounded: the shifts around the window
 * are found by arithmetic on the hand-off index, so the cost depends on the window's length and the
 * number of rosters and overrides, never on how long the rotation has existed.
 */
import { DateTime } from 'luxon';
import { rfc3339Millis } from '../time/rfc3339.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { Coverage } from './business-hours.ts';
import { handoffClock, type HandoffClock } from './handoffs.ts';
import { subtract } from './intervals.ts';
import { rosterPlan, turnAt, type RosterSegment } from './rosters.ts';
import type { Interval, LocatedShift, Shift } from './types.ts';

type Rotation = SchemaTypes['rotation'];

/** An override as instants, with its place in the file. */
export interface CompiledOverride extends Interval {
  index: number;
  tier: string;
  person: string;
  reason: string;
}

/** A tier ready for expansion. */
export interface CompiledTier {
  index: number;
  id: string;
  name: string;
  coverage: Coverage;
  plan: RosterSegment[];
  /** This tier's usable overrides (end after start), in file order. */
  overrides: CompiledOverride[];
}

/** A rotation ready for expansion: its clock, and each tier's roster plan and overrides. */
export interface CompiledRotation {
  rotation: Rotation;
  clock: HandoffClock;
  tiers: CompiledTier[];
}

const compiledCache = new WeakMap<Rotation, CompiledRotation>();

/** Parses an override's instant; schema validation guarantees an offset, so the result is absolute. */
export function instantOf(text: string): number {
  return rfc3339Millis(text) ?? DateTime.fromISO(text, { setZone: true }).toMillis();
}

/** Compiles (and caches per rotation object) what expansion needs. */
export function compileRotation(rotation: Rotation): CompiledRotation {
  const cached = compiledCache.get(rotation);
  if (cached) return cached;
  const clock = handoffClock(rotation);
  const overrides: CompiledOverride[] = (rotation.overrides ?? [])
    .map((o, index) => ({ index, tier: o.tier, person: o.person, reason: o.reason, start: instantOf(o.start), end: instantOf(o.end) }))
    .filter((o) => Number.isFinite(o.start) && Number.isFinite(o.end) && o.end > o.start);
  const tiers = rotation.tiers.map((tier, index) => ({
    index,
    id: tier.id,
    name: tier.name,
    coverage: tier.coverage,
    plan: rosterPlan(tier.rosters, clock),
    overrides: overrides.filter((o) => o.tier === tier.id),
  }));
  const compiled = { rotation, clock, tiers };
  compiledCache.set(rotation, compiled);
  return compiled;
}

/**
 * Override pieces of a tier: each override minus every later one, since where two overlap the later
 * entry wins (the `override-overlap` rule reports such overlaps).
 */
function overridePieces(tier: CompiledTier): { override: CompiledOverride; piece: Interval }[] {
  return tier.overrides.flatMap((override, i) =>
    subtract(override, tier.overrides.slice(i + 1)).map((piece) => ({ override, piece })),
  );
}

/** Shifts of one tier overlapping [from, to), with their source locations, sorted by start. */
export function expandTier(compiled: CompiledRotation, tier: CompiledTier, from: number, to: number): LocatedShift[] {
  if (!(to > from)) return [];
  const rotationId = compiled.rotation.id;
  const out: LocatedShift[] = [];
  const first = tier.plan[0];
  if (first) {
    const kFrom = Math.max(compiled.clock.indexAt(from), first.firstShift);
    const kTo = compiled.clock.indexAt(to - 1);
    let start = compiled.clock.handoffAt(kFrom);
    const span = { start, end: compiled.clock.handoffAt(kTo + 1) };
    const cutting = tier.overrides.filter((o) => o.start < span.end && o.end > span.start);
    for (let k = kFrom; k <= kTo; k++) {
      const end = compiled.clock.handoffAt(k + 1);
      const turn = turnAt(tier.plan, k);
      if (turn) {
        for (const piece of subtract({ start, end }, cutting)) {
          if (piece.start < to && piece.end > from) {
            out.push({
              rotation: rotationId,
              tier: tier.id,
              person: turn.person,
              start: new Date(piece.start),
              end: new Date(piece.end),
              source: 'roster',
              path: ['tiers', tier.index, 'rosters', turn.segment.rosterIndex, 'participants', turn.position],
            });
          }
        }
      }
      start = end;
    }
  }
  for (const { override, piece } of overridePieces(tier)) {
    if (piece.start < to && piece.end > from) {
      out.push({
        rotation: rotationId,
        tier: tier.id,
        person: override.person,
        start: new Date(piece.start),
        end: new Date(piece.end),
        source: 'override',
        reason: override.reason,
        path: ['overrides', override.index, 'person'],
      });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Every tier's shifts overlapping [from, to), with source locations; tier order, then start. */
export function expandRotationLocated(rotation: Rotation, from: Date | number, to: Date | number): LocatedShift[] {
  const compiled = compileRotation(rotation);
  const a = typeof from === 'number' ? from : from.getTime();
  const b = typeof to === 'number' ? to : to.getTime();
  return compiled.tiers.flatMap((tier) => expandTier(compiled, tier, a, b));
}

/** A located shift as the public Shift shape. */
export function toShift(shift: LocatedShift): Shift {
  const out: Shift = { rotation: shift.rotation, tier: shift.tier, person: shift.person, start: shift.start, end: shift.end, source: shift.source };
  if (shift.reason !== undefined) out.reason = shift.reason;
  return out;
}

/**
 * The shifts of a rotation that overlap [from, to): whole shifts (not clipped to the window), with
 * overrides applied (an override splits the roster shift it falls in), sorted by tier order and then
 * start. Hand-offs happen at the local wall-clock time in the rotation's zone, so a week across a
 * DST change lasts 167 or 169 hours.
 */
export function expandRotation(rotation: Rotation, from: Date, to: Date): Shift[] {
  return expandRotationLocated(rotation, from, to).map(toShift);
}

/** Instant of the rotation's first hand-off (when shift 0 starts). */
export function firstHandoff(rotation: Rotation): Date {
  return new Date(compileRotation(rotation).clock.handoffAt(0));
}
