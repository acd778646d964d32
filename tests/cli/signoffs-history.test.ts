import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { validateJson } from '../support/cli.ts';
import { lineOf, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const ROLLBACK = 'signoffs/2026/2026-10-14-ingestion-rollback-p2-p1.yaml';
const GA = 'signoffs/2026/2026-11-02-ingestion-ga.yaml';
const INCIDENT = 'incidents/2026/2026-11-18-ingestion-log-warning.yaml';
const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';

/** Commits a test repository's files to a fresh git repository, as a pull request's base. */
function commitAsBase(r: TempRepo): TempRepo {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: r.root, stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'add', '.');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '--quiet', '-m', 'base');
  return r;
}

/** The example data committed as a pull request's base. */
function committedRepo(): TempRepo {
  return commitAsBase(tempRepo());
}

async function historyFindings(root: string) {
  const { code, report } = await validateJson(root, ['--changed-since', 'HEAD']);
  return { code, findings: report.diagnostics.filter((d) => d.ruleId === 'history-append-only'), all: report.diagnostics };
}

describe('validate --changed-since: append-only history', () => {
  it('accepts an unchanged tree', async () => {
    repo = committedRepo();
    const { code, all } = await historyFindings(repo.root);
    expect(all).toEqual([]);
    expect(code).toBe(0);
  });

  const rejected: { name: string; edit: (r: TempRepo) => void; file: string; line: (r: TempRepo) => number; message: string }[] = [
    {
      name: 'rewriting who approved a rollback',
      edit: (r) => r.replace(ROLLBACK, 'approved_by: { person: amara-okafor, role: ingestion-owner }', 'approved_by: { person: ben-schultz, role: ingestion-owner }'),
      file: ROLLBACK,
      line: (r) => lineOf(r, ROLLBACK, 'approved_by:'),
      message: 'rollback.approved_by.person: changed from "amara-okafor" to "ben-schultz" in an existing sign-off record; records are append-only.',
    },
    {
      name: 'moving a decision in time',
      edit: (r) => r.replace(GA, 'at: 2026-11-02T12:00:00+01:00', 'at: 2026-11-03T12:00:00+01:00'),
      file: GA,
      line: (r) => lineOf(r, GA, 'at: 2026-11-03'),
      message: 'at: changed from "2026-11-02T12:00:00+01:00" to "2026-11-03T12:00:00+01:00" in an existing sign-off record; records are append-only.',
    },
    {
      name: 'removing a signer',
      edit: (r) => r.replace(GA, '  - person: chen-wei\n    role: sre-lead\n    confirms: [Infra stable, Monitoring adequate, On-call trained]\n', ''),
      file: GA,
      line: (r) => lineOf(r, GA, 'signers:'),
      message: 'signers[2]: removed from an existing sign-off record (was {"person":"chen-wei","role":"sre-lead","confirms":["Infra...); records are append-only.',
    },
    {
      name: 'adding a field that is not amendable',
      edit: (r) => r.write(GA, `${r.read(GA)}incident: 2026-10-29-ingestion-outage\n`),
      file: GA,
      line: (r) => lineOf(r, GA, 'incident:'),
      message: 'incident: added to an existing sign-off record (was not there when it landed); records are append-only.',
    },
    {
      name: "moving an incident's status back",
      edit: (r) => r.replace(INCIDENT, 'status: acknowledged', 'status: detected'),
      file: INCIDENT,
      line: (r) => lineOf(r, INCIDENT, 'status:'),
      message: 'status: moved back from "acknowledged" to "detected"; it only moves forward (detected, acknowledged, mitigated, resolved, closed).',
    },
    {
      name: "rewriting an incident's timeline entry",
      edit: (r) => r.replace(INCIDENT, 'event: Log volume alert on the ingestion workers', 'event: Nothing happened'),
      file: INCIDENT,
      line: (r) => lineOf(r, INCIDENT, 'Nothing happened'),
      message:
        'timeline[0]: an entry of an existing incident record was changed (was {"at":"2026-11-18T10:15:00+01:00","event":"Log volume ale...); entries may only be added at the end.',
    },
  ];

  rejected.push(
    {
      name: "rewriting a kill-switch activation's reason",
      edit: (r) => r.replace(OUTAGE, 'reason: All uploads failing; pause to stop retry storms against storage', 'reason: Routine pause'),
      file: OUTAGE,
      line: (r) => lineOf(r, OUTAGE, '  - at: 2026-10-29T02:24:00+01:00'),
      message: 'kill_switch[0]: an entry of an existing incident record was changed (was {"at":"2026-10-29T02:24:00+01:00","action":"pause-short",...); entries may only be added at the end.',
    },
    {
      // A resume may be added to an entry later, but once recorded it stays.
      name: 'moving a recorded resume',
      edit: (r) => r.replace(OUTAGE, 'resumed: 2026-10-29T03:02:00+01:00', 'resumed: 2026-10-29T03:00:00+01:00'),
      file: OUTAGE,
      line: (r) => lineOf(r, OUTAGE, '  - at: 2026-10-29T02:24:00+01:00'),
      message: 'kill_switch[0]: an entry of an existing incident record was changed (was {"at":"2026-10-29T02:24:00+01:00","action":"pause-short",...); entries may only be added at the end.',
    },
  );

  it.each(rejected)('rejects $name, showing the field', async ({ edit, file, line, message }) => {
    repo = committedRepo();
    edit(repo);
    const { code, findings } = await historyFindings(repo.root);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'history-append-only', severity: 'error', file, line: line(repo), message })]);
    expect(findings[0]!.hint).toMatch(/only these may change: .*\(x-amendable in schemas\/(signoff|incident)\.schema\.json\)/);
    expect(code).toBe(1);
  });

  it('rejects deleting a sign-off record, reported on the deleted file', async () => {
    repo = committedRepo();
    repo.remove(GA);
    const { code, findings } = await historyFindings(repo.root);
    expect(findings).toEqual([
      expect.objectContaining({
        file: GA,
        line: 1,
        message: `${GA}: an existing sign-off record was deleted (or renamed); records are append-only.`,
      }),
    ]);
    expect(code).toBe(1);
  });

  const accepted: { name: string; edit: (r: TempRepo) => void }[] = [
    { name: "filling in a rollback's next steps", edit: (r) => r.replace(ROLLBACK, '    client_communication: required', '    client_communication: not-required') },
    { name: 'adding notes to a sign-off', edit: (r) => r.write(GA, `${r.read(GA)}notes: Announced in the November newsletter.\n`) },
    { name: "moving an incident's status forward", edit: (r) => r.replace(INCIDENT, 'status: acknowledged', 'status: mitigated\nmitigated: 2026-11-19T10:00:00+01:00') },
    {
      name: 'appending a timeline entry',
      edit: (r) => r.write(INCIDENT, `${r.read(INCIDENT)}  - { at: 2026-11-19T09:00:00+01:00, event: Warning silenced in the worker configuration, by: liam-novak }\n`),
    },
    {
      name: 'adding a new sign-off record',
      edit: (r) =>
        r.write(
          'signoffs/2026/2026-11-20-ingestion-resume.yaml',
          '# yaml-language-server: $schema=../../schemas/signoff.schema.json\nid: 2026-11-20-ingestion-resume\nkind: resume\nrollout: ingestion\nat: 2026-11-20T10:00:00+01:00\nsummary: Resume after a short pause.\nkill_switch: { action: resume, scenario: error-rate-over-20, scope: workspace, resume_scope: pause-under-1h, verification: Test upload passes }\nsigners:\n  - { person: sofia-rossi, role: on-call }\n',
        ),
    },
  ];

  it('accepts recording the resume of a kill-switch activation after the activation landed', async () => {
    repo = tempRepo();
    const resume = '    resumed: 2026-10-29T03:02:00+01:00\n    resumed_by:\n      - { person: sofia-rossi, role: on-call }\n    verification: Test upload passes\n    verified: [test-upload]\n';
    const withResume = repo.read(OUTAGE);
    repo.replace(OUTAGE, resume, '');
    commitAsBase(repo);
    repo.write(OUTAGE, withResume);
    const { code, all } = await historyFindings(repo.root);
    expect(all).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(accepted)('accepts $name', async ({ edit }) => {
    repo = committedRepo();
    edit(repo);
    const { code, all } = await historyFindings(repo.root);
    expect(all).toEqual([]);
    expect(code).toBe(0);
  });
});
