/**
 * Tiers covered by several layers: follow-the-sun, day and night, weekday-only layers, each with
 * its own zone, hand-off and restrictions; and the fairness rule for restricted layers.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expandRotation, expandRotationLocated } from '../../scripts/schedule/expand.ts';
import { onCallAt } from '../../scripts/schedule/on-call.ts';
import { shiftsOnwards } from '../../scripts/schedule/onwards.ts';
import type { LayerData } from '../../scripts/schedule/layers.ts';
import { rotation, type Rotation } from './helpers.ts';

type Tier = Rotation['tiers'][number];

const layered = (layers: LayerData[], extra: Partial<Tier> = {}): Rotation =>
  rotation({ tiers: [{ id: 'primary', name: 'Primary', coverage: 'always', layers: layers as [LayerData, ...LayerData[]], ...extra }] });

const local = (shifts: readonly { person: string; start: Date; end: Date; layer?: string }[], zone = 'Europe/Berlin') =>
  shifts.map((s) => [
    s.layer ?? '',
    s.person,
    DateTime.fromJSDate(s.start, { zone }).toFormat('ccc dd/LL HH:mm', { locale: 'en-GB' }),
    DateTime.fromJSDate(s.end, { zone }).toFormat('ccc dd/LL HH:mm', { locale: 'en-GB' }),
  ]);

describe('day and night layers in one zone', () => {
  const r = layered([
    { id: 'day', timezone: 'Europe/Berlin', cadence: { unit: 'week' }, handoff: { weekday: 'monday', time: '08:00' }, restrictions: [{ from: '08:00', to: '20:00' }], rosters: [{ from: '2026-01-05', participants: ['ana', 'ben'] }] },
    { id: 'night', timezone: 'Europe/Berlin', cadence: { unit: 'week' }, handoff: { weekday: 'monday', time: '20:00' }, restrictions: [{ from: '20:00', to: '08:00' }], rosters: [{ from: '2026-01-05', participants: ['cai', 'dee'] }] },
  ]);

  it('gives each layer its windows, and together they cover every instant', () => {
    const shifts = expandRotation(r, new Date('2026-01-06T06:00:00Z'), new Date('2026-01-07T06:00:00Z'));
    expect(local(shifts)).toEqual([
      ['night', 'cai', 'Mon 05/01 20:00', 'Tue 06/01 08:00'],
      ['day', 'ana', 'Tue 06/01 08:00', 'Tue 06/01 20:00'],
      ['night', 'cai', 'Tue 06/01 20:00', 'Wed 07/01 08:00'],
    ]);
  });

  it('names the layer in the shifts and in the located path', () => {
    const [shift] = expandRotationLocated(r, new Date('2026-01-06T12:00:00Z'), new Date('2026-01-06T12:00:01Z'));
    expect(shift).toMatchObject({ person: 'ana', layer: 'day', path: ['tiers', 0, 'layers', 0, 'rosters', 0, 'participants', 0] });
  });

  it('keeps the wall-clock windows across a DST change (the night of 28-29 March is an hour shorter)', () => {
    const shifts = expandRotation(r, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-29T12:00:00Z')).filter((s) => s.layer === 'night');
    expect(shifts.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([['2026-03-28T19:00:00.000Z', '2026-03-29T06:00:00.000Z']]);
  });
});

describe('follow-the-sun across zones', () => {
  // Sydney is the base layer around the clock; Berlin holds the tier 09:00-21:00 Berlin time on top of it.
  const r = layered([
    { id: 'sydney', timezone: 'Australia/Sydney', handoff: { weekday: 'monday', time: '09:00' }, rosters: [{ from: '2026-01-05', participants: ['ava', 'bo'] }] },
    { id: 'berlin', timezone: 'Europe/Berlin', restrictions: [{ from: '09:00', to: '21:00' }], on_top: true, rosters: [{ from: '2026-01-05', participants: ['ana', 'ben'] }] },
  ]);

  it('hands off each layer in its own zone and leaves no gap', () => {
    // Monday 5 January 2026: Sydney hands off at 09:00 AEDT (Sunday 23:00 Berlin), Berlin at 09:00 CET.
    const shifts = expandRotation(r, new Date('2026-01-04T21:00:00Z'), new Date('2026-01-06T09:00:00Z'));
    expect(local(shifts)).toEqual([
      ['sydney', 'ava', 'Sun 04/01 23:00', 'Mon 05/01 09:00'],
      ['berlin', 'ana', 'Mon 05/01 09:00', 'Mon 05/01 21:00'],
      ['sydney', 'ava', 'Mon 05/01 21:00', 'Tue 06/01 09:00'],
      ['berlin', 'ana', 'Tue 06/01 09:00', 'Tue 06/01 21:00'],
    ]);
    expect(onCallAt(r, new Date('2026-01-05T22:30:00Z'))).toMatchObject([{ person: 'ava', layer: 'sydney' }]);
  });
});

describe('fair turns on restricted layers', () => {
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as ['monday', ...('tuesday' | 'wednesday' | 'thursday' | 'friday')[]];
  const seven = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
  const daily = (emptyShifts?: 'skip' | 'take-turn') =>
    layered([
      {
        id: 'weekdays',
        cadence: { unit: 'day' },
        handoff: { time: '09:00' },
        restrictions: [{ from: '09:00', to: '17:00', days: weekdays }],
        ...(emptyShifts ? { empty_shifts: emptyShifts } : {}),
        rosters: [{ from: '2026-01-05', participants: seven as [string, ...string[]] }],
      },
    ], { coverage: 'business-hours' });
  const daysPerPerson = (r: Rotation) => {
    const counts = new Map<string, number>();
    for (const s of expandRotation(r, new Date('2026-01-05T00:00:00Z'), new Date('2026-02-23T00:00:00Z'))) counts.set(s.person, (counts.get(s.person) ?? 0) + 1);
    return Object.fromEntries([...counts].sort());
  };

  it('skips shifts without on-call time, so seven people share a weekday-only daily layer evenly', () => {
    // Seven weeks, 35 weekdays: five each, and the turn order runs on across weekends.
    expect(daysPerPerson(daily())).toEqual({ p1: 5, p2: 5, p3: 5, p4: 5, p5: 5, p6: 5, p7: 5 });
    const firstTwoWeeks = expandRotation(daily(), new Date('2026-01-05T00:00:00Z'), new Date('2026-01-17T00:00:00Z')).map((s) => s.person);
    expect(firstTwoWeeks).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p1', 'p2', 'p3']);
  });

  it('with empty_shifts: take-turn, the weekend turns are used up, as PagerDuty does, and two people never serve', () => {
    expect(daysPerPerson(daily('take-turn'))).toEqual({ p1: 7, p2: 7, p3: 7, p4: 7, p5: 7 });
  });

  it('finds the same person for an instant whatever window it is asked from (turns are counted by arithmetic)', () => {
    const r = daily();
    const at = new Date('2026-06-17T10:00:00Z');
    const direct = onCallAt(r, at)[0]!.person;
    const fromStart = expandRotation(r, new Date('2026-01-05T00:00:00Z'), new Date('2026-06-18T00:00:00Z')).find((s) => s.start <= at && at < s.end)!.person;
    expect(direct).toBe(fromStart);
  });

  it('continues the turn order when a new list takes effect, counting only turns given', () => {
    const r = layered([
      {
        id: 'weekdays',
        cadence: { unit: 'day' },
        handoff: { time: '09:00' },
        restrictions: [{ from: '09:00', to: '17:00', days: weekdays }],
        rosters: [
          { from: '2026-01-05', participants: ['p1', 'p2', 'p3'] },
          // Saturday: the last turn under the old list was Friday's (p2), so p3 goes on Monday.
          { from: '2026-01-10', participants: ['p1', 'p2', 'p3', 'p4'] },
        ],
      },
    ], { coverage: 'business-hours' });
    const people = expandRotation(r, new Date('2026-01-05T00:00:00Z'), new Date('2026-01-17T00:00:00Z')).map((s) => s.person);
    expect(people).toEqual(['p1', 'p2', 'p3', 'p1', 'p2', 'p3', 'p4', 'p1', 'p2', 'p3']);
  });

  it('reaches every participant of a restricted layer when looking onwards', () => {
    const people = new Set(shiftsOnwards(daily(), new Date('2026-03-01T00:00:00Z')).map((s) => s.person));
    expect([...people].sort()).toEqual(seven);
  });
});

describe('weekly windows and overlapping layers', () => {
  it('a weekly window covers the weekend from Friday evening to Monday morning', () => {
    const r = layered([
      { id: 'weekend', restrictions: [{ from: 'friday 18:00', to: 'monday 09:00' }], rosters: [{ from: '2026-01-05', participants: ['ana', 'ben'] }] },
    ]);
    expect(local(expandRotation(r, new Date('2026-01-05T00:00:00Z'), new Date('2026-01-19T00:00:00Z')))).toEqual([
      ['weekend', 'ana', 'Fri 09/01 18:00', 'Mon 12/01 09:00'],
      ['weekend', 'ben', 'Fri 16/01 18:00', 'Mon 19/01 09:00'],
    ]);
  });

  it('a later layer holds the tier where it overlaps an earlier one', () => {
    const r = layered([
      { id: 'base', rosters: [{ from: '2026-01-05', participants: ['ana'] }] },
      { id: 'evenings', restrictions: [{ from: '18:00', to: '22:00', days: ['tuesday'] }], rosters: [{ from: '2026-01-05', participants: ['ben'] }] },
    ]);
    expect(local(expandRotation(r, new Date('2026-01-06T12:00:00Z'), new Date('2026-01-06T23:00:00Z')))).toEqual([
      ['base', 'ana', 'Mon 05/01 09:00', 'Tue 06/01 18:00'],
      ['evenings', 'ben', 'Tue 06/01 18:00', 'Tue 06/01 22:00'],
      ['base', 'ana', 'Tue 06/01 22:00', 'Mon 12/01 09:00'],
    ]);
  });
});
