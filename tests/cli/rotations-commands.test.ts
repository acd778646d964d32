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
    expect(out).toContain('business hours Mon, Tue, Wed, Thu, Fri 09:00-17:00 Europe/Berlin; outside them now: by arrangement');
    expect(out).toContain('next: SRE Lead: Chen Wei (chen-wei): phone +49 30 5550 1003');
    expect(out).toContain('backup Dana Reyes (dana-reyes)');
    expect(out).toContain('Escalation ladder P0 (ingestion-p0): at once: Primary acks; after 15 minutes: Secondary joins; after 30 minutes: Ingestion Owner joins; after 60 minutes: SRE Lead + PM join.');
  });

  it('exits 2 for an unknown rotation, a bad time or a bad zone, without a stack trace', async () => {
    for (const [args, message] of [
      [['now', '--rotation', 'ingestoin'], 'Did you mean "ingestion"?'],
      [['now', '--at', '2026-11-22T12:00'], '--at'],
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
    expect(lines[1]).toMatch(/^Hand-off \(Europe\/Berlin\)\s+Primary\s+Secondary\s+Ingestion Owner$/);
    const rows = lines.slice(3, -1).map((line) => line.split(/\s{2,}/));
    expect(rows).toEqual([
      ['Mon 30 Nov 2026 09:00', 'ben-schultz', 'kavya-iyer', 'amara-okafor'],
      ['Mon 7 Dec 2026 09:00', 'rosa-alvarez', 'sam-osei', 'amara-okafor'],
      ['Mon 14 Dec 2026 09:00', 'sam-osei', 'yusuf-demir', 'amara-okafor'],
      ['Mon 21 Dec 2026 09:00', 'yusuf-demir (override: sam-osei Thu 24 Dec 09:00 to Sun 27 Dec 09:00)', 'rosa-alvarez', 'amara-okafor'],
    ]);
  });
});

describe('oncall burden', () => {
  it('prints hours per tier, weekend and night hours in each person\'s zone, and shifts', async () => {
    const result = await runCli(['burden', '--from', '2026-11-23', '--to', '2026-11-29', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.from).toBe('2026-11-23T00:00:00+01:00');
    expect(report.to).toBe('2026-11-30T00:00:00+01:00');
    expect(report.people.map((p: { person: string }) => p.person)).toEqual(['amara-okafor', 'ben-schultz', 'liam-novak', 'sofia-rossi']);
    expect(report.people[3]).toEqual({
      person: 'sofia-rossi',
      name: 'Sofia Rossi',
      timezone: 'Europe/Rome',
      shifts: 2,
      hours: 168,
      weekendHours: 48,
      nightHours: 63,
      tiers: [
        { rotation: 'ingestion', tier: 'primary', shifts: 1, hours: 159 },
        { rotation: 'ingestion', tier: 'secondary', shifts: 1, hours: 9 },
      ],
    });
    // The owner tier is business hours only: Monday to Friday, 09:00-17:00.
    expect(report.people[0]).toMatchObject({ person: 'amara-okafor', hours: 40, weekendHours: 0, nightHours: 0 });
  });

  it('prints a table', async () => {
    const result = await runCli(['burden', '--from', '2026-11-23', '--to', '2026-11-29']);
    expect(result.stdout).toMatch(/^sofia-rossi\s+Europe\/Rome\s+2\s+168\.0\s+48\.0\s+63\.0\s+ingestion\/primary 159\.0, ingestion\/secondary 9\.0$/m);
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
      ['amara-okafor', 'ben-schultz', 'kavya-iyer', 'liam-novak', 'rosa-alvarez', 'sam-osei', 'sofia-rossi', 'yusuf-demir'].map((p) => `${p}.ics`),
    );

    const read = (path: string) => {
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(out, path), 'utf8')));
      for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
      return calendar.getAllSubcomponents('vevent').map((v) => {
        const event = new ICAL.Event(v);
        return { summary: event.summary, tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'), start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString() };
      });
    };
    const shifts = expandRotation(ingestion(), new Date('2026-09-30T22:00:00Z'), new Date('2027-02-28T23:00:00Z'));
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
    expect(again.stdout).toContain('0 written, 9 unchanged');
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
