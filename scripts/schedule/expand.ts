/**
 * Rotation -> concrete shifts for a window of time. Lazy and bounded: the shifts around the window
 * are found by arithmetic on the hand-off index, so the cost depends on the window's length and the
 * number of rosters, layers and overrides, never on how long the rotation has existed.
 *
 * A tier's time comes from its layers (layers.ts): each layer's roster gives shifts on its own clock,
 * cut to its restrictions' windows; a later layer holds the tier where it overlaps an earlier one;
 * overrides win over every layer.
 */
import { DateTime } from 'luxon';
import { rfc3339Millis } from '../time/rfc3339.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { Coverage } from './business-hours.ts';
import { handoffClock, type HandoffClock } from './handoffs.ts';
import { intersection, subtract, union } from './intervals.ts';
import { layersOf, type LayerSpec } from './layers.ts';
import { compileRestrictions, restrictedIntervals, type CompiledRestrictions } from './restrictions.ts';
import { rosterPlan, turnAt, type RosterSegment } from './rosters.ts';
import { EVERY_SHIFT, skippingEmptyShifts, type TurnCounter } from './turns.ts';
import type { Interval, LocatedShift, Shift } from './types.ts';

type Rotation = SchemaTypes['rotation'];

/** An override as instants, with its place in the file. */
export interface CompiledOverride extends Interval {
  index: number;
  tier: string;
  person: string;
  reason: string;
}

/** A layer ready for expansion: its clock, roster plan, restrictions and turn counting. */
export interface CompiledLayer {
  spec: LayerSpec;
  /** The layer id shifts carry; undefined for a tier written with plain rosters. */
  layerId: string | undefined;
  clock: HandoffClock;
  plan: RosterSegment[];
  restrictions: CompiledRestrictions | undefined;
  turns: TurnCounter;
}

/** A tier ready for expansion. */
export interface CompiledTier {
  index: number;
  id: string;
  name: string;
  coverage: Coverage;
  /** One layer for a tier with plain rosters; later layers hold the tier where they overlap earlier ones. */
  layers: CompiledLayer[];
  /** This tier's usable overrides (end after start), in file order. */
  overrides: CompiledOverride[];
}

/** A rotation ready for expansion: its clock, and each tier's layers and overrides. */
export interface CompiledRotation {
  rotation: Rotation;
  /** The rotation's own clock (tiers with plain rosters hand off by it; layers default to it). */
  clock: HandoffClock;
  tiers: CompiledTier[];
}

const compiledCache = new WeakMap<Rotation, CompiledRotation>();

/** Parses an override's instant; schema validation guarantees an offset, so the result is absolute. */
export function instantOf(text: string): number {
  return rfc3339Millis(text) ?? DateTime.fromISO(text, { setZone: true }).toMillis();
}

function compileLayer(spec: LayerSpec, rotationClock: HandoffClock): CompiledLayer {
  const clock = spec.index === undefined ? rotationClock : handoffClock(spec);
  const restrictions = compileRestrictions(spec.restrictions, spec.timezone);
  const turns = restrictions && spec.emptyShifts === 'skip' ? skippingEmptyShifts(clock, restrictions) : EVERY_SHIFT;
  return { spec, layerId: spec.index === undefined ? undefined : spec.id, clock, plan: rosterPlan(spec.rosters, clock, turns), restrictions, turns };
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
    layers: layersOf(rotation, index).map((spec) => compileLayer(spec, clock)),
    overrides: overrides.filter((o) => o.tier === tier.id),
  }));
  const compiled = { rotation, clock, tiers };
  compiledCache.set(rotation, compiled);
  return compiled;
}

/** When a layer's first roster list takes effect (its first shift may still be empty); Infinity without lists. */
export function layerStart(layer: CompiledLayer): number {
  const first = layer.plan[0];
  return first ? layer.clock.handoffAt(first.firstShift) : Infinity;
}

/** When the rotation is in force: its first hand-off, or a layer's first hand-off if earlier. */
export function inForceFrom(compiled: CompiledRotation): number {
  let earliest = compiled.clock.handoffAt(0);
  for (const tier of compiled.tiers) for (const layer of tier.layers) earliest = Math.min(earliest, layer.clock.handoffAt(0));
  return earliest;
}

/** The first instant anyone can be on call in the rotation: its earliest roster list or override. */
export function firstOnCallInstant(compiled: CompiledRotation): number {
  let earliest = Infinity;
  for (const tier of compiled.tiers) {
    for (const layer of tier.layers) earliest = Math.min(earliest, layerStart(layer));
    for (const override of tier.overrides) earliest = Math.min(earliest, override.start);
  }
  return earliest;
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

/**
 * The roster shifts of one layer that overlap [from, to), before other layers and overrides cut
 * them: whole shifts, or for a restricted layer the on-call windows within each shift.
 */
export function layerShifts(rotationId: string, tier: CompiledTier, layer: CompiledLayer, from: number, to: number): LocatedShift[] {
  const first = layer.plan[0];
  if (!first || !(to > from)) return [];
  const { clock } = layer;
  const kFrom = Math.max(clock.indexAt(from), first.firstShift);
  const kTo = clock.indexAt(to - 1);
  if (kTo < kFrom) return [];
  const windows = layer.restrictions ? restrictedIntervals(layer.restrictions, clock.handoffAt(kFrom), clock.handoffAt(kTo + 1)) : undefined;
  const out: LocatedShift[] = [];
  let w = 0;
  let start = clock.handoffAt(kFrom);
  for (let k = kFrom; k <= kTo; k++) {
    const end = clock.handoffAt(k + 1);
    const turn = turnAt(layer.plan, k, layer.turns);
    let pieces: Interval[] = [{ start, end }];
    if (windows) {
      pieces = [];
      while (w < windows.length && windows[w]!.end <= start) w++;
      for (let i = w; i < windows.length && windows[i]!.start < end; i++) {
        const piece = intersection(windows[i]!, { start, end });
        if (piece) pieces.push(piece);
      }
    }
    if (turn) {
      for (const piece of pieces) {
        if (!(piece.start < to && piece.end > from)) continue;
        const shift: LocatedShift = {
          rotation: rotationId,
          tier: tier.id,
          person: turn.person,
          start: new Date(piece.start),
          end: new Date(piece.end),
          source: 'roster',
          path: [...layer.spec.path, 'rosters', turn.segment.rosterIndex, 'participants', turn.position],
        };
        if (layer.layerId !== undefined) shift.layer = layer.layerId;
        out.push(shift);
      }
    }
    start = end;
  }
  return out;
}

const span = (shifts: readonly Interval[]): Interval => ({ start: shifts.reduce((m, s) => Math.min(m, s.start), Infinity), end: shifts.reduce((m, s) => Math.max(m, s.end), -Infinity) });
const asInterval = (s: Shift): Interval => ({ start: s.start.getTime(), end: s.end.getTime() });

/**
 * The roster shifts of a tier overlapping [from, to): each layer's, where a later layer holds the
 * tier wherever it overlaps an earlier one (a layer above, as in PagerDuty).
 */
function rosterShifts(rotationId: string, tier: CompiledTier, from: number, to: number): LocatedShift[] {
  if (tier.layers.length === 1) return layerShifts(rotationId, tier, tier.layers[0]!, from, to);
  const perLayer = tier.layers.map((layer) => layerShifts(rotationId, tier, layer, from, to));
  // Shifts reach past the window; the layers above must be known over all of it to cut them right.
  const whole = span(perLayer.flat().map(asInterval));
  const above = whole.start < from || whole.end > to ? tier.layers.map((layer) => layerShifts(rotationId, tier, layer, whole.start, whole.end)) : perLayer;
  const out: LocatedShift[] = [];
  perLayer.forEach((shifts, i) => {
    const cuts = union(above.slice(i + 1).flat().map(asInterval));
    for (const shift of shifts) {
      for (const piece of cuts.length > 0 ? subtract(asInterval(shift), cuts) : [asInterval(shift)]) {
        if (piece.start < to && piece.end > from) out.push({ ...shift, start: new Date(piece.start), end: new Date(piece.end) });
      }
    }
  });
  return out;
}

/** Shifts of one tier overlapping [from, to), with their source locations, sorted by start. */
export function expandTier(compiled: CompiledRotation, tier: CompiledTier, from: number, to: number): LocatedShift[] {
  if (!(to > from)) return [];
  const rotationId = compiled.rotation.id;
  const out: LocatedShift[] = [];
  const roster = rosterShifts(rotationId, tier, from, to);
  if (roster.length > 0) {
    const whole = span(roster.map(asInterval));
    const cutting = tier.overrides.filter((o) => o.start < whole.end && o.end > whole.start);
    for (const shift of roster) {
      if (cutting.length === 0) {
        out.push(shift);
        continue;
      }
      for (const piece of subtract(asInterval(shift), cutting)) {
        if (piece.start < to && piece.end > from) out.push({ ...shift, start: new Date(piece.start), end: new Date(piece.end) });
      }
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
  if (shift.layer !== undefined) out.layer = shift.layer;
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
