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
    const [ana, cai] = computeBurden({ rotations: [r], people, businessHours: hours, ...week });
    // 168 hours; Saturday and Sunday are 48; nights 22:00-07:00 are 9 hours on each of 7 nights = 63.
    expect(ana).toEqual({
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
    const [ana] = computeBurden({ rotations: [rotation()], people, ...week });
    // In Kolkata (UTC+05:30) the shift runs Monday 13:30 to Monday 13:30.
    expect(ana).toMatchObject({ hours: 168, weekendHours: 48, nightHours: 63 });
    const sydney = computeBurden({ rotations: [rotation()], people: new Map([['ana', { timezone: 'Australia/Sydney' }]]), ...week })[0]!;
    // Monday 19:00 to Monday 19:00 in Sydney (UTC+11): still 48 weekend hours and 7 nights.
    expect(sydney).toMatchObject({ hours: 168, weekendHours: 48, nightHours: 63 });
  });

  it('clips shifts to the period', () => {
    const [ana] = computeBurden({ rotations: [rotation()], people: new Map(), from: new Date('2026-01-10T23:00:00Z'), to: new Date('2026-01-11T23:00:00Z') });
    expect(ana).toMatchObject({ person: 'ana', shifts: 1, hours: 24, weekendHours: 24, nightHours: 9 });
  });
});
