/**
 * Page dates are written with fixed English names rather than through luxon's toFormat (which asks
 * Intl on every call); they must read exactly as luxon writes them, in every zone, at every instant.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarDate, ganttTime, localDate, localDateTime, monthOf } from '../../scripts/docs/format.ts';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'America/Adak'];
// 1900 to 2200: instants around every daylight-saving change these zones have had or will have.
const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
const zone = fc.constantFrom(...ZONES);
const luxon = (ms: number, z: string, format: string) => DateTime.fromMillis(ms, { zone: z }).toFormat(format, { locale: 'en-US' });

describe('page dates', () => {
  it('write instants in a zone exactly as luxon does', () => {
    fc.assert(
      fc.property(instant, zone, (ms, z) => {
        expect(localDateTime(ms, z)).toBe(luxon(ms, z, 'ccc d LLL yyyy HH:mm'));
        expect(localDateTime(new Date(ms), z)).toBe(luxon(ms, z, 'ccc d LLL yyyy HH:mm'));
        expect(localDate(ms, z)).toBe(luxon(ms, z, 'ccc d LLL yyyy'));
        expect(ganttTime(ms, z)).toBe(luxon(ms, z, 'yyyy-LL-dd HH:mm'));
        expect(monthOf(new Date(ms), z)).toEqual({ key: luxon(ms, z, 'yyyy-LL'), name: luxon(ms, z, 'LLLL yyyy') });
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('write date-time texts with offsets, and calendar dates, exactly as luxon does', () => {
    fc.assert(
      fc.property(instant, zone, zone, (ms, from, to) => {
        const text = DateTime.fromMillis(ms, { zone: from }).toISO()!;
        expect(localDateTime(text, to)).toBe(DateTime.fromISO(text, { setZone: true }).setZone(to).toFormat('ccc d LLL yyyy HH:mm', { locale: 'en-US' }));
        const date = DateTime.fromMillis(ms, { zone: 'UTC' }).toISODate()!;
        expect(calendarDate(date)).toBe(DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL yyyy', { locale: 'en-US' }));
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });

  it('leave what is not a date as luxon leaves it', () => {
    expect(calendarDate('2026-02-30')).toBe('2026-02-30');
    expect(localDateTime('not a date', 'UTC')).toBe('Invalid DateTime');
    expect(localDateTime(Number.NaN, 'Europe/Berlin')).toBe('Invalid DateTime');
  });
});
