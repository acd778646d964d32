/**
 * Dated role holders, end to end: the README's "Add or reassign a role" applied as written to a
 * committed copy of the example organisation, then `validate` and `validate --changed-since HEAD`
 * as a pull request check runs them; and each role rule at its exact line and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, validateJson } from '../support/cli.ts';
import { committedRepo, lineOf, type TempRepo, TOOLKIT_ROOT } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const ROLES = 'policy/roles.yaml';
const PEOPLE = 'policy/people.yaml';
const SRE_LEAD = '      - { from: 2024-12-29, primary: chen-wei, backup: dana-reyes }';


/** The YAML block of the README's "Add or reassign a role" paragraph. */
function readmeRoleExample(): string[] {
  const readme = readFileSync(join(TOOLKIT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Add or reassign a role.**'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README: no yaml block under "Add or reassign a role"');
  return block.split('\n');
}

/** Applies the README's example to policy/roles.yaml: the appended assignment and the acting period. */
function applyReadmeExample(r: TempRepo): void {
  const lines = readmeRoleExample();
  const appended = lines.filter((line) => /^ {6}- \{ from: /.test(line) && line !== SRE_LEAD);
  const acting = lines.slice(lines.findIndex((line) => line.trim() === 'acting:'));
  expect(appended).toHaveLength(1);
  expect(lines).toContain(SRE_LEAD);
  r.replace(ROLES, `${SRE_LEAD}\n`, `${SRE_LEAD}\n${appended[0]}\n${acting.filter((line) => line.trim() !== '').join('\n')}\n`);
}

/** A kill-switch sign-off signed by `person` as SRE Lead at `at` (only its signer check matters here). */
function signedAsSreLead(r: TempRepo, id: string, at: string, person: string): string {
  const path = `signoffs/2026/${id}.yaml`;
  r.write(
    path,
    [
      '# yaml-language-server: $schema=../../schemas/signoff.schema.json',
      `id: ${id}`,
      'kind: kill-switch',
      'rollout: ingestion',
      `at: ${at}`,
      'summary: Disable ingestion globally while the error rate is above 20%.',
      'kill_switch: { action: global-disable, scenario: error-rate-over-20, scope: global }',
      'signers:',
      `  - { person: ${person}, role: sre-lead }`,
      '',
    ].join('\n'),
  );
  return path;
}

const errors = (report: Awaited<ReturnType<typeof validateJson>>['report']) => report.diagnostics.filter((d) => d.severity === 'error');

describe('reassigning a role as the README says', () => {
  it('appending an assignment and an acting period leaves validate clean on every merged record', async () => {
    repo = committedRepo();
    applyReadmeExample(repo);
    const whole = await validateJson(repo.root);
    expect(errors(whole.report)).toEqual([]);
    expect(whole.code).toBe(0);
    const changed = await validateJson(repo.root, ['--changed-since', 'HEAD']);
    expect(errors(changed.report)).toEqual([]);
    expect(changed.code).toBe(0);
  });

  it('after the reassignment the old holder no longer signs; the acting holder signs inside the window only', async () => {
    repo = committedRepo();
    applyReadmeExample(repo);
    const late = signedAsSreLead(repo, '2026-12-05-ingestion-global-disable', '2026-12-05T10:00:00+01:00', 'chen-wei');
    const acting = signedAsSreLead(repo, '2026-12-22-ingestion-global-disable', '2026-12-22T10:00:00+01:00', 'noah-fischer');
    const after = signedAsSreLead(repo, '2027-01-05-ingestion-global-disable', '2027-01-05T10:00:00+01:00', 'noah-fischer');
    const { report } = await validateJson(repo.root);
    const signer = report.diagnostics.filter((d) => d.ruleId === 'signoff-signer-role');
    expect(signer).toEqual([
      expect.objectContaining({
        file: late,
        line: 9,
        column: 15,
        message: 'signers[0].person: Chen Wei (@chenwei-sre) does not hold SRE Lead at 2026-12-05T10:00:00+01:00; SRE Lead is held by one of Dana Reyes (@dreyes), Farid Haddad (@fhaddad).',
      }),
      expect.objectContaining({
        file: after,
        line: 9,
        column: 15,
        message: 'signers[0].person: Noah Fischer (@nfischer) does not hold SRE Lead at 2027-01-05T10:00:00+01:00; SRE Lead is held by one of Dana Reyes (@dreyes), Farid Haddad (@fhaddad).',
      }),
    ]);
    expect(signer.some((d) => d.file === acting)).toBe(false);
  });
});

describe('role rules', () => {
  it('role-history: an assignment in force is not rewritten', async () => {
    repo = committedRepo();
    repo.replace(ROLES, SRE_LEAD, '      - { from: 2024-12-29, primary: chen-wei, backup: farid-haddad }');
    const { code, report } = await validateJson(repo.root, ['--changed-since', 'HEAD']);
    expect(code).toBe(1);
    expect(report.diagnostics.filter((d) => d.ruleId === 'role-history')).toEqual([
      expect.objectContaining({
        line: lineOf(repo, ROLES, 'primary: chen-wei, backup: farid-haddad'),
        column: 9,
        message: 'roles[4].holders[0]: this change rewrites the SRE Lead assignment in force since 2024-12-29 (primary chen-wei, backup dana-reyes); who held a role in the past cannot change.',
      }),
    ]);
  });

  it('role-history: a new assignment may not start in the past', async () => {
    repo = committedRepo();
    repo.replace(ROLES, `${SRE_LEAD}\n`, `${SRE_LEAD}\n      - { from: 2026-11-01, primary: dana-reyes, backup: farid-haddad }\n`);
    const { report } = await validateJson(repo.root, ['--changed-since', 'HEAD']);
    expect(report.diagnostics.filter((d) => d.ruleId === 'role-history')).toEqual([
      expect.objectContaining({
        line: lineOf(repo, ROLES, 'from: 2026-11-01'),
        column: 17,
        message: 'roles[4].holders[1].from: the new assignment starts 2026-11-01, before today (2026-11-22); it would change who held SRE Lead for decisions already taken.',
        hint: 'Start it today (2026-11-22) or later.',
      }),
    ]);
  });

  it('role-holder-active: a backup who left is named with the date and who takes over', async () => {
    repo = committedRepo();
    repo.replace(PEOPLE, '    contacts: { slack: "@ben", phone: "+49 30 5550 1002", pager: "pagerduty:ben-schultz", email: ben.schultz@egi.example }', '    contacts: { slack: "@ben", phone: "+49 30 5550 1002", pager: "pagerduty:ben-schultz", email: ben.schultz@egi.example }\n    left: 2026-10-31');
    const { code, report } = await validateJson(repo.root);
    expect(code).toBe(1);
    const found = report.diagnostics.filter((d) => d.ruleId === 'role-holder-active');
    expect(found).toEqual([
      expect.objectContaining({
        file: ROLES,
        line: lineOf(repo, ROLES, 'primary: amara-okafor, backup: ben-schultz'),
        column: 60,
        message: 'roles[0].holders[0].backup: Ben Schultz (@bschultz) left on 2026-10-31, but this assignment still names them as Ingestion Owner backup from 2026-11-01.',
        hint: 'Append an assignment from 2026-11-22 naming who takes over; keep this one as the record of who held the role before.',
      }),
    ]);
  });

  it('role-holder-active: a primary who left names the backup as who takes over, and `now` never shows them', async () => {
    repo = committedRepo();
    repo.replace(PEOPLE, '    contacts: { slack: "@chen", phone: "+49 30 5550 1003", pager: "pagerduty:chen-wei", email: chen.wei@egi.example }', '    contacts: { slack: "@chen", phone: "+49 30 5550 1003", pager: "pagerduty:chen-wei", email: chen.wei@egi.example }\n    left: 2026-11-20');
    const { report } = await validateJson(repo.root);
    const found = report.diagnostics.filter((d) => d.ruleId === 'role-holder-active' && d.message.includes('SRE Lead primary'));
    expect(found).toEqual([
      expect.objectContaining({
        line: lineOf(repo, ROLES, SRE_LEAD.trim()),
        column: 38,
        message: 'roles[4].holders[0].primary: Chen Wei (@chenwei-sre) left on 2026-11-20, but this assignment still names them as SRE Lead primary from 2026-11-21.',
        hint: 'Append an assignment from 2026-11-22 naming who takes over (for example the backup, Dana Reyes (@dreyes)); keep this one as the record of who held the role before.',
      }),
    ]);
    const now = await runCli(['now', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00', '--tz', 'Europe/Berlin']);
    expect(now.stdout).toContain('next: SRE Lead: backup Dana Reyes (dana-reyes): phone +1 212 555 0104');
    expect(now.stdout).not.toContain('Chen Wei');
  });

  it('role-backup-required: the assignment in force names no backup', async () => {
    repo = committedRepo();
    repo.replace(ROLES, '      - { from: 2024-12-29, primary: isla-murphy, backup: jonas-berg }', '      - { from: 2024-12-29, primary: isla-murphy }');
    const { code, report } = await validateJson(repo.root);
    expect(code).toBe(1);
    expect(report.diagnostics.filter((d) => d.ruleId === 'role-backup-required')).toEqual([
      expect.objectContaining({
        line: lineOf(repo, ROLES, 'primary: isla-murphy }'),
        column: 9,
        message: 'roles[7].holders[0]: Support Lead needs a backup (backup_required), and this assignment in force since 2024-12-29 names none.',
        hint: 'Append an assignment from today (2026-11-22) with primary isla-murphy and a backup who is not the primary; keep this one as the record of the past.',
      }),
    ]);
  });

  it('role-assignment-dates: an appended assignment dated before the one above it', async () => {
    repo = committedRepo();
    repo.replace(ROLES, `${SRE_LEAD}\n`, `${SRE_LEAD}\n      - { from: 2024-06-01, primary: dana-reyes, backup: chen-wei }\n`);
    const { report } = await validateJson(repo.root);
    expect(report.diagnostics.filter((d) => d.ruleId === 'role-assignment-dates')).toEqual([
      expect.objectContaining({
        line: lineOf(repo, ROLES, 'from: 2024-06-01'),
        column: 17,
        message: 'roles[4].holders[1].from: 2024-06-01 is before the assignment above it (2024-12-29); assignments of SRE Lead are listed in order of their start.',
      }),
    ]);
  });

  it('person-github-id: a role holder without an account id is a warning at their login', async () => {
    repo = committedRepo();
    repo.replace(PEOPLE, '    github: chenwei-sre\n    github_id: 73008910\n', '    github: chenwei-sre\n');
    const { code, report } = await validateJson(repo.root);
    expect(code).toBe(0);
    expect(report.diagnostics.filter((d) => d.ruleId === 'person-github-id')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: lineOf(repo, PEOPLE, 'github: chenwei-sre'),
        column: 13,
        message:
          'people[2].github: Chen Wei can approve as SRE Lead, but has no github_id; approvals match them by the login "chenwei-sre" alone, which a renamed account gives up and anyone can register.',
      }),
    ]);
  });
});
