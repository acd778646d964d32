/**
 * The bypass table: each row is a pull request someone might use to get a decision through
 * without the right people, run with the real Octokit client against the local GitHub server.
 */
import { parse, parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { peopleWithMovedShifts } from '../../scripts/schedule/diff.ts';
import { onCallAt } from '../../scripts/schedule/on-call.ts';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';
import { fakeUser, type GitHubServer } from '../support/github-server.ts';
import { TEST_NOW } from '../support/repo.ts';
import {
  approve,
  AUTHOR,
  PR,
  push,
  user,
  dismissal,
  exampleFiles,
  GA_PATH,
  gaRecord,
  HEAD_SHA,
  OLD_SHA,
  review,
  ROLLBACK_PATH,
  runAgainst,
  serve,
  type Scenario,
} from './fixture.ts';

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const example = exampleFiles();
const GA_TITLE = `GA (P3 to P4) in ${GA_PATH}`;
const POLICY_TITLE = 'policy/** (path rule policy)';
const ROTATION_TITLE = 'rotations/** (path rule rotation-swap)';
const THREE = () => [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')];
const edit = (path: string, from: string, to: string) => {
  const text = example[path]!;
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${path}`);
  return text.replace(from, to);
};
const touchPolicy = { 'policy/severities.yaml': `${example['policy/severities.yaml']}# clarified wording\n` };

/** The default branch's roles with the SRE Lead held by the given people. */
const SRE_LEAD_ASSIGNMENT = '- { from: 2024-12-29, primary: chen-wei, backup: dana-reyes }';
const sreLeadHeldBy = (holder: string) => ({ 'policy/roles.yaml': edit('policy/roles.yaml', SRE_LEAD_ASSIGNMENT, `- { from: 2024-12-29, ${holder} }`) });

const NEW_ROLLBACK = 'signoffs/2026/2026-11-21-ingestion-rollback-p3-p2.yaml';

function rollbackRecord(authorised: string, approved: string, phases: { from: string; to: string } = { from: 'P3', to: 'P2' }): string {
  return [
    'id: 2026-11-21-ingestion-rollback-p3-p2',
    'kind: rollback',
    'rollout: ingestion',
    'at: 2026-11-21T09:00:00+01:00',
    'summary: Roll back to beta while the export bug is fixed.',
    `from: ${phases.from}`,
    `to: ${phases.to}`,
    'rollback:',
    '  type: planned',
    '  reasons: [client-reported]',
    `  authorised_by: ${authorised}`,
    `  approved_by: ${approved}`,
    '  next_steps: { client_communication: required }',
    '',
  ].join('\n');
}

/** The rotation with one more override: `person` covers the primary tier for a day. */
function rotationWithOverride(person: string): string {
  const doc = parseDocument(example['rotations/ingestion.yaml']!);
  const overrides = doc.get('overrides') as { add(value: unknown): void };
  overrides.add(doc.createNode({ tier: 'primary', person, start: '2026-11-30T09:00:00+01:00', end: '2026-12-01T09:00:00+01:00', reason: 'Swap for a family event' }));
  return doc.toString();
}

function movedBy(person: string): string[] {
  const before = parse(example['rotations/ingestion.yaml']!) as SchemaTypes['rotation'];
  const after = parse(rotationWithOverride(person)) as SchemaTypes['rotation'];
  const now = new Date(TEST_NOW);
  return peopleWithMovedShifts(before, after, new Date(now.getTime() - 366 * 86_400_000), new Date(now.getTime() + 732 * 86_400_000));
}

const swapper = 'kavya-iyer';
const swapped = movedBy(swapper).filter((p) => p !== swapper);
const login = (person: string) => (/^\s*github: (.+)$/m.exec(example['policy/people.yaml']!.split(`- id: ${person}\n`)[1] ?? '')?.[1] ?? person).trim();

interface Case {
  name: string;
  scenario: Scenario;
  state: 'success' | 'failure';
  /** The status description, exactly. */
  description?: string;
  /** Problems the verdict must list, exactly. */
  problems?: string[];
  /** The pull request number the check runs for (default 7): a relay, a dispatch or another pull request's event. */
  runFor?: string;
  /** The pull request whose approvals decide the commit's status (default the one run for, when it is a candidate). */
  decidedBy?: number;
}

const cases: Case[] = [
  {
    name: 'GA approved by the three people who sign it, on the head commit',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE() },
    state: 'success',
    description: `Approved: ${GA_TITLE}`,
  },
  {
    name: 'an approval on an older commit, then a push',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre', { commit: OLD_SHA })] },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (@chenwei-sre approved an older commit) (+1 more)',
    problems: [`${GA_TITLE}: needs approval from @chenwei-sre (Chen Wei), who signs it as SRE Lead (@chenwei-sre approved an older commit)`],
  },
  {
    name: 'an approval from a listed login whose account has no write access',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')], permissions: { 'chenwei-sre': 'none' } },
    state: 'failure',
    problems: [`${GA_TITLE}: needs approval from SRE Lead: one of @chenwei-sre, @dreyes`, `${GA_TITLE}: needs approval from @chenwei-sre (Chen Wei), who signs it as SRE Lead`],
  },
  {
    name: 'an older approval followed by a new one on the head counts',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('chenwei-sre', { commit: OLD_SHA }), approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')] },
    state: 'success',
  },
  {
    name: 'the pull request adds the approver to the role it approves for',
    scenario: {
      changes: {
        'policy/roles.yaml': edit('policy/roles.yaml', SRE_LEAD_ASSIGNMENT, '- { from: 2024-12-29, primary: chen-wei, backup: dana-reyes, others: [hugo-martin] }'),
        [GA_PATH]: gaRecord([
          ['amara-okafor', 'ingestion-owner'],
          ['grace-lin', 'product-manager'],
          ['hugo-martin', 'sre-lead'],
        ]),
      },
      reviews: [approve('amara-okafor'), approve('gracelin'), approve('hmartin')],
    },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+3 more)',
    problems: [
      `${POLICY_TITLE}: needs approval from SRE Lead: one of @chenwei-sre, @dreyes`,
      `${GA_PATH}: Hugo Martin (@hmartin) signs as SRE Lead but does not hold it at the record's time on the default branch (held by @chenwei-sre, @dreyes).`,
      `${GA_PATH}: signers[2].person: Hugo Martin (@hmartin) does not hold SRE Lead at 2026-11-21T12:00:00+01:00; SRE Lead is held by one of Chen Wei (@chenwei-sre), Dana Reyes (@dreyes). (signoff-signer-role, line 12)`,
      `${GA_TITLE}: needs approval from SRE Lead: one of @chenwei-sre, @dreyes`,
    ],
  },
  {
    name: 'the pull request edits policy/approvals.yaml to drop the SRE Lead from GA',
    scenario: {
      changes: {
        'policy/approvals.yaml': edit('policy/approvals.yaml', 'require: [ingestion-owner, product-manager, sre-lead]', 'require: [ingestion-owner, product-manager]'),
        [GA_PATH]: gaRecord([
          ['amara-okafor', 'ingestion-owner'],
          ['grace-lin', 'product-manager'],
        ]),
      },
      reviews: [approve('amara-okafor'), approve('gracelin')],
    },
    state: 'failure',
    problems: [`${POLICY_TITLE}: needs approval from SRE Lead: one of @chenwei-sre, @dreyes`, `${GA_TITLE}: needs approval from SRE Lead: one of @chenwei-sre, @dreyes`],
  },
  {
    name: 'one person holding two required roles fills only one',
    scenario: { base: sreLeadHeldBy('primary: chen-wei, backup: grace-lin'), changes: touchPolicy, reviews: [approve('amara-okafor'), approve('gracelin')] },
    state: 'failure',
    description: 'needs approval from Product Manager: one of @gracelin, @hmartin (@gracelin already counts as SRE Lead)',
  },
  {
    name: 'maximum matching: Alice {PM, SRE Lead}, Bob {SRE Lead}, Carol {Ingestion Owner}',
    scenario: { base: sreLeadHeldBy('primary: grace-lin, backup: chen-wei'), changes: touchPolicy, reviews: [approve('gracelin'), approve('chenwei-sre'), approve('amara-okafor')] },
    state: 'success',
  },
  {
    name: 'the author approving their own sign-off',
    scenario: { author: 'chenwei-sre', changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), commits: [{ sha: HEAD_SHA, author: fakeUser('chenwei-sre'), committer: fakeUser('chenwei-sre') }] },
    state: 'failure',
    description: 'needs approval from SRE Lead: @dreyes (@chenwei-sre opened this pull request) (+1 more)',
    problems: [
      `${GA_TITLE}: needs approval from @chenwei-sre (Chen Wei), who signs it as SRE Lead (@chenwei-sre opened this pull request, so their approval cannot count; have someone else open it)`,
    ],
  },
  {
    name: 'someone who pushed commits to the pull request does not count',
    scenario: {
      changes: touchPolicy,
      reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre')],
      commits: [
        { sha: OLD_SHA, author: fakeUser(AUTHOR), committer: fakeUser(AUTHOR) },
        { sha: HEAD_SHA, author: fakeUser('chenwei-sre'), committer: fakeUser('web-flow') },
      ],
    },
    state: 'failure',
    description: 'needs approval from SRE Lead: @dreyes (@chenwei-sre pushed commits to this pull request)',
  },
  {
    name: 'a veto followed by COMMENTED from the same person is still a veto',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [...THREE(), review('dreyes', 'CHANGES_REQUESTED'), review('dreyes', 'COMMENTED')] },
    state: 'failure',
    description: 'vetoed by @dreyes (SRE Lead): the veto stands until @dreyes approves or someone holding Ingestion Owner dismisses it.',
  },
  {
    name: 'a veto by X and an approval by Y: X still blocks',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [review('hmartin', 'CHANGES_REQUESTED'), ...THREE()] },
    state: 'failure',
    problems: [`${GA_TITLE}: vetoed by @hmartin (Product Manager): the veto stands until @hmartin approves or someone holding Ingestion Owner dismisses it.`],
  },
  {
    name: 'a veto lifted by the same person approving',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [review('hmartin', 'CHANGES_REQUESTED'), ...THREE(), approve('hmartin')] },
    state: 'success',
  },
  {
    name: 'a veto from someone with no role in the rule does not block',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [review('isla-murphy', 'CHANGES_REQUESTED'), ...THREE()] },
    state: 'success',
  },
  {
    name: 'a dismissed approval no longer counts',
    scenario: {
      changes: { [GA_PATH]: gaRecord() },
      reviews: [approve('amara-okafor'), approve('gracelin'), review('chenwei-sre', 'DISMISSED', { id: 501 })],
      events: [dismissal('amara-okafor', 501, 'approved')],
    },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+1 more)',
  },
  {
    name: 'a veto dismissed by the author still stands',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [...THREE(), review('dreyes', 'DISMISSED', { id: 502 })], events: [dismissal(AUTHOR, 502, 'changes_requested')] },
    state: 'failure',
    description: 'vetoed by @dreyes (SRE Lead): the veto stands until @dreyes approves or someone holding Ingestion Owner dismisses it.',
  },
  {
    name: 'a veto dismissed by a holder of a veto_dismissal role is lifted',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [...THREE(), review('dreyes', 'DISMISSED', { id: 503 })], events: [dismissal('bschultz', 503, 'changes_requested')] },
    state: 'success',
  },
  {
    name: 'a veto dismissed by the vetoing person is lifted',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [...THREE(), review('dreyes', 'DISMISSED', { id: 504 })], events: [dismissal('dreyes', 504, 'changes_requested')] },
    state: 'success',
  },
  {
    name: 'a dismissed review GitHub shows no dismissal event for is kept as a veto',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [...THREE(), review('dreyes', 'DISMISSED', { id: 505 })] },
    state: 'failure',
  },
  {
    name: 'a review from a deleted account counts for nothing',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), review(null, 'APPROVED')] },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+1 more)',
  },
  {
    name: 'logins compare case-insensitively',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('Amara-Okafor'), approve('GRACELIN'), approve('ChenWei-SRE')] },
    state: 'success',
  },
  {
    name: 'more than 100 reviews with the veto on the second page',
    scenario: {
      changes: { [GA_PATH]: gaRecord() },
      reviews: [...THREE(), ...Array.from({ length: 110 }, (_, i) => review(`watcher-${i}`, 'COMMENTED')), review('dreyes', 'CHANGES_REQUESTED')],
    },
    state: 'failure',
    description: 'vetoed by @dreyes (SRE Lead): the veto stands until @dreyes approves or someone holding Ingestion Owner dismisses it.',
  },
  {
    name: "a bot's approval",
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre', { type: 'Bot' }), approve('github-actions[bot]')] },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+1 more)',
  },
  {
    name: 'a signer named in the record who never reviewed',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('hmartin'), approve('chenwei-sre')] },
    state: 'failure',
    description: 'needs approval from @gracelin (Grace Lin), who signs it as Product Manager',
  },
  {
    name: 'authorised-by equal to approved-by on a rollback',
    scenario: {
      changes: { [NEW_ROLLBACK]: rollbackRecord('{ person: amara-okafor, role: ingestion-owner }', '{ person: amara-okafor, role: ingestion-owner }') },
      reviews: [approve('amara-okafor'), approve('gracelin')],
    },
    state: 'failure',
    problems: [
      `${NEW_ROLLBACK}: Amara Okafor (@amara-okafor) both authorised and approved the rollback; the approver is a different person.`,
      `${NEW_ROLLBACK}: rollback.approved_by.person: Amara Okafor (@amara-okafor) also authorised this rollback; the approver is a different person. (signoff-authority, line 12)`,
    ],
  },
  {
    name: 'a planned rollback authorised by the Ingestion Owner and approved by the PM',
    scenario: {
      changes: { [NEW_ROLLBACK]: rollbackRecord('{ person: amara-okafor, role: ingestion-owner }', '{ person: grace-lin, role: product-manager }') },
      reviews: [approve('amara-okafor'), approve('gracelin')],
    },
    state: 'success',
  },
  {
    name: 'a renamed policy file needs the owners of its old path',
    scenario: { changes: { 'archive/roles.yaml': example['policy/roles.yaml']! }, renames: { 'archive/roles.yaml': 'policy/roles.yaml' }, reviews: [approve('amara-okafor')] },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+1 more)',
  },
  {
    name: 'a deleted policy file needs the policy owners',
    scenario: { changes: { 'policy/communication.yaml': null }, reviews: [approve('amara-okafor'), approve('chenwei-sre')] },
    state: 'failure',
    description: 'needs approval from Product Manager: one of @gracelin, @hmartin',
  },
  {
    name: 'the right approvals on a pull request that also rewrites an old sign-off record',
    scenario: {
      changes: { [GA_PATH]: gaRecord(), [ROLLBACK_PATH]: edit(ROLLBACK_PATH, 'approved_by: { person: amara-okafor, role: ingestion-owner }', 'approved_by: { person: ben-schultz, role: ingestion-owner }') },
      reviews: [...THREE(), approve('kavya-iyer'), approve('bschultz')],
    },
    state: 'failure',
    description: `${ROLLBACK_PATH}: rollback.approved_by.person: changed from "amara-okafor" to "ben-schultz" in an…`,
  },
  {
    name: 'deleting an old sign-off record',
    scenario: { changes: { [ROLLBACK_PATH]: null }, reviews: [approve('amara-okafor'), approve('kavya-iyer')] },
    state: 'failure',
    description: `${ROLLBACK_PATH}: an existing sign-off record is deleted; records are append-only.`,
  },
  {
    name: "amending a rollback's next steps needs the people it names",
    scenario: { changes: { [ROLLBACK_PATH]: edit(ROLLBACK_PATH, 'client_communication: required', 'client_communication: not-required') }, reviews: [approve('amara-okafor')] },
    state: 'failure',
    description: 'needs approval from @kavya-iyer (Kavya Iyer), who signs it as On-Call',
  },
  {
    name: "amending a rollback's next steps with its signers' approval",
    scenario: { changes: { [ROLLBACK_PATH]: edit(ROLLBACK_PATH, 'client_communication: required', 'client_communication: not-required') }, reviews: [approve('amara-okafor'), approve('kavya-iyer')] },
    state: 'success',
  },
  {
    name: 'a kill-switch record signed by whoever was on call then, the Ingestion Owner and the SRE Lead',
    scenario: {
      changes: {
        'signoffs/2026/2026-11-21-ingestion-global-disable.yaml': [
          'id: 2026-11-21-ingestion-global-disable',
          'kind: kill-switch',
          'rollout: ingestion',
          'at: 2026-11-21T03:10:00+01:00',
          'summary: Disable ingestion globally while the error rate is above 20%.',
          'kill_switch: { action: global-disable, scenario: error-rate-over-20, scope: global }',
          'signers:',
          '  - { person: sofia-rossi, role: on-call }',
          '  - { person: amara-okafor, role: ingestion-owner }',
          '  - { person: chen-wei, role: sre-lead }',
          '',
        ].join('\n'),
      },
      reviews: [approve('sofiarossi'), approve('amara-okafor'), approve('chenwei-sre')],
    },
    state: 'success',
  },
  {
    name: 'a rotation swap approved by the other person whose shift moves (the author agrees by proposing it)',
    scenario: { author: 'kavya-iyer', changes: { 'rotations/ingestion.yaml': rotationWithOverride(swapper) }, reviews: swapped.map((p) => approve(login(p))), commits: [{ sha: HEAD_SHA, author: fakeUser('kavya-iyer'), committer: fakeUser('kavya-iyer') }] },
    state: 'success',
  },
  {
    name: 'a rotation swap without the other person',
    scenario: { author: 'kavya-iyer', changes: { 'rotations/ingestion.yaml': rotationWithOverride(swapper) }, reviews: [], commits: [{ sha: HEAD_SHA, author: fakeUser('kavya-iyer'), committer: fakeUser('kavya-iyer') }] },
    state: 'failure',
    problems: swapped.map((p) => `${ROTATION_TITLE}: needs approval from @${login(p)} (${p.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')}), whose shifts this change moves`),
  },
  {
    name: 'a toolkit change approved by the backup SRE Lead',
    scenario: { changes: {}, otherFiles: ['scripts/approvals/evaluate.ts'], reviews: [approve('dreyes')] },
    state: 'success',
    description: 'Approved: scripts/**, schemas/**, .github/**, package.json, package-lock.json (path rule toolkit)',
  },
  {
    name: 'a change to unguarded files needs nothing',
    scenario: { changes: {}, otherFiles: ['README.md'] },
    state: 'success',
    description: 'No sign-off records or guarded files changed; no approvals required.',
  },
  {
    name: "an approval from a login that is not in the default branch's people.yaml",
    scenario: { changes: touchPolicy, reviews: [approve('amara-okafor'), approve('gracelin'), approve('mallory')] },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes',
  },
  {
    name: 'more than 3,000 changed files fails closed',
    scenario: { changes: {}, otherFiles: Array.from({ length: 3001 }, (_, i) => `docs/page-${i}.md`), reviews: THREE() },
    state: 'failure',
    description: 'the pull request changes 3001 files; GitHub lists at most 3000, so its approvals cannot be checked. Split it into smaller pull requests.',
  },
];


/** A rollback record with the form; `type` decides who signs. */
function rollbackOfType(id: string, at: string, type: string, authorised: string, approved: string, phases = { from: 'P3', to: 'P2' }): string {
  return [
    '# yaml-language-server: $schema=../../schemas/signoff.schema.json',
    `id: ${id}`,
    'kind: rollback',
    'rollout: ingestion',
    `at: ${at}`,
    'summary: Roll back while the error rate is investigated.',
    `from: ${phases.from}`,
    `to: ${phases.to}`,
    'rollback:',
    `  type: ${type}`,
    '  reasons: [error-rate]',
    `  authorised_by: ${authorised}`,
    `  approved_by: ${approved}`,
    // Complete next steps: past rollback.next_steps_within (a backdated record is) missing ones fail the check.
    '  next_steps: { investigation: elif-yilmaz, reramp_target: 2026-11-30, client_communication: required }',
    '',
  ].join('\n');
}

const BACKDATED = 'signoffs/2026/2026-11-12-ingestion-rollback-p3-p2.yaml';
/** A P1-incident rollback dated 2026-11-12, when Kavya Iyer was on call (today it is Liam Novak and Sofia Rossi). */
const backdatedRollback = () =>
  rollbackOfType('2026-11-12-ingestion-rollback-p3-p2', '2026-11-12T12:00:00+01:00', 'p1-incident', '{ person: kavya-iyer, role: on-call }', '{ person: amara-okafor, role: ingestion-owner }');
const ON_CALL_THEN = () => [approve('kavya-iyer'), approve('amara-okafor')];

/** The kill-switch record of the bypass table, signed as On-Call by `person` at 03:10 on 21 November. */
const killSwitchBy = (person: string) =>
  [
    '# yaml-language-server: $schema=../../schemas/signoff.schema.json',
    'id: 2026-11-21-ingestion-global-disable',
    'kind: kill-switch',
    'rollout: ingestion',
    'at: 2026-11-21T03:10:00+01:00',
    'summary: Disable ingestion globally while the error rate is above 20%.',
    'kill_switch: { action: global-disable, scenario: error-rate-over-20, scope: global }',
    'signers:',
    `  - { person: ${person}, role: on-call }`,
    '  - { person: amara-okafor, role: ingestion-owner }',
    '  - { person: chen-wei, role: sre-lead }',
    '',
  ].join('\n');
const KILL_SWITCH = 'signoffs/2026/2026-11-21-ingestion-global-disable.yaml';
const CLOSED_INCIDENT = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';

const ROLES_EXAMPLE = example['policy/roles.yaml']!;
/** The default branch's roles with the assignment line `from` followed by `appended` lines. */
const rolesWith = (after: string, appended: string) => {
  if (!ROLES_EXAMPLE.includes(after)) throw new Error(`"${after}" is not in policy/roles.yaml`);
  return { 'policy/roles.yaml': ROLES_EXAMPLE.replace(after, `${after}\n${appended}`) };
};
const CHEN_CONTACTS = '    contacts: { slack: "@chen", phone: "+49 30 5550 1003", pager: "pagerduty:chen-wei", email: chen.wei@egi.example }';
const CHEN_ID = Number(/github: chenwei-sre\n\s+github_id: (\d+)/.exec(example['policy/people.yaml']!)![1]);

/** The rotation with an override far ahead: Kavya covers the primary tier on 5 March 2029. */
function farFutureOverride(): { text: string; displaced: string } {
  const doc = parseDocument(example['rotations/ingestion.yaml']!);
  const start = '2029-03-05T09:00:00+01:00';
  (doc.get('overrides') as { add(value: unknown): void }).add(doc.createNode({ tier: 'primary', person: 'kavya-iyer', start, end: '2029-03-06T09:00:00+01:00', reason: 'Covering a conference day' }));
  const rotation = parse(example['rotations/ingestion.yaml']!) as SchemaTypes['rotation'];
  const displaced = onCallAt(rotation, new Date('2029-03-05T12:00:00+01:00')).find((s) => s.tier === 'primary')!.person;
  return { text: doc.toString(), displaced };
}
const far = farFutureOverride();
const nameOf = (person: string) => person.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');

const bindingCases: Case[] = [
  {
    name: 'a pull request into another branch: its head is no pull request into main, so its approvals post no success',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), pull: { baseRef: 'release' } },
    state: 'failure',
    description: 'No open pull request into main has this commit as its head; approvals are decided for pull requests into main.',
  },
  {
    name: 'a pull request into a branch that already holds the GA record cannot lend its success to the one into main with the same head',
    // #7 adds nothing to release (which holds the record already); #42 adds the record to main.
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), pull: { baseRef: 'release', files: [] }, others: [{ number: 42, reviews: [] }] },
    runFor: '7',
    state: 'failure',
    decidedBy: 42,
  },
  {
    name: 'a closed pull request with every approval: nothing open owns its head, failure',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), pull: { state: 'closed' } },
    state: 'failure',
    description: 'No open pull request into main has this commit as its head; approvals are decided for pull requests into main.',
  },
  {
    name: 'a closed, approved pull request and an open one with the same head and no reviews: the open one decides',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), pull: { state: 'closed' }, others: [{ number: 8 }] },
    state: 'failure',
    decidedBy: 8,
  },
  {
    name: 'two open pull requests into main with one head: the approved one makes the commit approved, whichever is run',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), others: [{ number: 8 }] },
    runFor: '8',
    state: 'success',
    decidedBy: 7,
    description: `#7: Approved: ${GA_TITLE}`,
  },
  {
    name: 'a fork pull request with the same head and no reviews cannot deny the approved one',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), others: [{ number: 9, user: user('mallory'), headRepo: { owner: 'mallory', name: 'oncall' } }] },
    runFor: '9',
    state: 'success',
    decidedBy: 7,
  },
  {
    name: 'a hand-typed number (workflow_dispatch) of an approved closed pull request does not help an open one with the same head',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [], others: [{ number: 12, state: 'closed', reviews: THREE() }] },
    runFor: '12',
    state: 'failure',
    decidedBy: 7,
  },
  {
    name: 'a record dated within review.max_record_age before the pull request: the holders at its time sign it',
    scenario: { changes: { [BACKDATED]: backdatedRollback() }, reviews: ON_CALL_THEN(), pull: { created_at: '2026-11-14T10:00:00Z' } },
    state: 'success',
  },
  {
    name: 'a record backdated beyond review.max_record_age: the holders today must approve as well',
    scenario: { changes: { [BACKDATED]: backdatedRollback() }, reviews: ON_CALL_THEN() },
    state: 'failure',
    // Amara Okafor holds both roles today, and one person fills one slot: someone else must approve.
    problems: [`today's holders for a P1 incident rollback in ${BACKDATED}: needs approval from Ingestion Owner (holder today): one of @amara-okafor, @bschultz (@amara-okafor already counts as On-Call (holder today))`],
  },
  {
    name: "a record backdated beyond the bound, with today's On-Call approving too",
    scenario: { changes: { [BACKDATED]: backdatedRollback() }, reviews: [...ON_CALL_THEN(), approve('sofiarossi')] },
    state: 'success',
  },
  {
    name: 'a reassigned role: an old record signed by the old holder still counts, a new one by the old holder does not',
    scenario: {
      base: rolesWith('      - { from: 2024-12-29, primary: amara-okafor, backup: ben-schultz }', '      - { from: 2026-11-16, primary: ben-schultz, backup: noah-fischer }'),
      changes: { [ROLLBACK_PATH]: edit(ROLLBACK_PATH, 'client_communication: required', 'client_communication: not-required'), [GA_PATH]: gaRecord() },
      reviews: [...THREE(), approve('kavya-iyer'), approve('bschultz')],
    },
    state: 'failure',
    problems: [
      `${GA_PATH}: Amara Okafor (@amara-okafor) signs as Ingestion Owner but does not hold it at the record's time on the default branch (held by @bschultz, @nfischer).`,
      `${GA_PATH}: signers[0].person: Amara Okafor (@amara-okafor) does not hold Ingestion Owner at 2026-11-21T12:00:00+01:00; Ingestion Owner is held by one of Ben Schultz (@bschultz), Noah Fischer (@nfischer). (signoff-signer-role, line 10)`,
    ],
  },
  {
    name: 'a reassigned role: amending an old record signed by the old holder needs only the people it names',
    scenario: {
      base: rolesWith('      - { from: 2024-12-29, primary: amara-okafor, backup: ben-schultz }', '      - { from: 2026-11-16, primary: ben-schultz, backup: noah-fischer }'),
      changes: { [ROLLBACK_PATH]: edit(ROLLBACK_PATH, 'client_communication: required', 'client_communication: not-required') },
      reviews: [approve('amara-okafor'), approve('kavya-iyer')],
    },
    state: 'success',
  },
  {
    name: 'an acting holder signs inside the acting period',
    scenario: {
      base: rolesWith('      - { from: 2024-12-29, primary: chen-wei, backup: dana-reyes }', '    acting:\n      - { person: farid-haddad, from: 2026-11-19, to: 2026-11-25, reason: Chen Wei and Dana Reyes at a conference }'),
      changes: { [GA_PATH]: gaRecord([['amara-okafor', 'ingestion-owner'], ['grace-lin', 'product-manager'], ['farid-haddad', 'sre-lead']]) },
      reviews: [approve('amara-okafor'), approve('gracelin'), approve('fhaddad')],
    },
    state: 'success',
  },
  {
    name: 'a holder who has left holds nothing: their sign-off and their approval do not count',
    scenario: {
      base: { 'policy/people.yaml': edit('policy/people.yaml', CHEN_CONTACTS, `${CHEN_CONTACTS}\n    left: 2026-11-19`) },
      changes: { [GA_PATH]: gaRecord() },
      reviews: THREE(),
    },
    state: 'failure',
    problems: [
      `${GA_PATH}: Chen Wei (@chenwei-sre) signs as SRE Lead but does not hold it at the record's time on the default branch (held by @dreyes).`,
      `${GA_TITLE}: needs approval from SRE Lead: @dreyes`,
    ],
  },
  {
    name: 'On-Call means whoever holds a tier at that instant, not everyone on the roster',
    scenario: { changes: { [KILL_SWITCH]: killSwitchBy('kavya-iyer') }, reviews: [approve('kavya-iyer'), approve('amara-okafor'), approve('chenwei-sre')] },
    state: 'failure',
    problems: [
      `${KILL_SWITCH}: Kavya Iyer (@kavya-iyer) signs as On-Call but does not hold it at the record's time on the default branch (held by @lnovak, @sofiarossi, @amara-okafor).`,
    ],
  },
  {
    name: "an override three years ahead needs the displaced person's consent",
    scenario: { author: 'kavya-iyer', changes: { 'rotations/ingestion.yaml': far.text }, reviews: [], commits: [{ sha: HEAD_SHA, author: user('kavya-iyer'), committer: user('kavya-iyer') }], pushes: [push('kavya-iyer')] },
    state: 'failure',
    problems: [`${ROTATION_TITLE}: needs approval from @${login(far.displaced)} (${nameOf(far.displaced)}), whose shifts this change moves`],
  },
  {
    name: 'a forward "rollback" (P3 to P4) fails the approvals check itself',
    scenario: {
      changes: { [NEW_ROLLBACK]: rollbackOfType('2026-11-21-ingestion-rollback-p3-p2', '2026-11-21T09:00:00+01:00', 'planned', '{ person: amara-okafor, role: ingestion-owner }', '{ person: grace-lin, role: product-manager }', { from: 'P3', to: 'P4' }) },
      reviews: [approve('amara-okafor'), approve('gracelin')],
    },
    state: 'failure',
    problems: [`${NEW_ROLLBACK}: to: a rollback goes back to an earlier phase; "P4" is not before "P3". (signoff-transition, line 8)`],
  },
  {
    name: 'a ga record from P0 to P1 signed by one role fails the approvals check itself',
    scenario: {
      changes: { [GA_PATH]: gaRecord([['amara-okafor', 'ingestion-owner']]).replace('from: P3', 'from: P0').replace('to: P4', 'to: P1') },
      reviews: [approve('amara-okafor')],
    },
    state: 'failure',
    problems: [`${GA_PATH}: kind: GA is the last gate (into P4); P0 to P1 is a phase gate. (signoff-transition, line 3)`],
  },
  {
    name: 'an organisation member with read access only: their approval does not count',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), permissions: { 'chenwei-sre': 'read' } },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+1 more)',
  },
  {
    name: 'maintain permission is write access',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), permissions: { 'chenwei-sre': 'maintain' } },
    state: 'success',
  },
  {
    name: "a renamed account keeps its person: matched by account id under its new login",
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chen-wei-platform', { accountId: CHEN_ID })], permissions: { 'chen-wei-platform': 'write' } },
    state: 'success',
  },
  {
    name: 'a re-registered login inherits nothing: a new account under a listed login does not count',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('chenwei-sre', { accountId: 99_000_001 })] },
    state: 'failure',
    description: 'needs approval from SRE Lead: one of @chenwei-sre, @dreyes (+1 more)',
  },
  {
    name: "a closed incident's severity rewritten in place fails, whoever approves",
    scenario: { changes: { [CLOSED_INCIDENT]: edit(CLOSED_INCIDENT, '\nseverity: P1\n', '\nseverity: P0\n') }, reviews: [...THREE(), approve('kavya-iyer')] },
    state: 'failure',
    // First the rewrite itself; then, judged as a P0, the record lacks the P0 ladders' escalations (2 more).
    description: `${CLOSED_INCIDENT}: severity: changed from "P1" to "P0" in an existing incident record that is… (+2 more)`,
    problems: [
      `${CLOSED_INCIDENT}: severity: changed from "P1" to "P0" in an existing incident record that is closed; once closed, it is corrected through a new entry in amendments (field, value, reason, by), and the recorded value stays.`,
    ],
  },
  {
    name: 'someone GitHub records as pushing to the branch does not count, whatever the commits claim',
    scenario: { changes: { [GA_PATH]: gaRecord() }, reviews: THREE(), pushes: [push(AUTHOR), push('chenwei-sre')] },
    state: 'failure',
    description: 'needs approval from SRE Lead: @dreyes (@chenwei-sre pushed to this pull request) (+1 more)',
  },
];

describe('approvals: the bypass table', () => {
  it('has at least 25 scenarios within a pull request and 20 that bind the verdict to time and to what is merged', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(bindingCases.length).toBeGreaterThanOrEqual(20);
    expect(swapped.length).toBeGreaterThan(0);
  });

  it.each([...cases, ...bindingCases])('$name -> $state', async (c) => {
    server = await serve(c.scenario);
    const run = await runAgainst(server, { pr: c.runFor ?? String(PR) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(c.state === 'success' ? 0 : 1);
    const verdict = run.verdict!;
    expect(verdict.state).toBe(c.state);
    if (c.decidedBy !== undefined) expect((verdict as unknown as { decidedBy: number }).decidedBy).toBe(c.decidedBy);
    if (c.description !== undefined) expect(verdict.description).toBe(c.description);
    for (const problem of c.problems ?? []) expect(verdict.problems).toContain(problem);
    expect(verdict.description.length).toBeLessThanOrEqual(140);
    // Pending while it is checked, so no earlier success stands meanwhile; then the verdict.
    expect(server.state.statuses).toEqual([
      expect.objectContaining({ sha: HEAD_SHA, state: 'pending', context: 'oncall-as-code/approvals' }),
      expect.objectContaining({ sha: HEAD_SHA, state: c.state, context: 'oncall-as-code/approvals', description: verdict.description }),
    ]);
  });

  it('reads every page of reviews and never the head commit for rules or roles', async () => {
    server = await serve({ changes: { [GA_PATH]: gaRecord(), ...touchPolicy }, reviews: [...THREE(), ...Array.from({ length: 150 }, (_, i) => review(`watcher-${i}`, 'COMMENTED'))] });
    await runAgainst(server);
    const pages = server.requestsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews').map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    const contents = server.requestsTo('GET /repos/{owner}/{repo}/contents/{path}');
    const policyReads = contents.filter((r) => r.params.path!.startsWith('policy/') || r.params.path!.startsWith('rotations/'));
    expect(policyReads.length).toBeGreaterThan(0);
    expect(policyReads.every((r) => r.query.ref === 'b'.repeat(40))).toBe(true);
    // The new record is read at the head, as data.
    expect(contents.some((r) => r.params.path === GA_PATH && r.query.ref === HEAD_SHA)).toBe(true);
  });

  it('the final status cannot be written: the commit keeps pending, the job log says so, exit 2', async () => {
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: THREE() });
    // The pending status goes through; every later POST fails (after the client's retries).
    server.fault('POST /repos/{owner}/{repo}/statuses/{sha}', [201, 502], { persist: true });
    const run = await runAgainst(server);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could not write the oncall-as-code/approvals status (success) on 1f2e3d4: GitHub failed with HTTP 502 on POST');
    expect(run.stderr).toContain('The commit keeps the pending status posted when the check started, which blocks merging; re-run the workflow.');
    expect(server.state.statuses.map((s) => s.state)).toEqual(['pending']);
  });

  it('a merged pull request: no status is posted on its commit', async () => {
    server = await serve({ changes: { [GA_PATH]: gaRecord() }, reviews: [], pull: { state: 'closed', merged: true } });
    const run = await runAgainst(server);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Pull request #7 is merged; its commit needs no approvals status.\n');
    expect(server.state.statuses).toEqual([]);
  });

  it('reads the policy at the default branch as it is now, not at the pull request\'s base', async () => {
    // The pull request's base is an old commit where Hugo Martin was an SRE Lead; main no longer says so.
    server = await serve({ changes: { [GA_PATH]: gaRecord([['amara-okafor', 'ingestion-owner'], ['grace-lin', 'product-manager'], ['hugo-martin', 'sre-lead']]) }, reviews: [approve('amara-okafor'), approve('gracelin'), approve('hmartin')] });
    const oldBase = 'c'.repeat(40);
    server.state.contents[oldBase] = { ...server.state.contents['b'.repeat(40)]!, ...sreLeadHeldBy('primary: hugo-martin, backup: dana-reyes') };
    server.state.pulls[PR]!.base.sha = oldBase;
    const run = await runAgainst(server);
    expect(run.verdict!.state).toBe('failure');
    expect(server.requestsTo('GET /repos/{owner}/{repo}/contents/{path}').some((r) => r.query.ref === oldBase)).toBe(false);
  });
});
