import { describe, expect, it } from 'vitest';
import { expandRotation, expandRotationLocated, firstHandoff } from '../../scripts/schedule/expand.ts';
import { onCallAt } from '../../scripts/schedule/on-call.ts';
import { rotation, rows, tier } from './helpers.ts';

const jan = (day: number, hour = 8) => new Date(Date.UTC(2026, 0, day, hour));

describe('expandRotation', () => {
  it('rotates weekly through the list from the first hand-off, tier by tier', () => {
    const r = rotation({ tiers: [tier('primary', ['ana', 'ben', 'cai']), tier('secondary', ['ana', 'ben', 'cai'], { rosters: [{ from: '2026-01-05', participants: ['ana', 'ben', 'cai'], offset: 1 }] })] });
    expect(rows(expandRotation(r, jan(5), jan(19)))).toEqual([
      ['primary', 'ana', '2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z'],
      ['primary', 'ben', '2026-01-12T08:00:00.000Z', '2026-01-19T08:00:00.000Z'],
      ['secondary', 'ben', '2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z'],
      ['secondary', 'cai', '2026-01-12T08:00:00.000Z', '2026-01-19T08:00:00.000Z'],
    ]);
  });

  it('returns whole shifts overlapping the window, not clipped ones, and nothing before the start', () => {
    const r = rotation();
    expect(rows(expandRotation(r, jan(1), jan(7)))).toEqual([['primary', 'ana', '2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z']]);
    expect(expandRotation(r, jan(1), jan(5))).toEqual([]);
    expect(expandRotation(r, jan(9), jan(9))).toEqual([]);
  });

  it('starts a weekly rotation on the first hand-off weekday on or after its start date', () => {
    const r = rotation({ start: '2026-01-01' }); // a Thursday
    expect(firstHandoff(r).toISOString()).toBe('2026-01-05T08:00:00.000Z');
  });

  it('hands off every N days', () => {
    const r = rotation({ cadence: { unit: 'day', every: 3 }, handoff: { time: '18:00' } });
    expect(rows(expandRotation(r, new Date('2026-01-05T17:00:00Z'), new Date('2026-01-11T17:00:01Z')))).toEqual([
      ['primary', 'ana', '2026-01-05T17:00:00.000Z', '2026-01-08T17:00:00.000Z'],
      ['primary', 'ben', '2026-01-08T17:00:00.000Z', '2026-01-11T17:00:00.000Z'],
      ['primary', 'cai', '2026-01-11T17:00:00.000Z', '2026-01-14T17:00:00.000Z'],
    ]);
  });

  it('answers about one instant the same way for a rotation that began a century ago (shift index by arithmetic)', () => {
    const old = rotation({ start: '1926-01-04', tiers: [tier('primary', ['ana', 'ben', 'cai'], { rosters: [{ from: '1926-01-04', participants: ['ana', 'ben', 'cai'] }] })] });
    const weeks = Math.round((Date.UTC(2026, 0, 5) - Date.UTC(1926, 0, 4)) / (7 * 86_400_000));
    const [shift] = onCallAt(old, new Date('2026-01-07T12:00:00Z'));
    expect(shift!.person).toBe(['ana', 'ben', 'cai'][weeks % 3]);
    expect(shift!.start.toISOString()).toBe('2026-01-05T08:00:00.000Z');
    expect(expandRotation(old, jan(1), new Date('2026-02-01T00:00:00Z'))).toHaveLength(5);
  });
});

describe('overrides', () => {
  it('win over the roster and split the shift they fall in, even across a hand-off', () => {
    const r = rotation({
      overrides: [{ tier: 'primary', person: 'eve', start: '2026-01-10T18:00:00+01:00', end: '2026-01-13T09:00:00+01:00', reason: 'Ana and Ben at the offsite' }],
    });
    const shifts = expandRotation(r, jan(5), jan(19));
    expect(rows(shifts)).toEqual([
      ['primary', 'ana', '2026-01-05T08:00:00.000Z', '2026-01-10T17:00:00.000Z'],
      ['primary', 'eve', '2026-01-10T17:00:00.000Z', '2026-01-13T08:00:00.000Z'],
      ['primary', 'ben', '2026-01-13T08:00:00.000Z', '2026-01-19T08:00:00.000Z'],
    ]);
    expect(shifts[1]).toMatchObject({ source: 'override', reason: 'Ana and Ben at the offsite' });
    expect(shifts[0]!.source).toBe('roster');
    expect(shifts[0]).not.toHaveProperty('reason');
    expect(onCallAt(r, new Date('2026-01-12T08:30:00Z')).map((s) => s.person)).toEqual(['eve']);
  });

  it('give the later entry the time where two overlap (override-overlap reports it)', () => {
    const r = rotation({
      overrides: [
        { tier: 'primary', person: 'eve', start: '2026-01-06T09:00:00+01:00', end: '2026-01-08T09:00:00+01:00', reason: 'first' },
        { tier: 'primary', person: 'fay', start: '2026-01-07T09:00:00+01:00', end: '2026-01-09T09:00:00+01:00', reason: 'second' },
      ],
    });
    expect(rows(expandRotation(r, jan(5), jan(12)))).toEqual([
      ['primary', 'ana', '2026-01-05T08:00:00.000Z', '2026-01-06T08:00:00.000Z'],
      ['primary', 'eve', '2026-01-06T08:00:00.000Z', '2026-01-07T08:00:00.000Z'],
      ['primary', 'fay', '2026-01-07T08:00:00.000Z', '2026-01-09T08:00:00.000Z'],
      ['primary', 'ana', '2026-01-09T08:00:00.000Z', '2026-01-12T08:00:00.000Z'],
    ]);
  });

  it('record where each shift came from, for diagnostics', () => {
    const r = rotation({ overrides: [{ tier: 'primary', person: 'eve', start: '2026-01-06T09:00:00+01:00', end: '2026-01-07T09:00:00+01:00', reason: 'x' }] });
    expect(expandRotationLocated(r, jan(5), jan(8)).map((s) => s.path)).toEqual([
      ['tiers', 0, 'rosters', 0, 'participants', 0],
      ['overrides', 0, 'person'],
      ['tiers', 0, 'rosters', 0, 'participants', 0],
    ]);
  });
});

describe('a participant list that changes', () => {
  const changed = (participants: string[], from = '2026-02-02', offset?: number) =>
    rotation({
      tiers: [
        tier('primary', [], {
          rosters: [
            { from: '2026-01-05', participants: ['ana', 'ben', 'cai', 'dee'] },
            { from, participants: participants as [string, ...string[]], ...(offset !== undefined ? { offset } : {}) },
          ],
        }),
      ],
    });
  const people = (r: ReturnType<typeof rotation>) => expandRotation(r, jan(5), new Date('2026-03-02T08:00:00Z')).map((s) => s.person);

  it('never moves a shift before its date', () => {
    // Weeks from 5 Jan: ana ben cai dee | then the new list from 2 Feb.
    expect(people(changed(['eve', 'fay'])).slice(0, 4)).toEqual(['ana', 'ben', 'cai', 'dee']);
  });

  it.each([
    { name: 'the same people reordered continue after the last person', list: ['dee', 'cai', 'ben', 'ana'], next: ['cai', 'ben', 'ana', 'dee'] },
    { name: 'a newcomer joins in turn', list: ['ana', 'ben', 'cai', 'dee', 'eve'], next: ['eve', 'ana', 'ben', 'cai'] },
    { name: 'a leaver is skipped and the order goes on', list: ['ana', 'ben', 'cai'], next: ['ana', 'ben', 'cai', 'ana'] },
    { name: 'the last person leaving hands over to the next one who stays', list: ['ben', 'cai', 'ana'], next: ['ana', 'ben', 'cai', 'ana'] },
    { name: 'a wholly new list starts at its offset', list: ['eve', 'fay', 'gus'], next: ['fay', 'gus', 'eve', 'fay'], offset: 1 },
  ])('$name', ({ list, next, offset }) => {
    const r = changed(list, '2026-02-02', offset);
    const sequence = people(r);
    expect(sequence.slice(4)).toEqual(next);
    // Nobody gets two shifts in a row at the change.
    expect(sequence[4]).not.toBe(sequence[3]);
  });

  it('takes effect at the first hand-off on or after a mid-week date', () => {
    const r = changed(['eve', 'fay'], '2026-01-28'); // a Wednesday: the list starts Monday 2 February
    expect(people(r)).toEqual(['ana', 'ben', 'cai', 'dee', 'eve', 'fay', 'eve', 'fay']);
  });

  it('continues each tier from its own last person, so primary and secondary do not collide', () => {
    const lists = (from: string, participants: string[], offset?: number) => ({ from, participants: participants as [string, ...string[]], ...(offset ? { offset } : {}) });
    const r = rotation({
      tiers: [
        tier('primary', [], { rosters: [lists('2026-01-05', ['ana', 'ben', 'cai']), lists('2026-01-26', ['ana', 'ben', 'cai', 'dee'])] }),
        tier('secondary', [], { rosters: [lists('2026-01-05', ['ana', 'ben', 'cai'], 1), lists('2026-01-26', ['ana', 'ben', 'cai', 'dee'], 1)] }),
      ],
    });
    const shifts = expandRotation(r, jan(5), new Date('2026-02-23T08:00:00Z'));
    const byWeek = (t: string) => shifts.filter((s) => s.tier === t).map((s) => s.person);
    expect(byWeek('primary')).toEqual(['ana', 'ben', 'cai', 'dee', 'ana', 'ben', 'cai']);
    expect(byWeek('secondary')).toEqual(['ben', 'cai', 'ana', 'ben', 'cai', 'dee', 'ana']);
  });
});
