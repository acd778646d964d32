import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { onCallAt } from '../../scripts/schedule/on-call.ts';
import { splitFrontMatter } from '../../scripts/repo/front-matter.ts';
import { runCli } from '../support/cli.ts';
import { TEST_NOW, tempRepo, type TempRepo, FIXTURE_ROOT } from '../support/repo.ts';
import { buildModel } from '../../scripts/check/build-model.ts';
import { incidentMessages } from '../../scripts/incidents/messages.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { validateAt } from '../incidents/support.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function newIncident(r: TempRepo, ...args: string[]) {
  return runCli(['new', 'incident', '--root', r.root, ...args]);
}

describe('oncall new incident', () => {
  it('writes a prefilled record that validates as written', async () => {
    repo = tempRepo();
    const result = await newIncident(repo, '--severity', 'P1', '--title', 'Uploads stuck for large files', '--now', TEST_NOW);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const path = 'incidents/2026/2026-11-22-uploads-stuck-for-large-files.yaml';
    expect(result.stdout).toContain(`Wrote ${path}`);
    const text = repo.read(path);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/incident.schema.json');

    const rotation = parse(repo.read('rotations/ingestion.yaml'));
    const onCall = onCallAt(rotation, new Date(TEST_NOW))[0]!.person;
    const record = parse(text);
    expect(record).toEqual({
      id: '2026-11-22-uploads-stuck-for-large-files',
      title: 'Uploads stuck for large files',
      product: 'ingestion',
      severity: 'P1',
      status: 'detected',
      detected: '2026-11-22T12:00:00+01:00',
      channel: '#incident-2026-11-22-uploads-stuck-for-large-files',
      impact: { summary: expect.any(String), downtime: false },
      // P1 is a major severity: the communications lead is the support lead, who owns client-facing incident communication.
      roles: { commander: onCall, communications_lead: 'isla-murphy' },
      timeline: [{ at: '2026-11-22T12:00:00+01:00', event: `Incident declared: P1 (High); ${onCall} is incident commander`, by: onCall }],
    });
    expect(result.stdout).toContain(`incident commander: ${onCall} (on call now)`);
    expect(text).not.toMatch(/TBD|_{3,}|\[PLACEHOLDER/);

    const checked = await validateAt(repo, TEST_NOW);
    expect(checked.diagnostics).toEqual([]);
  });

  it('writes the detection time to the second, without milliseconds, whether from --now or the clock', async () => {
    repo = tempRepo();
    expect((await newIncident(repo, '--severity', 'P2', '--title', 'Slow search', '--now', '2026-11-22T12:34:56.789+01:00')).code).toBe(0);
    const record = parse(repo.read('incidents/2026/2026-11-22-slow-search.yaml'));
    expect(record.detected).toBe('2026-11-22T12:34:56+01:00');
    expect(record.timeline[0].at).toBe('2026-11-22T12:34:56+01:00');

    const byClock = await newIncident(repo, '--severity', 'P2', '--title', 'Slow exports');
    expect(byClock.code).toBe(0);
    const written = /Wrote (incidents\/\S+\.yaml)/.exec(byClock.stdout)![1]!;
    expect(parse(repo.read(written)).detected).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
  });

  it('prints the communication policy\'s start, update and resolved messages filled in from the record', async () => {
    repo = tempRepo();
    const result = await newIncident(repo, '--severity', 'P1', '--title', 'Uploads stuck for large files', '--now', TEST_NOW, '--commander', 'liam-novak');
    expect(result.code).toBe(0);
    const messages = result.stdout.slice(result.stdout.indexOf('\nMessages'));
    // Start: detected 12:00 CET, next update 30 minutes later (policy/communication.yaml update_every).
    expect(messages).toContain(
      [
        'Incident Start (#ingestion-rollout):',
        '  🔴 INCIDENT: Ingestion P1',
        '  Time: 2026-11-22 12:00 CET',
        '  Impact: Not assessed yet: say who is affected and how as soon as it is known.',
        '  Status: Investigating',
        '  On-Call: Liam Novak',
        '  Next update: 2026-11-22 12:30 CET',
      ].join('\n'),
    );
    // Update and resolved: what the record cannot know yet stays marked for the sender.
    expect(messages).toContain(['  🟡 UPDATE: Ingestion P1', '  Time: {{timestamp}}', '  Status: investigating', '  Findings: {{findings}}'].join('\n'));
    expect(messages).toContain(['  🟢 RESOLVED: Ingestion P1', '  Time: {{timestamp}}', '  Duration: {{duration}}', '  Root cause: {{root_cause}}', '  Resolution: {{resolution}}', '  Follow-up: post-incident scheduled Y'].join('\n'));
  });

  it('fills the resolved message of a closed incident from its record', async () => {
    const { model } = buildModel((await readRepository(FIXTURE_ROOT)).files);
    const outage = model.incidents.find((d) => d.data.id === '2026-10-29-ingestion-outage')!.data;
    const resolved = incidentMessages(model, outage).find((m) => m.template === 'incident-resolved')!;
    expect(resolved.text).toBe(
      [
        '🟢 RESOLVED: Ingestion P0',
        'Time: 2026-10-29 03:06 CET',
        'Duration: 52 min',
        'Root cause: The blob storage access token had a fixed one-year expiry and no rotation or expiry alert.',
        'Resolution: A new token was issued and deployed; rotation was automated with an expiry alert 30 days ahead.',
        'Follow-up: post-incident scheduled Y',
      ].join('\n'),
    );
  });

  it('produces a record that the silent-escalation rule then watches', async () => {
    repo = tempRepo();
    await newIncident(repo, '--severity', 'P0', '--title', 'Everything is down', '--now', TEST_NOW);
    const path = 'incidents/2026/2026-11-22-everything-is-down.yaml';
    expect((await validateAt(repo, '2026-11-22T12:10:00+01:00')).diagnostics).toEqual([]);
    // Sixteen minutes in, leadership has not heard, and the ladders' 15-minute steps (team lead, secondary) have passed.
    const late = await validateAt(repo, '2026-11-22T12:16:00+01:00');
    expect(late.diagnostics.map((d) => [d.ruleId, d.file, d.line]).sort()).toEqual([
      ['incident-escalation-timing', path, 5],
      ['incident-escalation-timing', path, 5],
      ['incident-leadership-notified', path, 5],
    ]);
  });

  it('takes the commander, communications lead, product and slug from options', async () => {
    repo = tempRepo();
    const result = await newIncident(
      repo,
      '--severity', 'P2', '--title', 'Ünïcode title', '--product', 'ingestion', '--slug', 'report-export',
      '--commander', 'ben-schultz', '--communications-lead', 'jonas-berg', '--now', '2026-11-23T08:30:00Z',
    );
    expect(result.code).toBe(0);
    const record = parse(repo.read('incidents/2026/2026-11-23-report-export.yaml'));
    expect(record.detected).toBe('2026-11-23T09:30:00+01:00');
    expect(record.roles).toEqual({ commander: 'ben-schultz', communications_lead: 'jonas-berg' });
    expect(result.stdout).toContain('incident commander: ben-schultz (as given)');
  });

  it('never replaces an existing record: exit 1, the file unchanged, no temporary file left', async () => {
    repo = tempRepo();
    const args = ['--severity', 'P2', '--title', 'Slow page load', '--now', TEST_NOW];
    expect((await newIncident(repo, ...args)).code).toBe(0);
    const path = 'incidents/2026/2026-11-22-slow-page-load.yaml';
    repo.write(path, `${repo.read(path)}# edited by hand\n`);
    const before = repo.read(path);
    const again = await newIncident(repo, ...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${path} already exists; nothing was written`);
    expect(repo.read(path)).toBe(before);
    expect(readdirSync(repo.path('incidents/2026')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    { args: ['--severity', 'P9', '--title', 'x'], message: '--severity: "P9" is not a severity in policy/severities.yaml. Known: P0, P1, P2, P3.' },
    { args: ['--severity', 'P1'], message: '--title <text> is required' },
    { args: ['--title', 'x'], message: '--severity <id> is required' },
    { args: ['--severity', 'P1', '--title', 'x', '--product', 'ingest'], message: '--product: "ingest" is not a product in policy/lifecycle.yaml. Known: ingestion.' },
    { args: ['--severity', 'P1', '--title', '!!!'], message: 'pass --slug <slug>' },
    { args: ['--severity', 'P1', '--title', 'x', '--slug', 'Bad Slug'], message: '--slug: "Bad Slug" is not' },
    { args: ['--severity', 'P1', '--title', 'x', '--commander', 'nobody'], message: '--commander: "nobody" is not a person' },
    { args: ['--severity', 'P1', '--title', 'x', '--now', '2026-11-22T12:00:00'], message: '--now: "2026-11-22T12:00:00" has no UTC offset. Write it with one, e.g. "2026-11-22T12:00:00Z" or "2026-11-22T12:00:00+01:00".' },
    { args: ['--severity', 'P1', '--title', 'x', '--now', '2026-11-22 12:00'], message: '--now: "2026-11-22 12:00" has no UTC offset. Write it with one, e.g. "2026-11-22T12:00Z"' },
    { args: ['--severity', 'P1', '--title', 'x', '--now', 'next Tuesday'], message: '--now: "next Tuesday" is not a date-time with a UTC offset' },
  ])('exits 2 for $args', async ({ args, message }) => {
    repo = tempRepo();
    const result = await newIncident(repo, ...(args.includes('--now') ? args : [...args, '--now', TEST_NOW]));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(repo.path('incidents/2026')).length).toBe(4);
  });
});

describe('oncall new postmortem', () => {
  const OUTAGE_PM = 'docs/incidents/2026-10-29-ingestion-outage.md';

  it('writes the template with front matter, every section and the timeline from the record', async () => {
    repo = tempRepo();
    repo.remove(OUTAGE_PM);
    const result = await runCli(['new', 'postmortem', '--root', repo.root, '--incident', '2026-10-29-ingestion-outage']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote ${OUTAGE_PM}`);
    expect(result.stdout).toContain('due by 2026-10-30T03:06:00+01:00 (within 24 hours of resolution, scenario "service-outage")');
    const text = repo.read(OUTAGE_PM);
    const split = splitFrontMatter(text);
    expect(parse(split.frontMatter!)).toEqual({
      incident: '2026-10-29-ingestion-outage',
      title: 'Full ingestion outage after the blob storage access token expired',
      severity: 'P0',
      authors: ['sofia-rossi'],
      status: 'draft',
      action_items: [],
    });
    const headings = split.body.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Summary', '## Impact', '## Root cause', '## Timeline', '## What went well', '## What could be improved', '## Action items']);
    expect(split.body).toContain('| Time (CET) | Event | By |');
    expect(split.body).toContain('| 02:14 | Alert: circuit breaker OPEN for more than 5 minutes; all uploads failing | |');
    expect(split.body).toContain('| 02:40 | Storage requests rejected with 403; access token expired at 02:00 | Chen Wei |');
    expect(split.body.split('\n').filter((line) => /^\| \d\d:\d\d \|/.test(line))).toHaveLength(11);
    expect(split.body).toContain('The blob storage access token had a fixed one-year expiry and no rotation or expiry alert.');
    expect(split.body).toContain('It was resolved on 29 October 2026 at 03:06 CET: 52 min in all.');
    expect(text).not.toMatch(/TBD|_{3,}|\[PLACEHOLDER/);

    // The draft is complete but late: the only finding is that it is still a draft after its deadline.
    const checked = await validateAt(repo);
    expect(checked.diagnostics.map((d) => [d.ruleId, d.severity, d.file, d.line])).toEqual([['postmortem-due', 'warning', OUTAGE_PM, 6]]);
    expect(checked.code).toBe(0);
  });

  it('writes the organisation\'s template: its headings, only the sections the severity requires', async () => {
    repo = tempRepo();
    repo.remove(OUTAGE_PM);
    // The template is policy: rename a section and require another only for P1.
    repo.replace('policy/severities.yaml', '      heading: What could be improved\n', '      heading: Lessons learned\n');
    repo.replace('policy/severities.yaml', '      holds: The aspects of the response that worked.\n', '      holds: The aspects of the response that worked.\n      severities: [P1]\n');
    const result = await runCli(['new', 'postmortem', '--root', repo.root, '--incident', '2026-10-29-ingestion-outage']);
    expect(result.code).toBe(0);
    const split = splitFrontMatter(repo.read(OUTAGE_PM));
    expect(split.body.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## Summary', '## Impact', '## Root cause', '## Timeline', '## Lessons learned', '## Action items']);
    expect(split.body).toContain('## Lessons learned\n\n_The gaps in process, tooling, or communication._\n');
  });

  it('writes a timeline that spans days and DST with dates and zone names', async () => {
    repo = tempRepo();
    await runCli(['new', 'incident', '--root', repo.root, '--severity', 'P3', '--title', 'Long one', '--now', '2026-10-24T23:00:00+02:00']);
    const path = 'incidents/2026/2026-10-24-long-one.yaml';
    repo.write(path, repo.read(path).replace(/\n$/, '\n  - at: 2026-10-26T10:00:00+01:00\n    event: "Still | going"\n'));
    const result = await runCli(['new', 'postmortem', '--root', repo.root, '--incident', '2026-10-24-long-one']);
    expect(result.code).toBe(0);
    const body = repo.read('docs/incidents/2026-10-24-long-one.md');
    expect(body).toContain('| Time (Europe/Berlin) | Event | By |');
    expect(body).toContain('| 2026-10-24 23:00 CEST |');
    expect(body).toContain('| 2026-10-26 10:00 CET | Still \\| going | |');
    expect(body).toContain('It is not resolved yet.');
    // Two hours after its last entry the incident and its post-mortem have no findings. The rotation's
    // fourteen-day turns from 26 October (past shifts, kept as they were) still lay ahead then, which
    // on-call-limits reports; at the fixture's instant they are past and nothing is found.
    const recent = await validateAt(repo, '2026-10-26T12:00:00+01:00');
    expect(recent.diagnostics.filter((d) => d.file !== 'rotations/ingestion.yaml')).toEqual([]);
    expect([...new Set(recent.diagnostics.map((d) => d.ruleId))]).toEqual(['on-call-limits']);
    expect((await validateAt(repo)).diagnostics).toEqual([]);
  });

  it('never replaces an existing post-mortem', async () => {
    repo = tempRepo();
    const before = repo.read(OUTAGE_PM);
    const result = await runCli(['new', 'postmortem', '--root', repo.root, '--incident', '2026-10-29-ingestion-outage']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${OUTAGE_PM} already exists; nothing was written`);
    expect(repo.read(OUTAGE_PM)).toBe(before);
  });

  it('exits 2 for an unknown incident, with a suggestion', async () => {
    repo = tempRepo();
    const result = await runCli(['new', 'postmortem', '--root', repo.root, '--incident', '2026-10-29-ingestion-outag']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--incident: "2026-10-29-ingestion-outag" is not an incident in incidents/. Did you mean "2026-10-29-ingestion-outage"?');
  });
});
