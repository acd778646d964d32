import { describe, expect, it } from 'vitest';
import { readTimeCell, timelineRowTimes } from '../../scripts/postmortems/timeline-table.ts';

describe('readTimeCell', () => {
  it.each([
    ['2026-10-14T09:42+02:00', { exact: Date.parse('2026-10-14T07:42:00Z') }],
    ['2026-10-14 09:42:30Z', { exact: Date.parse('2026-10-14T09:42:30Z') }],
    ['2019-12-04 00:30', { year: 2019, month: 12, day: 4, hour: 0, minute: 30, second: 0 }],
    ['2021-12-10   15:40', { year: 2021, month: 12, day: 10, hour: 15, minute: 40, second: 0 }],
    ['2026-10-29 02:14 CET', { year: 2026, month: 10, day: 29, hour: 2, minute: 14, second: 0 }],
    ['2021-12-17', { year: 2021, month: 12, day: 17 }],
    ['02:14', { hour: 2, minute: 14, second: 0 }],
    ['9:42 PM', { hour: 21, minute: 42, second: 0 }],
    ['12:05 am', { hour: 0, minute: 5, second: 0 }],
    ['Jan 14, 10:18 AM', { month: 1, day: 14, hour: 10, minute: 18, second: 0 }],
    ['14 January 2026 10:18', { day: 14, month: 1, year: 2026, hour: 10, minute: 18, second: 0 }],
    ['March 3rd', { month: 3, day: 3 }],
  ])('%j', (cell, parts) => {
    expect(readTimeCell(cell)).toEqual(parts);
  });

  it.each(['Day 1', 'T+5 min', 'Event', ''])('%j is no time', (cell) => {
    expect(readTimeCell(cell)).toBeUndefined();
  });
});

describe('timelineRowTimes', () => {
  const zone = 'Europe/Berlin';
  const day = Date.parse('2026-10-29T00:00:00+01:00');

  it('reads the time column of each table, skips code blocks, and positions each time', () => {
    const lines = ['', '| Event | When (CET) |', '| --- | --- |', '| alert | **02:14** |', '', '```', '| a | b |', '| - | - |', '| x | 01:00 |', '```', 'Some text.'];
    const rows = timelineRowTimes(lines, 40, zone, day);
    // Wall-clock times of the zone, as epoch milliseconds read as UTC.
    expect(rows).toEqual([{ from: Date.parse('2026-10-29T02:14:00Z'), to: Date.parse('2026-10-29T02:14:00Z'), text: '**02:14**', line: 43, column: 11 }]);
  });

  it('compares a time with an offset with the wall clock of the zone', () => {
    const lines = ['| Time | Event |', '|---|---|', '| 2026-10-29T01:10Z | a |', '| 02:05 | b |'];
    expect(timelineRowTimes(lines, 1, zone, day).map((r) => new Date(r.from).toISOString())).toEqual(['2026-10-29T02:10:00.000Z', '2026-10-29T02:05:00.000Z']);
  });

  it('gives the instant of a time written with the zone\'s name, which tells the repeated hour apart', () => {
    const lines = ['| Time | Event |', '|---|---|', '| 2026-10-25 02:58 CEST | a |', '| 2026-10-25 02:07 CET | b |', '| 02:30 | c |', '| 2026-10-25 02:10 PST | d |'];
    const rows = timelineRowTimes(lines, 1, zone, Date.parse('2026-10-25T00:00:00+02:00'));
    expect(rows.map((r) => (r.instant === undefined ? undefined : new Date(r.instant).toISOString()))).toEqual([
      '2026-10-25T00:58:00.000Z',
      '2026-10-25T01:07:00.000Z',
      undefined, // no zone name: the wall clock alone, which repeats
      undefined, // a name that is not Berlin's
    ]);
  });

  it('takes a time alone on the next day after a night, a year-less date in the incident year, and a date alone as its whole day', () => {
    const lines = ['| Time | Event |', '|---|---|', '| Dec 31, 11:50 PM | a |', '| 00:10 | b |', '| Jan 1 | c |'];
    const rows = timelineRowTimes(lines, 1, 'UTC', Date.parse('2026-12-31T00:00:00Z'));
    expect(rows.map((r) => [new Date(r.from).toISOString(), new Date(r.to).toISOString()])).toEqual([
      ['2026-12-31T23:50:00.000Z', '2026-12-31T23:50:00.000Z'],
      ['2027-01-01T00:10:00.000Z', '2027-01-01T00:10:00.000Z'],
      ['2027-01-01T00:00:00.000Z', '2027-01-01T23:59:59.999Z'],
    ]);
  });
});
