/**
 * iCalendar files people subscribe to: one per rotation and one per person. Pure: shifts in, file
 * contents out. Events carry the rotation's TZID and start and end at the local hand-off, so a week
 * across a DST change is 167 or 169 hours in every client. Output is byte-identical for the same
 * data and window: UIDs derive from rotation, tier and start, and DTSTAMP is the window's start
 * rather than the clock.
 */
import ical, { type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import { describeDuration } from '../util/duration.ts';
import { expandRotation } from './expand.ts';
import { peopleNamedIn } from './layers.ts';
import { isRepeatedWallTime, isoInZone } from './local-time.ts';
import type { Shift } from './types.ts';
import { vtimezone } from './vtimezone.ts';

type Rotation = SchemaTypes['rotation'];

/** The PRODID of every calendar this tool writes; a file without it is not ours to replace. */
export const CALENDAR_PRODID = '-//oncall-as-code//calendar//EN';

/** UID domain, so UIDs are globally unique as RFC 5545 asks. */
const UID_DOMAIN = 'oncall-as-code';

export interface CalendarInput {
  rotations: readonly Rotation[];
  people: ReadonlyMap<string, { name: string }>;
  from: Date;
  to: Date;
}

/** Calendar files by path relative to the output folder: `rotations/<id>.ics`, `people/<id>.ics`. */
export type CalendarFiles = Map<string, string>;

interface Entry {
  rotation: Rotation;
  tierName: string;
  tierIndex: number;
  response?: string;
  shift: Shift;
}

const compact = (date: Date) => DateTime.fromJSDate(date, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");

function newCalendar(name: string, description: string, entries: readonly Entry[]): ICalCalendar {
  // Each zone's VTIMEZONE covers exactly the span of that zone's events.
  const spans = new Map<string, { from: number; to: number }>();
  for (const { rotation, shift } of entries) {
    const span = spans.get(rotation.timezone);
    const start = shift.start.getTime();
    const end = shift.end.getTime();
    if (span) {
      span.from = Math.min(span.from, start);
      span.to = Math.max(span.to, end);
    } else spans.set(rotation.timezone, { from: start, to: end });
  }
  return ical({
    prodId: CALENDAR_PRODID.slice(1),
    name,
    description,
    // An empty name keeps DTSTAMP in UTC while still letting the generator add each event's zone.
    timezone: { name: '', generator: (zone) => (spans.has(zone) ? vtimezone(zone, spans.get(zone)!.from, spans.get(zone)!.to) : null) },
  });
}

function addEvent(calendar: ICalCalendar, entry: Entry, uidPrefix: string, stamp: Date, people: CalendarInput['people'], withPerson: boolean): void {
  const { rotation, shift } = entry;
  const zone = rotation.timezone;
  const personName = people.get(shift.person)?.name ?? shift.person;
  const description = [
    `Rotation: ${rotation.name} (${rotation.id})`,
    `Tier: ${entry.tierName}${entry.response ? `, respond within ${describeDuration(entry.response)}` : ''}`,
    `On call: ${personName} (${shift.person})`,
    ...(shift.source === 'override' ? [`Override: ${shift.reason ?? ''}`] : []),
  ].join('\n');
  // Clients disagree on which occurrence a repeated local time (a fall-back overlap) means, so an
  // event starting or ending at one is written in UTC; every other event keeps its TZID local times.
  const repeated = isRepeatedWallTime(shift.start, zone) || isRepeatedWallTime(shift.end, zone);
  const lines = repeated
    ? [...description.split('\n'), `Local times (${zone}): ${isoInZone(shift.start, zone)} to ${isoInZone(shift.end, zone)}; written in UTC because the clocks go back at one of them.`]
    : [description];
  calendar.createEvent({
    id: `${uidPrefix}-${rotation.id}-${shift.tier}-${compact(shift.start)}@${UID_DOMAIN}`,
    start: DateTime.fromJSDate(shift.start, { zone: repeated ? 'utc' : zone }),
    end: DateTime.fromJSDate(shift.end, { zone: repeated ? 'utc' : zone }),
    ...(repeated ? {} : { timezone: zone }),
    stamp: DateTime.fromJSDate(stamp, { zone: 'utc' }),
    summary: `${rotation.id} ${shift.tier} on-call${withPerson ? `: ${personName}` : ''}`,
    description: lines.join('\n'),
  });
}

const byStart = (a: Entry, b: Entry) =>
  a.shift.start.getTime() - b.shift.start.getTime() || (a.rotation.id < b.rotation.id ? -1 : a.rotation.id > b.rotation.id ? 1 : 0) || a.tierIndex - b.tierIndex;

/** Everyone named in a rotation (participants and override people): each gets a calendar, even if empty. */
function namedPeople(rotation: Rotation): string[] {
  return peopleNamedIn(rotation);
}

/**
 * Renders the calendars for every shift overlapping [from, to): `rotations/<id>.ics` with every
 * tier's shifts, and `people/<id>.ics` with every shift a person holds across all rotations.
 */
export function renderCalendars(input: CalendarInput): CalendarFiles {
  const files: CalendarFiles = new Map();
  const byPerson = new Map<string, Entry[]>();
  for (const rotation of input.rotations) for (const person of namedPeople(rotation)) if (!byPerson.has(person)) byPerson.set(person, []);

  for (const rotation of input.rotations) {
    const entries: Entry[] = expandRotation(rotation, input.from, input.to).map((shift) => {
      const tierIndex = rotation.tiers.findIndex((t) => t.id === shift.tier);
      const tier = rotation.tiers[tierIndex]!;
      return { rotation, tierName: tier.name, tierIndex, ...(tier.response ? { response: tier.response } : {}), shift };
    });
    entries.sort(byStart);
    const calendar = newCalendar(`${rotation.name}`, `On-call shifts of rotation ${rotation.id}, all tiers (${rotation.timezone}).`, entries);
    for (const entry of entries) {
      addEvent(calendar, entry, 'rotation', input.from, input.people, true);
      const own = byPerson.get(entry.shift.person);
      if (own) own.push(entry);
      else byPerson.set(entry.shift.person, [entry]);
    }
    files.set(`rotations/${rotation.id}.ics`, `${calendar.toString()}\r\n`);
  }

  for (const person of [...byPerson.keys()].sort()) {
    const entries = byPerson.get(person)!.sort(byStart);
    const name = input.people.get(person)?.name ?? person;
    const calendar = newCalendar(`On call: ${name}`, `Every on-call shift of ${name} (${person}) across all rotations.`, entries);
    for (const entry of entries) addEvent(calendar, entry, `person-${person}`, input.from, input.people, false);
    files.set(`people/${person}.ics`, `${calendar.toString()}\r\n`);
  }
  return files;
}
