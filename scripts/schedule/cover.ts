/**
 * Who could cover a shift: the next people in the roster's order who are free then (not away, not
 * gone, not on call elsewhere at the time, not pushed past the on-call limits), with their load, so whoever plans the cover sees both
 * the turn order and who has carried the most lately. Used by the time-off check and by
 * `oncall cover`.
 */
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { BusinessCalendar } from '../time/business-time.ts';
import { onCallIntervals } from './business-hours.ts';
import { compileRotation, expandTier } from './expand.ts';
import { intersection, overlaps, union } from './intervals.ts';
import { participantsOf, rostersOf } from './layers.ts';
import { awayDuring, type TimeOff } from './time-off.ts';
import type { Interval, LocatedShift } from './types.ts';

type Rotation = SchemaTypes['rotation'];

/** What availability and load are judged from. */
export interface CoverContext {
  rotations: readonly Rotation[];
  people: ReadonlyMap<string, { timezone: string; left?: string }>;
  timeOff: ReadonlyMap<string, readonly TimeOff[]>;
  businessHours?: BusinessCalendar;
  /** on_call.allow_concurrent_rotations: whether someone on call elsewhere may still cover. */
  allowConcurrentRotations: boolean;
  /** on_call limits: someone whom the cover would take past them is not available. */
  limits?: { maxConsecutiveDays: number; minRestMillis: number };
}

/** Someone who could cover, and their on-call hours in the four weeks around the shift. */
export interface CoverCandidate {
  person: string;
  hours: number;
}

/** The load window: two weeks either side of the shift's start. */
export const LOAD_DAYS = 14;
const DAY = 86_400_000;

/**
 * The roster order to look for cover in: the list the shift comes from, after its holder; for an
 * override, the lists in force in the tier's layers at the time.
 */
function orderAfter(rotation: Rotation, tierIndex: number, shift: Pick<LocatedShift, 'person' | 'path'>, at: number): string[] {
  const tier = rotation.tiers[tierIndex]!;
  const rosters = shift.path.indexOf('rosters');
  let list: string[] = [];
  if (rosters >= 0) {
    const prefix = JSON.stringify(shift.path.slice(0, rosters + 2));
    list = [...(rostersOf(tier, tierIndex).find((entry) => JSON.stringify(entry.path) === prefix)?.roster.participants ?? [])];
  } else {
    for (const layer of compileRotation(rotation).tiers[tierIndex]!.layers) {
      const k = layer.clock.indexAt(at);
      const segment = [...layer.plan].reverse().find((s) => s.firstShift <= k);
      for (const person of segment?.participants ?? []) if (!list.includes(person)) list.push(person);
    }
  }
  if (list.length === 0) list = participantsOf(tier);
  const position = list.indexOf(shift.person);
  return position < 0 ? list : [...list.slice(position + 1), ...list.slice(0, position)];
}

/** Whether taking `interval` on top of `busy` keeps a person within the limits. */
function withinLimits(busy: readonly Interval[], interval: Interval, limits: NonNullable<CoverContext['limits']>, zone: string): boolean {
  const all = union([...busy, interval]);
  const i = all.findIndex((run) => run.start <= interval.start && interval.end <= run.end);
  const run = all[i]!;
  const days = DateTime.fromMillis(run.end, { zone }).diff(DateTime.fromMillis(run.start, { zone }), 'days').days;
  if (days > limits.maxConsecutiveDays) return false;
  const before = all[i - 1];
  const after = all[i + 1];
  return (!before || run.start - before.end >= limits.minRestMillis) && (!after || after.start - run.end >= limits.minRestMillis);
}

function goneBy(people: CoverContext['people'], person: string, instant: number, zone: string): boolean {
  const left = people.get(person)?.left;
  return left !== undefined && DateTime.fromISO(left, { zone }).plus({ days: 1 }).toMillis() < instant;
}

/**
 * Up to `limit` people who could take `interval` of the shift, in the roster's order after its
 * holder: not the holder, not away, not gone, not on call in this rotation then (nor in another,
 * unless the policy allows concurrent rotations), and not taken past the on-call limits by it
 * (too many days in a row, too little rest), each with their load.
 */
export function coverCandidates(
  context: CoverContext,
  rotation: Rotation,
  tierIndex: number,
  shift: Pick<LocatedShift, 'person' | 'path'>,
  interval: Interval,
  limit = 3,
): CoverCandidate[] {
  const load = { start: interval.start - LOAD_DAYS * DAY, end: interval.start + LOAD_DAYS * DAY };
  const reach = ((context.limits?.maxConsecutiveDays ?? 0) + 2) * DAY;
  const around = { start: interval.start - reach, end: interval.end + reach };
  const span = { start: Math.min(load.start, around.start), end: Math.max(load.end, around.end) };
  const busy = new Map<string, { rotation: string; interval: Interval }[]>();
  const nearby = new Map<string, Interval[]>();
  const hours = new Map<string, number>();
  for (const other of context.rotations) {
    const compiled = compileRotation(other);
    for (const tier of compiled.tiers) {
      for (const s of expandTier(compiled, tier, span.start, span.end)) {
        for (const part of onCallIntervals({ start: s.start.getTime(), end: s.end.getTime() }, tier.coverage, context.businessHours)) {
          const inLoad = intersection(part, load);
          if (inLoad) hours.set(s.person, (hours.get(s.person) ?? 0) + (inLoad.end - inLoad.start));
          if (overlaps(part, around)) nearby.set(s.person, [...(nearby.get(s.person) ?? []), part]);
          if (overlaps(part, interval)) {
            const list = busy.get(s.person) ?? [];
            list.push({ rotation: other.id, interval: part });
            busy.set(s.person, list);
          }
        }
      }
    }
  }
  const out: CoverCandidate[] = [];
  for (const person of orderAfter(rotation, tierIndex, shift, interval.start)) {
    if (out.length >= limit) break;
    if (awayDuring(context.timeOff, person, interval)) continue;
    if (goneBy(context.people, person, interval.end, rotation.timezone)) continue;
    const elsewhere = busy.get(person) ?? [];
    if (elsewhere.some((b) => b.rotation === rotation.id || !context.allowConcurrentRotations)) continue;
    if (context.limits && !withinLimits(nearby.get(person) ?? [], interval, context.limits, rotation.timezone)) continue;
    out.push({ person, hours: Math.round(((hours.get(person) ?? 0) / 3_600_000) * 10) / 10 });
  }
  return out;
}

/** `"liam-novak" (84 h on call in the four weeks around it), "sofia-rossi" (0 h)`. */
export function describeCandidates(candidates: readonly CoverCandidate[]): string {
  return candidates.map((c, i) => `"${c.person}" (${c.hours} h${i === 0 ? ' on call in the four weeks around it' : ''})`).join(', ');
}
