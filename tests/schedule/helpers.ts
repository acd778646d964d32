/** Small rotations for engine tests: one valid base, changed one field at a time. */
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';

export type Rotation = SchemaTypes['rotation'];

type Tier = Rotation['tiers'][number];

/** A weekly Monday 09:00 rotation with one 24/7 tier of four people, in `timezone`. */
export function rotation(overrides: Partial<Rotation> = {}): Rotation {
  return {
    id: 'test',
    name: 'Test rotation',
    timezone: 'Europe/Berlin',
    cadence: { unit: 'week', every: 1 },
    handoff: { weekday: 'monday', time: '09:00' },
    start: '2026-01-05',
    tiers: [tier('primary', ['ana', 'ben', 'cai', 'dee'])],
    ...overrides,
  };
}

export function tier(id: string, participants: string[], extra: Partial<Tier> = {}): Tier {
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    coverage: 'always',
    rosters: [{ from: '2026-01-05', participants: participants as [string, ...string[]] }],
    ...extra,
  };
}

/** Shifts as compact rows `[tier, person, startISO, endISO]` in UTC, for exact comparisons. */
export function rows(shifts: readonly { tier: string; person: string; start: Date; end: Date }[]): string[][] {
  return shifts.map((s) => [s.tier, s.person, s.start.toISOString(), s.end.toISOString()]);
}

export const hours = (s: { start: Date; end: Date }) => (s.end.getTime() - s.start.getTime()) / 3_600_000;
