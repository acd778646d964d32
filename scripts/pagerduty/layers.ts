/**
 * Rotation tiers as PagerDuty schedule layers, in two steps:
 *
 * 1. {@link layerSpecs} reads the rotation model into one {@link LayerSpec} per layer of each tier
 *    (a tier written with plain `rosters` is one layer), in the order they stack: a later layer
 *    holds the tier where it overlaps an earlier one, as a higher PagerDuty layer does. It is the
 *    only function that knows the rotation file's shape.
 * 2. {@link encodeLayers} turns one spec into PagerDuty layers that render exactly what the engine
 *    computes, as the product of two kinds of runs:
 *    - **turn runs**: a PagerDuty layer hands over every `rotation_turn_length_seconds` from its
 *      `rotation_virtual_start`, but a weekly hand-off at 09:00 local time is 167 or 169 hours after
 *      the previous one when the clocks change in between. So each roster list's hand-offs are cut
 *      into runs of equally long shifts (the months between two DST changes, and the one shift
 *      across each change on its own). Every hand-off is then an absolute instant PagerDuty has no
 *      way to shift, whether it counts turns in seconds or in local days. A roster change starts a
 *      new run from its hand-off, so earlier layers, and the turns they rendered, are never edited.
 *    - **window runs** (window-runs.ts): a restricted layer's windows as restrictions in the
 *      schedule's zone, cut where DST changes in either zone move them.
 *    Each overlapping pair of runs is one PagerDuty layer, exact on its stretch because both are.
 *
 * Turns: PagerDuty passes the turn at every hand-off, even one whose shift the restrictions leave
 * empty. A layer whose empty shifts are skipped (the default, so a weekday-only daily list stays
 * fair) is therefore sent with its turn order written out for one whole cycle: each shift's holder
 * in order, the next person in line standing in for an empty shift (the restrictions keep them off
 * call), repeated until turns and weekdays line up again.
 */
import { businessWindows, type BusinessCalendar } from '../time/business-time.ts';
import { compileRotation, type CompiledLayer } from '../schedule/expand.ts';
import { intersection, union } from '../schedule/intervals.ts';
import { restrictedIntervals } from '../schedule/restrictions.ts';
import type { RosterSegment } from '../schedule/rosters.ts';
import { EVERY_SHIFT } from '../schedule/turns.ts';
import type { Interval } from '../schedule/types.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PdRestriction } from './api-types.ts';
import { windowRuns, type WindowRun } from './window-runs.ts';

type Rotation = SchemaTypes['rotation'];

/** One layer of a tier, as PagerDuty needs to know it. */
export interface LayerSpec {
  rotation: string;
  tier: string;
  /** The layer's id for a tier with `layers`; undefined for a tier with plain `rosters`. */
  layer?: string;
  /** The layer's name, for PagerDuty's layer names. */
  name?: string;
  /** The engine's compiled layer: clock, roster plan, restrictions and turn counting. */
  compiled: CompiledLayer;
  /** A business-hours tier is on call only within the organisation's working week (no holidays: {@link holidayNote}). */
  workingWeek?: BusinessCalendar;
}

/**
 * The layer specs of every tier of a rotation, by tier id, lowest first (file order). A
 * business-hours tier is restricted to the organisation's working week (its holidays cannot be
 * said to PagerDuty; see {@link holidayNote}).
 */
export function layerSpecs(rotation: Rotation, calendar: BusinessCalendar | undefined): Map<string, LayerSpec[]> {
  const compiled = compileRotation(rotation);
  const out = new Map<string, LayerSpec[]>();
  for (const tier of compiled.tiers) {
    const workingWeek = tier.coverage === 'business-hours' && calendar ? { ...calendar, holidays: new Set<string>() } : undefined;
    out.set(
      tier.id,
      tier.layers.map((layer) => ({
        rotation: rotation.id,
        tier: tier.id,
        ...(layer.layerId !== undefined ? { layer: layer.layerId } : {}),
        ...(layer.spec.name !== undefined ? { name: layer.spec.name } : {}),
        compiled: layer,
        ...(workingWeek ? { workingWeek } : {}),
      })),
    );
  }
  return out;
}

/** The dates a business-hours tier is off that PagerDuty will still page on (the calendar's holidays in a window). */
export function holidayNote(calendar: BusinessCalendar, from: number, to: number): string[] {
  const withoutHolidays = { ...calendar, holidays: new Set<string>() };
  const all = businessWindows(withoutHolidays, from, to).length;
  const kept = businessWindows(calendar, from, to).length;
  if (all === kept) return [];
  return [...calendar.holidays].filter((day) => {
    const noon = Date.parse(`${day}T12:00:00Z`);
    return noon >= from - 86_400_000 && noon < to + 86_400_000;
  }).sort();
}

/** A layer as PagerDuty will render it: absolute instants, fixed turn length, people in turn order. */
export interface EncodedLayer {
  spec: LayerSpec;
  /** First instant the layer applies. */
  start: number;
  /** First instant it no longer applies; undefined for an open-ended layer. */
  end?: number;
  /** Turn 0 starts here (its run's first hand-off, at or before `start`). */
  virtualStart: number;
  turnSeconds: number;
  /** Person ids; the first holds the turn that starts at `virtualStart` (a person may appear more than once). */
  people: string[];
  /** Windows in the schedule's zone; empty: on call for whole turns. */
  restrictions: PdRestriction[];
}

/** How far back a run is followed to find where it starts (a few years of daily hand-offs). */
const MAX_RUN_STEPS = 2_000;
/** Windows are looked at this far beyond the compared stretch, so runs around it are whole. */
const WINDOW_MARGIN_MS = 15 * 86_400_000;

/** A stretch of equally long shifts under one roster list. */
interface TurnRun {
  start: number;
  end?: number;
  virtualStart: number;
  turnSeconds: number;
  people: string[];
}

/**
 * Who takes each turn of a roster list from shift `k`, for one whole cycle. Every shift is a turn:
 * the list from that shift's holder. Empty shifts skipped: the turn order written out shift by
 * shift (an empty shift shows the next person in line) until it repeats; it repeats after at most
 * seven times the list's length, when both the turn count and the weekday pattern come round.
 */
function turnOrder(layer: CompiledLayer, segment: RosterSegment, k: number): string[] {
  const people = segment.participants;
  const n = people.length;
  const positionAt = (shift: number) => ((((segment.startPosition + layer.turns.before(shift) - segment.firstTurn) % n) + n) % n);
  if (layer.turns === EVERY_SHIFT) {
    const position = positionAt(k);
    return [...people.slice(position), ...people.slice(0, position)];
  }
  const cycle = 7 * n;
  const sequence = Array.from({ length: 2 * cycle }, (_, i) => people[positionAt(k + i)]!);
  for (let period = 1; period <= cycle; period++) {
    if (cycle % period !== 0) continue;
    if (sequence.every((person, i) => i + period >= sequence.length || person === sequence[i + period])) return sequence.slice(0, period);
  }
  return sequence.slice(0, cycle);
}

/**
 * The turn runs of a layer's roster lists that overlap [from, to). A run is followed back to where
 * it starts and forward to where it ends, so its bounds depend on the data alone, not on the window:
 * the same data gives the same runs every day until the window reaches the next DST change.
 */
function turnRuns(layer: CompiledLayer, from: number, to: number): TurnRun[] {
  const { clock, plan } = layer;
  const length = (k: number) => clock.handoffAt(k + 1) - clock.handoffAt(k);
  const runs: TurnRun[] = [];
  plan.forEach((segment, index) => {
    if (segment.participants.length === 0) return;
    const endShift = plan[index + 1]?.firstShift;
    const first = Math.max(segment.firstShift, clock.indexAt(from));
    const lastInWindow = Math.min(clock.indexAt(to - 1), endShift === undefined ? Infinity : endShift - 1);
    if (first > lastInWindow) return;
    let k = first;
    for (let steps = 0; k > segment.firstShift && steps < MAX_RUN_STEPS && length(k - 1) === length(first); steps++) k -= 1;
    while (k <= lastInWindow) {
      const turn = length(k);
      let next = k + 1;
      while (next <= lastInWindow && length(next) === turn) next += 1;
      let end: number | undefined;
      if (next <= lastInWindow) end = clock.handoffAt(next);
      else if (endShift !== undefined) end = clock.handoffAt(endShift);
      runs.push({ start: clock.handoffAt(k), ...(end !== undefined ? { end } : {}), virtualStart: clock.handoffAt(k), turnSeconds: turn / 1000, people: turnOrder(layer, segment, k) });
      k = next;
    }
  });
  return runs;
}

/** The layer's on-call windows over [from, to): its restrictions' windows, within the working week for a business-hours tier. */
function onCallWindows(spec: LayerSpec, from: number, to: number): Interval[] {
  const own = spec.compiled.restrictions ? restrictedIntervals(spec.compiled.restrictions, from, to) : [{ start: from, end: to }];
  if (!spec.workingWeek) return own;
  const week = businessWindows(spec.workingWeek, from, to);
  return union(own.flatMap((a) => week.flatMap((b) => intersection(a, b) ?? [])));
}

/** The window runs of a layer around [from, to), in the schedule's zone. */
function windowRunsOf(spec: LayerSpec, zone: string, from: number, to: number): WindowRun[] {
  if (!spec.compiled.restrictions && !spec.workingWeek) return [{ start: -Infinity, restrictions: [] }];
  const rangeStart = from - WINDOW_MARGIN_MS;
  const rangeEnd = to + WINDOW_MARGIN_MS;
  return windowRuns(onCallWindows(spec, rangeStart, rangeEnd), zone, rangeStart, rangeEnd).filter((run) => run.start < to && (run.end === undefined || run.end > from));
}

/** The PagerDuty layers that carry a layer spec's shifts overlapping [from, to), in time order, in a schedule whose zone is `zone`. */
export function encodeLayers(spec: LayerSpec, zone: string, from: number, to: number): EncodedLayer[] {
  if (!(to > from)) return [];
  const turns = turnRuns(spec.compiled, from, to);
  if (turns.length === 0) return [];
  const windows = windowRunsOf(spec, zone, from, to);
  const out: EncodedLayer[] = [];
  for (const turn of turns) {
    for (const window of windows) {
      const start = Math.max(turn.start, window.start);
      const ends = [turn.end, window.end].filter((e): e is number => e !== undefined);
      const end = ends.length > 0 ? Math.min(...ends) : undefined;
      if (end !== undefined && !(end > start)) continue;
      out.push({ spec, start, ...(end !== undefined ? { end } : {}), virtualStart: turn.virtualStart, turnSeconds: turn.turnSeconds, people: turn.people, restrictions: window.restrictions });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
