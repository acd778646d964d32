/**
 * Swaps and covers as overrides. Pure: rotations, people and the current instant in, the overrides
 * to add out (or why they cannot be made). A turn is what a person holds between two hand-offs of
 * their layer: one piece for a 24/7 tier, one piece per on-call window for a restricted layer
 * (an override is not restricted, so a swap of a Berlin-day week is seven day-time overrides).
 * Nothing is planned in the past: a turn already under way is covered from the next whole minute.
 */
import type { SchemaTypes } from '../types/schema-types.ts';
import { coverCandidates, type CoverContext } from '../schedule/cover.ts';
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { isoInZone } from '../schedule/local-time.ts';
import type { Interval, LocatedShift } from '../schedule/types.ts';
import type { NewOverride } from './insert.ts';

type Rotation = SchemaTypes['rotation'];

/** The overrides to add to one rotation file. */
export interface OverridePlan {
  rotation: string;
  overrides: NewOverride[];
}

/** A request that cannot be planned: the message says why and what to ask instead. */
export class PlanError extends Error {}

/** Where to look: a rotation and tier, when the person is in several. */
export interface Scope {
  rotation?: string;
  tier?: string;
}

/** A person's turn: the pieces of one shift of one tier, in order. */
interface Turn {
  rotation: Rotation;
  tier: string;
  pieces: Interval[];
}

const MINUTE = 60_000;
const ceilMinute = (t: number) => Math.ceil(t / MINUTE) * MINUTE;

function inScope(rotations: readonly Rotation[], scope: Scope): Rotation[] {
  const chosen = rotations.filter((r) => scope.rotation === undefined || r.id === scope.rotation);
  if (chosen.length === 0) throw new PlanError(`--rotation: "${scope.rotation}" is not a rotation in rotations/.`);
  return chosen;
}

/** The pieces a person holds, per rotation and tier, overlapping [from, to). */
function piecesOf(rotations: readonly Rotation[], person: string, scope: Scope, from: number, to: number): { rotation: Rotation; shift: LocatedShift }[] {
  const out: { rotation: Rotation; shift: LocatedShift }[] = [];
  for (const rotation of rotations) {
    const compiled = compileRotation(rotation);
    for (const tier of compiled.tiers) {
      if (scope.tier !== undefined && tier.id !== scope.tier) continue;
      for (const shift of expandTier(compiled, tier, from, to)) if (shift.person === person) out.push({ rotation, shift });
    }
  }
  return out.sort((a, b) => a.shift.start.getTime() - b.shift.start.getTime());
}

/** The whole turn a piece belongs to: the person's pieces of that tier between the layer's hand-offs around it. */
function turnOf(rotation: Rotation, piece: LocatedShift, person: string): Turn {
  const compiled = compileRotation(rotation);
  const tier = compiled.tiers.find((t) => t.id === piece.tier)!;
  const layer = tier.layers.find((l) => (l.layerId ?? tier.id) === (piece.layer ?? tier.id)) ?? tier.layers[0]!;
  const k = layer.clock.indexAt(piece.start.getTime());
  const span = { start: layer.clock.handoffAt(k), end: layer.clock.handoffAt(k + 1) };
  if (piece.source === 'override') return { rotation, tier: piece.tier, pieces: [{ start: piece.start.getTime(), end: piece.end.getTime() }] };
  const pieces = expandTier(compiled, tier, span.start, span.end)
    .filter((s) => s.person === person && s.source === 'roster' && s.layer === piece.layer && s.start.getTime() >= span.start && s.end.getTime() <= span.end)
    .map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }));
  return { rotation, tier: piece.tier, pieces };
}

/** The one turn of `person` overlapping `when`, unambiguous, and not over. */
function findTurn(rotations: readonly Rotation[], person: string, when: Interval, scope: Scope, now: number, label: string): Turn {
  const pieces = piecesOf(rotations, person, scope, when.start, when.end).filter((p) => p.shift.start.getTime() < when.end && p.shift.end.getTime() > when.start);
  if (pieces.length === 0) throw new PlanError(`${label}: "${person}" holds no shift then${scope.rotation || scope.tier ? ' in that rotation and tier' : ''}. Run oncall schedule to see their shifts.`);
  const places = [...new Set(pieces.map((p) => `${p.rotation.id}/${p.shift.tier}`))];
  if (places.length > 1) throw new PlanError(`${label}: "${person}" holds ${places.join(' and ')} then; say which with --rotation and --tier.`);
  const turn = turnOf(pieces[0]!.rotation, pieces[0]!.shift, person);
  const future = futurePieces(turn.pieces, now);
  if (future.length === 0) throw new PlanError(`${label}: that shift of "${person}" is over; past shifts are the record of who was on call and cannot change.`);
  return { ...turn, pieces: future };
}

/** The parts of pieces from now on (a piece under way starts at the next whole minute). */
function futurePieces(pieces: readonly Interval[], now: number): Interval[] {
  const from = ceilMinute(now);
  return pieces.filter((p) => p.end > from).map((p) => ({ start: Math.max(p.start, from), end: p.end }));
}

function overridesFor(turn: Turn, person: string, reason: string): NewOverride[] {
  const zone = turn.rotation.timezone;
  return turn.pieces.map((p) => ({ tier: turn.tier, person, start: isoInZone(p.start, zone), end: isoInZone(p.end, zone), reason }));
}

/** What `oncall swap` asks: a takes b's turn and b takes a's. */
export interface SwapRequest {
  rotations: readonly Rotation[];
  names: ReadonlyMap<string, string>;
  first: string;
  second: string;
  /** When the first person's turn is (an instant, or a whole day). */
  at: Interval;
  /** When the second person's turn is (any tier of the same rotation); default their next turn of the same tier. */
  back?: Interval;
  scope: Scope;
  now: Date;
  reason?: string;
}

/** The two sides of a swap, as overrides of one rotation. */
export function planSwap(request: SwapRequest): OverridePlan {
  const { first, second } = request;
  if (first === second) throw new PlanError(`swap: "${first}" is named twice; name two people.`);
  const now = request.now.getTime();
  const rotations = inScope(request.rotations, request.scope);
  const given = findTurn(rotations, first, request.at, request.scope, now, '--at');
  const scope: Scope = { rotation: given.rotation.id, tier: given.tier };
  let taken: Turn;
  if (request.back) {
    // The shift given back may be of another tier (trading primary and secondary in one week).
    taken = findTurn(rotations, second, request.back, { rotation: given.rotation.id }, now, '--back');
  } else {
    const after = Math.max(now, given.pieces[0]!.start);
    const horizon = after + 366 * 86_400_000;
    const next = piecesOf([given.rotation], second, scope, after, horizon).find(
      (p) => p.shift.start.getTime() >= given.pieces.at(-1)!.end || p.shift.end.getTime() <= given.pieces[0]!.start,
    );
    if (!next) throw new PlanError(`swap: "${second}" has no turn of ${given.rotation.id}/${given.tier} in the next year to give back; name one with --back, or use oncall cover.`);
    taken = turnOf(given.rotation, next.shift, second);
    taken = { ...taken, pieces: futurePieces(taken.pieces, now) };
  }
  const name = (id: string) => request.names.get(id) ?? id;
  const why = request.reason ? ` (${request.reason})` : '';
  return {
    rotation: given.rotation.id,
    overrides: [
      ...overridesFor(given, second, `Swap: ${name(second)} covers ${name(first)}${why}`),
      ...overridesFor(taken, first, `Swap: ${name(first)} covers ${name(second)}${why}`),
    ],
  };
}

/** What `oncall cover` asks: someone takes a person's shifts in a period. */
export interface CoverRequest {
  rotations: readonly Rotation[];
  names: ReadonlyMap<string, string>;
  person: string;
  from: Date;
  to: Date;
  /** Who covers; default the first available person in the roster's order, per shift. */
  by?: string;
  scope: Scope;
  now: Date;
  reason?: string;
  /** Availability and load for choosing who covers when `by` is not given. */
  context: CoverContext;
}

/** Overrides for every shift of the person in the period, per rotation. */
export function planCover(request: CoverRequest): OverridePlan[] {
  const now = request.now.getTime();
  const from = Math.max(request.from.getTime(), ceilMinute(now));
  const to = request.to.getTime();
  if (!(to > from)) throw new PlanError(`cover: the period ends before now; past shifts cannot change.`);
  if (request.by === request.person) throw new PlanError(`cover: "${request.person}" cannot cover their own shifts; name someone else with --by.`);
  const rotations = inScope(request.rotations, request.scope);
  const pieces = piecesOf(rotations, request.person, request.scope, from, to);
  if (pieces.length === 0) throw new PlanError(`cover: "${request.person}" holds no shift between those times${request.scope.rotation || request.scope.tier ? ' in that rotation and tier' : ''}.`);
  const name = (id: string) => request.names.get(id) ?? id;
  const plans = new Map<string, OverridePlan>();
  for (const { rotation, shift } of pieces) {
    const part = { start: Math.max(from, shift.start.getTime()), end: Math.min(to, shift.end.getTime()) };
    if (!(part.end > part.start)) continue;
    let by = request.by;
    if (by === undefined) {
      const tierIndex = rotation.tiers.findIndex((t) => t.id === shift.tier);
      by = coverCandidates(request.context, rotation, tierIndex, shift, part, 1)[0]?.person;
      if (by === undefined) {
        throw new PlanError(`cover: nobody on the list of ${rotation.id}/${shift.tier} is free ${isoInZone(part.start, rotation.timezone)} to ${isoInZone(part.end, rotation.timezone)} without going past the on-call limits; name someone with --by.`);
      }
    }
    const plan = plans.get(rotation.id) ?? { rotation: rotation.id, overrides: [] };
    plans.set(rotation.id, plan);
    const previous = plan.overrides.at(-1);
    const start = isoInZone(part.start, rotation.timezone);
    // Pieces that meet (an override that split a shift, a layer's hand-off) make one override.
    if (previous && previous.tier === shift.tier && previous.person === by && previous.end === start) {
      previous.end = isoInZone(part.end, rotation.timezone);
      continue;
    }
    plan.overrides.push({
      tier: shift.tier,
      person: by,
      start,
      end: isoInZone(part.end, rotation.timezone),
      reason: `Cover: ${name(by)} covers ${name(request.person)}${request.reason ? ` (${request.reason})` : ''}`,
    });
  }
  return [...plans.values()];
}
