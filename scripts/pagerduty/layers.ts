/**
 * Rotation tiers as layers, in two steps:
 *
 * 1. {@link layerSpecs} reads today's rotation model into an explicit intermediate representation,
 *    one {@link LayerSpec} per roster list of a tier: who rotates in which order, in which zone, on
 *    which hand-off cadence and wall-clock time, restricted to which hours, effective from which
 *    hand-off to which. It is the only function that knows the rotation file's shape, so a new kind
 *    of tier (several rosters by time of day, each with its own zone) is mapped by extending it.
 * 2. {@link encodeLayers} turns one spec into PagerDuty schedule layers that render exactly.
 *
 * Why one layer per run of equal-length shifts: a PagerDuty layer rotates in fixed seconds from
 * its `rotation_virtual_start`, but a weekly hand-off at 09:00 local time is 167 or 169 hours
 * after the previous one when the clocks change in between. So the hand-offs are cut into runs of
 * equally long shifts (normally the months between two DST changes, and the one shift across each
 * change on its own), and each run becomes a layer that starts at its first hand-off, ends at the
 * next run's, and turns every `length` seconds from its own start. Every hand-off is then an
 * absolute instant PagerDuty has no way to shift, whether it counts turns in seconds or in local
 * days, and restrictions (business hours) stay wall-clock windows in the schedule's zone, which is
 * how PagerDuty applies them. A roster change is a new spec from its hand-off, so earlier layers,
 * and the turns they rendered, are never edited.
 */
import { businessWindows, type BusinessCalendar } from '../time/business-time.ts';
import { compileRotation } from '../schedule/expand.ts';
import { handoffClock, type HandoffClock } from '../schedule/handoffs.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PdRestriction } from './api-types.ts';

type Rotation = SchemaTypes['rotation'];

/** A weekly window within which a layer's holder is on call (business hours). */
export interface WeeklyWindow {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Minutes after local midnight. */
  startMinute: number;
  minutes: number;
}

/** One roster list of a tier, as PagerDuty needs to know it. */
export interface LayerSpec {
  rotation: string;
  tier: string;
  /** Index of the roster in the tier's `rosters` (for messages). */
  rosterIndex: number;
  /** The zone of the hand-off's wall-clock time. */
  zone: string;
  cadence: { unit: 'week' | 'day'; every: number };
  handoff: { weekday?: string; time: string };
  /** The rotation's start date: hand-off number 0 is its first hand-off. */
  anchor: string;
  /** People in turn order. */
  participants: readonly string[];
  /** Position in `participants` of whoever holds hand-off `firstShift`. */
  startPosition: number;
  /** The first hand-off number the list governs. */
  firstShift: number;
  /** The first hand-off number it no longer governs; undefined while it is the latest list. */
  endShift?: number;
  /** Undefined: on call for the whole shift; else only within these windows of `zone`. */
  restrictions?: { zone: string; windows: WeeklyWindow[] };
}

/**
 * The layer specs of every tier of a rotation, by tier id, in the order they take effect. A
 * business-hours tier is restricted to the organisation's working week (its holidays cannot be
 * said to PagerDuty; see {@link holidayNote}).
 */
export function layerSpecs(rotation: Rotation, calendar: BusinessCalendar | undefined): Map<string, LayerSpec[]> {
  const compiled = compileRotation(rotation);
  const out = new Map<string, LayerSpec[]>();
  for (const tier of compiled.tiers) {
    const restrictions = tier.coverage === 'business-hours' && calendar ? { zone: calendar.zone, windows: workingWeek(calendar) } : undefined;
    const plan = tier.layers[0]!.plan;
    const specs = plan.map((segment, i): LayerSpec => {
      const next = plan[i + 1];
      return {
        rotation: rotation.id,
        tier: tier.id,
        rosterIndex: segment.rosterIndex,
        zone: rotation.timezone,
        cadence: { unit: rotation.cadence.unit, every: rotation.cadence.every ?? 1 },
        handoff: { ...(rotation.handoff.weekday !== undefined ? { weekday: rotation.handoff.weekday } : {}), time: rotation.handoff.time },
        anchor: rotation.start,
        participants: segment.participants,
        startPosition: segment.startPosition,
        firstShift: segment.firstShift,
        ...(next ? { endShift: next.firstShift } : {}),
        ...(restrictions ? { restrictions } : {}),
      };
    });
    out.set(tier.id, specs);
  }
  return out;
}

function workingWeek(calendar: BusinessCalendar): WeeklyWindow[] {
  const minutes = calendar.endMinute - calendar.startMinute;
  if (minutes <= 0) return [];
  return [...calendar.weekdays].sort((a, b) => a - b).map((weekday) => ({ weekday, startMinute: calendar.startMinute, minutes }));
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
  /** First instant the layer applies (its run's first hand-off). */
  start: number;
  /** First instant it no longer applies; undefined for the open-ended last layer. */
  end?: number;
  /** Turn 0 starts here (= start). */
  virtualStart: number;
  turnSeconds: number;
  /** Person ids; the first holds the turn that starts at `virtualStart`. */
  people: string[];
  restrictions: PdRestriction[];
  /** The zone restrictions are read in (the schedule's zone). */
  zone: string;
}

/** How far back a run is followed to find where it starts (a few years of daily hand-offs). */
const MAX_RUN_STEPS = 2_000;

function clockOf(spec: LayerSpec): HandoffClock {
  return handoffClock({
    id: spec.rotation,
    name: spec.rotation,
    timezone: spec.zone,
    cadence: spec.cadence,
    handoff: spec.handoff,
    start: spec.anchor,
    tiers: [],
  } as unknown as Rotation);
}

function restrictionsOf(spec: LayerSpec): PdRestriction[] {
  if (!spec.restrictions) return [];
  return spec.restrictions.windows.map((w) => ({
    type: 'weekly_restriction',
    start_day_of_week: w.weekday,
    start_time_of_day: `${String(Math.floor(w.startMinute / 60)).padStart(2, '0')}:${String(w.startMinute % 60).padStart(2, '0')}:00`,
    duration_seconds: w.minutes * 60,
  }));
}

/**
 * The layers that carry a spec's shifts overlapping [from, to): one per run of equally long shifts.
 * A run is followed back to where it starts and forward to where it ends, so a layer's start and
 * end depend on the data alone, not on the window: the same data gives the same layers every day
 * until the window reaches the next DST change.
 */
export function encodeLayers(spec: LayerSpec, from: number, to: number): EncodedLayer[] {
  if (!(to > from) || spec.participants.length === 0) return [];
  const clock = clockOf(spec);
  const length = (k: number) => clock.handoffAt(k + 1) - clock.handoffAt(k);
  const first = Math.max(spec.firstShift, clock.indexAt(from));
  const lastInWindow = Math.min(clock.indexAt(to - 1), spec.endShift === undefined ? Infinity : spec.endShift - 1);
  if (first > lastInWindow) return [];

  let runStart = first;
  for (let steps = 0; runStart > spec.firstShift && steps < MAX_RUN_STEPS && length(runStart - 1) === length(first); steps++) runStart -= 1;

  const n = spec.participants.length;
  const holderAt = (k: number) => ((((spec.startPosition + k - spec.firstShift) % n) + n) % n);
  const zone = spec.restrictions?.zone ?? spec.zone;
  const restrictions = restrictionsOf(spec);
  const layers: EncodedLayer[] = [];
  let k = runStart;
  while (k <= lastInWindow) {
    const turn = length(k);
    let next = k + 1;
    while (next <= lastInWindow && length(next) === turn) next += 1;
    const isLast = next > lastInWindow;
    let end: number | undefined;
    if (!isLast) end = clock.handoffAt(next);
    else if (spec.endShift !== undefined) end = clock.handoffAt(spec.endShift);
    const position = holderAt(k);
    layers.push({
      spec,
      start: clock.handoffAt(k),
      ...(end !== undefined ? { end } : {}),
      virtualStart: clock.handoffAt(k),
      turnSeconds: turn / 1000,
      people: [...spec.participants.slice(position), ...spec.participants.slice(0, position)],
      restrictions,
      zone,
    });
    k = next;
  }
  return layers;
}
