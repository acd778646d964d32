import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expandRotation } from '../../scripts/schedule/expand.ts';
import { wallClockInstant, isRepeatedWallTime } from '../../scripts/schedule/local-time.ts';
import { onCallAt } from '../../scripts/schedule/on-call.ts';
import { hours, rotation } from './helpers.ts';

/**
 * Weekly Monday 09:00 hand-offs across each zone's DST changes in 2026: the hand-off stays at 09:00
 * local, so the week containing a change lasts 167 or 169 hours.
 */
const mondayWeeks = [
  // zone, a Monday starting a DST week, its start and end in UTC, the week's length in hours
  { zone: 'Europe/Berlin', monday: '2026-03-23', start: '2026-03-23T08:00:00.000Z', end: '2026-03-30T07:00:00.000Z', length: 167 },
  { zone: 'Europe/Berlin', monday: '2026-10-19', start: '2026-10-19T07:00:00.000Z', end: '2026-10-26T08:00:00.000Z', length: 169 },
  { zone: 'America/New_York', monday: '2026-03-02', start: '2026-03-02T14:00:00.000Z', end: '2026-03-09T13:00:00.000Z', length: 167 },
  { zone: 'America/New_York', monday: '2026-10-26', start: '2026-10-26T13:00:00.000Z', end: '2026-11-02T14:00:00.000Z', length: 169 },
  // Southern hemisphere: clocks go back in April and forward in October.
  { zone: 'Australia/Sydney', monday: '2026-03-30', start: '2026-03-29T22:00:00.000Z', end: '2026-04-05T23:00:00.000Z', length: 169 },
  { zone: 'Australia/Sydney', monday: '2026-09-28', start: '2026-09-27T23:00:00.000Z', end: '2026-10-04T22:00:00.000Z', length: 167 },
  // Half-hour offset and no DST: every week is 168 hours, hand-off at 03:30 UTC.
  { zone: 'Asia/Kolkata', monday: '2026-03-23', start: '2026-03-23T03:30:00.000Z', end: '2026-03-30T03:30:00.000Z', length: 168 },
  { zone: 'Asia/Kolkata', monday: '2026-10-19', start: '2026-10-19T03:30:00.000Z', end: '2026-10-26T03:30:00.000Z', length: 168 },
];

describe('hand-offs at local wall-clock time across DST', () => {
  it.each(mondayWeeks)('$zone: the week of $monday lasts $length hours', ({ zone, monday, start, end, length }) => {
    const r = rotation({ timezone: zone });
    const mid = new Date(new Date(start).getTime() + 3 * 86_400_000);
    const [shift] = onCallAt(r, mid);
    expect(shift).toMatchObject({ start: new Date(start), end: new Date(end) });
    expect(hours(shift!)).toBe(length);
    // The shifts before and after are ordinary weeks that join it exactly.
    const around = expandRotation(r, new Date(new Date(start).getTime() - 1), new Date(new Date(end).getTime() + 1));
    expect(around.map((s) => s.start.toISOString())).toContain(start);
    for (let i = 1; i < around.length; i++) expect(around[i]!.start).toEqual(around[i - 1]!.end);
    const local = DateTime.fromJSDate(shift!.start, { zone });
    expect([local.toISODate(), local.weekday, local.toFormat('HH:mm')]).toEqual([monday, 1, '09:00']);
  });
});

/**
 * Sunday 02:30 hand-offs on the days the clocks change. The rule (RFC 5545 section 3.3.5): a time
 * that does not exist is read with the offset before the gap (so 02:30 becomes 03:30 new time); a
 * time that occurs twice means its first occurrence (still on summer time).
 */
const awkward = [
  { zone: 'Europe/Berlin', date: '2026-03-29', time: '02:30', kind: 'does not exist', utc: '2026-03-29T01:30:00.000Z', local: '2026-03-29T03:30:00.000+02:00' },
  { zone: 'Europe/Berlin', date: '2026-10-25', time: '02:30', kind: 'occurs twice', utc: '2026-10-25T00:30:00.000Z', local: '2026-10-25T02:30:00.000+02:00' },
  { zone: 'America/New_York', date: '2026-03-08', time: '02:30', kind: 'does not exist', utc: '2026-03-08T07:30:00.000Z', local: '2026-03-08T03:30:00.000-04:00' },
  { zone: 'America/New_York', date: '2026-11-01', time: '01:30', kind: 'occurs twice', utc: '2026-11-01T05:30:00.000Z', local: '2026-11-01T01:30:00.000-04:00' },
  { zone: 'Australia/Sydney', date: '2026-10-04', time: '02:30', kind: 'does not exist', utc: '2026-10-03T16:30:00.000Z', local: '2026-10-04T03:30:00.000+11:00' },
  { zone: 'Australia/Sydney', date: '2026-04-05', time: '02:30', kind: 'occurs twice', utc: '2026-04-04T15:30:00.000Z', local: '2026-04-05T02:30:00.000+11:00' },
];

describe('a hand-off time that does not exist or occurs twice', () => {
  it.each(awkward)('$zone $date $time $kind', ({ zone, date, time, kind, utc, local }) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    const instant = wallClockInstant({ year, month, day }, hour, minute, zone);
    expect(instant.toUTC().toISO()).toBe(utc);
    expect(instant.toISO()).toBe(local);
    expect(isRepeatedWallTime(instant.toMillis(), zone)).toBe(kind === 'occurs twice');

    // The same rule inside a rotation: a weekly Sunday hand-off on that day.
    const r = rotation({ timezone: zone, handoff: { weekday: 'sunday', time }, start: '2026-01-04' });
    const [shift] = onCallAt(r, new Date(new Date(utc).getTime() + 60_000));
    expect(shift!.start.toISOString()).toBe(utc);
    const [before] = onCallAt(r, new Date(new Date(utc).getTime() - 60_000));
    expect(before!.end.toISOString()).toBe(utc);
  });

  it('gives the weeks around a repeated Berlin 02:30 hand-off 168 and 169 hours', () => {
    const r = rotation({ handoff: { weekday: 'sunday', time: '02:30' }, start: '2026-01-04' });
    const shifts = expandRotation(r, new Date('2026-10-20T00:00:00Z'), new Date('2026-10-30T00:00:00Z'));
    expect(shifts.map((s) => [s.start.toISOString(), s.end.toISOString(), hours(s)])).toEqual([
      ['2026-10-18T00:30:00.000Z', '2026-10-25T00:30:00.000Z', 168],
      ['2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z', 169],
    ]);
  });

  it('gives the weeks around a missing Berlin 02:30 hand-off 168 and 167 hours', () => {
    const r = rotation({ handoff: { weekday: 'sunday', time: '02:30' }, start: '2026-01-04' });
    const shifts = expandRotation(r, new Date('2026-03-25T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
    expect(shifts.map((s) => [s.start.toISOString(), s.end.toISOString(), hours(s)])).toEqual([
      ['2026-03-22T01:30:00.000Z', '2026-03-29T01:30:00.000Z', 168],
      ['2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z', 167],
    ]);
  });

  it('keeps daily hand-offs at local time through a DST change (23- and 25-hour days)', () => {
    const r = rotation({ timezone: 'America/New_York', cadence: { unit: 'day' }, handoff: { time: '09:00' }, start: '2026-03-01' });
    const shifts = expandRotation(r, new Date('2026-03-07T15:00:00Z'), new Date('2026-03-09T15:00:00Z'));
    expect(shifts.map(hours)).toEqual([23, 24, 24]);
    expect(shifts.map((s) => [s.person, s.start.toISOString()])).toEqual([
      ['cai', '2026-03-07T14:00:00.000Z'],
      ['dee', '2026-03-08T13:00:00.000Z'],
      ['ana', '2026-03-09T13:00:00.000Z'],
    ]);
  });
});
