/**
 * Per-person time off (policy/people.yaml `time_off`), as instants. A date means a whole day in the
 * person's own zone (`to` is the last day away, included); a date-time is an exact instant (`to`
 * excluded). A reason marked private never leaves this module's callers' data: everything the
 * toolkit shows goes through describeTimeOff, which leaves it out.
 */
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import { instantOf } from './expand.ts';
import { shortIsoInZone } from './local-time.ts';
import type { Interval } from './types.ts';

type Person = SchemaTypes['people']['people'][number];

/** One entry of a person's time off. */
export interface TimeOff extends Interval {
  person: string;
  /** Index in the person's `time_off`. */
  index: number;
  /** The entry as written (for messages in the person's own terms). */
  from: string;
  to: string;
  /** The reason, unless the entry keeps it private. */
  reason?: string;
}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function startOf(text: string, zone: string): number {
  return DATE.test(text) ? DateTime.fromISO(text, { zone }).startOf('day').toMillis() : instantOf(text);
}

function endOf(text: string, zone: string): number {
  return DATE.test(text) ? DateTime.fromISO(text, { zone }).plus({ days: 1 }).startOf('day').toMillis() : instantOf(text);
}

/** A person's time off as intervals, in file order; entries that end before they start are left out (the rule reports them). */
export function timeOffOf(person: Pick<Person, 'id' | 'timezone' | 'time_off'>): TimeOff[] {
  return (person.time_off ?? []).flatMap((entry, index) => {
    const start = startOf(entry.from, person.timezone);
    const end = endOf(entry.to, person.timezone);
    if (!(end > start)) return [];
    const out: TimeOff = { person: person.id, index, from: entry.from, to: entry.to, start, end };
    if (entry.reason !== undefined && entry.private !== true) out.reason = entry.reason;
    return [out];
  });
}

/** Everyone's time off, by person id. */
export function timeOffByPerson(people: readonly Pick<Person, 'id' | 'timezone' | 'time_off'>[]): Map<string, TimeOff[]> {
  const out = new Map<string, TimeOff[]>();
  for (const person of people) {
    const entries = timeOffOf(person);
    if (entries.length > 0) out.set(person.id, entries);
  }
  return out;
}

/** The time off of `person` overlapping an interval, if any. */
export function awayDuring(timeOff: ReadonlyMap<string, readonly TimeOff[]>, person: string, interval: Interval): TimeOff | undefined {
  return timeOff.get(person)?.find((entry) => entry.start < interval.end && interval.start < entry.end);
}

/** `away 2026-12-21 to 2026-12-27 (Family visit)`: an entry for people, never with a private reason. */
export function describeTimeOff(entry: TimeOff, zone: string): string {
  const when = DATE.test(entry.from) && DATE.test(entry.to) ? `${entry.from} to ${entry.to}` : `${shortIsoInZone(entry.start, zone)} to ${shortIsoInZone(entry.end, zone)}`;
  return `away ${when}${entry.reason !== undefined ? ` (${entry.reason})` : ''}`;
}
