/**
 * VTIMEZONE components (RFC 5545 section 3.6.5) built from the platform's tz database through luxon,
 * so a calendar's TZID events resolve in every client exactly as the engine resolved them. Each
 * offset change in the calendar's span becomes one observance with an explicit DTSTART: no
 * recurrence rules to get wrong, and only the transitions the events need.
 */
import { DateTime, FixedOffsetZone } from 'luxon';

const DAY = 86_400_000;
const MINUTE = 60_000;

function offsetAt(zone: string, millis: number): number {
  return DateTime.fromMillis(millis, { zone }).offset;
}

/** Offset changes of `zone` within [from, to]: the first instant with the new offset, and both offsets. */
export function transitions(zone: string, from: number, to: number): { at: number; from: number; to: number }[] {
  const out: { at: number; from: number; to: number }[] = [];
  let previous = offsetAt(zone, from);
  for (let t = from; t < to; ) {
    const next = Math.min(t + DAY, to);
    const offset = offsetAt(zone, next);
    if (offset !== previous) {
      // Zones change offset on whole minutes: search the minute it happens.
      let lo = Math.floor(t / MINUTE);
      let hi = Math.ceil(next / MINUTE);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(zone, mid * MINUTE) === previous) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi * MINUTE, from: previous, to: offset });
      previous = offset;
    }
    t = next;
  }
  return out;
}

const offsetText = (minutes: number) => FixedOffsetZone.instance(minutes).formatOffset(0, 'techie');

/**
 * A VTIMEZONE for `zone` valid for instants in [from, to]: an opening observance (from 1970, the
 * offset in force at `from`), then one observance per transition, its DTSTART written in the local
 * time before the change as RFC 5545 requires.
 */
export function vtimezone(zone: string, from: number, to: number): string {
  const start = from - DAY;
  const end = to + DAY;
  const initial = offsetAt(zone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (dst: boolean, dtstart: string, fromOffset: number, toOffset: number) => {
    const kind = dst ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${offsetText(fromOffset)}`, `TZOFFSETTO:${offsetText(toOffset)}`, `END:${kind}`);
  };
  observance(DateTime.fromMillis(start, { zone }).isInDST, '19700101T000000', initial, initial);
  for (const change of transitions(zone, start, end)) {
    const local = DateTime.fromMillis(change.at, { zone: FixedOffsetZone.instance(change.from) }).toFormat("yyyyLLdd'T'HHmmss");
    observance(DateTime.fromMillis(change.at, { zone }).isInDST, local, change.from, change.to);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
