import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import {
  addBusinessMinutes,
  businessCalendar,
  businessMinutesBetween,
  deadlineAfter,
  isWithinBusinessHours,
  minutesAgainst,
  targetMinutes,
  type BusinessCalendar,
} from '../../scripts/time/business-time.ts';

/** The fixture organisation's week: Monday to Friday 09:00-17:00 in Berlin, with Christmas off. */
const berlin: BusinessCalendar = businessCalendar({
  name: 'Example',
  timezone: 'Europe/Berlin',
  business_hours: {
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    start: '09:00',
    end: '17:00',
    holidays: ['2026-12-24', '2026-12-25', '2026-12-26'],
  },
  on_call: { page_response: '15m', max_consecutive_days: 7, min_rest_between_shifts: '12h' },
});

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toJSDate();
/** The instant as Berlin wall-clock time with its offset, for readable expectations. */
const inZone = (date: Date | undefined, zone = 'Europe/Berlin') =>
  date === undefined ? undefined : DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true, suppressSeconds: false });

describe('deadlineAfter with business time', () => {
  it.each([
    { name: 'within one working day and into the next', from: '2026-10-14T09:42:00+02:00', duration: '8bh', due: '2026-10-15T09:42:00+02:00' },
    { name: 'over a weekend that ends DST (25 October)', from: '2026-10-23T16:00:00+02:00', duration: '8bh', due: '2026-10-26T16:00:00+01:00' },
    { name: 'starting on a Saturday: the clock starts Monday 09:00', from: '2026-10-24T10:00:00+02:00', duration: '1bh', due: '2026-10-26T10:00:00+01:00' },
    { name: 'starting after hours on a Friday', from: '2026-10-30T19:30:00+01:00', duration: '2bh', due: '2026-11-02T11:00:00+01:00' },
    { name: 'running out exactly at closing time', from: '2026-10-26T09:00:00+01:00', duration: '8bh', due: '2026-10-26T17:00:00+01:00' },
    // 2bd = 16 business hours: Wed 15-17 (2 h), Christmas Eve and Day are holidays, weekend, Mon 28 (8 h), Tue 29 09-15 (6 h).
    { name: 'two business days over the Christmas holidays', from: '2026-12-23T15:00:00+01:00', duration: '2bd', due: '2026-12-29T15:00:00+01:00' },
    { name: 'one business day from Friday afternoon', from: '2026-11-20T16:00:00+01:00', duration: '1bd', due: '2026-11-23T16:00:00+01:00' },
    { name: 'zero business time is immediate, even at night', from: '2026-11-21T03:00:00+01:00', duration: '0bh', due: '2026-11-21T03:00:00+01:00' },
  ])('$name', ({ from, duration, due }) => {
    expect(inZone(deadlineAfter(berlin, at(from), duration))).toBe(due);
  });
});

describe('deadlineAfter with calendar time', () => {
  it('counts hours as elapsed time across the DST change', () => {
    // 25 October has 25 hours in Berlin: 48 elapsed hours from Saturday noon end at Monday 11:00 local.
    expect(inZone(deadlineAfter(berlin, at('2026-10-24T12:00:00+02:00'), '48h'))).toBe('2026-10-26T11:00:00+01:00');
  });
  it('counts days as local calendar days, keeping the wall-clock time', () => {
    expect(inZone(deadlineAfter(berlin, at('2026-10-24T12:00:00+02:00'), '1d'))).toBe('2026-10-25T12:00:00+01:00');
    expect(inZone(deadlineAfter(berlin, at('2026-10-24T12:00:00+02:00'), '1w'))).toBe('2026-10-31T12:00:00+01:00');
  });
  it('counts minutes at night and on holidays alike', () => {
    expect(inZone(deadlineAfter(berlin, at('2026-12-25T02:14:00+01:00'), '15m'))).toBe('2026-12-25T02:29:00+01:00');
  });
  it('sets no deadline for next-sprint or text that is not a duration', () => {
    expect(deadlineAfter(berlin, at('2026-11-02T10:00:00+01:00'), 'next-sprint')).toBeUndefined();
    expect(deadlineAfter(berlin, at('2026-11-02T10:00:00+01:00'), 'soon')).toBeUndefined();
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    { name: 'inside one working day', from: '2026-10-14T09:42:00+02:00', to: '2026-10-14T12:10:00+02:00', minutes: 148 },
    { name: 'before opening to after closing', from: '2026-10-14T06:00:00+02:00', to: '2026-10-14T20:00:00+02:00', minutes: 480 },
    { name: 'Friday 16:00 to Monday 10:00, DST ending in between', from: '2026-10-23T16:00:00+02:00', to: '2026-10-26T10:00:00+01:00', minutes: 120 },
    { name: 'over the Christmas holidays', from: '2026-12-23T16:00:00+01:00', to: '2026-12-28T10:00:00+01:00', minutes: 120 },
    { name: 'entirely at the weekend', from: '2026-10-24T09:00:00+02:00', to: '2026-10-25T18:00:00+01:00', minutes: 0 },
    { name: 'backwards', from: '2026-10-14T12:00:00+02:00', to: '2026-10-14T10:00:00+02:00', minutes: 0 },
    { name: 'a whole working week', from: '2026-11-02T00:00:00+01:00', to: '2026-11-09T00:00:00+01:00', minutes: 5 * 480 },
  ])('$name', ({ from, to, minutes }) => {
    expect(businessMinutesBetween(berlin, at(from), at(to))).toBe(minutes);
  });

  it('is the inverse of addBusinessMinutes', () => {
    const from = at('2026-12-22T13:17:00+01:00');
    for (const minutes of [1, 59, 480, 1000, 4321]) {
      const due = addBusinessMinutes(berlin, from, minutes)!;
      expect(businessMinutesBetween(berlin, from, due)).toBe(minutes);
    }
  });
});

describe('DST inside working hours', () => {
  // A night-shift calendar whose hours contain the DST change, every day of the week.
  const night: BusinessCalendar = {
    zone: 'Europe/Berlin',
    weekdays: new Set([1, 2, 3, 4, 5, 6, 7]),
    startMinute: 60,
    endMinute: 240,
    holidays: new Set(),
  };
  it('counts the repeated hour when DST ends (01:00-04:00 lasts 4 real hours on 25 October)', () => {
    expect(businessMinutesBetween(night, at('2026-10-25T00:00:00+02:00'), at('2026-10-25T12:00:00+01:00'))).toBe(240);
  });
  it('skips the missing hour when DST starts (01:00-04:00 lasts 2 real hours on 29 March)', () => {
    expect(businessMinutesBetween(night, at('2026-03-29T00:00:00+01:00'), at('2026-03-29T12:00:00+02:00'))).toBe(120);
  });
  it('works in other zones: New York springs forward on 8 March 2026', () => {
    const newYork: BusinessCalendar = { ...berlin, zone: 'America/New_York', holidays: new Set() };
    const due = deadlineAfter(newYork, at('2026-03-06T16:00:00-05:00'), '8bh');
    expect(inZone(due, 'America/New_York')).toBe('2026-03-09T16:00:00-04:00');
  });
});

describe('edge cases', () => {
  it('gives no deadline for a calendar without working time', () => {
    const none: BusinessCalendar = { ...berlin, weekdays: new Set() };
    expect(deadlineAfter(none, at('2026-11-02T10:00:00+01:00'), '8bh')).toBeUndefined();
    expect(businessMinutesBetween(none, at('2026-11-02T10:00:00+01:00'), at('2026-11-09T10:00:00+01:00'))).toBe(0);
    const inverted: BusinessCalendar = { ...berlin, startMinute: 17 * 60, endMinute: 9 * 60 };
    expect(deadlineAfter(inverted, at('2026-11-02T10:00:00+01:00'), '1bd')).toBeUndefined();
  });
  it('knows when an instant is within business hours', () => {
    expect(isWithinBusinessHours(berlin, at('2026-11-02T09:00:00+01:00'))).toBe(true);
    expect(isWithinBusinessHours(berlin, at('2026-11-02T17:00:00+01:00'))).toBe(false);
    expect(isWithinBusinessHours(berlin, at('2026-12-24T10:00:00+01:00'))).toBe(false);
    expect(isWithinBusinessHours(berlin, at('2026-11-07T10:00:00+01:00'))).toBe(false);
  });
  it('measures against a target in its own terms', () => {
    const from = at('2026-10-23T16:00:00+02:00');
    const to = at('2026-10-26T10:00:00+01:00');
    expect(minutesAgainst(berlin, from, to, '8bh')).toBe(120);
    expect(minutesAgainst(berlin, from, to, '4h')).toBe(67 * 60);
    expect(targetMinutes(berlin, '2bd')).toBe(960);
    expect(targetMinutes(berlin, '8bh')).toBe(480);
    expect(targetMinutes(berlin, 'next-sprint')).toBeUndefined();
  });
});
