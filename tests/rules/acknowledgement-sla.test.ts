/**
 * The acknowledgement SLAs of closed incidents: the first line's acknowledgement of the alert, and
 * each escalation's acknowledgement by those escalated to (policy/severities.yaml targets).
 */
import { afterEach, describe, it } from 'vitest';
import { at, checkCase, type Case } from '../incidents/support.ts';
import type { TempRepo } from '../support/repo.ts';

const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
const ERROR_RATE = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

const cases: Case[] = [
  {
    name: 'a P0 acknowledged after 21 minutes, beyond the 15-minute target',
    edit: (r) => r.replace(OUTAGE, 'acknowledged: 2026-10-29T02:21:00+01:00', 'acknowledged: 2026-10-29T02:35:00+01:00'),
    expect: (r) => [
      {
        ruleId: 'incident-acknowledgement-sla',
        severity: 'warning',
        file: OUTAGE,
        ...at(r, OUTAGE, 'acknowledged: 2026-10-29T02:35', '2026'),
        message: 'acknowledged: on-call acknowledged 21 min after detection, later than the 15 minutes a P0 incident allows (due 2026-10-29T02:29:00+01:00).',
      },
    ],
  },
  {
    name: 'a closed incident that does not say when it was acknowledged',
    edit: (r) => r.replace(OUTAGE, 'acknowledged: 2026-10-29T02:21:00+01:00\n', ''),
    expect: (r) => [
      {
        ruleId: 'incident-acknowledgement-sla',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, 'status: closed', 'closed'),
        message: 'status: the incident is closed but does not record when it was acknowledged, so the 15 minutes acknowledgement target of P0 cannot be measured.',
      },
    ],
  },
  {
    name: 'an escalation acknowledged after the 2-hour P1 target',
    edit: (r) => r.replace(ERROR_RATE, 'acknowledged: 2026-10-14T10:16:00+02:00', 'acknowledged: 2026-10-14T12:20:00+02:00'),
    expect: (r) => [
      {
        ruleId: 'incident-acknowledgement-sla',
        severity: 'warning',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, 'acknowledged: 2026-10-14T12:20', '2026-10-14T12:20'),
        message: 'escalations[0].acknowledged: the escalation to l2 was acknowledged 2 h 8 min after it was made, later than the 2 hours a P1 escalation allows (due 2026-10-14T12:12:00+02:00).',
      },
    ],
  },
  {
    name: 'an escalation of a closed incident without its acknowledgement',
    edit: (r) => r.replace(OUTAGE, '    acknowledged: 2026-10-29T02:49:00+01:00\n', ''),
    expect: (r) => [
      {
        ruleId: 'incident-acknowledgement-sla',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, '  - at: 2026-10-29T02:44:00+01:00', 'at:'),
        message: 'escalations[1]: the escalation to l3 does not record when it was acknowledged, so the 30 minutes escalation acknowledgement target of P0 cannot be measured.',
      },
    ],
  },
  {
    name: 'an incident that is resolved but not closed is not measured yet',
    edit: (r) => {
      r.replace(OUTAGE, 'status: closed', 'status: resolved');
      r.replace(OUTAGE, '    acknowledged: 2026-10-29T02:49:00+01:00\n', '');
    },
    expect: () => [],
  },
];

describe('incident-acknowledgement-sla', () => {
  it.each(cases)('$name', (testCase) => checkCase(testCase, (repo) => repos.push(repo)));
});
