import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { expandRotation } from '../../scripts/schedule/expand.ts';
import { CALENDAR_PRODID, previousEvents, renderCalendars } from '../../scripts/schedule/ical.ts';
import { rotation, tier } from './helpers.ts';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  tzid: string | null;
}

/** Parses a calendar with ical.js, an independent implementation, resolving TZIDs by the file's VTIMEZONEs. */
function parse(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      tzid: component.getFirstProperty('dtstart')!.getParameter('tzid') as string | null,
    };
  });
  return { calendar, events };
}

afterEach(() => ICAL.TimezoneService.reset());

const people = new Map([
  ['ana', { name: 'Ana Alves' }],
  ['ben', { name: 'Ben Brandt' }],
]);

describe('renderCalendars', () => {
  it.each([
    ['Europe/Berlin', '09:00'],
    ['America/New_York', '09:00'],
    ['Australia/Sydney', '09:00'],
    ['Asia/Kolkata', '09:00'],
    ['Europe/Berlin', '02:30'],
    ['America/New_York', '01:30'],
    ['Australia/Sydney', '02:30'],
  ])('%s hand-offs at %s: ical.js reads exactly the engine shifts through a whole year of DST changes', (zone, time) => {
    const r = rotation({
      timezone: zone,
      handoff: { weekday: 'sunday', time },
      start: '2026-01-04',
      tiers: [tier('primary', ['ana', 'ben'], { rosters: [{ from: '2026-01-04', participants: ['ana', 'ben'] }] })],
      overrides: [{ tier: 'primary', person: 'ben', start: '2026-10-24T18:00:00Z', end: '2026-10-25T12:00:00Z', reason: 'Ana away' }],
    });
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2027-01-01T00:00:00Z');
    const files = renderCalendars({ rotations: [r], people, from, to });
    const { events } = parse(files.get('rotations/test.ics')!);
    const shifts = expandRotation(r, from, to);
    expect(events.map((e) => [e.start.toISOString(), e.end.toISOString()])).toEqual(
      [...shifts].sort((a, b) => a.start.getTime() - b.start.getTime()).map((s) => [s.start.toISOString(), s.end.toISOString()]),
    );
    // Local semantics: every event whose times are unambiguous carries the rotation's TZID.
    expect(events.filter((e) => e.tzid === zone).length).toBeGreaterThanOrEqual(events.length - 4);
  });

  it('writes one calendar per rotation and one per person, with summaries people recognise', () => {
    const r = rotation({ tiers: [tier('primary', ['ana', 'ben']), tier('secondary', ['ben', 'ana'])] });
    const files = renderCalendars({ rotations: [r], people, from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-01-19T00:00:00Z') });
    expect([...files.keys()]).toEqual(['rotations/test.ics', 'people/ana.ics', 'people/ben.ics']);
    const rotationEvents = parse(files.get('rotations/test.ics')!).events;
    expect(rotationEvents.map((e) => e.summary)).toEqual([
      'test primary on-call: Ana Alves',
      'test secondary on-call: Ben Brandt',
      'test primary on-call: Ben Brandt',
      'test secondary on-call: Ana Alves',
    ]);
    const ana = parse(files.get('people/ana.ics')!).events;
    expect(ana.map((e) => [e.summary, e.start.toISOString(), e.end.toISOString()])).toEqual([
      ['test primary on-call', '2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z'],
      ['test secondary on-call', '2026-01-12T08:00:00.000Z', '2026-01-19T08:00:00.000Z'],
    ]);
    expect(new Set([...rotationEvents, ...ana].map((e) => e.uid)).size).toBe(6);
  });

  it('is byte-identical for the same data and window, with UIDs that do not depend on the run', () => {
    const input = { rotations: [rotation()], people, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') };
    const first = renderCalendars(input);
    const second = renderCalendars({ ...input, rotations: [rotation()] });
    expect([...second]).toEqual([...first]);
    const text = first.get('rotations/test.ics')!;
    expect(text.startsWith(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:${CALENDAR_PRODID}\r\n`)).toBe(true);
    expect(text).toContain('UID:rotation-test-primary-20260105T080000Z@oncall-as-code\r\n');
    expect(text).toContain('DTSTAMP:20260101T000000Z\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260105T090000\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes an event that starts at a repeated local time in UTC, so no client can pick the other occurrence', () => {
    const r = rotation({ handoff: { weekday: 'sunday', time: '02:30' }, start: '2026-01-04' });
    const text = renderCalendars({ rotations: [r], people, from: new Date('2026-10-20T00:00:00Z'), to: new Date('2026-11-05T00:00:00Z') }).get('rotations/test.ics')!;
    const unfolded = text.replace(/\r\n /g, '');
    const times = unfolded.slice(unfolded.indexOf('BEGIN:VEVENT')).split('\r\n').filter((line) => /^DT(START|END)/.test(line));
    expect(times).toEqual([
      'DTSTART:20261018T003000Z',
      'DTEND:20261025T003000Z',
      'DTSTART:20261025T003000Z',
      'DTEND:20261101T013000Z',
      'DTSTART;TZID=Europe/Berlin:20261101T023000',
      'DTEND;TZID=Europe/Berlin:20261108T023000',
    ]);
    expect(unfolded).toContain('Local times (Europe/Berlin): 2026-10-25T02:30:00+02:00 to 2026-11-01T02:30:00+01:00');
  });
});

describe('calendar details clients trip on', () => {
  const from = new Date('2026-01-05T00:00:00Z');
  const to = new Date('2026-01-19T00:00:00Z');
  const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '');

  it('escapes the calendar name and description as TEXT, so a comma does not cut the name', () => {
    const r = rotation({ name: 'Ingestion, EU; night' });
    const text = renderCalendars({ rotations: [r], people, from, to }).get('rotations/test.ics')!;
    expect(unfolded(text)).toContain('\r\nNAME:Ingestion\\, EU\\; night\r\n');
    expect(unfolded(text)).toContain('\r\nX-WR-CALNAME:Ingestion\\, EU\\; night\r\n');
    // NAME is TEXT (RFC 7986), and clients read X-WR-CALNAME and X-WR-CALDESC as TEXT too (vobject,
    // Apple, Google); ical.js does not know them, so it is told.
    const properties = ICAL.design.defaultSet.property as Record<string, { defaultType: string } | undefined>;
    for (const name of ['name', 'x-wr-calname', 'x-wr-caldesc']) properties[name] = { defaultType: 'text' };
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const name of ['name', 'x-wr-calname', 'x-wr-caldesc']) delete properties[name];
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Ingestion, EU; night');
    expect(calendar.getFirstPropertyValue('name')).toBe('Ingestion, EU; night');
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('On-call shifts of rotation test, all tiers (Europe/Berlin).');
  });

  it('keeps SEQUENCE for unchanged events and bumps it for an event whose person changed, byte-identically on re-runs', () => {
    const before = renderCalendars({ rotations: [rotation()], people, from, to }).get('rotations/test.ics')!;
    expect(before).toContain('SEQUENCE:0\r\n');
    // Ben takes Ana's first week: same UID (same start), another person.
    const changed = rotation({ overrides: [{ tier: 'primary', person: 'ben', start: '2026-01-05T09:00:00+01:00', end: '2026-01-12T09:00:00+01:00', reason: 'Swap' }] });
    const previous = previousEvents(before);
    const after = renderCalendars({ rotations: [changed], people, from, to, previous }).get('rotations/test.ics')!;
    const events = parse(after).calendar.getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('sequence'), v.getFirstPropertyValue('summary')]);
    expect(events).toEqual([
      ['rotation-test-primary-20260105T080000Z@oncall-as-code', 1, 'test primary on-call: Ben Brandt'],
      ['rotation-test-primary-20260112T080000Z@oncall-as-code', 0, 'test primary on-call: Ben Brandt'],
    ]);
    // A re-run from the calendar just written changes nothing, byte for byte.
    const again = renderCalendars({ rotations: [changed], people, from, to, previous: previousEvents(after) }).get('rotations/test.ics')!;
    expect(again).toBe(after);
    // And a change back is a change too: the number only grows.
    const back = renderCalendars({ rotations: [rotation()], people, from, to, previous: previousEvents(after) }).get('rotations/test.ics')!;
    expect(parse(back).calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('sequence'))).toEqual([2, 0]);
  });

  it('shows a business-hours tier as its business-hours blocks, holidays left out', () => {
    const r = rotation({ tiers: [tier('owner', ['ana'], { coverage: 'business-hours' })] });
    const businessHours = { zone: 'Europe/Berlin', weekdays: new Set([1, 2, 3, 4, 5]), startMinute: 540, endMinute: 1020, holidays: new Set(['2026-01-06']) };
    const { events } = parse(renderCalendars({ rotations: [r], people, businessHours, from, to: new Date('2026-01-10T00:00:00Z') }).get('rotations/test.ics')!);
    expect(events.map((e) => [e.start.toISOString(), e.end.toISOString()])).toEqual([
      ['2026-01-05T08:00:00.000Z', '2026-01-05T16:00:00.000Z'],
      ['2026-01-07T08:00:00.000Z', '2026-01-07T16:00:00.000Z'],
      ['2026-01-08T08:00:00.000Z', '2026-01-08T16:00:00.000Z'],
      ['2026-01-09T08:00:00.000Z', '2026-01-09T16:00:00.000Z'],
    ]);
  });

  it('puts a person\'s time off in their calendar, all day for dates, and never a private reason', () => {
    const withTimeOff = new Map([
      ['ana', { name: 'Ana Alves', timezone: 'Europe/Berlin', time_off: [{ from: '2026-01-07', to: '2026-01-08', reason: 'Skiing' }, { from: '2026-01-15T13:00:00+01:00', to: '2026-01-16T09:00:00+01:00', reason: 'Clinic', private: true }] }],
      ['ben', { name: 'Ben Brandt' }],
    ]);
    const text = renderCalendars({ rotations: [rotation({ tiers: [tier('primary', ['ana', 'ben'])] })], people: withTimeOff, from, to }).get('people/ana.ics')!;
    expect(unfolded(text)).toContain('DTSTART;VALUE=DATE:20260107\r\nDTEND;VALUE=DATE:20260109\r\n');
    const away = parse(text).calendar.getAllSubcomponents('vevent').filter((v) => v.getFirstPropertyValue('summary') === 'Time off');
    expect(away.map((v) => [String(v.getFirstPropertyValue('dtstart')), v.getFirstPropertyValue('description')])).toEqual([
      ['2026-01-07', 'Skiing'],
      ['2026-01-15T12:00:00Z', 'Time off (policy/people.yaml)'],
    ]);
    expect(text).not.toContain('Clinic');
  });
});
