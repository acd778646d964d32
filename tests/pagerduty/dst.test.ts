/**
 * The proof that the layers render exactly: PagerDuty's rendering of the synced schedules (the local
 * server renders layers as PagerDuty documents them: fixed turns from a virtual start, cut to layer
 * bounds and restrictions in the schedule's zone) equals the engine's shifts, shift by shift, for a
 * year of weekly wall-clock hand-offs across every DST change of each zone, including hand-offs at
 * 02:30 on the very days the clocks skip and repeat that hour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandRotation } from '../../scripts/schedule/expand.ts';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import type { PagerDutyServer } from '../support/pagerduty-server.ts';
import { serverFor, sync } from './support.ts';

const NOW = '2026-11-22T12:00:00+01:00';
const ZONES = [
  { zone: 'Europe/Berlin', weekday: 'sunday', time: '02:30' },
  { zone: 'Europe/Berlin', weekday: 'monday', time: '09:00' },
  { zone: 'America/New_York', weekday: 'sunday', time: '02:30' },
  { zone: 'America/New_York', weekday: 'friday', time: '17:00' },
  { zone: 'Australia/Sydney', weekday: 'sunday', time: '02:30' },
  { zone: 'Australia/Sydney', weekday: 'monday', time: '09:00' },
  { zone: 'America/Sao_Paulo', weekday: 'monday', time: '09:00' },
  { zone: 'Asia/Kolkata', weekday: 'wednesday', time: '10:30' },
] as const;
const PEOPLE = ['ben-schultz', 'kavya-iyer', 'liam-novak', 'sofia-rossi', 'rosa-alvarez'];

function rotationFile(id: string, zone: string, weekday: string, time: string): string {
  return [
    '# yaml-language-server: $schema=../schemas/rotation.schema.json',
    `id: ${id}`,
    `name: DST ${zone} ${weekday} ${time}`,
    `timezone: ${zone}`,
    'cadence: { unit: week }',
    `handoff: { weekday: ${weekday}, time: "${time}" }`,
    'start: 2026-09-01',
    'tiers:',
    '  - id: primary',
    '    name: Primary',
    '    coverage: always',
    '    response: 15m',
    '    rosters:',
    '      - from: 2026-09-01',
    `        participants: [${PEOPLE.join(', ')}]`,
    // A roster change in the middle of the European summer: a new layer from its hand-off.
    '      - from: 2027-06-01',
    `        participants: [${[...PEOPLE].reverse().slice(0, 4).join(', ')}]`,
    '',
  ].join('\n');
}

let repo: TempRepo;
let server: PagerDutyServer;
const ids = ZONES.map((z, i) => `dst-${i + 1}`);

beforeAll(async () => {
  repo = tempRepo();
  repo.remove('rotations/ingestion.yaml');
  repo.replace('policy/roles.yaml', 'holder: { rotation: ingestion, tier: primary }', 'holder: { primary: ben-schultz, backup: kavya-iyer }');
  repo.replace('policy/organisation.yaml', 'coverage_horizon: 12w', 'coverage_horizon: 56w');
  ZONES.forEach((z, i) => repo.write(`rotations/${ids[i]}.yaml`, rotationFile(ids[i]!, z.zone, z.weekday, z.time)));
  server = await serverFor(repo);
  const applied = await sync(repo, server, ['--apply']);
  expect(applied.stderr).toBe('');
  expect(applied.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await server.close();
  repo.cleanup();
});

describe('weekly wall-clock hand-offs render exactly in PagerDuty across DST changes', () => {
  it.each(ZONES.map((z, i) => ({ ...z, id: ids[i]! })))('$zone, $weekday $time', ({ id }) => {
    const rotation = parse(repo.read(`rotations/${id}.yaml`)) as SchemaTypes['rotation'];
    const users = new Map(server.state.users.map((u) => [u.email.replace(/@.*$/, '').replace('.', '-'), u.id]));
    users.set('rosa-alvarez', 'PRALV01');
    const from = Date.parse(NOW);
    const to = from + 52 * 7 * 86_400_000;
    const schedule = server.state.schedules.find((s) => s.description.includes(`[oncall-as-code schedule ${id}/primary`))!;
    const shifts = expandRotation(rotation, new Date(from), new Date(to)).map((s) => ({
      start: Math.max(from, s.start.getTime()),
      end: Math.min(to, s.end.getTime()),
      user: users.get(s.person)!,
    }));
    const rendered = server.render(schedule.id, from, to);
    const iso = (e: { start: number; end: number; user: string }) => `${new Date(e.start).toISOString()} ${new Date(e.end).toISOString()} ${e.user}`;
    expect(rendered.map(iso)).toEqual(shifts.map(iso));

    // The year crosses the zone's DST changes (where it has them): shifts of 167 or 169 hours.
    const hours = new Set(shifts.slice(1, -1).map((s) => (s.end - s.start) / 3_600_000));
    const zone = rotation.timezone;
    if (zone === 'Asia/Kolkata' || zone === 'America/Sao_Paulo') expect([...hours]).toEqual([168]);
    else expect([...hours].sort()).toEqual([167, 168, 169]);
  });

  it('a single layer of 168-hour turns, as a plain weekly layer would be, does not render the same', () => {
    const id = ids[0]!;
    const schedule = server.state.schedules.find((s) => s.description.includes(`[oncall-as-code schedule ${id}/primary`))!;
    const first = schedule.layers.at(-1)!;
    const naive = { ...schedule, id: 'NAIVE01', layers: [{ ...first, end: null }] };
    server.state.schedules.push(naive);
    const from = Date.parse(NOW);
    const to = from + 52 * 7 * 86_400_000;
    const exact = server.render(schedule.id, from, to);
    const plain = server.render('NAIVE01', from, to);
    expect(plain.map((e) => e.start)).not.toEqual(exact.map((e) => e.start));
    server.state.schedules = server.state.schedules.filter((s) => s.id !== 'NAIVE01');
  });

  it('the plan reads PagerDuty\'s own rendering and finds every schedule identical, shift by shift', async () => {
    const plan = await sync(repo, server, ['--plan', '--format', 'json', '--exit-code']);
    expect(plan.code).toBe(0);
    const json = JSON.parse(plan.stdout) as { verified: string[]; drift: unknown[]; operations: unknown[] };
    expect(json.operations).toEqual([]);
    expect(json.drift).toEqual([]);
    expect(json.verified.sort()).toEqual(ids.map((id) => `${id}/primary`).sort());
  });
});
