import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import { at, checkCase, validateAt, type Case } from './support.ts';

const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
const ERROR_RATE = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const cases: Case[] = [
  {
    name: 'a major incident without a communications lead',
    edit: (r) => r.replace(OUTAGE, '  communications_lead: isla-murphy\n', ''),
    expect: (r) => [{ ruleId: 'incident-roles-required', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'roles:'), message: 'a P0 (Critical) incident is a major incident and needs a communications lead' }],
  },
  {
    name: 'an incident without a commander (the schema requires one for every severity)',
    edit: (r) => r.replace(OUTAGE, '  commander: sofia-rossi\n', ''),
    expect: (r) => [{ ruleId: 'schema-required', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'roles:'), message: 'roles: "commander" is required.' }],
  },
  {
    name: 'the commander doubling as communications lead',
    edit: (r) => r.replace(OUTAGE, 'communications_lead: isla-murphy', 'communications_lead: sofia-rossi'),
    expect: (r) => [{ ruleId: 'incident-roles-required', severity: 'warning', file: OUTAGE, ...at(r, OUTAGE, 'communications_lead:', 'sofia-rossi'), message: 'is also the incident commander' }],
  },
  {
    name: 'leadership never told about a P0 (the silent escalation)',
    edit: (r) => r.replace(OUTAGE, 'leadership_notified: 2026-10-29T02:26:00+01:00\n', ''),
    expect: (r) => [
      {
        ruleId: 'incident-leadership-notified',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, 'severity: P0', 'P0'),
        message: 'within 15 minutes of detection, by 2026-10-29T02:29:00+01:00, and no notification is recorded',
      },
    ],
  },
  {
    name: 'leadership told after the P1 deadline of one hour',
    edit: (r) => r.replace(ERROR_RATE, 'leadership_notified: 2026-10-14T10:20:00+02:00', 'leadership_notified: 2026-10-14T11:00:00+02:00'),
    expect: (r) => [
      { ruleId: 'incident-leadership-notified', severity: 'warning', file: ERROR_RATE, ...at(r, ERROR_RATE, 'leadership_notified:', '2026'), message: 'leadership was told 1 h 18 min after detection' },
    ],
  },
  {
    name: 'a severity without a deadline of its own falls under the communication policy (15 minutes)',
    edit: (r) => r.replace('policy/severities.yaml', '    notify:\n      - { who: [engineering-manager], within: 1h }\n', ''),
    expect: (r) => [
      { ruleId: 'incident-leadership-notified', severity: 'warning', file: ERROR_RATE, ...at(r, ERROR_RATE, 'leadership_notified:', '2026'), message: 'leadership was told 38 min after detection, later than the 15 minutes a P1 incident allows' },
    ],
  },
  {
    name: 'an escalation that skips level 2',
    edit: (r) => r.replace(ERROR_RATE, '    level: l2\n    to: [noah-fischer, liam-novak]', '    level: l3\n    to: [noah-fischer, liam-novak]'),
    expect: (r) => [
      { ruleId: 'incident-escalation-ladder', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, 'level: l3', 'l3'), message: '"l3" skips l2: the incident had reached l1' },
    ],
  },
  {
    name: 'a later escalation that skips a level after a lawful first one',
    edit: (r) => r.replace(OUTAGE, '    level: l3\n    to: [olivia-grant, amara-okafor]', '    level: l4\n    to: [paul-dubois, amara-okafor]'),
    expect: (r) => [{ ruleId: 'incident-escalation-ladder', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'level: l4', 'l4'), message: '"l4" skips l3: the incident had reached l2' }],
  },
  {
    name: 'a security breach going straight to level 3 is no skip',
    edit: (r) => {
      r.replace(ERROR_RATE, '  - at: 2026-10-14T10:12:00+02:00\n    level: l2\n    to: [noah-fischer, liam-novak]', '  - at: 2026-10-14T09:55:00+02:00\n    level: l3\n    to: [olivia-grant, liam-novak]');
      r.replace(ERROR_RATE, 'classification: application\n', 'classification: application\nscenario: security-breach\n');
    },
    expect: () => [],
  },
  {
    name: 'escalations out of order',
    edit: (r) => r.replace(OUTAGE, '  - at: 2026-10-29T02:44:00+01:00\n    level: l3', '  - at: 2026-10-29T02:20:00+01:00\n    level: l3'),
    expect: (r) => [
      { ruleId: 'incident-escalation-ladder', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, '  - at: 2026-10-29T02:20', '2026-10-29T02:20'), message: 'is before the escalation above it' },
    ],
  },
  {
    name: 'a kill-switch log entry without a reason',
    edit: (r) => r.replace(ERROR_RATE, '    reason: Error rate 23% for beta workspaces\n', ''),
    expect: (r) => [
      { ruleId: 'incident-kill-switch-fields', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, '  - at: 2026-10-14T09:50:00+02:00', 'at:'), message: 'lacks Reason (reason)' },
    ],
  },
  {
    name: 'a kill-switch log entry without timestamp, severity and notification',
    edit: (r) => {
      r.replace(OUTAGE, '  - at: 2026-10-29T02:24:00+01:00\n    action: pause-short', '  - action: pause-short');
      r.replace(OUTAGE, '    severity: P0\n    scope: global', '    scope: global');
      r.replace(OUTAGE, '    notified:\n      - { who: ingestion-owner, at: 2026-10-29T02:27:00+01:00 }\n', '');
    },
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-fields',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, '  - action: pause-short', 'action'),
        message: 'lacks Timestamp (at), Severity (severity), Notification sent to (notified)',
      },
    ],
  },
  {
    name: 'a workspace-scoped activation that names no workspace',
    edit: (r) => r.replace(OUTAGE, '    scope: global\n', '    scope: workspace\n'),
    expect: (r) => [{ ruleId: 'incident-kill-switch-fields', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'scope: workspace', 'workspace'), message: 'does not say which' }],
  },
  {
    name: 'the kill-switch activated by a role the matrix does not allow',
    edit: (r) => r.replace(OUTAGE, 'activated_by: { person: sofia-rossi, role: on-call }', 'activated_by: { person: chen-wei, role: sre-lead }'),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-authority',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, 'activated_by:', 'sre-lead'),
        message: '"sre-lead" may not activate the kill-switch for "Error rate > 20%"; the authority matrix allows on-call',
      },
    ],
  },
  {
    name: 'the kill-switch activated by someone who is not on call',
    edit: (r) => r.replace(OUTAGE, 'activated_by: { person: sofia-rossi, role: on-call }', 'activated_by: { person: chen-wei, role: on-call }'),
    expect: (r) => [
      { ruleId: 'incident-kill-switch-authority', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'activated_by:', 'chen-wei'), message: '"chen-wei" does not hold the role "on-call"' },
    ],
  },
  {
    name: 'a rollback recorded without the approval it needs',
    edit: (r) =>
      r.replace(ERROR_RATE, '    approval:\n      by: [{ person: amara-okafor, role: ingestion-owner }]\n      at: 2026-10-14T10:35:00+02:00\n', '    approval: none\n'),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-authority',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, 'approval: none', 'none', 2),
        message: '"Rollback" for "Error rate > 20%" needs approval by ingestion-owner, and none is recorded',
      },
      // Nor was the owner told: an approver hears of the action by approving it.
      { ruleId: 'incident-kill-switch-notification', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, '    notified:', 'notified', 2), message: 'must be notified to ingestion-owner ("Error rate > 20%", within 5 minutes)' },
    ],
  },
  {
    name: 'a rollback approved by the wrong role',
    edit: (r) => r.replace(ERROR_RATE, 'by: [{ person: amara-okafor, role: ingestion-owner }]', 'by: [{ person: grace-lin, role: product-manager }]'),
    expect: (r) => [
      { ruleId: 'incident-kill-switch-authority', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, 'by: [{ person: grace-lin', '['), message: 'needs approval by ingestion-owner, and no approver signs as ingestion-owner' },
      { ruleId: 'incident-kill-switch-notification', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, '    notified:', 'notified', 2), message: 'must be notified to ingestion-owner ("Error rate > 20%", within 5 minutes)' },
    ],
  },
  {
    name: 'a rollback approved after it was executed',
    edit: (r) => r.replace(ERROR_RATE, '      at: 2026-10-14T10:35:00+02:00\n    notified:', '      at: 2026-10-14T10:50:00+02:00\n    notified:'),
    expect: (r) => [
      { ruleId: 'incident-kill-switch-authority', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, '      at: 2026-10-14T10:50:00+02:00', '2026'), message: 'after the action was taken' },
    ],
  },
];

describe('incident rules on a broken copy of the fixture data', () => {
  it('find nothing wrong in the example incidents', async () => {
    repo = tempRepo();
    const { code, diagnostics } = await validateAt(repo);
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(cases)('$name', (testCase) =>
    checkCase(testCase, (copy) => {
      repo = copy;
    }),
  );
});
