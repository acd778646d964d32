/**
 * iCalendar files people subscribe to: one per rotation and one per person. Pure: shifts in, file
 * contents out. Events carry the rotation's TZID and start and end at the local hand-off, so a week
 * across a DST change is 167 or 169 hours in every client; a business-hours tier appears as its
 * business-hours blocks and a restricted layer as its windows, because that is when someone is on
 * call. Person calendars also show the person's time off (never a private reason).
 *
 * Output is byte-identical for the same data, window and previous files: UIDs derive from rotation,
 * tier and start, DTSTAMP is the window's start rather than the clock, and SEQUENCE comes from the
 * previous version of the event (the calendar written last time): the same content keeps its
 * number, changed content (another person, another end) gets the next one, so clients that already
 * imported the event take the change.
 */
import ical, { escape, ICalEventTransparency, type ICalCalendar, type ICalEvent } from 'ical-generator';
import { DateTime } from 'luxon';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { BusinessCalendar } from '../time/business-time.ts';
import { describeDuration } from '../util/duration.ts';
import { onCallIntervals } from './business-hours.ts';
import { expandRotation } from './expand.ts';
import { peopleNamedIn } from './layers.ts';
import { isRepeatedWallTime, isoInZone } from './local-time.ts';
import { timeOffOf } from './time-off.ts';
import type { Shift } from './types.ts';
import { vtimezone } from './vtimezone.ts';

type Rotation = SchemaTypes['rotation'];

/** The PRODID of every calendar this tool writes; a file without it is not ours to replace. */
export const CALENDAR_PRODID = '-//oncall-as-code//calendar//EN';

/** UID domain, so UIDs are globally unique as RFC 5545 asks. */
const UID_DOMAIN = 'oncall-as-code';

export interface CalendarInput {
  rotations: readonly Rotation[];
  people: ReadonlyMap<string, { name: string; timezone?: string; time_off?: SchemaTypes['people']['people'][number]['time_off'] }>;
  /** The organisation's business hours: business-hours tiers appear as these blocks. */
  businessHours?: BusinessCalendar;
  /** The events of the calendars written last time, by UID (see previousEvents). */
  previous?: ReadonlyMap<string, PreviousEvent>;
  from: Date;
  to: Date;
}

/** An event as last written: its SEQUENCE and its content (every line but DTSTAMP and SEQUENCE). */
export interface PreviousEvent {
  sequence: number;
  content: string;
}

/** Calendar files by path relative to the output folder: `rotations/<id>.ics`, `people/<id>.ics`. */
export type CalendarFiles = Map<string, string>;

interface Entry {
  rotation: Rotation;
  tierName: string;
  tierIndex: number;
  response?: string;
  /** A business-hours tier: the event is one business-hours block. */
  businessHours: boolean;
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
    // ical-generator writes NAME, X-WR-CALNAME and X-WR-CALDESC as given: escaped as TEXT here, so a
    // comma or semicolon in a name does not cut it short in clients that read the value as a list.
    name: escape(name, false),
    description: escape(description, false),
    // An empty name keeps DTSTAMP in UTC while still letting the generator add each event's zone.
    timezone: { name: '', generator: (zone) => (spans.has(zone) ? vtimezone(zone, spans.get(zone)!.from, spans.get(zone)!.to) : null) },
  });
}

/** The lines of an event that carry its content: everything but DTSTAMP and SEQUENCE, unfolded. */
function contentOf(eventText: string): string {
  return eventText
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '' && !/^(DTSTAMP|SEQUENCE)[:;]/.test(line))
    .join('\n');
}

/**
 * SEQUENCE for an event: the previous number when the content is as it was, the next one when it
 * changed (RFC 5545: a client keeps the version with the highest SEQUENCE), 0 for a new event.
 */
function sequenceFor(event: ICalEvent, previous: CalendarInput['previous']): void {
  const before = previous?.get(event.id());
  if (!before) return;
  event.sequence(before.sequence);
  if (contentOf(event.toString()) !== before.content) event.sequence(before.sequence + 1);
}

/** The events of a calendar this tool wrote, by UID, to number the next version's SEQUENCE from. */
export function previousEvents(text: string): Map<string, PreviousEvent> {
  const out = new Map<string, PreviousEvent>();
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  for (const block of unfolded.split('BEGIN:VEVENT\r\n').slice(1)) {
    const body = block.slice(0, block.indexOf('END:VEVENT'));
    const uid = /^UID:(.*)$/m.exec(body)?.[1]?.trim();
    const sequence = Number(/^SEQUENCE:([0-9]+)/m.exec(body)?.[1] ?? '0');
    if (uid) out.set(uid, { sequence, content: contentOf(`BEGIN:VEVENT\r\n${body}END:VEVENT\r\n`) });
  }
  return out;
}

function addEvent(calendar: ICalCalendar, entry: Entry, uidPrefix: string, stamp: Date, input: CalendarInput, withPerson: boolean): void {
  const { people } = input;
  const { rotation, shift } = entry;
  const zone = rotation.timezone;
  const personName = people.get(shift.person)?.name ?? shift.person;
  const description = [
    `Rotation: ${rotation.name} (${rotation.id})`,
    `Tier: ${entry.tierName}${entry.response ? `, respond within ${describeDuration(entry.response)}` : ''}`,
    ...(shift.layer !== undefined ? [`Layer: ${shift.layer}`] : []),
    `On call: ${personName} (${shift.person})`,
    ...(shift.source === 'override' ? [`Override: ${shift.reason ?? ''}`] : []),
    ...(entry.businessHours ? ['Business hours only; by arrangement outside them.'] : []),
  ].join('\n');
  // Clients disagree on which occurrence a repeated local time (a fall-back overlap) means, so an
  // event starting or ending at one is written in UTC; every other event keeps its TZID local times.
  const repeated = isRepeatedWallTime(shift.start, zone) || isRepeatedWallTime(shift.end, zone);
  const lines = repeated
    ? [...description.split('\n'), `Local times (${zone}): ${isoInZone(shift.start, zone)} to ${isoInZone(shift.end, zone)}; written in UTC because the clocks go back at one of them.`]
    : [description];
  const event = calendar.createEvent({
    id: `${uidPrefix}-${rotation.id}-${shift.tier}-${compact(shift.start)}@${UID_DOMAIN}`,
    start: DateTime.fromJSDate(shift.start, { zone: repeated ? 'utc' : zone }),
    end: DateTime.fromJSDate(shift.end, { zone: repeated ? 'utc' : zone }),
    ...(repeated ? {} : { timezone: zone }),
    stamp: DateTime.fromJSDate(stamp, { zone: 'utc' }),
    summary: `${rotation.id} ${shift.tier} on-call${shift.layer !== undefined ? ` (${shift.layer})` : ''}${withPerson ? `: ${personName}` : ''}`,
    description: lines.join('\n'),
  });
  sequenceFor(event, input.previous);
}

/** A person's time off as events of their calendar: all-day for dates, timed for instants. */
function addTimeOff(calendar: ICalCalendar, person: string, input: CalendarInput): void {
  const data = input.people.get(person);
  if (!data?.timezone || !data.time_off) return;
  for (const entry of timeOffOf({ id: person, timezone: data.timezone, time_off: data.time_off })) {
    if (!(entry.start < input.to.getTime() && entry.end > input.from.getTime())) continue;
    const allDay = DATE.test(entry.from) && DATE.test(entry.to);
    const event = calendar.createEvent({
      id: `person-${person}-time-off-${compact(new Date(entry.start))}@${UID_DOMAIN}`,
      // Instants in UTC: the calendar need not carry the person's zone for them.
      start: allDay ? DateTime.fromISO(entry.from, { zone: 'utc' }) : DateTime.fromMillis(entry.start, { zone: 'utc' }),
      end: allDay ? DateTime.fromISO(entry.to, { zone: 'utc' }).plus({ days: 1 }) : DateTime.fromMillis(entry.end, { zone: 'utc' }),
      ...(allDay ? { allDay: true } : {}),
      stamp: DateTime.fromJSDate(input.from, { zone: 'utc' }),
      summary: 'Time off',
      description: entry.reason ?? 'Time off (policy/people.yaml)',
      transparency: ICalEventTransparency.TRANSPARENT,
    });
    sequenceFor(event, input.previous);
  }
}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

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
    const entries: Entry[] = expandRotation(rotation, input.from, input.to).flatMap((shift) => {
      const tierIndex = rotation.tiers.findIndex((t) => t.id === shift.tier);
      const tier = rotation.tiers[tierIndex]!;
      const base = { rotation, tierName: tier.name, tierIndex, ...(tier.response ? { response: tier.response } : {}), businessHours: tier.coverage === 'business-hours' };
      if (tier.coverage === 'always' || !input.businessHours) return [{ ...base, shift }];
      return onCallIntervals({ start: shift.start.getTime(), end: shift.end.getTime() }, tier.coverage, input.businessHours)
        .filter((block) => block.start < input.to.getTime() && block.end > input.from.getTime())
        .map((block) => ({ ...base, shift: { ...shift, start: new Date(block.start), end: new Date(block.end) } }));
    });
    entries.sort(byStart);
    const calendar = newCalendar(`${rotation.name}`, `On-call shifts of rotation ${rotation.id}, all tiers (${rotation.timezone}).`, entries);
    for (const entry of entries) {
      addEvent(calendar, entry, 'rotation', input.from, input, true);
      const own = byPerson.get(entry.shift.person);
      if (own) own.push(entry);
      else byPerson.set(entry.shift.person, [entry]);
    }
    files.set(`rotations/${rotation.id}.ics`, `${calendar.toString()}\r\n`);
  }

  for (const person of [...byPerson.keys()].sort()) {
    const entries = byPerson.get(person)!.sort(byStart);
    const name = input.people.get(person)?.name ?? person;
    const calendar = newCalendar(`On call: ${name}`, `Every on-call shift of ${name} (${person}) across all rotations, and their time off.`, entries);
    for (const entry of entries) addEvent(calendar, entry, `person-${person}`, input.from, input, false);
    addTimeOff(calendar, person, input);
    files.set(`people/${person}.ics`, `${calendar.toString()}\r\n`);
  }
  return files;
}
