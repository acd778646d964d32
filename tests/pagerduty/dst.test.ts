/**
 * The proof that the layers render exactly: PagerDuty's rendering of the synced schedules (the local
 * server renders layers as PagerDuty documents them: fixed turns from a virtual start, cut to layer
 * bounds and to daily and weekly restrictions read in the schedule's zone, later layers over
 * earlier ones) equals the engine's shifts, shift by shift, for a year (56 weeks) across every DST
 * change of Europe/Berlin, America/New_York, Australia/Sydney and Europe/London:
 *
 * - weekly wall-clock hand-offs, including hand-offs at the very hour the clocks skip and repeat;
 * - follow-the-sun tiers, whose layers keep their windows in their own zones (Sydney under Berlin,
 *   New York under London) while the schedule has one zone, so the windows drift against it;
 * - a weekday-only daily layer that skips its empty weekend shifts (PagerDuty's own turns would give
 *   them away), the same layer taking turns as PagerDuty does, a night layer whose windows and
 *   hand-offs fall on the DST hour, and a weekend layer with a weekly window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandRotation } from '../../scripts/schedule/expand.ts';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';
import { runCli } from '../support/cli.ts';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import type { PagerDutyServer } from '../support/pagerduty-server.ts';
import { FAST, serverFor, sync, userIdsOf } from './support.ts';

const NOW = '2026-11-22T12:00:00+01:00';
const YEAR_MS = 56 * 7 * 86_400_000;
const ZONES = [
  { zone: 'Europe/Berlin', weekday: 'sunday', time: '02:30' },
  { zone: 'Europe/Berlin', weekday: 'monday', time: '09:00' },
  { zone: 'America/New_York', weekday: 'sunday', time: '02:30' },
  { zone: 'America/New_York', weekday: 'friday', time: '17:00' },
  { zone: 'Australia/Sydney', weekday: 'sunday', time: '02:30' },
  { zone: 'Australia/Sydney', weekday: 'monday', time: '09:00' },
  { zone: 'Europe/London', weekday: 'sunday', time: '01:30' },
  { zone: 'Europe/London', weekday: 'monday', time: '09:00' },
  { zone: 'America/Sao_Paulo', weekday: 'monday', time: '09:00' },
  { zone: 'Asia/Kolkata', weekday: 'wednesday', time: '10:30' },
] as const;
const PEOPLE = ['ben-schultz', 'kavya-iyer', 'liam-novak', 'sofia-rossi', 'rosa-alvarez'];
const SEVEN = ['amara-okafor', 'ben-schultz', 'chen-wei', 'grace-lin', 'hugo-martin', 'kavya-iyer', 'liam-novak'];

const header = (id: string, name: string, zone: string, cadence: string, handoff: string) =>
  ['# yaml-language-server: $schema=../schemas/rotation.schema.json', `id: ${id}`, `name: ${name}`, `timezone: ${zone}`, `cadence: ${cadence}`, `handoff: ${handoff}`, 'start: 2026-09-07', 'tiers:'];

function weeklyFile(id: string, zone: string, weekday: string, time: string): string {
  return [
    ...header(id, `DST ${zone} ${weekday} ${time}`, zone, '{ unit: week }', `{ weekday: ${weekday}, time: "${time}" }`),
    '  - id: primary',
    '    name: Primary',
    '    coverage: always',
    '    rosters:',
    '      - from: 2026-09-07',
    `        participants: [${PEOPLE.join(', ')}]`,
    // A roster change in the middle of the European summer: a new layer from its hand-off.
    '      - from: 2027-06-01',
    `        participants: [${[...PEOPLE].reverse().slice(0, 4).join(', ')}]`,
    '',
  ].join('\n');
}

/** Berlin by day (09:00-21:00 Berlin time, on top); Sydney through Berlin's night, 07:00-19:00 in Sydney. */
const BERLIN_SYDNEY = [
  ...header('sun-berlin', 'Follow the sun from Berlin', 'Europe/Berlin', '{ unit: week }', '{ weekday: monday, time: "09:00" }'),
  '  - id: primary',
  '    name: Primary',
  '    coverage: always',
  '    layers:',
  '      - id: sydney',
  '        name: Sydney',
  '        timezone: Australia/Sydney',
  '        restrictions: [{ from: "07:00", to: "19:00" }]',
  '        rosters:',
  '          - from: 2026-09-07',
  '            participants: [kavya-iyer, sofia-rossi, rosa-alvarez]',
  '      - id: berlin',
  '        name: Berlin day',
  '        restrictions: [{ from: "09:00", to: "21:00" }]',
  '        on_top: true',
  '        rosters:',
  '          - from: 2026-09-07',
  '            participants: [ben-schultz, liam-novak]',
  '',
].join('\n');

/** London by day; New York through London's evening and night (16:00-04:00 in New York). */
const LONDON_NEW_YORK = [
  ...header('sun-london', 'Follow the sun from London', 'Europe/London', '{ unit: week }', '{ weekday: monday, time: "09:00" }'),
  '  - id: primary',
  '    name: Primary',
  '    coverage: always',
  '    layers:',
  '      - id: new-york',
  '        name: New York',
  '        timezone: America/New_York',
  '        handoff: { weekday: monday, time: "16:00" }',
  '        restrictions: [{ from: "16:00", to: "04:00" }]',
  '        rosters:',
  '          - from: 2026-09-07',
  '            participants: [grace-lin, maya-cohen]',
  '      - id: london',
  '        name: London day',
  '        restrictions: [{ from: "09:00", to: "21:00", days: [monday, tuesday, wednesday, thursday, friday] }]',
  '        on_top: true',
  '        rosters:',
  '          - from: 2026-09-07',
  '            participants: [olivia-grant, sam-osei]',
  '  - id: weekend',
  '    name: Weekend',
  '    coverage: always',
  '    layers:',
  '      - id: weekend',
  '        handoff: { weekday: friday, time: "18:00" }',
  '        restrictions: [{ from: "friday 18:00", to: "monday 09:00" }]',
  '        rosters:',
  '          - from: 2026-09-07',
  '            participants: [xavier-costa, yusuf-demir, sam-osei]',
  '',
].join('\n');

/** Daily hand-offs in New York: a weekday-only day layer (skipping, and taking turns), and a night layer on the DST hour. */
const NEW_YORK_DAILY = [
  ...header('daily-new-york', 'Daily in New York', 'America/New_York', '{ unit: day }', '{ time: "09:00" }'),
  ...['day', 'day-turns'].flatMap((tier) => [
    `  - id: ${tier}`,
    `    name: ${tier === 'day' ? 'Weekdays' : 'Weekdays, turns as PagerDuty'}`,
    '    coverage: always',
    '    layers:',
    '      - id: weekdays',
    '        restrictions: [{ from: "09:00", to: "17:00", days: [monday, tuesday, wednesday, thursday, friday] }]',
    ...(tier === 'day' ? [] : ['        empty_shifts: take-turn']),
    '        rosters:',
    '          - from: 2026-09-07',
    `            participants: [${SEVEN.join(', ')}]`,
  ]),
  '  - id: night',
  '    name: Night',
  '    coverage: always',
  '    layers:',
  '      - id: night',
  '        handoff: { time: "02:30" }',
  '        restrictions: [{ from: "00:00", to: "06:00" }]',
  '        rosters:',
  '          - from: 2026-09-07',
  '            participants: [victor-lee, grace-lin, maya-cohen]',
  '',
].join('\n');

const LAYERED = [
  { id: 'sun-berlin', text: BERLIN_SYDNEY, tiers: ['primary'] },
  { id: 'sun-london', text: LONDON_NEW_YORK, tiers: ['primary', 'weekend'] },
  { id: 'daily-new-york', text: NEW_YORK_DAILY, tiers: ['day', 'day-turns', 'night'] },
];

let repo: TempRepo;
let server: PagerDutyServer;
let users: Map<string, string>;
const ids = ZONES.map((_, i) => `dst-${i + 1}`);
const from = Date.parse(NOW);
const to = from + YEAR_MS;

beforeAll(async () => {
  repo = tempRepo();
  repo.remove('rotations/ingestion.yaml');
  repo.replace('policy/organisation.yaml', 'coverage_horizon: 12w', 'coverage_horizon: 56w');
  ZONES.forEach((z, i) => repo.write(`rotations/${ids[i]}.yaml`, weeklyFile(ids[i]!, z.zone, z.weekday, z.time)));
  for (const r of LAYERED) repo.write(`rotations/${r.id}.yaml`, r.text);
  server = await serverFor(repo);
  users = userIdsOf(repo.read('policy/people.yaml'));
  const applied = await sync(repo, server, ['--apply']);
  expect(applied.stderr).toBe('');
  expect(applied.code).toBe(0);
}, 300_000);

afterAll(async () => {
  await server.close();
  repo.cleanup();
});

type Entry = { start: number; end: number; user: string };
const iso = (e: Entry) => `${new Date(e.start).toISOString()} ${new Date(e.end).toISOString()} ${e.user}`;

/** The engine's shifts of one tier in [from, to) as PagerDuty users, adjacent pieces of one person joined. */
function engine(rotationId: string, tier: string): Entry[] {
  const rotation = parse(repo.read(`rotations/${rotationId}.yaml`)) as SchemaTypes['rotation'];
  const out: Entry[] = [];
  for (const s of expandRotation(rotation, new Date(from), new Date(to)).filter((x) => x.tier === tier)) {
    const entry = { start: Math.max(from, s.start.getTime()), end: Math.min(to, s.end.getTime()), user: users.get(s.person)! };
    const last = out.at(-1);
    if (last && last.user === entry.user && last.end === entry.start) last.end = entry.end;
    else out.push(entry);
  }
  return out;
}

function scheduleOf(key: string) {
  return server.state.schedules.find((s) => s.description.includes(`[oncall-as-code schedule ${key}`))!;
}

const rendered = (key: string) => server.render(scheduleOf(key).id, from, to);
const hours = (e: Entry) => (e.end - e.start) / 3_600_000;

describe('weekly wall-clock hand-offs render exactly in PagerDuty across DST changes', () => {
  it.each(ZONES.map((z, i) => ({ ...z, id: ids[i]! })))('$zone, $weekday $time', ({ id, zone }) => {
    const shifts = engine(id, 'primary');
    expect(rendered(`${id}/primary`).map(iso)).toEqual(shifts.map(iso));
    // The year crosses the zone's DST changes (where it has them): shifts of 167 or 169 hours.
    const lengths = new Set(shifts.slice(1, -1).map(hours));
    if (zone === 'Asia/Kolkata' || zone === 'America/Sao_Paulo') expect([...lengths]).toEqual([168]);
    else expect([...lengths].sort()).toEqual([167, 168, 169]);
  });

  it('a single layer of 168-hour turns, as a plain weekly layer would be, does not render the same', () => {
    const schedule = scheduleOf(`${ids[0]}/primary`);
    const first = schedule.layers[0]!;
    server.state.schedules.push({ ...schedule, id: 'NAIVE01', description: '', layers: [{ ...first, end: null }] });
    try {
      expect(server.render('NAIVE01', from, to).map((e) => e.start)).not.toEqual(rendered(`${ids[0]}/primary`).map((e) => e.start));
    } finally {
      server.state.schedules = server.state.schedules.filter((s) => s.id !== 'NAIVE01');
    }
  });
});

describe('layered tiers render exactly: follow-the-sun, weekday-only and night layers', () => {
  it.each(LAYERED.flatMap((r) => r.tiers.map((tier) => ({ key: `${r.id}/${tier}`, id: r.id, tier }))))('$key', ({ key, id, tier }) => {
    const shifts = engine(id, tier);
    expect(shifts.length).toBeGreaterThan(50);
    expect(rendered(key).map(iso)).toEqual(shifts.map(iso));
  });

  it('the follow-the-sun windows drift against the schedule\'s zone over the year, and still match', () => {
    // Sydney's 07:00 in Berlin time: 21:00 in the northern winter, 22:00 and 23:00 as the two
    // zones change their clocks on different dates (the schedule is in Berlin's zone).
    const sydney = new Set(['kavya-iyer', 'sofia-rossi', 'rosa-alvarez'].map((p) => users.get(p)));
    const entries = rendered('sun-berlin/primary');
    const windowStarts = entries.filter((e, i) => sydney.has(e.user) && !(i > 0 && sydney.has(entries[i - 1]!.user) && entries[i - 1]!.end === e.start));
    const starts = new Set(windowStarts.map((e) => new Date(e.start).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })));
    expect([...starts].sort()).toEqual(['21:00', '22:00', '23:00']);
    const layers = scheduleOf('sun-berlin/primary').layers;
    expect(layers.length).toBeGreaterThan(4);
    // Sydney's layers come first (lowest); Berlin's, on top, last: where they overlap (Berlin's
    // summer mornings, before Sydney's 19:00) Berlin holds the tier. The other way round renders
    // differently.
    expect(layers.at(-1)!.users.every((u) => [users.get('ben-schultz'), users.get('liam-novak')].includes(u))).toBe(true);
    const schedule = scheduleOf('sun-berlin/primary');
    server.state.schedules.push({ ...schedule, id: 'UPSIDE01', description: '', layers: [...layers].reverse() });
    try {
      expect(server.render('UPSIDE01', from, to).map(iso)).not.toEqual(rendered('sun-berlin/primary').map(iso));
    } finally {
      server.state.schedules = server.state.schedules.filter((s) => s.id !== 'UPSIDE01');
    }
  });

  it('a weekday-only daily layer that skips empty shifts is fair in PagerDuty too; taking turns is not', () => {
    // Seven people, seven weeks: with skipped weekends everyone is on call 5 days; taking turns,
    // as PagerDuty's own turns would, two of the seven are never on call.
    const sevenWeeks = (key: string) => {
      const start = Date.parse('2026-11-23T09:00:00-05:00');
      const days = new Map<string, number>();
      for (const e of server.render(scheduleOf(key).id, start, start + 49 * 86_400_000)) days.set(e.user, (days.get(e.user) ?? 0) + 1);
      return SEVEN.map((p) => days.get(users.get(p)!) ?? 0);
    };
    expect(sevenWeeks('daily-new-york/day')).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(sevenWeeks('daily-new-york/day-turns').filter((n) => n === 0)).toHaveLength(2);
    // The skipping layer's turn order is written out for a whole cycle: 49 turns of 7 people.
    const layer = scheduleOf('daily-new-york/day').layers.find((l) => l.end === null)!;
    expect(layer.users).toHaveLength(49);
    expect(new Set(layer.users).size).toBe(7);
  });

  it('night windows the clocks change in render exactly as long as they are, in a handful of layers', () => {
    // 00:00 to 06:00 New York time: 6 hours, 5 on the night the clocks go forward, 7 when they go
    // back (PagerDuty's restriction would last 6 hours of elapsed time on both nights).
    const windows: Entry[] = [];
    for (const e of rendered('daily-new-york/night')) {
      const last = windows.at(-1);
      if (last && last.end === e.start) last.end = e.end;
      else windows.push({ ...e });
    }
    expect(new Set(windows.map(hours))).toEqual(new Set([5, 6, 7]));
    expect(scheduleOf('daily-new-york/night').layers.length).toBeLessThan(12);
  });
});

describe('the plan, now and later', () => {
  it('reads PagerDuty\'s own rendering and finds every schedule identical, shift by shift', async () => {
    const plan = await sync(repo, server, ['--plan', '--format', 'json', '--exit-code']);
    expect(plan.code).toBe(0);
    const json = JSON.parse(plan.stdout) as { verified: string[]; drift: unknown[]; operations: unknown[] };
    expect(json.operations).toEqual([]);
    expect(json.drift).toEqual([]);
    expect(json.verified.sort()).toEqual([...ids.map((id) => `${id}/primary`), ...LAYERED.flatMap((r) => r.tiers.map((t) => `${r.id}/${t}`))].sort());
  });

  it.each(['2026-11-23T12:00:00+01:00', '2026-12-13T12:00:00+01:00'])('has nothing to change at %s either: the layers depend on the data, not on the day', async (later) => {
    // The horizon end moves from 19 December 2027 into the next weeks, which hold no DST change.
    server.state.now = Date.parse(later);
    try {
      const plan = await runCli(['sync', 'pagerduty', '--plan', '--format', 'json', '--exit-code', '--root', repo.root, '--now', later], { env: server.env(FAST) });
      const json = JSON.parse(plan.stdout) as { operations: unknown[]; drift: unknown[] };
      expect(json.operations).toEqual([]);
      expect(json.drift).toEqual([]);
      expect(plan.code).toBe(0);
    } finally {
      server.state.now = from;
    }
  });
});
