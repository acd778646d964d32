/**
 * What PagerDuty's rendered final schedule of a tier must show, from the rotation engine (the same
 * shifts `oncall schedule` prints), and the shift-by-shift comparison with what it does show.
 */
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { subtract, union } from '../schedule/intervals.ts';
import type { Interval } from '../schedule/types.ts';
import { businessWindows, type BusinessCalendar } from '../time/business-time.ts';
import type { PdLayer } from './api-types.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

/** One stretch of time with one user on call (undefined: nobody). */
export interface Entry {
  start: number;
  end: number;
  user: string | undefined;
}

/**
 * The tier's on-call entries in [from, to) as PagerDuty users: roster shifts (only within the
 * working week for a business-hours tier, as its restricted layer pages) and overrides (whole, as
 * PagerDuty's overrides are not restricted).
 */
export function expectedEntries(
  rotation: SchemaTypes['rotation'],
  tierId: string,
  users: ReadonlyMap<string, string>,
  from: number,
  to: number,
  workingWeek: BusinessCalendar | undefined,
  options: { overrides?: boolean } = {},
): Entry[] {
  const compiled = compileRotation(rotation);
  const found = compiled.tiers.find((t) => t.id === tierId);
  if (!found) return [];
  const tier = options.overrides === false ? { ...found, overrides: [] } : found;
  const entries: Entry[] = [];
  for (const shift of expandTier(compiled, tier, from, to)) {
    const start = Math.max(from, shift.start.getTime());
    const end = Math.min(to, shift.end.getTime());
    const user = users.get(shift.person);
    if (shift.source === 'roster' && workingWeek) {
      for (const window of businessWindows(workingWeek, start, end)) entries.push({ start: window.start, end: window.end, user });
    } else entries.push({ start, end, user });
  }
  return normalise(entries);
}

/**
 * What a schedule's layers render together, from PagerDuty's rendering of each layer alone: a later
 * layer holds the schedule wherever it has an entry. Undefined when a layer came without its
 * rendering.
 */
export function stackedLayerEntries(layers: readonly PdLayer[], from: number, to: number): Entry[] | undefined {
  const out: Entry[] = [];
  let covered: Interval[] = [];
  for (const layer of [...layers].reverse()) {
    if (!layer.rendered_schedule_entries) return undefined;
    const pieces = layer.rendered_schedule_entries.map((e) => ({ start: Math.max(from, Date.parse(e.start)), end: Math.min(to, Date.parse(e.end)), user: e.user?.id }));
    for (const piece of pieces) {
      if (!(piece.end > piece.start)) continue;
      for (const part of subtract(piece, covered)) out.push({ ...part, user: piece.user });
    }
    covered = union([...covered, ...pieces.filter((p) => p.end > p.start)]);
  }
  return normalise(out, from, to);
}

/** Sorted, clipped to [from, to), adjacent entries of the same user joined, empty ones dropped. */
export function normalise(entries: readonly Entry[], from = -Infinity, to = Infinity): Entry[] {
  const sorted = entries
    .map((e) => ({ start: Math.max(from, e.start), end: Math.min(to, e.end), user: e.user }))
    .filter((e) => e.end > e.start)
    .sort((a, b) => a.start - b.start);
  const out: Entry[] = [];
  for (const entry of sorted) {
    const last = out.at(-1);
    if (last && last.user === entry.user && last.end === entry.start) last.end = entry.end;
    else out.push({ ...entry });
  }
  return out;
}

/** Where two renderings first disagree: the instant, and what each side has from there. */
export interface FirstDifference {
  at: number;
  pagerduty: Entry | undefined;
  repository: Entry | undefined;
}

/** Who is on call at `t` per a normalised list (undefined: nobody), and until when. */
function at(entries: readonly Entry[], t: number): Entry | undefined {
  return entries.find((e) => e.start <= t && t < e.end);
}

/** The first instant in [from, to) where the two normalised renderings name different people. */
export function firstDifference(pagerduty: readonly Entry[], repository: readonly Entry[], from: number, to: number): FirstDifference | undefined {
  const instants = [...new Set([from, ...pagerduty.flatMap((e) => [e.start, e.end]), ...repository.flatMap((e) => [e.start, e.end])])]
    .filter((t) => t >= from && t < to)
    .sort((a, b) => a - b);
  for (const t of instants) {
    const ours = at(repository, t);
    const theirs = at(pagerduty, t);
    if (ours?.user !== theirs?.user) return { at: t, pagerduty: theirs, repository: ours };
  }
  return undefined;
}
