/**
 * The sign-off forms on a broken copy of the example data: each GA signer's confirmations, a
 * rollback's reasons and its next steps once due.
 */
import { describe, it } from 'vitest';
import { at, checkCase, trackedCopies, type Case } from '../incidents/support.ts';

const GA = 'signoffs/2026/2026-11-02-ingestion-ga.yaml';
const ROLLBACK = 'signoffs/2026/2026-10-14-ingestion-rollback-p2-p1.yaml';

const track = trackedCopies();

const ga: Case[] = [
  {
    name: 'the PM signs GA without any confirmation',
    edit: (r) => r.replace(GA, '    confirms: [Client feedback acceptable, No blockers]\n', ''),
    expect: (r) => [
      {
        ruleId: 'signoff-ga-confirmations',
        severity: 'error',
        file: GA,
        ...at(r, GA, '  - person: grace-lin', 'person'),
        message: 'signers[1]: grace-lin signs GA as Product Manager without confirming "Client feedback acceptable", "No blockers".',
      },
    ],
  },
  {
    name: 'the SRE Lead confirms infrastructure and monitoring but not on-call training',
    edit: (r) => r.replace(GA, 'confirms: [Infra stable, Monitoring adequate, On-call trained]', 'confirms: [infra stable, Monitoring adequate]'),
    expect: (r) => [
      {
        ruleId: 'signoff-ga-confirmations',
        severity: 'error',
        file: GA,
        ...at(r, GA, 'confirms: [infra stable', 'confirms'),
        message: 'signers[2]: chen-wei signs GA as SRE Lead without confirming "On-call trained".',
      },
    ],
  },
];

const rollback: Case[] = [
  {
    name: '"Other" ticked without its words',
    edit: (r) => r.replace(ROLLBACK, 'reasons: [error-rate]', 'reasons: [error-rate, other]'),
    expect: (r) => [
      { ruleId: 'signoff-rollback-form', severity: 'error', file: ROLLBACK, ...at(r, ROLLBACK, 'reasons:', 'other'), message: 'rollback.reasons[1]: "Other" is ticked without saying what the reason is.' },
    ],
  },
  {
    name: '"Other" with its words is complete',
    edit: (r) => r.replace(ROLLBACK, 'reasons: [error-rate]', 'reasons: [error-rate, other]\n  reason_other: Migration left workers and schema out of step'),
    expect: () => [],
  },
  {
    name: 'words for "Other" without ticking it',
    edit: (r) => r.replace(ROLLBACK, 'reasons: [error-rate]', 'reasons: [error-rate]\n  reason_other: Migration left workers and schema out of step'),
    expect: (r) => [
      { ruleId: 'signoff-rollback-form', severity: 'error', file: ROLLBACK, ...at(r, ROLLBACK, 'reason_other:', 'reason_other'), message: 'rollback.reason_other: words for a reason of its own are given, but no such reason is ticked.' },
    ],
  },
  {
    name: 'next steps without a re-ramp target, 48 hours after the rollback',
    edit: (r) => r.replace(ROLLBACK, '    reramp_target: 2026-10-21\n', ''),
    expect: (r) => [
      {
        ruleId: 'signoff-rollback-form',
        severity: 'error',
        file: ROLLBACK,
        ...at(r, ROLLBACK, 'next_steps:', 'next_steps'),
        message: "rollback.next_steps: the rollback's next steps lack re-ramp target date (reramp_target); they are due 48 hours after it, by 2026-10-16T10:35:00+02:00.",
      },
    ],
  },
  {
    name: 'a rollback recorded before its next steps are known (the schema no longer requires them), still in time: a note',
    edit: (r) => {
      r.replace(ROLLBACK, '  next_steps:\n    investigation: elif-yilmaz\n    reramp_target: 2026-10-21\n    client_communication: required\n', '');
      r.replace('policy/approvals.yaml', 'next_steps_within: 48h', 'next_steps_within: 100d');
    },
    expect: (r) => [
      {
        ruleId: 'signoff-rollback-form',
        severity: 'note',
        file: ROLLBACK,
        ...at(r, ROLLBACK, 'rollback:', 'rollback'),
        message:
          "rollback: the rollback's next steps lack investigation assigned to (investigation), re-ramp target date (reramp_target), client communication (required or not-required) (client_communication); they are due 100 days after it, by 2027-01-22T10:35:00+01:00 (not yet due).",
      },
    ],
  },
];

describe('sign-off forms on a broken copy of the example data', () => {
  it.each(ga)('GA: $name', (testCase) => checkCase(testCase, track));
  it.each(rollback)('rollback: $name', (testCase) => checkCase(testCase, track));
});
