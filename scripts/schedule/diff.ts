/**
 * Comparing two versions of a rotation by who is on call when: the basis of "history is immutable"
 * (nothing before now may change) and of swap approvals (everyone whose shifts move must approve).
 * Versions are compared instant by instant, so re-splitting a shift without changing who holds it,
 * or editing an override's reason, is no change.
 */
import { isDeepStrictEqual } from 'node:util';
import type { SchemaTypes } from '../types/schema-types.ts';
import { compileRotation, expandRotationLocated, inForceFrom, toShift, type CompiledLayer, type CompiledOverride } from './expand.ts';
import type { LocatedShift, Shift } from './types.ts';

type Rotation = SchemaTypes['rotation'];

/** An interval of one tier during which the two versions name different people (or one names nobody). */
export interface ShiftDifference {
  tier: string;
  start: Date;
  end: Date;
  /** The shift holding the tier then in the first version, if any. */
  before?: Shift;
  /** The shift holding the tier then in the second version, if any. */
  after?: Shift;
}

/** The rewritten part of the past, as shown to the user, with the located shifts for diagnostics. */
export interface RewrittenShift extends ShiftDifference {
  beforeLocated?: LocatedShift;
  afterLocated?: LocatedShift;
}

function tierIds(before: Rotation, after: Rotation): string[] {
  const ids = after.tiers.map((t) => t.id);
  for (const tier of before.tiers) if (!ids.includes(tier.id)) ids.push(tier.id);
  return ids;
}

/**
 * Every interval within [from, to) where the two versions differ, per tier, in tier order then
 * time. Adjacent intervals with the same pair of shifts are merged. Linear in the number of shifts.
 */
export function locatedDifferences(before: Rotation, after: Rotation, from: number, to: number): RewrittenShift[] {
  if (!(to > from)) return [];
  const a = expandRotationLocated(before, from, to);
  const b = expandRotationLocated(after, from, to);
  const out: RewrittenShift[] = [];
  for (const tier of tierIds(before, after)) {
    const left = a.filter((s) => s.tier === tier);
    const right = b.filter((s) => s.tier === tier);
    const points = new Set<number>([from, to]);
    for (const s of [...left, ...right]) {
      for (const p of [s.start.getTime(), s.end.getTime()]) if (p > from && p < to) points.add(p);
    }
    const sorted = [...points].sort((x, y) => x - y);
    // Shifts of one tier never overlap, so one pointer per side walks them with the points.
    let i = 0;
    let j = 0;
    let open: RewrittenShift | undefined;
    for (let p = 0; p + 1 < sorted.length; p++) {
      const start = sorted[p]!;
      const end = sorted[p + 1]!;
      while (i < left.length && left[i]!.end.getTime() <= start) i++;
      while (j < right.length && right[j]!.end.getTime() <= start) j++;
      const was = left[i] && left[i]!.start.getTime() <= start ? left[i] : undefined;
      const is = right[j] && right[j]!.start.getTime() <= start ? right[j] : undefined;
      if (was?.person === is?.person) {
        open = undefined;
        continue;
      }
      if (open && open.beforeLocated === was && open.afterLocated === is) {
        open.end = new Date(end);
        continue;
      }
      open = { tier, start: new Date(start), end: new Date(end) };
      if (was) {
        open.before = toShift(was);
        open.beforeLocated = was;
      }
      if (is) {
        open.after = toShift(is);
        open.afterLocated = is;
      }
      out.push(open);
    }
  }
  return out;
}

/** Every difference between two versions of a rotation within [from, to). */
export function shiftDifferences(before: Rotation, after: Rotation, from: Date, to: Date): ShiftDifference[] {
  return locatedDifferences(before, after, from.getTime(), to.getTime()).map(({ beforeLocated: _b, afterLocated: _a, ...difference }) => difference);
}

/**
 * Person ids whose shifts differ between two versions of a rotation in [from, to): everyone who
 * loses or gains on-call time. A swap (a pair of overrides) names both people; a reason-only edit
 * names nobody. Sorted.
 */
export function peopleWithMovedShifts(before: Rotation, after: Rotation, from: Date, to: Date): string[] {
  const people = new Set<string>();
  for (const difference of shiftDifferences(before, after, from, to)) {
    if (difference.before) people.add(difference.before.person);
    if (difference.after) people.add(difference.after.person);
  }
  return [...people].sort();
}

/** The earliest instant a version could have anyone on call: first hand-off or first override. */
function earliestInstant(rotation: Rotation): number {
  const compiled = compileRotation(rotation);
  let earliest = inForceFrom(compiled);
  for (const tier of compiled.tiers) for (const o of tier.overrides) earliest = Math.min(earliest, o.start);
  return earliest;
}

/** Everything about a layer but its rosters: when these differ, every shift of it may differ. */
function layerSettings(layer: CompiledLayer): unknown {
  const { rosters: _rosters, path: _path, ...settings } = layer.spec;
  return settings;
}

const sameOverride = (x: CompiledOverride | undefined, y: CompiledOverride | undefined) =>
  x !== undefined && y !== undefined && x.start === y.start && x.end === y.end && x.person === y.person;

/**
 * An instant before which the two versions cannot differ: the plans of each tier agree up to their
 * first differing roster, and overrides agree up to the first one that changed (later overrides win
 * where they overlap, so everything after a change counts as changed). Infinity when nothing
 * affecting who is on call differs.
 */
function divergence(before: Rotation, after: Rotation): number {
  const b = compileRotation(before);
  const a = compileRotation(after);
  const sameClock =
    before.timezone === after.timezone &&
    before.start === after.start &&
    before.cadence.unit === after.cadence.unit &&
    (before.cadence.every ?? 1) === (after.cadence.every ?? 1) &&
    before.handoff.time === after.handoff.time &&
    before.handoff.weekday === after.handoff.weekday;
  if (!sameClock) return Math.min(earliestInstant(before), earliestInstant(after));
  let bound = Infinity;
  for (const id of tierIds(before, after)) {
    const x = b.tiers.find((t) => t.id === id);
    const y = a.tiers.find((t) => t.id === id);
    const layers = Math.max(x?.layers.length ?? 0, y?.layers.length ?? 0);
    for (let l = 0; l < layers; l++) {
      const xl = x?.layers[l];
      const yl = y?.layers[l];
      if (xl && yl && !isDeepStrictEqual(layerSettings(xl), layerSettings(yl))) return Math.min(earliestInstant(before), earliestInstant(after));
      const clock = (xl ?? yl)!.clock;
      const plans = Math.max(xl?.plan.length ?? 0, yl?.plan.length ?? 0);
      for (let i = 0; i < plans; i++) {
        const p = xl?.plan[i];
        const q = yl?.plan[i];
        const same = p && q && p.firstShift === q.firstShift && p.startPosition === q.startPosition && isDeepStrictEqual(p.participants, q.participants);
        if (same) continue;
        bound = Math.min(bound, clock.handoffAt(Math.min(p?.firstShift ?? Infinity, q?.firstShift ?? Infinity)));
        break;
      }
    }
    const overrides = Math.max(x?.overrides.length ?? 0, y?.overrides.length ?? 0);
    for (let i = 0; i < overrides; i++) {
      if (sameOverride(x?.overrides[i], y?.overrides[i])) continue;
      for (const o of [...(x?.overrides.slice(i) ?? []), ...(y?.overrides.slice(i) ?? [])]) bound = Math.min(bound, o.start);
      break;
    }
  }
  return bound;
}

/**
 * The first interval before `now` in which the two versions name different people, clipped to end
 * at `now` at the latest; undefined when the past is untouched. Changing the future is fine. The
 * search starts where the versions can first differ and walks forward in blocks, so a rotation's
 * age does not matter when the change is recent.
 */
export function firstRewrittenShift(before: Rotation, after: Rotation, now: Date): RewrittenShift | undefined {
  const to = now.getTime();
  let from = divergence(before, after);
  if (!(from < to)) return undefined;
  const clock = compileRotation(after).clock;
  const blockAfter = (t: number) => Math.min(to, Math.max(clock.handoffAt(clock.indexAt(t) + 64), t + 1));
  while (from < to) {
    const blockEnd = blockAfter(from);
    // Look one block further, so a difference starting near the block's end is shown whole.
    let first: RewrittenShift | undefined;
    for (const d of locatedDifferences(before, after, from, blockAfter(blockEnd))) {
      if (d.start.getTime() < blockEnd && (!first || d.start.getTime() < first.start.getTime())) first = d;
    }
    if (first) return first;
    from = blockEnd;
  }
  return undefined;
}

/** Beyond this many hand-offs to compare, everyone on either version after the change is asked instead. */
const MOVED_SHIFTS_LIMIT = 20_000;

/**
 * Everyone whose shifts differ between two versions of a rotation at any instant, past or future,
 * however far ahead: the people whose consent a change needs. Sorted.
 *
 * The versions agree before they first diverge. After the last roster change and the last override
 * of both, each tier repeats with the length of its last list, so every pairing of "who was on call"
 * and "who is on call" shows up within the product of the two lengths: comparing up to there finds
 * everyone. When that is too far to compare (or the clocks differ), everyone either version names
 * from the divergence on is asked, which is never fewer than the people who move.
 */
export function peopleWhoseShiftsMove(before: Rotation, after: Rotation): string[] {
  const from = divergence(before, after);
  if (!Number.isFinite(from)) return [];
  const b = compileRotation(before);
  const a = compileRotation(after);
  let last = from;
  let cycle = 1;
  let longest = 0;
  let shortest = Infinity;
  let sameClocks = true;
  for (const id of tierIds(before, after)) {
    const x = b.tiers.find((t) => t.id === id);
    const y = a.tiers.find((t) => t.id === id);
    if (clocksOf(x?.layers) !== clocksOf(y?.layers)) sameClocks = false;
    for (const tier of [x, y]) {
      for (const layer of tier?.layers ?? []) {
        const period = layer.clock.periodDays * DAY_MS;
        longest = Math.max(longest, period);
        shortest = Math.min(shortest, period);
        for (const segment of layer.plan) last = Math.max(last, layer.clock.handoffAt(segment.firstShift));
      }
      for (const o of tier?.overrides ?? []) last = Math.max(last, o.end);
    }
    cycle = Math.max(cycle, turnsOf(x?.layers) * turnsOf(y?.layers));
  }
  if (!Number.isFinite(shortest)) return everyoneFrom(before, after, from);
  const end = last + (cycle + 2) * longest;
  if (!sameClocks || (end - from) / shortest > MOVED_SHIFTS_LIMIT) return everyoneFrom(before, after, from);
  return peopleWithMovedShifts(before, after, new Date(from), new Date(end));
}

const DAY_MS = 86_400_000;

/**
 * How many hand-offs a tier's pairing of people takes to repeat: the length of each layer's last
 * list, times seven for a restricted layer, whose turns skip the shifts its weekly restrictions
 * leave empty.
 */
function turnsOf(layers: readonly CompiledLayer[] | undefined): number {
  let turns = 1;
  for (const layer of layers ?? []) turns = Math.max(turns, Math.max(1, layer.plan.at(-1)?.participants.length ?? 1) * (layer.restrictions ? 7 : 1));
  return turns;
}

/** The hand-off clocks of a tier's layers, comparable as a string. */
function clocksOf(layers: readonly CompiledLayer[] | undefined): string {
  return JSON.stringify((layers ?? []).map((layer) => [layer.clock.periodDays, layer.clock.handoffAt(0), layer.clock.zone]));
}

/** Everyone either version has on a roster in force at or after `from`, or in an override ending after it. */
function everyoneFrom(before: Rotation, after: Rotation, from: number): string[] {
  const people = new Set<string>();
  for (const rotation of [before, after]) {
    const compiled = compileRotation(rotation);
    for (const tier of compiled.tiers) {
      for (const layer of tier.layers) {
        layer.plan.forEach((segment, i) => {
          const next = layer.plan[i + 1];
          if (next === undefined || layer.clock.handoffAt(next.firstShift) > from) for (const person of segment.participants) people.add(person);
        });
      }
      for (const o of tier.overrides) if (o.end > from) people.add(o.person);
    }
  }
  return [...people].sort();
}
