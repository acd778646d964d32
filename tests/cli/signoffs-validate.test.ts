import { afterEach, describe, expect, it } from 'vitest';
import { validateJson } from '../support/cli.ts';
import { lineOf, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const GA = 'signoffs/2026/2026-11-02-ingestion-ga.yaml';
const ROLLBACK = 'signoffs/2026/2026-10-14-ingestion-rollback-p2-p1.yaml';
const P2P3 = 'signoffs/2026/2026-10-26-ingestion-p2-p3.yaml';
const SIGNOFF_RULES = new Set(['signoff-transition', 'signoff-signer-role', 'signoff-authority', 'signoff-veto']);

async function signoffFindings(root: string) {
  const { code, report } = await validateJson(root);
  return { code, diagnostics: report.diagnostics.filter((d) => SIGNOFF_RULES.has(d.ruleId)), all: report.diagnostics };
}

interface Case {
  name: string;
  edit: (repo: TempRepo) => void;
  ruleId: string;
  file: string;
  /** The line's text, to find its number in the edited file. */
  lineOf: string;
  /** Which occurrence of `lineOf` (default the first). */
  occurrence?: number;
  message: string;
}

const cases: Case[] = [
  {
    name: 'GA without the SRE Lead names the missing role and its holders',
    edit: (r) => r.replace(GA, '  - person: chen-wei\n    role: sre-lead\n    confirms: [Infra stable, Monitoring adequate, On-call trained]\n', ''),
    ruleId: 'signoff-authority',
    file: GA,
    lineOf: 'signers:',
    message: 'signers: GA (P3 to P4) needs SRE Lead: one of Chen Wei (@chenwei-sre), Dana Reyes (@dreyes).',
  },
  {
    name: 'a rollback approved by a role without authority',
    edit: (r) => r.replace(ROLLBACK, 'approved_by: { person: amara-okafor, role: ingestion-owner }', 'approved_by: { person: isla-murphy, role: support-lead }'),
    ruleId: 'signoff-authority',
    file: ROLLBACK,
    lineOf: 'approved_by:',
    message: 'rollback.approved_by.role: Support Lead has no authority over a P1 incident rollback; it is signed by On-Call and Ingestion Owner.',
  },
  {
    name: 'the same rollback then lacks its Ingestion Owner',
    edit: (r) => r.replace(ROLLBACK, 'approved_by: { person: amara-okafor, role: ingestion-owner }', 'approved_by: { person: isla-murphy, role: support-lead }'),
    ruleId: 'signoff-authority',
    file: ROLLBACK,
    lineOf: 'rollback:',
    message: 'rollback: a P1 incident rollback needs Ingestion Owner: one of Amara Okafor (@amara-okafor), Ben Schultz (@bschultz).',
  },
  {
    name: 'a skipped gate',
    edit: (r) => {
      r.remove(P2P3);
      r.replace(GA, 'from: P3', 'from: P2');
      r.replace(GA, 'kind: ga', 'kind: phase-gate');
      r.replace(GA, 'to: P4', 'to: P4 # ramp skipped');
    },
    ruleId: 'signoff-transition',
    file: GA,
    lineOf: 'to: P4',
    message: 'to: "P2" to "P4" skips the P3 gate; gates are signed one at a time.',
  },
  {
    name: 'a gate whose from is not the current phase',
    edit: (r) => r.remove('signoffs/2026/2026-10-21-ingestion-p1-p2.yaml'),
    ruleId: 'signoff-transition',
    file: P2P3,
    lineOf: 'from: P2',
    message: 'from: "P2" is not the current phase of ingestion; it is in P1 since 2026-10-14-ingestion-rollback-p2-p1.',
  },
  {
    name: 'a rollback that goes forward',
    edit: (r) => {
      r.replace(ROLLBACK, 'from: P2', 'from: P2 # was');
      r.replace(ROLLBACK, 'to: P1', 'to: P3');
    },
    ruleId: 'signoff-transition',
    file: ROLLBACK,
    lineOf: 'to: P3',
    message: 'to: a rollback goes back to an earlier phase; "P3" is not before "P2".',
  },
  {
    name: 'the last gate recorded as a plain phase gate',
    edit: (r) => r.replace(GA, 'kind: ga', 'kind: phase-gate'),
    ruleId: 'signoff-transition',
    file: GA,
    lineOf: 'kind:',
    message: 'kind: P3 to P4 is the last gate, which is GA.',
  },
  {
    name: 'GA signed for a gate that is not the last',
    edit: (r) => r.replace(P2P3, 'kind: phase-gate', 'kind: ga'),
    ruleId: 'signoff-transition',
    file: P2P3,
    lineOf: 'kind:',
    message: 'kind: GA is the last gate (into P4); P2 to P3 is a phase gate.',
  },
  {
    name: 'a signer who does not hold the role',
    edit: (r) => r.replace(GA, '  - person: chen-wei\n    role: sre-lead', '  - person: hugo-martin\n    role: sre-lead'),
    ruleId: 'signoff-signer-role',
    file: GA,
    lineOf: 'person: hugo-martin',
    message:
      'signers[2].person: Hugo Martin (@hmartin) does not hold SRE Lead at 2026-11-02T12:00:00+01:00; SRE Lead is held by one of Chen Wei (@chenwei-sre), Dana Reyes (@dreyes).',
  },
  {
    name: 'an on-call authoriser who was not on call at that instant (the holders of its tiers then, not the whole roster)',
    edit: (r) => r.replace(ROLLBACK, 'authorised_by: { person: kavya-iyer, role: on-call }', 'authorised_by: { person: noah-fischer, role: on-call }'),
    ruleId: 'signoff-signer-role',
    file: ROLLBACK,
    lineOf: 'authorised_by:',
    message:
      'rollback.authorised_by.person: Noah Fischer (@nfischer) does not hold On-Call at 2026-10-14T10:35:00+02:00; On-Call is held by one of Kavya Iyer (@kavya-iyer), Liam Novak (@lnovak), Amara Okafor (@amara-okafor).',
  },
  {
    name: 'one person signing two required roles',
    edit: (r) => r.replace(GA, '  - person: grace-lin\n    role: product-manager', '  - person: amara-okafor\n    role: product-manager'),
    ruleId: 'signoff-authority',
    file: GA,
    lineOf: 'person: amara-okafor',
    occurrence: 2,
    message: 'signers[1].person: Amara Okafor (@amara-okafor) already signs as Ingestion Owner (signers[0]); each role is signed by a different person.',
  },
  {
    name: 'a rollback authorised and approved by the same person',
    edit: (r) => {
      r.replace(ROLLBACK, 'authorised_by: { person: kavya-iyer, role: on-call }', 'authorised_by: { person: amara-okafor, role: on-call }');
    },
    ruleId: 'signoff-authority',
    file: ROLLBACK,
    lineOf: 'approved_by:',
    message: 'rollback.approved_by.person: Amara Okafor (@amara-okafor) also authorised this rollback; the approver is a different person.',
  },
  {
    name: 'a veto blocks the decision',
    edit: (r) => r.write(GA, `${r.read(GA)}veto:\n  person: dana-reyes\n  role: sre-lead\n  reason: Monitoring for the new region is not in place.\n`),
    ruleId: 'signoff-veto',
    file: GA,
    lineOf: 'veto:',
    message: 'veto: Dana Reyes (@dreyes) (SRE Lead) vetoes GA (P3 to P4): "Monitoring for the new region is not in place.". A vetoed decision is blocked.',
  },
];

describe('sign-off records in validate', () => {
  it('accepts the example rollout history', async () => {
    repo = tempRepo();
    const { code, diagnostics } = await signoffFindings(repo.root);
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(cases)('$name', async (c) => {
    repo = tempRepo();
    c.edit(repo);
    const { diagnostics } = await signoffFindings(repo.root);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: c.ruleId, file: c.file, line: lineOf(repo, c.file, c.lineOf, c.occurrence), message: c.message }),
    );
  });

  it('reports a vetoed GA once per cause, and the rollout stays in P3', async () => {
    repo = tempRepo();
    repo.write(GA, `${repo.read(GA)}veto:\n  person: dana-reyes\n  role: sre-lead\n  reason: Monitoring gaps.\n`);
    const { diagnostics } = await signoffFindings(repo.root);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['signoff-veto']);
  });

  it('rejects a veto from a role with no say', async () => {
    repo = tempRepo();
    repo.write(GA, `${repo.read(GA)}veto:\n  person: isla-murphy\n  role: support-lead\n  reason: Not convinced.\n`);
    const { diagnostics } = await signoffFindings(repo.root);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'signoff-authority',
        file: GA,
        line: lineOf(repo, GA, 'role: support-lead'),
        message: 'veto.role: Support Lead cannot veto GA (P3 to P4); only Ingestion Owner, Product Manager and SRE Lead can.',
      }),
    ]);
  });

  it('checks kill-switch records against the scenario and action, and resumes against the resume scope', async () => {
    repo = tempRepo();
    const killSwitch = 'signoffs/2026/2026-11-20-ingestion-maintenance-pause.yaml';
    repo.write(
      killSwitch,
      [
        'id: 2026-11-20-ingestion-maintenance-pause',
        'kind: kill-switch',
        'rollout: ingestion',
        'at: 2026-11-20T08:00:00+01:00',
        'summary: Pause ingestion for the storage maintenance window.',
        'kill_switch: { action: pause-long, scenario: planned-maintenance, scope: global }',
        'signers:',
        '  - { person: amara-okafor, role: ingestion-owner }',
        '',
      ].join('\n'),
    );
    const resume = 'signoffs/2026/2026-11-21-ingestion-resume.yaml';
    repo.write(
      resume,
      [
        'id: 2026-11-21-ingestion-resume',
        'kind: resume',
        'rollout: ingestion',
        'at: 2026-11-21T08:00:00+01:00',
        'summary: Resume after the data integrity investigation.',
        'kill_switch: { action: resume, scenario: suspected-data-corruption, scope: global, resume_scope: data-integrity-event, verification: Investigation complete }',
        'signers:',
        '  - { person: amara-okafor, role: ingestion-owner }',
        '  - { person: grace-lin, role: product-manager }',
        '',
      ].join('\n'),
    );
    const { diagnostics } = await signoffFindings(repo.root);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'signoff-authority',
        file: killSwitch,
        line: lineOf(repo, killSwitch, 'signers:'),
        message: 'signers: the kill switch "Pause (> 1 hour)" for "Planned maintenance" needs Product Manager: one of Grace Lin (@gracelin), Hugo Martin (@hmartin).',
      }),
      expect.objectContaining({
        ruleId: 'signoff-authority',
        file: resume,
        line: lineOf(repo, resume, 'signers:'),
        message: 'signers: a resume after "Data integrity event" needs SRE Lead: one of Chen Wei (@chenwei-sre), Dana Reyes (@dreyes).',
      }),
    ]);
  });

  it('checks a hand-off against approvals.yaml handoff.require', async () => {
    repo = tempRepo();
    const handoff = 'signoffs/2026/2026-11-21-ingestion-handoff.yaml';
    repo.write(
      handoff,
      [
        'id: 2026-11-21-ingestion-handoff',
        'kind: handoff',
        'rollout: ingestion',
        'at: 2026-11-21T10:00:00+01:00',
        'summary: Hand ingestion over to Anchor operations.',
        'signers:',
        '  - { person: tara-singh, role: egi-project-lead }',
        '  - { person: amara-okafor, role: ingestion-owner }',
        '',
      ].join('\n'),
    );
    const { diagnostics } = await signoffFindings(repo.root);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'signoff-authority',
        file: handoff,
        line: 6,
        message: 'signers: the hand-off needs Anchor Operations Lead: one of Rosa Alvarez (@rosa-alvarez), Sam Osei (@samosei).',
      }),
    ]);
  });
});
