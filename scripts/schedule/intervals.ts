/** Half-open intervals of epoch milliseconds: subtraction, union and overlap. */
import type { Interval } from './types.ts';

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** `a` minus every interval in `cuts`, as ordered pieces. */
export function subtract(a: Interval, cuts: readonly Interval[]): Interval[] {
  let pieces: Interval[] = [a];
  for (const cut of cuts) {
    const next: Interval[] = [];
    for (const piece of pieces) {
      if (!overlaps(piece, cut)) {
        next.push(piece);
        continue;
      }
      if (piece.start < cut.start) next.push({ start: piece.start, end: cut.start });
      if (cut.end < piece.end) next.push({ start: cut.end, end: piece.end });
    }
    pieces = next;
  }
  return pieces.sort((x, y) => x.start - y.start);
}

/** The union of intervals as ordered, disjoint, non-touching pieces. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else out.push({ ...interval });
  }
  return out;
}

/** The parts of `within` that no interval covers. */
export function holes(covered: readonly Interval[], within: Interval): Interval[] {
  return subtract(within, union(covered));
}

/** The overlap of two intervals, if any. */
export function intersection(a: Interval, b: Interval): Interval | undefined {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : undefined;
}
