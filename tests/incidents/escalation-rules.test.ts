/**
 * The escalation rules on a broken copy of the example data: timing against the ladders, automatic
 * triggers, scenario entry levels, hand-off content and classification. Each case breaks one thing
 * and names every finding that follows, at its line and column.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import { at, checkCase, trackedCopies, expectExactly, validateAt, type Case } from './support.ts';

const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
const ERROR_RATE = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';
const STUCK = 'incidents/2026/2026-11-10-ingestion-stuck-upload.yaml';
const LOG_WARNING = 'incidents/2026/2026-11-18-ingestion-log-warning.yaml';

const track = trackedCopies();
let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const timing: Case[] = [
  {
    name: "a P1 whose product ladder brings in the secondary at 30 minutes, and nobody did",
    edit: (r) => r.replace(ERROR_RATE, '    to: [noah-fischer, liam-novak]', '    to: [noah-fischer]'),
    expect: (r) => [
      {
        ruleId: 'incident-escalation-timing',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, 'escalations:'),
        message: 'the P1 incident was still unresolved 30 minutes after detection (at 2026-10-14T10:12:00+02:00), and no escalation brought in On-Call Secondary, as ladder "ingestion-p1" requires (Secondary notified).',
      },
    ],
  },
  {
    name: 'a P1 still unresolved after 2 hours without level 3 (the matrix: P1 level 3 at 2 hours)',
    edit: (r) => r.replace(ERROR_RATE, 'mitigated: 2026-10-14T11:20:00+02:00', 'mitigated: 2026-10-14T11:50:00+02:00'),
    expect: (r) => [
      {
        ruleId: 'incident-escalation-timing',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, 'escalations:'),
        message: 'still unresolved 2 hours after detection (at 2026-10-14T11:42:00+02:00), and no escalation brought in l3 (Engineering Manager), as ladder "p1" requires',
      },
      // Customers are updated every 2 hours until mitigation too, and the timeline records no customer update.
      {
        ruleId: 'incident-update-cadence',
        severity: 'warning',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, 'mitigated: 2026', '2026'),
        message: 'mitigated: no customer update for 2 h 8 min, from 2026-10-14T09:42:00+02:00 to 2026-10-14T11:50:00+02:00',
      },
    ],
  },
  {
    name: 'a late escalation is a warning at its time',
    edit: (r) => {
      r.replace(OUTAGE, '  - at: 2026-10-29T02:44:00+01:00\n    level: l3', '  - at: 2026-10-29T02:50:00+01:00\n    level: l3');
      // Acknowledged 5 minutes after the escalation, as before, not before it was made.
      r.replace(OUTAGE, 'acknowledged: 2026-10-29T02:49:00+01:00', 'acknowledged: 2026-10-29T02:55:00+01:00');
    },
    expect: (r) => [
      {
        ruleId: 'incident-escalation-timing',
        severity: 'warning',
        file: OUTAGE,
        ...at(r, OUTAGE, '  - at: 2026-10-29T02:50:00+01:00', '2026'),
        message: 'escalations[1].at: l3 (Engineering Manager) was brought in 36 min after detection; ladder "p0" brings them in after 30 minutes (2026-10-29T02:44:00+01:00).',
      },
    ],
  },
  {
    name: 'an open client-facing P3 past 24 hours without the team lead (an internal one is only ticketed)',
    edit: (r) => r.replace(LOG_WARNING, 'customer_facing: false', 'customer_facing: true'),
    expect: (r) => [
      {
        ruleId: 'incident-escalation-timing',
        severity: 'error',
        file: LOG_WARNING,
        ...at(r, LOG_WARNING, 'severity: P3', 'P3'),
        message: 'severity: the P3 incident was unresolved 24 hours after detection (at 2026-11-19T10:15:00+01:00), and no escalation brought in l2 (Team Lead / Senior Engineer), as ladder "p3" requires',
      },
    ],
  },
  {
    name: 'the ladder stops at mitigation: a P2 mitigated in time needs no team lead, though resolved after 2 hours',
    edit: (r) => r.replace(STUCK, 'resolved: 2026-11-10T16:10:00+01:00', 'resolved: 2026-11-10T17:10:00+01:00'),
    expect: () => [],
  },
  {
    name: 'without mitigation the resolved time counts',
    edit: (r) => r.replace(STUCK, 'mitigated: 2026-11-10T15:30:00+01:00\n', ''),
    expect: (r) => [
      {
        ruleId: 'incident-escalation-timing',
        severity: 'error',
        file: STUCK,
        ...at(r, STUCK, 'severity: P2', 'P2'),
        message: 'still unresolved 2 hours after detection (at 2026-11-10T16:05:00+01:00), and no escalation brought in l2 (Team Lead / Senior Engineer), as ladder "p2" requires',
      },
    ],
  },
];

const triggers: Case[] = [
  {
    name: 'a security breach never escalated (the scenario triggers level 3 within 15 minutes)',
    edit: (r) => r.replace(LOG_WARNING, 'classification: application\n', 'classification: application\nscenario: security-breach\n'),
    expect: (r) => [
      {
        ruleId: 'incident-escalation-triggers',
        severity: 'error',
        file: LOG_WARNING,
        ...at(r, LOG_WARNING, 'scenario: security-breach', 'security-breach'),
        message:
          'scenario: the incident is a Security Breach (scenario "security-breach"), which triggers an escalation to l3 (Engineering Manager) (trigger "data-loss-or-breach": Data loss or security breach detected), and none is recorded.',
      },
    ],
  },
  {
    name: 'data loss escalated to level 2 after 17 minutes: late for the trigger and for the product ladder',
    edit: (r) => {
      r.replace(OUTAGE, 'scenario: service-outage', 'scenario: data-loss');
      r.replace(OUTAGE, '  - at: 2026-10-29T02:29:00+01:00\n    level: l2', '  - at: 2026-10-29T02:31:00+01:00\n    level: l2');
    },
    expect: (r) => [
      {
        ruleId: 'incident-escalation-triggers',
        severity: 'warning',
        file: OUTAGE,
        ...at(r, OUTAGE, '  - at: 2026-10-29T02:31:00+01:00', '2026'),
        message: 'the incident is a Data Loss (scenario "data-loss"), which triggers an escalation to l2 (Team Lead / Senior Engineer) within 15 minutes of detection, by 2026-10-29T02:29:00+01:00 (trigger "data-loss-or-breach"), but it came 17 min after detection.',
      },
      {
        ruleId: 'incident-escalation-timing',
        severity: 'warning',
        file: OUTAGE,
        ...at(r, OUTAGE, '  - at: 2026-10-29T02:31:00+01:00', '2026'),
        message: 'On-Call Secondary was brought in 17 min after detection; ladder "ingestion-p0" brings them in after 15 minutes',
      },
    ],
  },
  {
    name: 'several services affected at once, and no escalation',
    edit: (r) => r.replace(STUCK, '  clients: 1\n', '  clients: 1\n  services: [Document ingestion, Search]\n'),
    expect: (r) => [
      {
        ruleId: 'incident-escalation-triggers',
        severity: 'error',
        file: STUCK,
        ...at(r, STUCK, '  services:', '['),
        message: 'impact.services: 2 services were affected at once, which triggers an escalation (trigger "multiple-services": Multiple services affected simultaneously), and none is recorded.',
      },
    ],
  },
  {
    name: 'a P0 not resolved in 30 minutes and never escalated',
    edit: (r) => {
      const text = r.read(OUTAGE);
      r.write(OUTAGE, text.slice(0, text.indexOf('escalations:\n')) + text.slice(text.indexOf('kill_switch:\n')));
    },
    expect: (r) => {
      const severity = { file: OUTAGE, ...at(r, OUTAGE, 'severity: P0', 'P0') };
      return [
        { ruleId: 'incident-escalation-triggers', severity: 'error', ...severity, message: 'severity: the P0 incident was not resolved 30 minutes after detection, which triggers an escalation (trigger "p0-unresolved": P0 incident not resolved in 30 minutes), and none is recorded.' },
        { ruleId: 'incident-escalation-timing', severity: 'error', ...severity, message: 'no escalation brought in l2 (Team Lead / Senior Engineer), as ladder "p0" requires (Team lead joins); nor l3 (Engineering Manager) after 30 minutes.' },
        { ruleId: 'incident-escalation-timing', severity: 'error', ...severity, message: 'no escalation brought in On-Call Secondary, as ladder "ingestion-p0" requires (Secondary joins); nor Ingestion Owner after 30 minutes.' },
      ];
    },
  },
];

const entryLevels: Case[] = [
  {
    name: 'a security breach whose first escalation is to level 2 enters too low (and never reaches level 3)',
    edit: (r) => r.replace(ERROR_RATE, 'classification: application\n', 'classification: application\nscenario: security-breach\n'),
    expect: (r) => [
      {
        ruleId: 'incident-escalation-ladder',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '    level: l2', 'l2'),
        message: 'escalations[0].level: the incident\'s scenario "security-breach" (Security Breach) starts at l3, but its first escalation is to l2.',
      },
      { ruleId: 'incident-escalation-triggers', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, 'scenario: security-breach', 'security-breach'), message: 'which triggers an escalation to l3' },
    ],
  },
  {
    name: 'data loss starting at level 2 is neither a skip nor too low',
    edit: (r) => r.replace(OUTAGE, 'scenario: service-outage', 'scenario: data-loss'),
    expect: () => [],
  },
];

const handoff: Case[] = [
  {
    name: 'an escalation that hands over no affected systems and no evidence',
    edit: (r) => {
      r.replace(OUTAGE, '      affected_systems: [Ingestion API, Ingestion workers, Blob storage access]\n', '');
      r.replace(OUTAGE, '      evidence: [Storage request logs with 403 responses, Token expiry timestamp from the key vault]\n', '');
    },
    expect: (r) => [
      {
        ruleId: 'incident-escalation-handoff',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, '    handoff:', 'handoff', 2),
        message: 'escalations[1].handoff: the escalation hands over no Affected systems (affected_systems), Relevant logs/metrics (logs/screenshots) (evidence), which policy/escalation.yaml requires of every escalation.',
      },
    ],
  },
  {
    name: 'an escalation with no hand-off at all',
    edit: (r) => {
      const text = r.read(ERROR_RATE);
      const start = text.indexOf('    handoff:\n      summary: Beta uploads fail');
      r.write(ERROR_RATE, text.slice(0, start) + text.slice(text.indexOf('kill_switch:\n')));
    },
    expect: (r) => [
      {
        ruleId: 'incident-escalation-handoff',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '  - at: 2026-10-14T10:30:00+02:00', 'at:'),
        message: 'escalations[1]: the escalation records no hand-off, so no Incident summary (summary), Current status (status), Severity (severity)',
      },
    ],
  },
  {
    name: 'a field the policy does not require may be left out',
    edit: (r) => {
      r.replace('policy/escalation.yaml', '{ field: evidence, name: "Relevant logs/metrics (logs/screenshots)", required: true', '{ field: evidence, name: "Relevant logs/metrics (logs/screenshots)", required: false');
      r.replace(OUTAGE, '      evidence: [Circuit breaker dashboard, Worker error logs since 02:14]\n', '');
    },
    expect: () => [],
  },
];

const classification: Case[] = [
  {
    name: 'a resolved incident with no classification',
    edit: (r) => r.replace(STUCK, 'classification: application\n', ''),
    expect: (r) => [
      { ruleId: 'incident-classification-required', severity: 'error', file: STUCK, ...at(r, STUCK, 'status: resolved', 'resolved'), message: 'status: the incident is resolved, so it has been triaged, but it names no classification.' },
    ],
  },
  {
    name: 'an open incident still in triage may be unclassified',
    edit: (r) => r.replace(LOG_WARNING, 'classification: application\n', ''),
    expect: () => [],
  },
];

describe('escalation rules on a broken copy of the example data', () => {
  it('find nothing wrong in the example escalations', async () => {
    repo = tempRepo();
    const { code, diagnostics } = await validateAt(repo);
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(timing)('timing: $name', (testCase) => checkCase(testCase, track));
  it.each(triggers)('triggers: $name', (testCase) => checkCase(testCase, track));
  it.each(entryLevels)('entry levels: $name', (testCase) => checkCase(testCase, track));
  it.each(handoff)('hand-off: $name', (testCase) => checkCase(testCase, track));
  it.each(classification)('classification: $name', (testCase) => checkCase(testCase, track));

  it('routing after the hand-off: a configuration issue escalated to the building team, an application issue never escalated to it', async () => {
    repo = tempRepo();
    // Hand ingestion over before the example's incidents (its rotation then breaks other rules too; only routing is asserted here).
    repo.replace('policy/lifecycle.yaml', 'planned: 2026-12-07', 'planned: 2026-10-01');
    const { diagnostics } = await validateAt(repo);
    const r = repo;
    expectExactly(
      diagnostics.filter((d) => d.ruleId === 'incident-classification-routing'),
      [
        {
          ruleId: 'incident-classification-routing',
          severity: 'error',
          file: OUTAGE,
          ...at(r, OUTAGE, '    to: [noah-fischer, ben-schultz]', 'noah-fischer'),
          message:
            'escalations[0].to[0]: "noah-fischer" of EGI engineering is brought in for a configuration issue after product "ingestion" was handed off to Anchor operations on 2026-10-01; Anchor operations resolves configuration issues, and they are not escalated to the team that built the product.',
        },
        { ruleId: 'incident-classification-routing', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, '    to: [noah-fischer, ben-schultz]', 'ben-schultz'), message: '"ben-schultz" of EGI engineering' },
        { ruleId: 'incident-classification-routing', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, '    to: [olivia-grant, amara-okafor]', 'amara-okafor'), message: '"amara-okafor" of EGI engineering' },
        {
          ruleId: 'incident-classification-routing',
          severity: 'error',
          file: STUCK,
          ...at(r, STUCK, 'classification: application', 'application'),
          message: 'classification: an application issue after product "ingestion" was handed off to Anchor operations on 2026-10-01 is escalated to EGI engineering, and no escalation brought anyone from EGI engineering in.',
        },
      ],
    );
  });

  it('routing: an infrastructure issue escalated within the operating team is fine after the hand-off', async () => {
    repo = tempRepo();
    repo.replace('policy/lifecycle.yaml', 'planned: 2026-12-07', 'planned: 2026-10-01');
    repo.replace(STUCK, 'classification: application', 'classification: infrastructure');
    const { diagnostics } = await validateAt(repo);
    expect(diagnostics.filter((d) => d.ruleId === 'incident-classification-routing' && d.file === STUCK)).toEqual([]);
  });
});
