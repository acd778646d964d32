import { describe, expect, it } from 'vitest';
import { coverageGaps } from '../../scripts/schedule/coverage.ts';
import { firstRewrittenShift, peopleWithMovedShifts, shiftDifferences } from '../../scripts/schedule/diff.ts';
import { holes } from '../../scripts/schedule/intervals.ts';
import { rotation, tier } from './helpers.ts';

const FEB = new Date('2026-02-01T00:00:00Z');
const MAR = new Date('2026-03-01T00:00:00Z');

describe('peopleWithMovedShifts', () => {
  const base = rotation();
  // Weeks of February: 2 Feb ana, 9 Feb ben, 16 Feb cai, 23 Feb dee.
  const swap = rotation({
    overrides: [
      { tier: 'primary', person: 'cai', start: '2026-02-09T09:00:00+01:00', end: '2026-02-16T09:00:00+01:00', reason: 'Swap: Cai covers Ben' },
      { tier: 'primary', person: 'ben', start: '2026-02-16T09:00:00+01:00', end: '2026-02-23T09:00:00+01:00', reason: 'Swap: Ben covers Cai' },
    ],
  });

  it('names both people of a swap', () => {
    expect(peopleWithMovedShifts(base, swap, FEB, MAR)).toEqual(['ben', 'cai']);
  });

  it('names nobody for a change outside the window or a reason-only edit', () => {
    expect(peopleWithMovedShifts(base, swap, MAR, new Date('2026-04-01T00:00:00Z'))).toEqual([]);
    const reworded = rotation({ overrides: swap.overrides!.map((o) => ({ ...o, reason: `${o.reason}, agreed in stand-up` })) });
    expect(peopleWithMovedShifts(swap, reworded, FEB, MAR)).toEqual([]);
  });

  it('names the people whose turns move when a roster changes', () => {
    const reordered = rotation({
      tiers: [tier('primary', [], { rosters: [{ from: '2026-01-05', participants: ['ana', 'ben', 'cai', 'dee'] }, { from: '2026-02-16', participants: ['dee', 'cai', 'ben', 'ana'] }] })],
    });
    // From 16 Feb the new order continues after ben (9 Feb): ana, then dee, who had 23 Feb anyway.
    expect(shiftDifferences(base, reordered, FEB, MAR).map((d) => [d.start.toISOString(), d.end.toISOString(), d.before?.person, d.after?.person])).toEqual([
      ['2026-02-16T08:00:00.000Z', '2026-02-23T08:00:00.000Z', 'cai', 'ana'],
    ]);
    expect(peopleWithMovedShifts(base, reordered, FEB, MAR)).toEqual(['ana', 'cai']);
  });
});

describe('firstRewrittenShift', () => {
  const now = new Date('2026-02-18T12:00:00+01:00');

  it('is undefined when only the future changes', () => {
    const future = rotation({ overrides: [{ tier: 'primary', person: 'eve', start: '2026-02-20T09:00:00+01:00', end: '2026-02-21T09:00:00+01:00', reason: 'future' }] });
    expect(firstRewrittenShift(rotation(), future, now)).toBeUndefined();
  });

  it('shows the first past interval whose person changed, clipped at now', () => {
    const edited = rotation({ tiers: [tier('primary', ['ben', 'ana', 'cai', 'dee'])] });
    const rewrite = firstRewrittenShift(rotation(), edited, now)!;
    expect([rewrite.tier, rewrite.start.toISOString(), rewrite.end.toISOString(), rewrite.before?.person, rewrite.after?.person]).toEqual([
      'primary',
      '2026-01-05T08:00:00.000Z',
      '2026-01-12T08:00:00.000Z',
      'ana',
      'ben',
    ]);
  });

  it('catches an override added in the past, and one running over now', () => {
    const past = rotation({ overrides: [{ tier: 'primary', person: 'eve', start: '2026-02-18T09:00:00+01:00', end: '2026-02-19T09:00:00+01:00', reason: 'x' }] });
    const rewrite = firstRewrittenShift(rotation(), past, now)!;
    expect([rewrite.start.toISOString(), rewrite.end.toISOString(), rewrite.before?.person, rewrite.after?.person]).toEqual([
      '2026-02-18T08:00:00.000Z',
      now.toISOString(),
      'cai',
      'eve',
    ]);
  });

  it('finds a recent rewrite in a rotation that began a century ago', () => {
    const lists = (second: string[]) =>
      rotation({
        start: '1926-01-04',
        tiers: [tier('primary', [], { rosters: [{ from: '1926-01-04', participants: ['ana', 'ben'] }, { from: '2026-02-02', participants: second as [string, ...string[]] }] })],
      });
    const rewrite = firstRewrittenShift(lists(['ana', 'ben', 'cai']), lists(['ana', 'cai', 'ben']), now)!;
    // 5,222 weeks in, ben held the week before 2 February; each new list continues after him.
    expect([rewrite.start.toISOString(), rewrite.end.toISOString(), rewrite.before?.person, rewrite.after?.person]).toEqual([
      '2026-02-02T08:00:00.000Z',
      '2026-02-09T08:00:00.000Z',
      'cai',
      'ana',
    ]);
  });

  it('catches a removed tier and a reordering of overlapping past overrides', () => {
    const two = rotation({ tiers: [tier('primary', ['ana', 'ben']), tier('secondary', ['ben', 'ana'])] });
    const one = rotation({ tiers: [tier('primary', ['ana', 'ben'])] });
    const removed = firstRewrittenShift(two, one, now)!;
    expect([removed.tier, removed.start.toISOString(), removed.before?.person, removed.after]).toEqual(['secondary', '2026-01-05T08:00:00.000Z', 'ben', undefined]);

    const eve = { tier: 'primary', person: 'eve', start: '2026-02-03T09:00:00+01:00', end: '2026-02-05T09:00:00+01:00', reason: 'x' };
    const fay = { tier: 'primary', person: 'fay', start: '2026-02-04T09:00:00+01:00', end: '2026-02-06T09:00:00+01:00', reason: 'y' };
    const swapped = firstRewrittenShift(rotation({ overrides: [eve, fay] }), rotation({ overrides: [fay, eve] }), now)!;
    expect([swapped.start.toISOString(), swapped.end.toISOString(), swapped.before?.person, swapped.after?.person]).toEqual([
      '2026-02-04T08:00:00.000Z',
      '2026-02-05T08:00:00.000Z',
      'fay',
      'eve',
    ]);
  });

  it('catches a moved hand-off time', () => {
    const later = rotation({ handoff: { weekday: 'monday', time: '10:00' } });
    const rewrite = firstRewrittenShift(rotation(), later, now)!;
    expect([rewrite.start.toISOString(), rewrite.end.toISOString(), rewrite.before?.person, rewrite.after]).toEqual([
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T09:00:00.000Z',
      'ana',
      undefined,
    ]);
  });
});

describe('coverage gaps', () => {
  it('finds a one-hour hole between intervals', () => {
    const h = (iso: string) => new Date(iso).getTime();
    expect(holes([{ start: h('2026-02-02T08:00:00Z'), end: h('2026-02-09T07:00:00Z') }, { start: h('2026-02-09T08:00:00Z'), end: h('2026-02-16T08:00:00Z') }], { start: h('2026-02-02T08:00:00Z'), end: h('2026-02-16T08:00:00Z') })).toEqual([
      { start: h('2026-02-09T07:00:00Z'), end: h('2026-02-09T08:00:00Z') },
    ]);
  });

  it('reports the hour an override leaves uncovered before a late roster starts', () => {
    const r = rotation({
      start: '2026-02-02',
      tiers: [tier('primary', [], { rosters: [{ from: '2026-02-09', participants: ['ana', 'ben'] }] })],
      overrides: [{ tier: 'primary', person: 'eve', start: '2026-02-02T09:00:00+01:00', end: '2026-02-09T08:00:00+01:00', reason: 'Eve until the roster starts' }],
    });
    expect(coverageGaps(r, FEB, MAR).map((g) => [g.tier, g.start.toISOString(), g.end.toISOString()])).toEqual([
      ['primary', '2026-02-01T00:00:00.000Z', '2026-02-02T08:00:00.000Z'],
      ['primary', '2026-02-09T07:00:00.000Z', '2026-02-09T08:00:00.000Z'],
    ]);
  });

  it('ignores business-hours tiers', () => {
    const r = rotation({ tiers: [tier('owner', ['ana'], { coverage: 'business-hours', rosters: [{ from: '2026-03-02', participants: ['ana'] }] })] });
    expect(coverageGaps(r, FEB, MAR)).toEqual([]);
  });
});
