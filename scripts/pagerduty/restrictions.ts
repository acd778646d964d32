/**
 * PagerDuty's layer restrictions, both ways. As PagerDuty documents them, a `daily_restriction`
 * opens a window every day and a `weekly_restriction` once a week on its `start_day_of_week`
 * (1 = Monday), each at `start_time_of_day` on the wall clock of the schedule's time zone, lasting
 * `duration_seconds` of elapsed time. So a window keeps its start time across a DST change but not
 * its end time, unlike a rotation's windows, which keep both: the encoder (window-runs.ts) uses
 * {@link renderedWindows} to check that what it sends renders exactly the windows it means.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import { union } from '../schedule/intervals.ts';
import type { Interval } from '../schedule/types.ts';
import type { PdRestriction } from './api-types.ts';

const DAY_MS = 86_400_000;
const WEEK_SECONDS = 7 * 86_400;

/** A window a restriction opens; `uncertain` when its start time is skipped or repeated that day. */
export interface RenderedWindow extends Interval {
  uncertain: boolean;
}

function secondsOfDay(text: string): number {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/**
 * The instants a wall-clock time names on a local date: one normally, none in a spring-forward gap,
 * two in a fall-back overlap.
 */
function wallClockCandidates(day: DateTime, seconds: number, zone: string): number[] {
  const wall = { year: day.year, month: day.month, day: day.day, hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 };
  const around = [day.minus({ days: 1 }).offset, day.offset, day.plus({ days: 1 }).offset, DateTime.fromObject(wall, { zone }).offset];
  const out = new Set<number>();
  for (const offset of new Set(around)) {
    const candidate = DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(offset) });
    const local = candidate.setZone(zone);
    if (local.offset === offset) out.add(candidate.toMillis());
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The windows a layer's restrictions open that overlap [from, to), in `zone`, as PagerDuty renders
 * them. A start time the clocks skip or repeat that day has no single reading: its window is marked
 * uncertain (at the earliest reading), so the encoder never relies on one.
 */
export function renderedWindows(restrictions: readonly PdRestriction[], zone: string, from: number, to: number): RenderedWindow[] {
  if (!(to > from)) return [];
  const out: RenderedWindow[] = [];
  // A window lasts at most a week, so one starting up to a week before `from` may reach into it.
  let day = DateTime.fromMillis(from - 7 * DAY_MS, { zone }).startOf('day');
  const last = DateTime.fromMillis(to, { zone }).startOf('day');
  while (day <= last) {
    for (const r of restrictions) {
      if (r.type === 'weekly_restriction' && day.weekday !== r.start_day_of_week) continue;
      const seconds = secondsOfDay(r.start_time_of_day);
      const candidates = wallClockCandidates(day, seconds, zone);
      // A skipped time is read with the offset before the gap (its window is uncertain anyway).
      const start = candidates[0] ?? day.toMillis() + seconds * 1000;
      const end = start + r.duration_seconds * 1000;
      if (end > from && start < to) out.push({ start, end, uncertain: candidates.length !== 1 });
    }
    day = day.plus({ days: 1 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The weekly restriction that opens exactly `window` on the day it starts, read in `zone`. */
export function restrictionOf(window: Interval, zone: string): PdRestriction {
  const start = DateTime.fromMillis(window.start, { zone });
  return {
    type: 'weekly_restriction',
    start_day_of_week: start.weekday,
    start_time_of_day: start.toFormat('HH:mm:ss'),
    duration_seconds: Math.round((window.end - window.start) / 1000),
  };
}

/** Whether PagerDuty accepts the restriction (a daily one shorter than a day, a weekly one shorter than a week). */
export function isExpressible(restriction: PdRestriction): boolean {
  const limit = restriction.type === 'daily_restriction' ? 86_400 : WEEK_SECONDS;
  return Number.isInteger(restriction.duration_seconds) && restriction.duration_seconds > 0 && restriction.duration_seconds < limit;
}

const key = (r: PdRestriction) => `${r.type}|${r.start_day_of_week ?? 0}|${r.start_time_of_day}|${r.duration_seconds}`;

/**
 * A set of weekly restrictions written as people would: one daily restriction where the same time
 * and duration come every day of the week, weekly ones otherwise, sorted by day and time.
 */
export function compactRestrictions(restrictions: readonly PdRestriction[]): PdRestriction[] {
  const unique = [...new Map(restrictions.map((r) => [key(r), r])).values()];
  const byTime = new Map<string, PdRestriction[]>();
  for (const r of unique) {
    if (r.type !== 'weekly_restriction') continue;
    const k = `${r.start_time_of_day}|${r.duration_seconds}`;
    byTime.set(k, [...(byTime.get(k) ?? []), r]);
  }
  const out: PdRestriction[] = unique.filter((r) => r.type === 'daily_restriction');
  for (const group of byTime.values()) {
    const days = new Set(group.map((r) => r.start_day_of_week));
    if (days.size === 7 && group[0]!.duration_seconds < 86_400) out.push({ type: 'daily_restriction', start_time_of_day: group[0]!.start_time_of_day, duration_seconds: group[0]!.duration_seconds });
    else out.push(...group);
  }
  return out.sort((a, b) => (a.start_day_of_week ?? 0) - (b.start_day_of_week ?? 0) || a.start_time_of_day.localeCompare(b.start_time_of_day) || a.duration_seconds - b.duration_seconds);
}

/** Whether `restrictions` render exactly `windows` within [from, to): the same on-call time, and no uncertain window there. */
export function rendersExactly(restrictions: readonly PdRestriction[], zone: string, windows: readonly Interval[], from: number, to: number): boolean {
  const rendered = renderedWindows(restrictions, zone, from, to);
  if (rendered.some((w) => w.uncertain && w.start < to && w.end > from)) return false;
  const clip = (list: readonly Interval[]) => union(list.map((w) => ({ start: Math.max(from, w.start), end: Math.min(to, w.end) })));
  const a = clip(rendered);
  const b = clip(windows);
  return a.length === b.length && a.every((w, i) => w.start === b[i]!.start && w.end === b[i]!.end);
}
