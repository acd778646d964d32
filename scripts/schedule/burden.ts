/**
 * On-call burden per person over a period, against the team, so the fairness the policy asks for
 * ("track on-call burden and address high-frequency pages") can be seen: hours per tier, weekend
 * and night hours in the person's own zone, pages from incident records, time away, each person's
 * share of the team's mean, and flags for whoever is far from it.
 *
 * Fairness is judged within a pool: people who take turns on the same roster lists in force during
 * the period (lists that share someone join into one pool). A business-hours owner is not compared
 * with the engineers on the 24/7 tiers, nor one team with another team's rotation. Someone on a list
 * with no hours counts, since fairness is about who was not asked too; someone on call only by an
 * override forms a pool of their own. Tiers covered in business hours alone count only business
 * hours (outside them the tier is reached by arrangement).
 *
 * Pages come from incident records: the alert goes to whoever held the first tier of the product's
 * rotation when the incident was `detected`, and an escalation pages everyone it names (`to`). Each
 * page is attributed to the shift the person held then, or to none (paged off shift).
 */
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { BusinessCalendar } from '../time/business-time.ts';
import { onCallIntervals } from './business-hours.ts';
import { compileRotation, expandTier, instantOf } from './expand.ts';
import { intersection } from './intervals.ts';
import { wallClockMillis } from './local-time.ts';
import { onCallAt } from './on-call.ts';
import { timeOffOf } from './time-off.ts';
import type { Interval } from './types.ts';

type Rotation = SchemaTypes['rotation'];
type Person = SchemaTypes['people']['people'][number];
type Incident = SchemaTypes['incident'];

/** Nights run from 22:00 to 07:00 local time; weekends are Saturday and Sunday. */
export const NIGHT_STARTS = 22;
export const NIGHT_ENDS = 7;
/** A person this many times the team's mean (hours, weekend, night, pages) is flagged; below its inverse too, for hours. */
export const OUTLIER_FACTOR = 1.5;

/** The fields of an incident record burden reads. */
export type IncidentPages = Pick<Incident, 'id' | 'product' | 'detected' | 'escalations'>;

/** One page: someone called in by an incident, and the shift they held then, if any. */
export interface Page {
  incident: string;
  at: Date;
  person: string;
  /** `alert`: the first responder on call when it was detected; `escalation`: brought in by an escalation. */
  kind: 'alert' | 'escalation';
  /** The rotation and tier the person was on call in then; absent when paged off shift. */
  rotation?: string;
  tier?: string;
  /** Whether it fell at night in the person's zone. */
  night: boolean;
}

/** People who take turns on the same lists, and their means. */
export interface Pool {
  members: string[];
  mean: { hours: number; weekendHours: number; nightHours: number; pages: number };
}

/** A flag: which measure is far from the pool's mean, and by how much. */
export interface BurdenFlag {
  measure: 'hours' | 'weekendHours' | 'nightHours' | 'pages';
  /** The person's value divided by the team's mean. */
  ratio: number;
  direction: 'high' | 'low';
}

/** One person's burden in the period. */
export interface PersonBurden {
  person: string;
  /** Zone weekend and night hours are counted in (the person's, else the rotation's). */
  timezone: string;
  /** Index of the person's pool in TeamBurden.pools; absent for someone only paged, never on call. */
  pool?: number;
  /** Shifts (after overrides and layers split them) overlapping the period. */
  shifts: number;
  /** On-call hours in the period. */
  hours: number;
  weekendHours: number;
  nightHours: number;
  /** Pages in the period; at night; while not on call. */
  pages: number;
  nightPages: number;
  offShiftPages: number;
  /** Days of time off in the period. */
  awayDays: number;
  /** Hours divided by the pool's mean hours (1 is an even share); 0 when nobody in it was on call. */
  share: number;
  flags: BurdenFlag[];
  tiers: { rotation: string; tier: string; shifts: number; hours: number }[];
}

/** The team's burden in a period. */
export interface TeamBurden {
  from: Date;
  to: Date;
  /** The pools, largest first, members sorted. */
  pools: Pool[];
  people: PersonBurden[];
  pages: Page[];
}

export interface BurdenInput {
  rotations: readonly Rotation[];
  people: ReadonlyMap<string, Pick<Person, 'timezone'> & Partial<Pick<Person, 'time_off'>>>;
  businessHours?: BusinessCalendar;
  /** Incident records whose pages count; the product's rotation comes from `productRotations`, else from rotations' `product`. */
  incidents?: readonly IncidentPages[];
  productRotations?: ReadonlyMap<string, string>;
  from: Date;
  to: Date;
  /** Whether to count weekend and night hours (the costly part over long periods); default true. */
  weekendAndNight?: boolean;
}

const HOUR = 3_600_000;
const round = (millis: number) => Math.round((millis / HOUR) * 100) / 100;
const ratio = (value: number, mean: number) => (mean > 0 ? Math.round((value / mean) * 100) / 100 : 0);

/**
 * Milliseconds of `interval` that fall on weekends and at night, in `zone`. Days are walked as
 * calendar dates with their boundaries from wallClockMillis (remembered per zone and date), since a
 * year of shifts for every person of a large organisation asks for the same local days again and again.
 */
function weekendAndNight(interval: Interval, zone: string): { weekend: number; night: number } {
  let weekend = 0;
  let night = 0;
  const first = DateTime.fromMillis(interval.start, { zone });
  let date = new Date(Date.UTC(first.year, first.month - 1, first.day));
  const local = (d: Date) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  let dayStart = wallClockMillis(local(date), 0, 0, zone);
  while (dayStart < interval.end) {
    const nextDate = new Date(date.getTime() + DAY_MS);
    const nextStart = wallClockMillis(local(nextDate), 0, 0, zone);
    const whole = intersection(interval, { start: dayStart, end: nextStart });
    if (whole) {
      // Date.UTC's weekday of the local date: 0 Sunday, 6 Saturday.
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6) weekend += whole.end - whole.start;
      const morning = intersection(interval, { start: dayStart, end: wallClockMillis(local(date), NIGHT_ENDS, 0, zone) });
      const evening = intersection(interval, { start: wallClockMillis(local(date), NIGHT_STARTS, 0, zone), end: nextStart });
      for (const part of [morning, evening]) if (part) night += part.end - part.start;
    }
    date = nextDate;
    dayStart = nextStart;
  }
  return { weekend, night };
}

const DAY_MS = 86_400_000;

function isNight(instant: number, zone: string): boolean {
  const hour = DateTime.fromMillis(instant, { zone }).hour;
  return hour >= NIGHT_STARTS || hour < NIGHT_ENDS;
}

/** The roster lists in force at some time in [from, to). */
function listsInForce(rotations: readonly Rotation[], from: number, to: number): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (const rotation of rotations) {
    for (const tier of compileRotation(rotation).tiers) {
      for (const layer of tier.layers) {
        layer.plan.forEach((segment, i) => {
          const start = layer.clock.handoffAt(segment.firstShift);
          const next = layer.plan[i + 1];
          const end = next ? layer.clock.handoffAt(next.firstShift) : Infinity;
          if (start < to && end > from) out.push(segment.participants);
        });
      }
    }
  }
  return out;
}

/** Pools: lists that share someone joined together (connected components), each person in one. */
function poolsOf(lists: readonly (readonly string[])[], others: Iterable<string>): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  for (const list of lists) {
    for (const person of list) add(person);
    for (const person of list.slice(1)) parent.set(find(person), find(list[0]!));
  }
  for (const person of others) add(person);
  const groups = new Map<string, string[]>();
  for (const person of [...parent.keys()].sort()) {
    const root = find(person);
    groups.set(root, [...(groups.get(root) ?? []), person]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}

/** The pages of incidents detected or escalated in [from, to). */
export function pagesOf(input: Pick<BurdenInput, 'rotations' | 'people' | 'incidents' | 'productRotations'>, from: number, to: number): Page[] {
  const byId = new Map(input.rotations.map((r) => [r.id, r]));
  const rotationOf = (product: string | undefined): Rotation | undefined => {
    if (product === undefined) return undefined;
    const id = input.productRotations?.get(product);
    return id !== undefined ? byId.get(id) : input.rotations.find((r) => r.product === product);
  };
  const zoneOf = (person: string, fallback: string) => input.people.get(person)?.timezone ?? fallback;
  const pages: Page[] = [];
  const add = (incident: string, at: number, person: string, kind: Page['kind'], fallbackZone: string) => {
    const page: Page = { incident, at: new Date(at), person, kind, night: isNight(at, zoneOf(person, fallbackZone)) };
    for (const rotation of input.rotations) {
      const held = onCallAt(rotation, page.at).find((s) => s.person === person);
      if (held) {
        page.rotation = rotation.id;
        page.tier = held.tier;
        break;
      }
    }
    pages.push(page);
  };
  for (const incident of input.incidents ?? []) {
    const rotation = rotationOf(incident.product);
    const zone = rotation?.timezone ?? 'UTC';
    const detected = instantOf(incident.detected);
    if (rotation && detected >= from && detected < to) {
      const first = rotation.tiers[0];
      const responder = first ? onCallAt(rotation, new Date(detected)).find((s) => s.tier === first.id) : undefined;
      if (responder) add(incident.id, detected, responder.person, 'alert', zone);
    }
    for (const escalation of incident.escalations ?? []) {
      const at = instantOf(escalation.at);
      if (!(at >= from && at < to)) continue;
      for (const person of escalation.to ?? []) add(incident.id, at, person, 'escalation', zone);
    }
  }
  return pages.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
}

/** Burden of the team and of everyone with on-call time or pages in [from, to), people sorted by id. */
export function computeBurden(input: BurdenInput): TeamBurden {
  const window = { start: input.from.getTime(), end: input.to.getTime() };
  type Totals = { timezone: string; shifts: number; hours: number; weekend: number; night: number; tiers: Map<string, { rotation: string; tier: string; shifts: number; hours: number }> };
  const totals = new Map<string, Totals>();
  const entryFor = (person: string, zone: string): Totals => {
    let entry = totals.get(person);
    if (!entry) totals.set(person, (entry = { timezone: input.people.get(person)?.timezone ?? zone, shifts: 0, hours: 0, weekend: 0, night: 0, tiers: new Map() }));
    return entry;
  };
  const onCall = new Set<string>();
  for (const rotation of input.rotations) {
    const compiled = compileRotation(rotation);
    for (const tier of compiled.tiers) {
      for (const shift of expandTier(compiled, tier, window.start, window.end)) {
        onCall.add(shift.person);
        const entry = entryFor(shift.person, rotation.timezone);
        const key = `${rotation.id}/${tier.id}`;
        let perTier = entry.tiers.get(key);
        if (!perTier) entry.tiers.set(key, (perTier = { rotation: rotation.id, tier: tier.id, shifts: 0, hours: 0 }));
        entry.shifts += 1;
        perTier.shifts += 1;
        const clipped = intersection({ start: shift.start.getTime(), end: shift.end.getTime() }, window);
        if (!clipped) continue;
        for (const interval of onCallIntervals(clipped, tier.coverage, input.businessHours)) {
          const length = interval.end - interval.start;
          entry.hours += length;
          perTier.hours += length;
          if (input.weekendAndNight === false) continue;
          const { weekend, night } = weekendAndNight(interval, entry.timezone);
          entry.weekend += weekend;
          entry.night += night;
        }
      }
    }
  }
  const groups = poolsOf(listsInForce(input.rotations, window.start, window.end), onCall);
  for (const group of groups) for (const person of group) entryFor(person, 'UTC');
  const pages = pagesOf(input, window.start, window.end);
  for (const page of pages) entryFor(page.person, 'UTC');

  const pageCount = (person: string) => pages.filter((p) => p.person === person).length;
  const pools: Pool[] = groups.map((members) => {
    const sum = (pick: (t: Totals, person: string) => number) => members.reduce((s, person) => s + pick(totals.get(person)!, person), 0);
    const n = members.length;
    return {
      members,
      mean: {
        hours: round(sum((t) => t.hours) / n),
        weekendHours: round(sum((t) => t.weekend) / n),
        nightHours: round(sum((t) => t.night) / n),
        pages: Math.round((sum((_t, person) => pageCount(person)) / n) * 100) / 100,
      },
    };
  });
  const poolOf = new Map(pools.flatMap((pool, i) => pool.members.map((person) => [person, i] as const)));

  const people = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([person, t]): PersonBurden => {
      const own = pages.filter((p) => p.person === person);
      const values = { hours: round(t.hours), weekendHours: round(t.weekend), nightHours: round(t.night), pages: own.length };
      const pool = poolOf.get(person);
      const mean = pool !== undefined ? pools[pool]!.mean : undefined;
      const flags: BurdenFlag[] = [];
      if (mean && pools[pool!]!.members.length > 1) {
        for (const measure of ['hours', 'weekendHours', 'nightHours', 'pages'] as const) {
          const r = ratio(values[measure], mean[measure]);
          if (mean[measure] > 0 && r > OUTLIER_FACTOR) flags.push({ measure, ratio: r, direction: 'high' });
        }
        const low = ratio(values.hours, mean.hours);
        if (mean.hours > 0 && low < 1 / OUTLIER_FACTOR) flags.push({ measure: 'hours', ratio: low, direction: 'low' });
      }
      const share = mean ? ratio(values.hours, mean.hours) : 0;
      const data = input.people.get(person);
      let away = 0;
      if (data?.time_off) for (const entry of timeOffOf({ id: person, timezone: data.timezone, time_off: data.time_off })) {
        const overlap = intersection(entry, window);
        if (overlap) away += overlap.end - overlap.start;
      }
      return {
        person,
        timezone: t.timezone,
        ...(pool !== undefined ? { pool } : {}),
        shifts: t.shifts,
        ...values,
        nightPages: own.filter((p) => p.night).length,
        offShiftPages: own.filter((p) => p.rotation === undefined).length,
        awayDays: Math.round((away / (24 * HOUR)) * 10) / 10,
        share,
        flags,
        tiers: [...t.tiers.values()].map((x) => ({ ...x, hours: round(x.hours) })),
      };
    });
  return { from: input.from, to: input.to, pools, people, pages };
}

/** `night hours 2.1x the mean`: a flag for people. */
export function describeFlag(flag: BurdenFlag): string {
  const names = { hours: 'hours', weekendHours: 'weekend hours', nightHours: 'night hours', pages: 'pages' } as const;
  return `${names[flag.measure]} ${flag.ratio}x the mean${flag.direction === 'low' ? ' (below)' : ''}`;
}
