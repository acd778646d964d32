import { afterEach, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../scripts/report-monthly/monthly-report.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURE_ROOT, TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

async function reportJson(root: string, month: string, now = TEST_NOW): Promise<MonthlyReport> {
  const result = await runCli(['report', '--root', root, '--month', month, '--format', 'json', '--now', now]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as MonthlyReport;
}

describe('oncall report --month 2026-10 on the fixture data (figures checked by hand)', () => {
  it('measures October over 745 hours and finds 48 minutes of downtime', async () => {
    const report = await reportJson(FIXTURE_ROOT, '2026-10');
    // October 2026 in Europe/Berlin runs from 1 Oct 00:00 +02:00 to 1 Nov 00:00 +01:00:
    // 31 days x 24 h = 744 h, plus the hour repeated when DST ends on 25 October = 745 h = 44,700 min.
    expect(report.period).toEqual({ start: '2026-10-01T00:00:00+02:00', end: '2026-11-01T00:00:00+01:00', hours: 745 });
    expect(report.asOf).toBe('2026-11-01T00:00:00+01:00');
    // The only downtime: 2026-10-29, impact 02:14 to 03:02 (+01:00) = 48 min; no maintenance in October.
    // Uptime = (44,700 - 48) / 44,700 = 44,652 / 44,700 = 99.89262...% -> 99.893%, under the 99.9% target.
    expect(report.uptime).toEqual([
      {
        product: 'ingestion',
        name: 'Document ingestion',
        stage: 'Stabilisation (first 30 days post-launch)',
        sla: 'informal',
        periodMinutes: 44_700,
        downtimeMinutes: 48,
        excludedMaintenanceMinutes: 0,
        uptimePercent: 99.893,
        targetPercent: 99.9,
        targetMet: false,
        windows: [{ incident: '2026-10-29-ingestion-outage', start: '2026-10-29T02:14:00+01:00', end: '2026-10-29T03:02:00+01:00', minutes: 48 }],
      },
    ]);
  });

  it('lists the incidents with severity, duration, root cause and resolution', async () => {
    const report = await reportJson(FIXTURE_ROOT, '2026-10');
    // 2026-10-14: 09:42 to 12:10 = 2 h 28 min = 148 min. 2026-10-29: 02:14 to 03:06 = 52 min.
    expect(report.incidents.map((i) => [i.id, i.severity, i.durationMinutes, i.duration, i.downtimeMinutes])).toEqual([
      ['2026-10-14-ingestion-error-rate', 'P1', 148, '2 h 28 min', 0],
      ['2026-10-29-ingestion-outage', 'P0', 52, '52 min', 48],
    ]);
    expect(report.incidents[1]).toMatchObject({
      rootCause: 'The blob storage access token had a fixed one-year expiry and no rotation or expiry alert.',
      resolution: 'A new token was issued and deployed; rotation was automated with an expiry alert 30 days ahead.',
      postmortem: { required: true, within: '24h', due: '2026-10-30T03:06:00+01:00', standing: 'met' },
    });
  });

  it('checks SLA compliance per incident, in business time where the target is', async () => {
    const report = await reportJson(FIXTURE_ROOT, '2026-10');
    const [errorRate, outage] = report.incidents;
    // P1: acknowledged 09:47 - 09:42 = 5 min, within 1 h. Resolved 12:10 on a Wednesday inside 09:00-17:00:
    // 148 business minutes, within 8 business hours (480 min); the deadline is Thursday 15 Oct 09:42.
    // Its escalation to the team lead at 10:12 was acknowledged at 10:16, and the one to the Ingestion Owner
    // at 10:30 at 10:33: 4 and 3 min, within the 2 h escalation target.
    expect(errorRate!.sla).toEqual({
      acknowledge: { target: '1h', businessTime: false, elapsedMinutes: 5, elapsed: '5 min', deadline: '2026-10-14T10:42:00+02:00', status: 'met' },
      escalations: [
        { target: '2h', businessTime: false, elapsedMinutes: 4, elapsed: '4 min', deadline: '2026-10-14T12:12:00+02:00', status: 'met' },
        { target: '2h', businessTime: false, elapsedMinutes: 3, elapsed: '3 min', deadline: '2026-10-14T12:30:00+02:00', status: 'met' },
      ],
      resolve: { target: '8bh', businessTime: true, elapsedMinutes: 148, elapsed: '2 h 28 min (business time)', deadline: '2026-10-15T09:42:00+02:00', status: 'met' },
    });
    // P0: acknowledged 02:21 - 02:14 = 7 min, within 15 min; resolved 03:06 - 02:14 = 52 min, within 4 h.
    // Escalations at 02:29 and 02:44, acknowledged at 02:31 and 02:49: 2 and 5 min, within 30 min.
    expect(outage!.sla).toEqual({
      acknowledge: { target: '15m', businessTime: false, elapsedMinutes: 7, elapsed: '7 min', deadline: '2026-10-29T02:29:00+01:00', status: 'met' },
      escalations: [
        { target: '30m', businessTime: false, elapsedMinutes: 2, elapsed: '2 min', deadline: '2026-10-29T02:59:00+01:00', status: 'met' },
        { target: '30m', businessTime: false, elapsedMinutes: 5, elapsed: '5 min', deadline: '2026-10-29T03:14:00+01:00', status: 'met' },
      ],
      resolve: { target: '4h', businessTime: false, elapsedMinutes: 52, elapsed: '52 min', deadline: '2026-10-29T06:14:00+01:00', status: 'met' },
    });
    // Acknowledged 2 of 2 = 100%; escalations acknowledged 4 of 4 = 100%; resolved 2 of 2 = 100%.
    expect(report.sla).toEqual({
      acknowledge: { met: 2, breached: 0, pending: 0, noClock: 0, percent: 100 },
      escalationAcknowledge: { met: 4, breached: 0, pending: 0, noClock: 0, percent: 100 },
      resolve: { met: 2, breached: 0, pending: 0, noClock: 0, percent: 100 },
    });
  });

  it('computes escalation metrics against the goals in policy/escalation.yaml', async () => {
    const report = await reportJson(FIXTURE_ROOT, '2026-10');
    // One P0, escalated: 1/1 = 100% against at most 5%; one P1, escalated: 1/1 = 100% against at most 10%.
    expect(report.escalation.rates).toEqual([
      { severity: 'P0', incidents: 1, escalated: 1, ratePercent: 100, goalPercent: 5, goalMet: false },
      { severity: 'P1', incidents: 1, escalated: 1, ratePercent: 100, goalPercent: 10, goalMet: false },
    ]);
    // P1: first escalation 10:12 - 09:42 = 30 min; resolved 12:10 - 10:12 = 118 business min, goal 2 x 8 bh = 960.
    // P0: first escalation 02:29 - 02:14 = 15 min; resolved 03:06 - 02:29 = 37 min, goal 2 x 4 h = 480 min.
    expect(report.escalation.timings.map((t) => [t.incident, t.level, t.timeToEscalateMinutes, t.timeToEscalateMet, t.resolutionAfterEscalationMinutes, t.resolutionGoalMinutes, t.resolutionMet])).toEqual([
      ['2026-10-14-ingestion-error-rate', 'l2', 30, true, 118, 960, true],
      ['2026-10-29-ingestion-outage', 'l2', 15, true, 37, 480, true],
    ]);
    expect(report.escalation.maxResolutionFactor).toBe(2);
  });

  it('lists action items open at the end of the month and the maintenance ahead', async () => {
    const report = await reportJson(FIXTURE_ROOT, '2026-10');
    // On 31 October five items were open (three were done in November); none was past due yet.
    expect(report.actionItems.open.map((a) => `${a.incident}/${a.id}`)).toEqual([
      '2026-10-29-ingestion-outage/AI-1',
      '2026-10-29-ingestion-outage/AI-2',
      '2026-10-14-ingestion-error-rate/AI-3',
      '2026-10-14-ingestion-error-rate/AI-2',
      '2026-10-29-ingestion-outage/AI-3',
    ]);
    expect(report.actionItems.overdue).toEqual([]);
    // Both windows ahead were announced in November (10 and 20 November): at the end of October nobody knew of them.
    expect(report.maintenance.upcoming).toEqual([]);
    expect(report.maintenance.inMonth).toEqual([]);
    // In November's report the storage migration, announced on 20 November 371 h ahead, is upcoming.
    const november = await reportJson(FIXTURE_ROOT, '2026-11');
    expect(november.maintenance.upcoming.map((m) => [m.id, m.noticeHours, m.noticeMet])).toEqual([['2026-12-05-storage-migration', 371, true]]);
  });

  it('prints the same figures as Markdown', async () => {
    const result = await runCli(['report', '--root', FIXTURE_ROOT, '--month', '2026-10', '--now', TEST_NOW]);
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toContain('# Uptime and incident report: October 2026');
    expect(text).toContain('(Europe/Berlin, 745 hours)');
    expect(text).toContain('| Document ingestion | Stabilisation (first 30 days post-launch) | informal | 48 min | 99.893% | 99.9%: **not met** |');
    expect(text).toContain('| 2026-10-29-ingestion-outage | P0 | 7 min / 15 minutes: met | 2 min / 30 minutes: met; 5 min / 30 minutes: met | 52 min / 4 hours: met |');
    expect(text).toContain('Acknowledged: 2 of 2 within target (100%).');
    expect(text).toContain('| 2026-10-14-ingestion-error-rate | P1 | 5 min / 1 hour: met | 4 min / 2 hours: met; 3 min / 2 hours: met | 2 h 28 min (business time) / 8 business hours: met |');
    expect(text).toContain('Escalations acknowledged: 4 of 4 within target (100%).');
    expect(text).toContain('| P1 | 1 | 1 | 100% | at most 10%: **not met** |');
    expect(text).toContain('5 open, 0 overdue.');
    for (const heading of ['## Uptime', '## Incidents', '## SLA compliance', '## Escalation', '## Post-mortems', '## Action items', '## Upcoming maintenance']) {
      expect(text).toContain(`\n${heading}\n`);
    }
  });
});

describe('oncall report for other months and data', () => {
  it('measures the current month up to now, with P2 and P3 targets in business time', async () => {
    const report = await reportJson(FIXTURE_ROOT, '2026-11');
    // 1 Nov 00:00 to 22 Nov 12:00 (+01:00, no DST change) = 21.5 days = 30,960 min, no downtime.
    expect(report.asOf).toBe('2026-11-22T12:00:00+01:00');
    expect(report.uptime[0]).toMatchObject({ periodMinutes: 30_960, downtimeMinutes: 0, uptimePercent: 100, targetMet: true });
    const [stuck, warning] = report.incidents;
    // P2 on Tuesday 10 Nov: acknowledged 14:05 -> 14:40 = 35 min (target 4 h); resolved 16:10 = 125 business min (target 2 bd = 960).
    expect(stuck!.sla.acknowledge).toMatchObject({ elapsedMinutes: 35, status: 'met' });
    expect(stuck!.sla.resolve).toMatchObject({ target: '2bd', elapsedMinutes: 125, deadline: '2026-11-12T14:05:00+01:00', status: 'met' });
    // P3 on Wednesday 18 Nov: acknowledged 10:15 -> 11:02 = 47 business min (target 1 bd); resolution: next sprint, no clock.
    expect(warning!.sla.acknowledge).toMatchObject({ target: '1bd', businessTime: true, elapsedMinutes: 47, status: 'met' });
    expect(warning!.sla.resolve).toEqual({ target: 'next-sprint', businessTime: false, status: 'no-clock' });
    // Still open: 18 Nov 10:15 to 22 Nov 12:00 = 4 days 1 h 45 min = 5,865 min.
    expect(warning).toMatchObject({ ongoing: true, durationMinutes: 5865 });
    expect(report.sla.resolve).toEqual({ met: 1, breached: 0, pending: 0, noClock: 1, percent: 100 });
    expect(report.escalation.rates).toEqual([
      { severity: 'P2', incidents: 1, escalated: 0, ratePercent: 0 },
      { severity: 'P3', incidents: 1, escalated: 0, ratePercent: 0 },
    ]);
    expect(report.maintenance.inMonth.map((m) => m.id)).toEqual(['2026-11-14-database-upgrade']);
    expect(report.actionItems.open.map((a) => a.id)).toEqual(['AI-2', 'AI-3']);
  });

  it('reports breached targets, counting business time across the night', async () => {
    repo = tempRepo();
    const file = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';
    repo.replace(file, 'acknowledged: 2026-10-14T09:47:00+02:00', 'acknowledged: 2026-10-14T11:00:00+02:00');
    repo.replace(file, 'resolved: 2026-10-14T12:10:00+02:00', 'resolved: 2026-10-15T10:30:00+02:00');
    const report = await reportJson(repo.root, '2026-10');
    // Acknowledged after 78 min (> 1 h). Resolved next day: 09:42-17:00 (438) + 09:00-10:30 (90) = 528 business min > 480.
    expect(report.incidents[0]!.sla.acknowledge).toMatchObject({ elapsedMinutes: 78, status: 'breached' });
    expect(report.incidents[0]!.sla.resolve).toMatchObject({ elapsedMinutes: 528, status: 'breached' });
    expect(report.sla.acknowledge).toEqual({ met: 1, breached: 1, pending: 0, noClock: 0, percent: 50 });
  });

  it('counts a late escalation acknowledgement against the escalation SLA', async () => {
    repo = tempRepo();
    repo.replace('incidents/2026/2026-10-29-ingestion-outage.yaml', 'acknowledged: 2026-10-29T02:49:00+01:00', 'acknowledged: 2026-10-29T03:20:00+01:00');
    const report = await reportJson(repo.root, '2026-10');
    // Escalated to level 3 at 02:44, acknowledged 03:20: 36 min, over the 30 min a P0 escalation allows;
    // the other three escalations of the month are still met: 3 of 4 = 75%.
    expect(report.incidents[1]!.sla.escalations[1]).toMatchObject({ target: '30m', elapsedMinutes: 36, status: 'breached' });
    expect(report.sla.escalationAcknowledge).toEqual({ met: 3, breached: 1, pending: 0, noClock: 0, percent: 75 });
  });

  it('lists only what existed in the month: not the action items of an incident detected later', async () => {
    repo = tempRepo();
    const id = '2026-12-02-ingestion-queue-stall';
    repo.write(
      `incidents/2026/${id}.yaml`,
      [
        '# yaml-language-server: $schema=../../schemas/incident.schema.json',
        `id: ${id}`,
        'title: Ingestion queue stalled',
        'product: ingestion',
        'severity: P2',
        'status: resolved',
        'detected: 2026-12-02T10:00:00+01:00',
        'acknowledged: 2026-12-02T10:05:00+01:00',
        'resolved: 2026-12-02T11:00:00+01:00',
        'impact:',
        '  summary: Uploads waited up to an hour.',
        '  downtime: false',
        'roles:',
        '  commander: kavya-iyer',
        'timeline:',
        '  - { at: 2026-12-02T10:00:00+01:00, event: Queue depth alert }',
        '',
      ].join('\n'),
    );
    repo.write(
      `docs/incidents/${id}.md`,
      [
        '---',
        `incident: ${id}`,
        'title: Ingestion queue stalled',
        'authors: [kavya-iyer]',
        'status: draft',
        'action_items:',
        '  - { id: AI-1, title: Alert on queue age, owner: kavya-iyer, due: 2026-10-20, status: open }',
        '---',
        '',
        '## Summary',
        '',
        'The queue stalled.',
        '',
      ].join('\n'),
    );
    const october = await reportJson(repo.root, '2026-10', '2026-12-10T12:00:00+01:00');
    expect(october.actionItems.open.map((a) => `${a.incident}/${a.id}`)).not.toContain(`${id}/AI-1`);
    expect(october.actionItems.open).toHaveLength(5);
    const december = await reportJson(repo.root, '2026-12', '2026-12-10T12:00:00+01:00');
    expect(december.actionItems.open.map((a) => `${a.incident}/${a.id}`)).toContain(`${id}/AI-1`);
  });

  it('does not count downtime inside announced maintenance', async () => {
    repo = tempRepo();
    repo.write(
      'incidents/2026/2026-11-14-ingestion-upgrade-overrun.yaml',
      [
        '# yaml-language-server: $schema=../../schemas/incident.schema.json',
        'id: 2026-11-14-ingestion-upgrade-overrun',
        'title: Ingestion down before and during the database upgrade',
        'product: ingestion',
        'severity: P2',
        'status: resolved',
        'detected: 2026-11-14T21:30:00+01:00',
        'acknowledged: 2026-11-14T21:35:00+01:00',
        'resolved: 2026-11-14T23:00:00+01:00',
        'impact:',
        '  summary: Uploads failed from 21:30 until the upgrade finished.',
        '  downtime: true',
        'roles:',
        '  commander: kavya-iyer',
        'timeline:',
        '  - { at: 2026-11-14T21:30:00+01:00, event: Uploads start failing }',
        '',
      ].join('\n'),
    );
    const report = await reportJson(repo.root, '2026-11');
    // Impact 21:30-23:00 = 90 min; 22:00-23:00 lies in the maintenance window announced 108 h ahead, so 30 min count.
    // Uptime = (30,960 - 30) / 30,960 = 99.9031% -> 99.903%.
    expect(report.uptime[0]).toMatchObject({ downtimeMinutes: 30, excludedMaintenanceMinutes: 60, uptimePercent: 99.903 });
  });

  it('warns when records with errors are left out', async () => {
    repo = tempRepo();
    repo.replace('incidents/2026/2026-10-14-ingestion-error-rate.yaml', 'severity: P1\nstatus', 'severity: [P1]\nstatus');
    const result = await runCli(['report', '--root', repo.root, '--month', '2026-10', '--format', 'json', '--now', TEST_NOW]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'oncall: warning: 1 incident or post-mortem file has errors and is left out (incidents/2026/2026-10-14-ingestion-error-rate.yaml); run `npm run oncall -- validate`.\n',
    );
    expect((JSON.parse(result.stdout) as MonthlyReport).incidents.map((i) => i.id)).toEqual(['2026-10-29-ingestion-outage']);
  });

  it('exits 2 when a policy file it needs is invalid', async () => {
    repo = tempRepo();
    repo.replace('policy/lifecycle.yaml', 'cadence: monthly', 'cadence: weekly');
    const result = await runCli(['report', '--root', repo.root, '--month', '2026-10', '--now', TEST_NOW]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('oncall: policy/lifecycle.yaml is missing or invalid; run `npm run oncall -- validate` and fix it first.\n');
  });

  it('writes the report to a file with --out', async () => {
    repo = tempRepo();
    const result = await runCli(['report', '--root', repo.root, '--month', '2026-10', '--now', TEST_NOW, '--out', 'reports/2026-10.md'], { cwd: repo.root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Wrote reports/2026-10.md\n');
    expect(repo.read('reports/2026-10.md')).toContain('# Uptime and incident report: October 2026');
  });

  it('gives the same report for a past month whenever it is produced', async () => {
    const early = await runCli(['report', '--root', FIXTURE_ROOT, '--month', '2026-10', '--now', '2026-11-02T09:00:00+01:00']);
    const late = await runCli(['report', '--root', FIXTURE_ROOT, '--month', '2026-10', '--now', '2027-03-01T09:00:00+01:00']);
    expect(late.stdout).toBe(early.stdout);
  });

  it.each([
    { args: ['--month', '2026-13'], message: '--month: "2026-13" is not a month written YYYY-MM' },
    { args: [], message: '--month YYYY-MM is required' },
    { args: ['--month', '2026-10', '--format', 'pdf'], message: "argument 'pdf' is invalid" },
  ])('exits 2 for $args', async ({ args, message }) => {
    const result = await runCli(['report', '--root', FIXTURE_ROOT, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
