/**
 * The kill-switch rules on a broken copy of the example data: notification deadlines per scenario,
 * short pauses that outlast their limit, and resume authority with its verification.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import { at, checkCase, trackedCopies, validateAt, type Case } from './support.ts';

const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
const ERROR_RATE = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';

const track = trackedCopies();
let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const OUTAGE_RESUME = '    resumed: 2026-10-29T03:02:00+01:00\n    resumed_by:\n      - { person: sofia-rossi, role: on-call }\n    verification: Test upload passes\n    verified: [test-upload]\n';
const ERROR_RATE_PAUSE = `    scenario: error-rate-over-20
    activated_by: { person: kavya-iyer, role: on-call }
    reason: Error rate 23% for beta workspaces
    severity: P1
    scope: global
    approval: none
    notified:
      - { who: ingestion-owner, at: 2026-10-14T09:53:00+02:00 }
`;

const notification: Case[] = [
  {
    name: 'the owner never told of a pause for an error rate over 20 %',
    edit: (r) => r.replace(OUTAGE, '{ who: ingestion-owner, at: 2026-10-29T02:27:00+01:00 }', '{ who: product-manager, at: 2026-10-29T02:27:00+01:00 }'),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-notification',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, '    notified:', 'notified'),
        message:
          'kill_switch[0].notified: the Pause (< 1 hour) for "Error rate > 20%" must be notified to ingestion-owner ("Error rate > 20%", within 5 minutes; "Pause (< 1 hour)"), and no notification of it is recorded.',
      },
    ],
  },
  {
    name: 'the owner told after 7 minutes instead of 5',
    edit: (r) => r.replace(OUTAGE, '{ who: ingestion-owner, at: 2026-10-29T02:27:00+01:00 }', '{ who: ingestion-owner, at: 2026-10-29T02:31:00+01:00 }'),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-notification',
        severity: 'warning',
        file: OUTAGE,
        ...at(r, OUTAGE, '{ who: ingestion-owner', '2026'),
        message: 'kill_switch[0].notified[0].at: ingestion-owner heard of the Pause (< 1 hour) 7 min after activation; "Error rate > 20%" requires it within 5 minutes (by 2026-10-29T02:29:00+01:00).',
      },
    ],
  },
  {
    name: 'a misspelt role is reported once, where it is written, not again as a missing notification',
    edit: (r) => r.replace(OUTAGE, '{ who: ingestion-owner, at: 2026-10-29T02:27:00+01:00 }', '{ who: ingestion-ownr, at: 2026-10-29T02:27:00+01:00 }'),
    expect: (r) => [
      { ruleId: 'reference-exists', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, '{ who: ingestion-ownr', 'ingestion-ownr'), message: '"ingestion-ownr" is not a role in policy/roles.yaml' },
    ],
  },
  {
    name: 'all-stakeholders can be recorded, and tells the owner too',
    edit: (r) => r.replace(OUTAGE, '{ who: ingestion-owner, at: 2026-10-29T02:27:00+01:00 }', '{ who: all-stakeholders, at: 2026-10-29T02:27:00+01:00 }'),
    expect: () => [],
  },
  {
    name: 'suspected data corruption tells everyone at once',
    edit: (r) => r.replace(ERROR_RATE, ERROR_RATE_PAUSE, ERROR_RATE_PAUSE.replace('error-rate-over-20', 'suspected-data-corruption')),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-notification',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '    notified:', 'notified'),
        message: 'must be notified to all stakeholders ("Suspected data corruption", immediately), and no notification of it is recorded.',
      },
    ],
  },
  {
    name: 'planned maintenance announced 50 minutes ahead instead of 24 hours',
    edit: (r) =>
      r.replace(
        ERROR_RATE,
        ERROR_RATE_PAUSE,
        `    scenario: planned-maintenance
    activated_by: { person: amara-okafor, role: ingestion-owner }
    reason: Database maintenance
    severity: P1
    scope: global
    approval:
      by: [{ person: grace-lin, role: product-manager }]
      at: 2026-10-13T09:00:00+02:00
    notified:
      - { who: all-stakeholders, at: 2026-10-14T09:00:00+02:00 }
`,
      ),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-notification',
        severity: 'warning',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '{ who: all-stakeholders', '2026'),
        message: 'kill_switch[0].notified[0].at: all stakeholders heard of the Pause (< 1 hour) only 50 min ahead; "Planned maintenance" requires 24 hours notice (by 2026-10-13T09:50:00+02:00).',
      },
    ],
  },
];

const duration: Case[] = [
  {
    name: 'a pause recorded as under an hour that lasted 68 minutes, without the long pause\'s approval and notification',
    edit: (r) =>
      r.replace(
        OUTAGE,
        OUTAGE_RESUME,
        '    resumed: 2026-10-29T03:32:00+01:00\n    resumed_by:\n      - { person: amara-okafor, role: ingestion-owner }\n    verified: [test-upload, metrics-check]\n',
      ),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-duration',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, '    action: pause-short', 'pause-short'),
        message:
          'kill_switch[0].action: recorded as "Pause (< 1 hour)" (at most 1 hour), but it lasted 1 h 8 min (2026-10-29T02:24:00+01:00 to 2026-10-29T03:32:00+01:00); as "Pause (> 1 hour)" it needs approval by ingestion-owner and notifying product-manager, which the log does not show.',
      },
    ],
  },
  {
    name: 'the long pause approved only after it passed the hour',
    edit: (r) => {
      r.replace(
        OUTAGE,
        OUTAGE_RESUME,
        '    resumed: 2026-10-29T03:32:00+01:00\n    resumed_by:\n      - { person: amara-okafor, role: ingestion-owner }\n    verified: [test-upload, metrics-check]\n',
      );
      r.replace(OUTAGE, '    approval: none\n', '    approval:\n      by: [{ person: amara-okafor, role: ingestion-owner }]\n      at: 2026-10-29T03:30:00+01:00\n');
      r.replace(OUTAGE, '      - { who: ingestion-owner, at: 2026-10-29T02:27:00+01:00 }\n', '      - { who: ingestion-owner, at: 2026-10-29T02:27:00+01:00 }\n      - { who: product-manager, at: 2026-10-29T03:25:00+01:00 }\n');
    },
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-duration',
        severity: 'warning',
        file: OUTAGE,
        ...at(r, OUTAGE, '      at: 2026-10-29T03:30:00+01:00', '2026'),
        message: 'kill_switch[0].approval.at: the "Pause (< 1 hour)" passed 1 hour at 2026-10-29T03:24:00+01:00, and "Pause (> 1 hour)" was approved only at 2026-10-29T03:30:00+01:00.',
      },
    ],
  },
  {
    name: 'a pause ends when the next activation takes over (the example\'s pause before its rollback)',
    edit: (r) => r.replace(ERROR_RATE, '  - at: 2026-10-14T10:35:00+02:00\n    action: rollback', '  - at: 2026-10-14T10:55:00+02:00\n    action: rollback'),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-duration',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '    action: pause-short', 'pause-short'),
        message: 'but it lasted 1 h 5 min (2026-10-14T09:50:00+02:00 to 2026-10-14T10:55:00+02:00, unresumed)',
      },
    ],
  },
];

const resume: Case[] = [
  {
    name: 'a rollback resumed by the owner alone, without the PM',
    edit: (r) => r.replace(ERROR_RATE, '      - { person: grace-lin, role: product-manager }\n', ''),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-resume',
        severity: 'error',
        file: ERROR_RATE,
        ...at(r, ERROR_RATE, '    resumed_by:', 'resumed_by'),
        message: 'kill_switch[1].resumed_by: resuming after a Rollback is authorised by Ingestion Owner + Product Manager, and Product Manager did not sign it.',
      },
    ],
  },
  {
    name: 'a short pause resumed without the test upload recorded',
    edit: (r) => r.replace(OUTAGE, '    verified: [test-upload]\n', ''),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-resume',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, '    resumed: 2026', '2026'),
        message: 'kill_switch[0].resumed: resuming after a < 1 hour pause needs Test upload passes, and "Test upload passes" (test-upload) is not recorded (verified).',
      },
    ],
  },
  {
    name: 'resumed by someone who was not on call',
    edit: (r) => r.replace(OUTAGE, '      - { person: sofia-rossi, role: on-call }\n', '      - { person: chen-wei, role: on-call }\n'),
    expect: (r) => [
      {
        ruleId: 'incident-kill-switch-resume',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, '      - { person: chen-wei, role: on-call }', 'chen-wei'),
        message: 'kill_switch[0].resumed_by[0].person: "chen-wei" did not hold On-Call when ingestion was resumed (2026-10-29T03:02:00+01:00).',
      },
    ],
  },
  {
    name: 'a data integrity event is resumed by the owner, the SRE Lead and the PM once the investigation is complete, however short',
    edit: (r) => {
      r.replace(
        ERROR_RATE,
        ERROR_RATE_PAUSE,
        ERROR_RATE_PAUSE.replace('error-rate-over-20', 'suspected-data-corruption').replace(
          '      - { who: ingestion-owner, at: 2026-10-14T09:53:00+02:00 }\n',
          '      - { who: all-stakeholders, at: 2026-10-14T09:50:00+02:00 }\n    resumed: 2026-10-14T10:20:00+02:00\n    resumed_by:\n      - { person: kavya-iyer, role: on-call }\n    verified: [test-upload]\n',
        ),
      );
    },
    expect: (r) => {
      const entry = (needle: string, sub: string) => ({ file: ERROR_RATE, ...at(r, ERROR_RATE, needle, sub) });
      return [
        {
          ruleId: 'incident-kill-switch-resume',
          severity: 'error',
          ...entry('    resumed_by:', 'resumed_by'),
          message: 'kill_switch[0].resumed_by: resuming after a Data integrity event is authorised by Ingestion Owner + SRE Lead + Product Manager, and Ingestion Owner, SRE Lead, Product Manager did not sign it.',
        },
        { ruleId: 'incident-kill-switch-resume', severity: 'error', ...entry('      - { person: kavya-iyer, role: on-call }', 'on-call'), message: 'kill_switch[0].resumed_by[0].role: On-Call has no resume authority after a Data integrity event' },
        { ruleId: 'incident-kill-switch-resume', severity: 'error', ...entry('    verified: [test-upload]', 'verified'), message: '"Investigation complete" (investigation-complete) is not among the checks recorded' },
      ];
    },
  },
];

describe('kill-switch rules on a broken copy of the example data', () => {
  it('find nothing wrong in the example kill-switch logs', async () => {
    repo = tempRepo();
    const { code, diagnostics } = await validateAt(repo);
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(notification)('notification: $name', (testCase) => checkCase(testCase, track));
  it.each(duration)('duration: $name', (testCase) => checkCase(testCase, track));
  it.each(resume)('resume: $name', (testCase) => checkCase(testCase, track));
});
