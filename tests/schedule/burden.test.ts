import { describe, expect, it } from 'vitest';
import { computeBurden } from '../../scripts/schedule/burden.ts';
import type { BusinessCalendar } from '../../scripts/time/business-time.ts';
import { rotation, tier } from './helpers.ts';

const hours: BusinessCalendar = {
  zone: 'Europe/Berlin',
  weekdays: new Set([1, 2, 3, 4, 5]),
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  holidays: new Set(['2026-01-06']),
};

describe('computeBurden', () => {
  const r = rotation({ tiers: [tier('primary', ['ana', 'ben']), tier('owner', ['cai'], { coverage: 'business-hours' })] });
  // One week, 5 to 12 January 2026: ana is primary; cai owns the tier in business hours.
  const week = { from: new Date('2026-01-05T08:00:00Z'), to: new Date('2026-01-12T08:00:00Z') };

  it('counts hours, weekend and night hours in each person\'s own zone, and shifts', () => {
    const people = new Map([
      ['ana', { timezone: 'Europe/Berlin' }],
      ['cai', { timezone: 'Europe/Berlin' }],
    ]);
    const burden = computeBurden({ rotations: [r], people, businessHours: hours, ...week }).people;
    const ana = burden.find((p) => p.person === 'ana');
    const cai = burden.find((p) => p.person === 'cai');
    // Ben is on the list with no time this week: a member of the team all the same.
    expect(burden.find((p) => p.person === 'ben')).toMatchObject({ pool: 0, hours: 0 });
    // 168 hours; Saturday and Sunday are 48; nights 22:00-07:00 are 9 hours on each of 7 nights = 63.
    expect(ana).toMatchObject({
      person: 'ana',
      timezone: 'Europe/Berlin',
      shifts: 1,
      hours: 168,
      weekendHours: 48,
      nightHours: 63,
      tiers: [{ rotation: 'test', tier: 'primary', shifts: 1, hours: 168 }],
    });
    // Business hours only, without the 6 January holiday: four days of eight hours.
    expect(cai).toMatchObject({ person: 'cai', hours: 32, weekendHours: 0, nightHours: 0 });
  });

  it('moves weekend and night hours with the person\'s zone', () => {
    const people = new Map([['ana', { timezone: 'Asia/Kolkata' }]]);
    const [ana] = computeBurden({ rotations: [rotation()], people, ...week }).people;
    // In Kolkata (UTC+05:30) the shift runs Monday 13:30 to Monday 13:30.
    expect(ana).toMatchObject({ hours: 168, weekendHours: 48, nightHours: 63 });
    const sydney = computeBurden({ rotations: [rotation()], people: new Map([['ana', { timezone: 'Australia/Sydney' }]]), ...week }).people[0]!;
    // Monday 19:00 to Monday 19:00 in Sydney (UTC+11): still 48 weekend hours and 7 nights.
    expect(sydney).toMatchObject({ hours: 168, weekendHours: 48, nightHours: 63 });
  });

  it('clips shifts to the period', () => {
    const [ana] = computeBurden({ rotations: [rotation()], people: new Map(), from: new Date('2026-01-10T23:00:00Z'), to: new Date('2026-01-11T23:00:00Z') }).people;
    expect(ana).toMatchObject({ person: 'ana', shifts: 1, hours: 24, weekendHours: 24, nightHours: 9 });
  });
});

describe('fairness against the team', () => {
  // Four weeks, 5 January to 2 February 2026, a primary list of four: one week each.
  const month = { from: new Date('2026-01-05T08:00:00Z'), to: new Date('2026-02-02T08:00:00Z') };
  const people = new Map(['ana', 'ben', 'cai', 'dee', 'eve'].map((p) => [p, { timezone: 'Europe/Berlin' }]));

  it('gives everyone on the list a share of 1.00 when turns are even, counting people on it with no hours', () => {
    const burden = computeBurden({ rotations: [rotation()], people, ...month });
    expect(burden.pools).toEqual([{ members: ['ana', 'ben', 'cai', 'dee'], mean: { hours: 168, weekendHours: 48, nightHours: 63, pages: 0 } }]);
    expect(burden.people.map((p) => [p.person, p.share, p.flags])).toEqual([
      ['ana', 1, []],
      ['ben', 1, []],
      ['cai', 1, []],
      ['dee', 1, []],
    ]);
  });

  it('flags whoever carries far more or far less than the mean, and counts time away', () => {
    // Ben takes Dee's whole week while she is away: Ben 336 h, Dee 0 h.
    const r = rotation({ overrides: [{ tier: 'primary', person: 'ben', start: '2026-01-26T09:00:00+01:00', end: '2026-02-02T09:00:00+01:00', reason: 'Dee away' }] });
    const withAway = new Map<string, { timezone: string; time_off?: [{ from: string; to: string }] }>([...people, ['dee', { timezone: 'Europe/Berlin', time_off: [{ from: '2026-01-26', to: '2026-02-01' }] }]]);
    const burden = computeBurden({ rotations: [r], people: withAway, ...month });
    const ben = burden.people.find((p) => p.person === 'ben')!;
    const dee = burden.people.find((p) => p.person === 'dee')!;
    expect(ben).toMatchObject({ hours: 336, share: 2, flags: [
      { measure: 'hours', ratio: 2, direction: 'high' },
      { measure: 'weekendHours', ratio: 2, direction: 'high' },
      { measure: 'nightHours', ratio: 2, direction: 'high' },
    ] });
    expect(dee).toMatchObject({ pool: 0, hours: 0, share: 0, awayDays: 7, flags: [{ measure: 'hours', ratio: 0, direction: 'low' }] });
  });

  it('counts pages: the first responder when an incident was detected, and everyone an escalation names, with the shift they held', () => {
    const r = rotation({ product: 'app' });
    const incidents = [
      { id: '2026-01-07-outage', product: 'app', detected: '2026-01-07T02:10:00+01:00', escalations: [{ at: '2026-01-07T02:40:00+01:00', level: 'l2', to: ['eve', 'ben'] as [string, ...string[]], reason: 'Database' }] },
      { id: '2026-01-14-slow', product: 'app', detected: '2026-01-14T15:00:00+01:00' },
    ];
    const burden = computeBurden({ rotations: [r], people, incidents, ...month });
    expect(burden.pages.map((p) => [p.incident, p.person, p.kind, p.rotation ?? null, p.night])).toEqual([
      ['2026-01-07-outage', 'ana', 'alert', 'test', true],
      ['2026-01-07-outage', 'ben', 'escalation', null, true],
      ['2026-01-07-outage', 'eve', 'escalation', null, true],
      ['2026-01-14-slow', 'ben', 'alert', 'test', false],
    ]);
    const ben = burden.people.find((p) => p.person === 'ben')!;
    expect(ben).toMatchObject({ pages: 2, nightPages: 1, offShiftPages: 1 });
    // Eve takes no turns: her pages are shown, and the mean is over the four who do.
    expect(burden.people.find((p) => p.person === 'eve')).toMatchObject({ pages: 1, flags: [] });
    expect(burden.people.find((p) => p.person === 'eve')!.pool).toBeUndefined();
    expect(burden.pools[0]!.mean.pages).toBe(0.75);
  });

  it('compares people only with those taking turns on the same lists', () => {
    // The owner is on a business-hours list of one: not compared with the 24/7 engineers.
    const r = rotation({ tiers: [tier('primary', ['ana', 'ben', 'cai', 'dee']), tier('owner', ['eve'], { coverage: 'business-hours' })] });
    const burden = computeBurden({ rotations: [r], people, businessHours: hours, ...month });
    expect(burden.pools.map((p) => p.members)).toEqual([['ana', 'ben', 'cai', 'dee'], ['eve']]);
    expect(burden.people.find((p) => p.person === 'eve')).toMatchObject({ pool: 1, share: 1, flags: [] });
  });
});
