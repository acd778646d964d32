/**
 * A restricted layer's on-call windows as PagerDuty restrictions that render exactly.
 *
 * A rotation's windows keep their wall-clock start and end in the layer's own zone; PagerDuty's
 * keep a wall-clock start in the schedule's zone and a fixed duration (restrictions.ts). Between two
 * DST changes of either zone both offsets hold still, so the windows repeat every week and one set
 * of restrictions renders them; across a change the same windows need other restrictions, and a
 * window the change falls in lasts an hour more or less than its neighbours. So the windows are cut
 * into runs: the longest stretches of consecutive windows that one set of restrictions renders
 * exactly, checked against PagerDuty's rendering instance by instance, each sent as layers from its
 * first window's start to its last window's end. Ending a layer with its last window also cuts off
 * whatever PagerDuty would render after it, so a run often ends with the window a change falls
 * in. A window no restriction renders (one starting at a wall-clock time the schedule's zone skips
 * or repeats that day) is a run of its own: a layer spanning exactly that window, unrestricted.
 *
 * The runs depend on the windows alone, so the same data gives the same runs day after day: the
 * last run stays open until the horizon reaches a window it cannot render.
 */
import { union } from '../schedule/intervals.ts';
import type { Interval } from '../schedule/types.ts';
import type { PdRestriction } from './api-types.ts';
import { compactRestrictions, isExpressible, rendersExactly, restrictionOf } from './restrictions.ts';

const WEEK_MS = 7 * 86_400_000;

/** A stretch of time over which one set of restrictions renders the layer's windows exactly. */
export interface WindowRun {
  /** First instant covered (-Infinity for a layer on call all the time). */
  start: number;
  /** First instant no longer covered; undefined for the open last run. */
  end?: number;
  /** Empty: the layer is on call all of [start, end). */
  restrictions: PdRestriction[];
}

const keyOf = (r: PdRestriction) => `${r.start_day_of_week}|${r.start_time_of_day}|${r.duration_seconds}`;

/**
 * The runs of a layer's windows. `windows` are the layer's on-call windows (disjoint, sorted) as
 * seen over [rangeStart, rangeEnd): windows cut by either end are partial and only tell that the
 * layer is on call there, so they are left out; a window reaching both ends means always on call.
 */
export function windowRuns(windows: readonly Interval[], zone: string, rangeStart: number, rangeEnd: number): WindowRun[] {
  const merged = union(windows);
  if (merged.length === 1 && merged[0]!.start <= rangeStart && merged[0]!.end >= rangeEnd) return [{ start: -Infinity, restrictions: [] }];
  const whole = merged.filter((w) => w.start > rangeStart && w.end < rangeEnd);
  const runs: WindowRun[] = [];
  let i = 0;
  while (i < whole.length) {
    const first = whole[i]!;
    const firstRestriction = restrictionOf(first, zone);
    const pattern = new Map([[keyOf(firstRestriction), firstRestriction]]);
    let j = i + 1;
    if (isExpressible(firstRestriction) && rendersExactly([...pattern.values()], zone, [first], first.start, first.end)) {
      while (j < whole.length) {
        const next = whole[j]!;
        const restriction = restrictionOf(next, zone);
        const added = !pattern.has(keyOf(restriction));
        if (!isExpressible(restriction)) break;
        const candidate = added ? [...pattern.values(), restriction] : [...pattern.values()];
        // A new restriction may also open windows earlier in the run: check all of it; otherwise
        // only the stretch the next window adds (a rendered window lasts at most a week).
        const from = added ? first.start : whole[j - 1]!.end;
        const context = added ? whole.slice(i, j + 1) : [next];
        if (!rendersExactly(candidate, zone, context, from, next.end)) break;
        if (added) pattern.set(keyOf(restriction), restriction);
        j += 1;
      }
    }
    const last = whole[j - 1]!;
    const open = j === whole.length && rangeEnd - last.end < WEEK_MS;
    if (j === i + 1 && !open) runs.push({ start: first.start, end: first.end, restrictions: [] });
    else runs.push({ start: first.start, ...(open ? {} : { end: last.end }), restrictions: compactRestrictions([...pattern.values()]) });
    i = j;
  }
  return runs;
}
