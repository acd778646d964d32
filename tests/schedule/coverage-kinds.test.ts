/**
 * The three coverage kinds, hour by hour: which tiers must always be held, which hours count as
 * reachable (double booking, burden) and which count towards on-call limits.
 */
import { describe, expect, it } from 'vitest';
import { dutyAt, heldAtEveryInstant, limitedIntervals, onCallIntervals } from '../../scripts/schedule/business-hours.ts';
import { computeBurden } from '../../scripts/schedule/burden.ts';
import { coverageGaps } from '../../scripts/schedule/coverage.ts';
import type { BusinessCalendar } from '../../scripts/time/business-time.ts';
import { rotation, tier } from './helpers.ts';

const calendar: BusinessCalendar = { zone: 'Europe/Berlin', weekdays: new Set([1, 2, 3, 4, 5]), startMinute: 9 * 60, endMinute: 17 * 60, holidays: new Set() };
// Monday 5 January 2026, 09:00 Berlin, to Tuesday 09:00.
const day = { start: Date.parse('2026-01-05T08:00:00Z'), end: Date.parse('2026-01-06T08:00:00Z') };
const businessDay = [{ start: Date.parse('2026-01-05T08:00:00Z'), end: Date.parse('2026-01-05T16:00:00Z') }];

describe('coverage kinds', () => {
  it('always and business hours + on call are held at every instant; business hours alone is not', () => {
    expect([heldAtEveryInstant('always'), heldAtEveryInstant('business-hours-and-on-call'), heldAtEveryInstant('business-hours')]).toEqual([true, true, false]);
  });

  it('a business hours + on call holder is reachable the whole shift, but only business hours count for limits', () => {
    expect(onCallIntervals(day, 'business-hours-and-on-call', calendar)).toEqual([day]);
    expect(limitedIntervals(day, 'business-hours-and-on-call', calendar)).toEqual(businessDay);
    expect(onCallIntervals(day, 'business-hours', calendar)).toEqual(businessDay);
    expect(limitedIntervals(day, 'always', calendar)).toEqual([day]);
  });

  it('the holder is on duty in business hours and on call outside them', () => {
    const noon = Date.parse('2026-01-05T11:00:00Z');
    const night = Date.parse('2026-01-05T22:00:00Z');
    expect([dutyAt('business-hours-and-on-call', noon, calendar), dutyAt('business-hours-and-on-call', night, calendar)]).toEqual(['on-duty', 'on-call']);
    expect([dutyAt('business-hours', noon, calendar), dutyAt('business-hours', night, calendar)]).toEqual(['on-duty', 'off']);
    expect(dutyAt('always', noon, calendar)).toBe('on-call');
  });

  it('a business hours + on call tier with nobody on it at night is a coverage gap', () => {
    const r = rotation({ tiers: [tier('owner', ['ana'], { coverage: 'business-hours-and-on-call', rosters: [{ from: '2026-01-12', participants: ['ana'] }] })] });
    const gaps = coverageGaps(r, new Date('2026-01-05T08:00:00Z'), new Date('2026-01-19T08:00:00Z'));
    expect(gaps.map((g) => [g.tier, g.start.toISOString(), g.end.toISOString()])).toEqual([['owner', '2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z']]);
  });

  it('burden counts every hour of a business hours + on call shift, nights and weekend included', () => {
    const r = rotation({ tiers: [tier('owner', ['cai'], { coverage: 'business-hours-and-on-call' })] });
    const [cai] = computeBurden({ rotations: [r], people: new Map([['cai', { timezone: 'Europe/Berlin' }]]), businessHours: calendar, from: new Date('2026-01-05T08:00:00Z'), to: new Date('2026-01-12T08:00:00Z') }).people;
    expect(cai).toMatchObject({ person: 'cai', hours: 168, weekendHours: 48, nightHours: 63 });
  });
});
