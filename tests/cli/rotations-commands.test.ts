/**
 * `now`, `schedule`, `burden` and `calendar` as a user runs them, on the fixture organisation.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { expandRotation } from '../../scripts/schedule/expand.ts';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURE_ROOT, TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
const folders: string[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  ICAL.TimezoneService.reset();
});

function outFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'oncall-calendar-'));
  folders.push(folder);
  return folder;
}

const ingestion = () => parseYaml(readFileSync(join(FIXTURE_ROOT, 'rotations', 'ingestion.yaml'), 'utf8')) as SchemaTypes['rotation'];

describe('oncall now', () => {
  it('prints [{rotation, tier, person, start, end}] with ISO 8601 offsets for --format json', async () => {
    const result = await runCli(['now', '--at', TEST_NOW, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { rotation: 'ingestion', tier: 'primary', person: 'liam-novak', start: '2026-11-16T09:00:00+01:00', end: '2026-11-23T09:00:00+01:00' },
      { rotation: 'ingestion', tier: 'secondary', person: 'sofia-rossi', start: '2026-11-16T09:00:00+01:00', end: '2026-11-23T09:00:00+01:00' },
      { rotation: 'ingestion', tier: 'owner', person: 'amara-okafor', start: '2026-11-16T09:00:00+01:00', end: '2026-11-23T09:00:00+01:00' },
    ]);
  });

  it('follows overrides and the hand-off to Anchor', async () => {
    const christmas = JSON.parse((await runCli(['now', '--at', '2026-12-25T03:00:00+01:00', '--format', 'json', '--rotation', 'ingestion'])).stdout);
    expect(christmas.map((s: { tier: string; person: string }) => [s.tier, s.person])).toEqual([
      ['primary', 'sam-osei'],
      ['secondary', 'rosa-alvarez'],
      ['owner', 'amara-okafor'],
    ]);
    expect(christmas[0]).toMatchObject({ start: '2026-12-24T09:00:00+01:00', end: '2026-12-27T09:00:00+01:00' });
  });

  it('prints names, times in the rotation\'s zone and the reader\'s, contacts and the next step', async () => {
    const result = await runCli(['now', '--now', TEST_NOW, '--tz', 'America/New_York']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('On call at Sun 22 Nov 2026 06:00 -05:00 (America/New_York)');
    expect(out).toContain('Primary          Liam Novak (liam-novak)');
    expect(out).toContain('since Mon 16 Nov 2026 09:00 +01:00, until Mon 23 Nov 2026 09:00 +01:00');
    expect(out).toContain('your time (America/New_York): since Mon 16 Nov 2026 03:00 -05:00, until Mon 23 Nov 2026 03:00 -05:00');
    expect(out).toContain('respond within 15 minutes; pager pagerduty:liam-novak, phone +420 2 5550 1012, slack @liam');
    expect(out).toContain('next: Secondary (if no response within 15 minutes): Sofia Rossi (sofia-rossi): pager pagerduty:sofia-rossi');
    // The owner tier is business hours + on call: on a Sunday the owner is on call, to be paged.
    expect(out).toContain('business hours + on call: business hours Mon, Tue, Wed, Thu, Fri 09:00-17:00 Europe/Berlin; outside business hours now: on call, page them');
    expect(out).toContain('next: SRE Lead: Chen Wei (chen-wei): phone +49 30 5550 1003');
    expect(out).toContain('backup Dana Reyes (dana-reyes)');
    expect(out).toContain('Escalation ladder P0 (ingestion-p0): at once: Primary acks; after 15 minutes: Secondary joins; after 30 minutes: Ingestion Owner joins; after 60 minutes: SRE Lead + PM join.');
  });

  it('exits 2 for an unknown rotation, a bad time or a bad zone, without a stack trace', async () => {
    for (const [args, message] of [
      [['now', '--rotation', 'ingestoin'], 'Did you mean "ingestion"?'],
      [['now', '--at', '2026-11-22T12:00'], '--at: "2026-11-22T12:00" has no UTC offset. Write it with one, e.g. "2026-11-22T12:00Z" or "2026-11-22T12:00+01:00", or give a date (2026-11-01).'],
      [['now', '--at', '2026-11-22T12:00+01:00', '--rotation', 'ingestoin'], 'Did you mean "ingestion"?'],
      [['now', '--tz', 'Mars/Olympus'], '--tz'],
      [['schedule', '--from', '2026-13-01'], '--from'],
      [['burden', '--from', '2026-11-10', '--to', '2026-11-01'], '--to must be after --from'],
      [['now', '--format', 'sarif'], 'sarif'],
      [['calendar'], '--out'],
    ] as const) {
      const result = await runCli([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('still answers with what it can read when a rotation file is broken, and exits 1', async () => {
    repo = tempRepo();
    repo.write(
      'rotations/platform.yaml',
      '# yaml-language-server: $schema=../schemas/rotation.schema.json\nid: platform\nname: Platform\ntimezone: Europe/Berlin\n',
    );
    const result = await runCli(['now', '--root', repo.root, '--at', TEST_NOW, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveLength(3);
    expect(result.stderr).toContain('rotations/platform.yaml');
    expect(result.stderr).toContain('run `oncall validate`');
  });
});

describe('oncall schedule', () => {
  it('prints the shifts as JSON, overrides split out with their reason', async () => {
    // A date-time picks the hand-off itself; a bare date would start at midnight, inside the week before.
    const result = await runCli(['schedule', '--from', '2026-09-28T09:00:00+02:00', '--to', '2026-10-04', '--format', 'json', '--now', TEST_NOW]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { rotation: 'ingestion', tier: 'primary', person: 'sofia-rossi', start: '2026-09-28T09:00:00+02:00', end: '2026-10-01T18:00:00+02:00', source: 'roster' },
      {
        rotation: 'ingestion',
        tier: 'primary',
        person: 'liam-novak',
        start: '2026-10-01T18:00:00+02:00',
        end: '2026-10-02T09:00:00+02:00',
        source: 'override',
        reason: 'Sofia travelling to the client workshop',
      },
      { rotation: 'ingestion', tier: 'primary', person: 'sofia-rossi', start: '2026-10-02T09:00:00+02:00', end: '2026-10-05T09:00:00+02:00', source: 'roster' },
      { rotation: 'ingestion', tier: 'secondary', person: 'ben-schultz', start: '2026-09-28T09:00:00+02:00', end: '2026-10-05T09:00:00+02:00', source: 'roster' },
      { rotation: 'ingestion', tier: 'owner', person: 'amara-okafor', start: '2026-09-28T09:00:00+02:00', end: '2026-10-05T09:00:00+02:00', source: 'roster' },
    ]);
  });

  it('prints a table per rotation: a row per hand-off, a column per tier', async () => {
    const result = await runCli(['schedule', '--from', '2026-11-30T09:00:00+01:00', '--to', '2026-12-27', '--now', TEST_NOW]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('ingestion: Ingestion on-call (weekly, hand-off Monday 09:00 Europe/Berlin)');
    expect(lines[1]).toMatch(/^Hand-off \(Europe\/Berlin\)\s+Primary\s+Secondary\s+Ingestion Owner \(business hours \+ on call\)$/);
    const rows = lines.slice(3, -1).map((line) => line.split(/\s{2,}/));
    expect(rows).toEqual([
      // Both 24/7 tiers are overridden for the whole week, so no roster holder is left in it.
      [
        'Mon 30 Nov 2026 09:00',
        '- (override: liam-novak Mon 30 Nov 09:00 to Mon 7 Dec 09:00)',
        '- (override: sofia-rossi Mon 30 Nov 09:00 to Mon 7 Dec 09:00)',
        'amara-okafor',
      ],
      ['Mon 7 Dec 2026 09:00', 'rosa-alvarez', 'yusuf-demir', 'amara-okafor'],
      ['Mon 14 Dec 2026 09:00', 'sam-osei', 'xavier-costa', 'amara-okafor'],
      ['Mon 21 Dec 2026 09:00', 'yusuf-demir (override: sam-osei Thu 24 Dec 09:00 to Sun 27 Dec 09:00)', 'rosa-alvarez', 'amara-okafor'],
    ]);
  });
});

describe('oncall burden', () => {
  it('prints hours, weekend and night hours in each person\'s zone, shares of the pool\'s mean and flags, for the period and the year to date', async () => {
    const result = await runCli(['burden', '--from', '2026-11-23', '--to', '2026-11-29', '--format', 'json', '--now', TEST_NOW]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.from).toBe('2026-11-23T00:00:00+01:00');
    expect(report.to).toBe('2026-11-30T00:00:00+01:00');
    expect(report.pools.map((p: { members: string[] }) => p.members)).toEqual([['ben-schultz', 'kavya-iyer', 'liam-novak', 'sofia-rossi'], ['amara-okafor']]);
    expect(report.pools[0].mean).toMatchObject({ hours: 84, weekendHours: 24, pages: 0 });
    expect(report.people.map((p: { person: string }) => p.person)).toEqual(['amara-okafor', 'ben-schultz', 'kavya-iyer', 'liam-novak', 'sofia-rossi']);
    // Until Monday 09:00 Liam and Sofia hold the week before (nine hours each); from then Kavya covers
    // Sofia's primary week (an override) and Ben is secondary: 159 hours each, mean (2 * 9 + 2 * 159) / 4 = 84.
    // Kavya's nights are counted in Kolkata: six nights of nine hours, and Sunday 22:00 to 04:30 (00:00 in Berlin).
    expect(report.people[2]).toEqual({
      person: 'kavya-iyer',
      name: 'Kavya Iyer',
      timezone: 'Asia/Kolkata',
      pool: 0,
      shifts: 1,
      hours: 159,
      weekendHours: 48,
      nightHours: 60.5,
      pages: 0,
      nightPages: 0,
      offShiftPages: 0,
      awayDays: 0,
      share: 1.89,
      flags: [
        { measure: 'hours', ratio: 1.89, direction: 'high' },
        { measure: 'weekendHours', ratio: 2, direction: 'high' },
        { measure: 'nightHours', ratio: 1.85, direction: 'high' },
      ],
      tiers: [{ rotation: 'ingestion', tier: 'primary', shifts: 1, hours: 159 }],
    });
    expect(report.people[1]).toMatchObject({ person: 'ben-schultz', hours: 159, nightHours: 56, tiers: [{ tier: 'secondary', hours: 159 }] });
    expect(report.people[4]).toMatchObject({ person: 'sofia-rossi', hours: 9, nightHours: 7, share: 0.11, flags: [{ measure: 'hours', ratio: 0.11, direction: 'low' }] });
    // The owner tier is business hours + on call: reachable all week, nights and weekend included, and a pool of its own.
    expect(report.people[0]).toMatchObject({ person: 'amara-okafor', pool: 1, hours: 168, weekendHours: 48, nightHours: 63, share: 1, flags: [] });
    // Year to date: pages from the incident records, per person and shift; an escalation to the
    // secondary or owner on shift counts on that tier, one to anyone else off shift.
    expect(report.yearToDate.from).toBe('2026-01-01T00:00:00+01:00');
    expect(report.yearToDate.pages.map((p: { incident: string; person: string; kind: string; rotation?: string; tier?: string }) => [p.incident, p.person, p.kind, p.tier ?? 'off shift'])).toEqual([
      ['2026-10-14-ingestion-error-rate', 'kavya-iyer', 'alert', 'primary'],
      ['2026-10-14-ingestion-error-rate', 'liam-novak', 'escalation', 'secondary'],
      ['2026-10-14-ingestion-error-rate', 'noah-fischer', 'escalation', 'off shift'],
      ['2026-10-14-ingestion-error-rate', 'amara-okafor', 'escalation', 'owner'],
      ['2026-10-29-ingestion-outage', 'sofia-rossi', 'alert', 'primary'],
      ['2026-10-29-ingestion-outage', 'ben-schultz', 'escalation', 'secondary'],
      ['2026-10-29-ingestion-outage', 'noah-fischer', 'escalation', 'off shift'],
      ['2026-10-29-ingestion-outage', 'amara-okafor', 'escalation', 'owner'],
      ['2026-10-29-ingestion-outage', 'olivia-grant', 'escalation', 'off shift'],
      ['2026-11-10-ingestion-stuck-upload', 'kavya-iyer', 'alert', 'primary'],
      ['2026-11-18-ingestion-log-warning', 'liam-novak', 'alert', 'primary'],
    ]);
    // Kavya's two pages against the pool's mean of 1.5 (ben 1, kavya 2, liam 2, sofia 1) is 1.33x: not flagged.
    expect(report.yearToDate.pools[0].mean).toMatchObject({ hours: 914, pages: 1.5 });
    expect(report.yearToDate.people.find((p: { person: string }) => p.person === 'kavya-iyer')).toMatchObject({ hours: 1008, pages: 2, flags: [] });
  });

  it('prints tables for the period and the year to date, and the pages', async () => {
    const result = await runCli(['burden', '--from', '2026-11-23', '--to', '2026-11-29', '--now', TEST_NOW]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Taking turns: ben-schultz, kavya-iyer, liam-novak, sofia-rossi: mean 84.0 h, weekend 24.0 h, night 32.6 h, 0 pages.');
    expect(result.stdout).toMatch(/^kavya-iyer\s+Asia\/Kolkata\s+1\s+159\.0\s+1\.89\s+48\.0\s+60\.5\s+0\s+ingestion\/primary 159\.0\s+hours 1\.89x the mean; weekend hours 2x the mean; night hours 1\.85x the mean$/m);
    expect(result.stdout).toMatch(/^sofia-rossi\s+Europe\/Rome\s+1\s+9\.0\s+0\.11\s+0\.0\s+7\.0\s+0\s+ingestion\/secondary 9\.0\s+hours 0\.11x the mean \(below\)$/m);
    expect(result.stdout).toContain('Year to date, from Thu 1 Jan 2026 00:00 +01:00 to Sun 22 Nov 2026 12:00 +01:00');
    expect(result.stdout).toContain('Taking turns: ben-schultz, kavya-iyer, liam-novak, sofia-rossi: mean 914.0 h, weekend 258.5 h, night 342.5 h, 1.5 pages.');
    expect(result.stdout).toMatch(/^kavya-iyer\s+1008\.0\s+1\.10\s+288\.0\s+378\.0\s+2$/m);
  });
});

describe('oncall calendar', () => {
  const run = (out: string, extra: string[] = []) => runCli(['calendar', '--out', out, '--now', TEST_NOW, ...extra]);

  it('writes one .ics per rotation and per person whose events equal the engine shifts, instant for instant', async () => {
    const out = outFolder();
    const result = await run(out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Calendars for 2026-10-01 to 2027-03-01');
    expect(readdirSync(join(out, 'rotations'))).toEqual(['ingestion.ics']);
    expect(readdirSync(join(out, 'people')).sort()).toEqual(
      ['amara-okafor', 'ben-schultz', 'kavya-iyer', 'liam-novak', 'rosa-alvarez', 'sam-osei', 'sofia-rossi', 'xavier-costa', 'yusuf-demir'].map((p) => `${p}.ics`),
    );

    const read = (path: string) => {
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(out, path), 'utf8')));
      for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
      return calendar.getAllSubcomponents('vevent').map((v) => {
        const event = new ICAL.Event(v);
        return { summary: event.summary, tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'), start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString() };
      });
    };
    // The owner tier is business hours + on call: the escalation point outside business hours too,
    // so its events are whole shifts like the 24/7 tiers' (a business-hours tier would be split into blocks).
    const from = new Date('2026-09-30T22:00:00Z');
    const to = new Date('2027-02-28T23:00:00Z');
    const shifts = expandRotation(ingestion(), from, to);
    expect(ingestion().tiers.find((t) => t.id === 'owner')?.coverage).toBe('business-hours-and-on-call');
    const byStart = (a: { start: string }, b: { start: string }) => a.start.localeCompare(b.start);
    const events = read('rotations/ingestion.ics');
    expect(events.map((e) => [e.start, e.end]).sort()).toEqual(shifts.map((s) => [s.start.toISOString(), s.end.toISOString()]).sort());
    expect(events.every((e) => e.tzid === 'Europe/Berlin')).toBe(true);
    // The week across the end of summer time is 169 hours in the calendar too.
    const dstWeek = events.find((e) => e.start === '2026-10-19T07:00:00.000Z')!;
    expect((Date.parse(dstWeek.end) - Date.parse(dstWeek.start)) / 3_600_000).toBe(169);

    const sam = read('people/sam-osei.ics').sort(byStart);
    expect(sam.map((e) => [e.summary, e.start, e.end])).toEqual(
      shifts
        .filter((s) => s.person === 'sam-osei')
        .map((s) => [`ingestion ${s.tier} on-call`, s.start.toISOString(), s.end.toISOString()])
        .sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
  });

  it('is byte-identical on a second run and leaves unchanged files alone', async () => {
    const out = outFolder();
    await run(out);
    const before = readFileSync(join(out, 'rotations', 'ingestion.ics'));
    const again = await run(out);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 written, 10 unchanged');
    expect(readFileSync(join(out, 'rotations', 'ingestion.ics')).equals(before)).toBe(true);
  });

  it('refuses to overwrite a file it did not write: exit 1, the file unchanged, nothing written', async () => {
    const out = outFolder();
    mkdirSync(join(out, 'people'));
    const foreign = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//Their calendar//EN\r\nEND:VCALENDAR\r\n';
    writeFileSync(join(out, 'people', 'ben-schultz.ics'), foreign);
    const result = await run(out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(out, 'people', 'ben-schultz.ics')} is not a calendar written by oncall calendar; it was left unchanged`);
    expect(readFileSync(join(out, 'people', 'ben-schultz.ics'), 'utf8')).toBe(foreign);
    expect(existsSync(join(out, 'rotations'))).toBe(false);
    expect(readdirSync(join(out, 'people'))).toEqual(['ben-schultz.ics']);
  });

  it('refuses a symbolic link in the way', async () => {
    const out = outFolder();
    mkdirSync(join(out, 'rotations'));
    writeFileSync(join(out, 'target.txt'), 'keep me');
    symlinkSync(join(out, 'target.txt'), join(out, 'rotations', 'ingestion.ics'));
    const result = await run(out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a symbolic link');
    expect(readFileSync(join(out, 'target.txt'), 'utf8')).toBe('keep me');
  });

  it('removes its own calendars of rotations that no longer exist, and nothing else', async () => {
    const out = outFolder();
    await run(out);
    const ours = readFileSync(join(out, 'rotations', 'ingestion.ics'), 'utf8');
    writeFileSync(join(out, 'rotations', 'retired.ics'), ours);
    writeFileSync(join(out, 'rotations', 'notes.ics'), 'BEGIN:VCALENDAR\r\nPRODID:-//Someone//EN\r\nEND:VCALENDAR\r\n');
    const result = await run(out);
    expect(result.stdout).toContain('1 removed (rotations/retired.ics)');
    expect(readdirSync(join(out, 'rotations')).sort()).toEqual(['ingestion.ics', 'notes.ics']);
  });
});
