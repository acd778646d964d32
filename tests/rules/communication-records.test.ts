/**
 * Communication and review rules, each broken once in a copy of the example organisation: the
 * incident channel, the update cadences, maintenance notice and policy review dates.
 */
import { afterEach, describe, it } from 'vitest';
import { at, checkCase, type Case } from '../incidents/support.ts';
import type { TempRepo } from '../support/repo.ts';

const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
const ERROR_RATE = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';
const LOG_WARNING = 'incidents/2026/2026-11-18-ingestion-log-warning.yaml';
const COMMUNICATION = 'policy/communication.yaml';
const LIFECYCLE = 'policy/lifecycle.yaml';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

const cases: Case[] = [
  {
    name: 'an incident channel dated the day after detection',
    edit: (r) => r.replace(OUTAGE, 'channel: "#incident-2026-10-29-ingestion-outage"', 'channel: "#incident-2026-10-30-ingestion-outage"'),
    expect: (r) => [
      {
        ruleId: 'incident-channel',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, 'channel:', '"#incident'),
        message: 'channel: "#incident-2026-10-30-ingestion-outage" is dated 2026-10-30, but the incident was detected on 2026-10-29 (Europe/Berlin).',
      },
    ],
  },
  {
    name: 'an incident channel outside the pattern',
    edit: (r) => r.replace(OUTAGE, 'channel: "#incident-2026-10-29-ingestion-outage"', 'channel: "#ingestion-outage"'),
    expect: (r) => [
      {
        ruleId: 'incident-channel',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, 'channel:', '"#ingestion'),
        message: 'channel: "#ingestion-outage" does not follow the pattern "#incident-{date}-{slug}" of policy/communication.yaml.',
      },
    ],
  },
  {
    name: 'a P0 timeline silent for more than 30 minutes while the outage lasted',
    edit: (r) => {
      for (const time of ['02:40', '02:44', '02:58']) {
        const line = r.read(OUTAGE).split('\n').find((l) => l.startsWith(`  - { at: 2026-10-29T${time}`))!;
        r.replace(OUTAGE, `${line}\n`, '');
      }
    },
    expect: (r) => [
      {
        ruleId: 'incident-update-cadence',
        severity: 'warning',
        file: OUTAGE,
        ...at(r, OUTAGE, '  - { at: 2026-10-29T03:02', '2026'),
        message: 'timeline[6].at: no incident update for 33 min, from 2026-10-29T02:29:00+01:00 to 2026-10-29T03:02:00+01:00, longer than the 30 minutes policy/communication.yaml update_every allows for a P0 incident.',
      },
    ],
  },
  {
    name: 'an open incident with no update since it was acknowledged is an error now',
    edit: (r) => r.replace(COMMUNICATION, 'update_severities: [P0, P1]', 'update_severities: [P0, P1, P3]'),
    expect: (r) => [
      {
        ruleId: 'incident-update-cadence',
        severity: 'error',
        file: LOG_WARNING,
        ...at(r, LOG_WARNING, 'status: acknowledged', 'acknowledged'),
        message: 'status: no incident update for 4 d, from 2026-11-18T11:02:00+01:00 to now (2026-11-22T12:00:00+01:00), longer than the 30 minutes policy/communication.yaml update_every allows for a P3 incident.',
      },
      {
        ruleId: 'incident-update-cadence',
        severity: 'warning',
        file: LOG_WARNING,
        ...at(r, LOG_WARNING, '  - { at: 2026-11-18T11:02', '2026'),
        message: 'timeline[1].at: no incident update for 47 min',
      },
    ],
  },
  {
    name: 'updates due until resolution: the internal gap after mitigation, and no customer update in 2 hours',
    edit: (r) => r.replace(COMMUNICATION, 'update_until: mitigated', 'update_until: resolved'),
    expect: (r) => [
      {
        ruleId: 'incident-update-cadence',
        severity: 'warning',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, 'resolved: 2026', '2026'),
        message: 'resolved: no customer update for 2 h 28 min, from 2026-10-14T09:42:00+02:00 to 2026-10-14T12:10:00+02:00, longer than the 2 hours policy/escalation.yaml customer.update_every allows for a P1 incident.',
      },
      {
        ruleId: 'incident-update-cadence',
        severity: 'warning',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '  - { at: 2026-10-14T12:10', '2026'),
        message: 'timeline[10].at: no incident update for 50 min, from 2026-10-14T11:20:00+02:00 to 2026-10-14T12:10:00+02:00',
      },
    ],
  },
  {
    name: 'a customer update recorded in time keeps the customer cadence',
    edit: (r) => {
      r.replace(COMMUNICATION, 'update_until: mitigated', 'update_until: resolved');
      r.replace(ERROR_RATE, 'event: Migration amended with a column default; full P0 revalidation passed on the P1 cohort, by: elif-yilmaz }', 'event: Migration amended with a column default; full P0 revalidation passed on the P1 cohort, by: elif-yilmaz }\n  - { at: 2026-10-14T11:10:00+02:00, event: Status page updated, by: isla-murphy, audience: customers }');
    },
    expect: (r) => [
      {
        ruleId: 'incident-update-cadence',
        severity: 'warning',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '  - { at: 2026-10-14T12:10', '2026'),
        message: 'timeline[11].at: no incident update for 50 min',
      },
    ],
  },
  {
    name: 'maintenance announced 23 hours ahead',
    edit: (r) => r.replace(LIFECYCLE, 'announced: 2026-11-10T10:00:00+01:00', 'announced: 2026-11-13T23:00:00+01:00'),
    expect: (r) => [
      {
        ruleId: 'maintenance-notice',
        severity: 'error',
        file: LIFECYCLE,
        ...at(r, LIFECYCLE, 'announced: 2026-11-13', '2026'),
        message: 'maintenance[0].announced: window "2026-11-14-database-upgrade" was announced 23 h before it starts (2026-11-14T22:00:00+01:00), less than the 48 hours notice the production SLA requires.',
      },
    ],
  },
  {
    name: 'maintenance announced after it started',
    edit: (r) => r.replace(LIFECYCLE, 'announced: 2026-11-20T10:00:00+01:00', 'announced: 2026-12-05T21:30:00+01:00'),
    expect: (r) => [
      {
        ruleId: 'maintenance-notice',
        severity: 'error',
        file: LIFECYCLE,
        ...at(r, LIFECYCLE, 'announced: 2026-12-05', '2026'),
        message: 'maintenance[1].announced: window "2026-12-05-storage-migration" was announced 2026-12-05T21:30:00+01:00, not before it started (2026-12-05T21:00:00+01:00)',
      },
    ],
  },
  {
    name: 'contact information without a review date',
    edit: (r) => r.replace('policy/people.yaml', 'last_reviewed: 2026-11-16\n', ''),
    expect: (r) => [
      {
        ruleId: 'policy-review-due',
        severity: 'error',
        file: 'policy/people.yaml',
        ...at(r, 'policy/people.yaml', 'teams:', 'teams'),
        message: 'policy/people.yaml records no last_reviewed date, but the Quarterly review of metrics, contact information, SLAs and documentation (every three months, policy/organisation.yaml reviews) covers it.',
      },
    ],
  },
  {
    name: 'the monthly review of the escalation policy overdue',
    edit: (r) => r.replace('policy/escalation.yaml', 'last_reviewed: 2026-11-16', 'last_reviewed: 2026-10-20'),
    expect: (r) => [
      {
        ruleId: 'policy-review-due',
        severity: 'warning',
        file: 'policy/escalation.yaml',
        ...at(r, 'policy/escalation.yaml', 'last_reviewed:', '2026'),
        message: 'last_reviewed: policy/escalation.yaml was last reviewed on 2026-10-20; the Monthly review of escalation patterns and procedures (every month) was due by 2026-11-20.',
      },
    ],
  },
  {
    name: 'contact information not reviewed within the quarter',
    edit: (r) => r.replace('policy/people.yaml', 'last_reviewed: 2026-11-16', 'last_reviewed: 2026-08-14'),
    expect: (r) => [
      {
        ruleId: 'policy-review-due',
        severity: 'warning',
        file: 'policy/people.yaml',
        ...at(r, 'policy/people.yaml', 'last_reviewed:', '2026'),
        message: 'last_reviewed: policy/people.yaml was last reviewed on 2026-08-14; the Quarterly review of metrics, contact information, SLAs and documentation (every three months) was due by 2026-11-14.',
      },
    ],
  },
];

describe('communication and review rules', () => {
  it.each(cases)('$name', (testCase) => checkCase(testCase, (repo) => repos.push(repo)));
});
