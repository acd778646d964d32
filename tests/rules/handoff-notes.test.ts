/**
 * Hand-off notes (handoffs/YYYY/<id>.yaml): records with a schema, checked against the rotation's
 * schedule, and shown on the rotation's roster page.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { validateJson } from '../support/cli.ts';
import { at, checkCase, type Case } from '../incidents/support.ts';
import { parseGfm, renderRepository, textOf, walk } from '../docs/support.ts';
import { tempRepo, type TempRepo, FIXTURE_ROOT } from '../support/repo.ts';

const NOTE = 'handoffs/2026/2026-11-16-ingestion-primary.yaml';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

const cases: Case[] = [
  {
    name: 'a note addressed to someone who does not take over',
    edit: (r) => r.replace(NOTE, 'to: liam-novak', 'to: sofia-rossi'),
    expect: (r) => [
      {
        ruleId: 'handoff-note',
        severity: 'error',
        file: NOTE,
        ...at(r, NOTE, 'to: sofia-rossi', 'sofia-rossi'),
        message: 'to: "sofia-rossi" is not the incoming holder of Primary at 2026-11-16T09:00:00+01:00; "liam-novak" takes over from 2026-11-16T09:00+01:00 to 2026-11-23T09:00+01:00.',
      },
    ],
  },
  {
    name: 'a note from someone who was not on call before the hand-off',
    edit: (r) => r.replace(NOTE, 'from: kavya-iyer', 'from: ben-schultz'),
    expect: (r) => [
      {
        ruleId: 'handoff-note',
        severity: 'error',
        file: NOTE,
        ...at(r, NOTE, 'from: ben-schultz', 'ben-schultz'),
        message: 'from: "ben-schultz" is not the outgoing holder of Primary at 2026-11-16T09:00:00+01:00; "kavya-iyer" held it from 2026-11-09T09:00+01:00 to 2026-11-16T09:00+01:00.',
      },
    ],
  },
  {
    name: 'a note at a time the tier does not change hands',
    edit: (r) => r.replace(NOTE, 'at: 2026-11-16T09:00:00+01:00', 'at: 2026-11-16T17:00:00+01:00'),
    expect: (r) => [
      {
        ruleId: 'handoff-note',
        severity: 'error',
        file: NOTE,
        ...at(r, NOTE, 'at: 2026-11-16T17:00', '2026'),
        message: 'at: Primary of rotation "ingestion" does not change hands at 2026-11-16T17:00:00+01:00; "liam-novak" holds it from 2026-11-16T09:00+01:00 to 2026-11-23T09:00+01:00.',
      },
    ],
  },
  {
    name: 'an environment triage does not know',
    edit: (r) => r.replace(NOTE, 'affected_environment: prod', 'affected_environment: staging'),
    expect: (r) => [
      {
        ruleId: 'handoff-note',
        severity: 'error',
        file: NOTE,
        ...at(r, NOTE, 'affected_environment:', 'staging'),
        message: 'affected_environment: "staging" is not an environment of policy/organisation.yaml triage.environments (local, dev, showcase, prod).',
      },
    ],
  },
  {
    name: 'a tier the rotation does not have',
    edit: (r) => r.replace(NOTE, 'tier: primary', 'tier: primery'),
    expect: (r) => [{ ruleId: 'handoff-note', severity: 'error', file: NOTE, ...at(r, NOTE, 'tier: primery', 'primery'), message: 'tier: rotation "ingestion" has no tier "primery".' }],
  },
  {
    name: 'a note without the next recommended action (the format has eight fields)',
    edit: (r) => r.replace(NOTE, 'next_recommended_action: Release any processing lock older than one hour by hand until the lock timeout ships.\n', ''),
    expect: (r) => [{ ruleId: 'schema-required', severity: 'error', file: NOTE, ...at(r, NOTE, 'id: 2026', 'id'), message: '"next_recommended_action" is required.' }],
  },
  {
    name: 'a phone number in a note',
    edit: (r) => r.replace(NOTE, 'known_impact: One client', 'known_impact: Call +49 30 5550 1234; one client'),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: NOTE, ...at(r, NOTE, 'known_impact:', '+49'), message: 'known_impact: contains a phone number' }],
  },
  {
    name: 'a note named after another date',
    edit: (r) => {
      r.write('handoffs/2026/2026-11-17-ingestion-primary.yaml', r.read(NOTE));
      r.remove(NOTE);
    },
    expect: (r) => [
      {
        ruleId: 'file-name-matches-id',
        severity: 'error',
        file: 'handoffs/2026/2026-11-17-ingestion-primary.yaml',
        ...at(r, 'handoffs/2026/2026-11-17-ingestion-primary.yaml', 'id: 2026', '2026'),
        message: 'id: "2026-11-16-ingestion-primary" differs from the file name "2026-11-17-ingestion-primary".',
      },
    ],
  },
];

describe('hand-off notes', () => {
  it.each(cases)('$name', (testCase) => checkCase(testCase, (repo) => repos.push(repo)));

  it('are shown on the roster page, newest first, with every field of the format', async () => {
    const page = (await renderRepository(FIXTURE_ROOT)).get('docs/rosters/ingestion.md')!;
    const tree = parseGfm(page);
    const headings = [...walk(tree)].filter((n) => n.type === 'heading' && n.depth === 3).map(textOf);
    expect(headings.filter((h) => h.startsWith('Primary, '))).toEqual(['Primary, Mon 16 Nov 2026 09:00: Kavya Iyer to Liam Novak', 'Primary, Mon 9 Nov 2026 09:00: Ben Schultz to Kavya Iyer']);
    expect(page).toContain('\n## Recent hand-off notes\n');
    const notesTable = [...walk(tree)].filter((n) => n.type === 'table').find((t) => textOf(t).includes('Current status'))!;
    const rows = (notesTable as { children: { children: unknown[] }[] }).children.map((row) => row.children.map((cell) => textOf(cell as never)));
    expect(rows.map((r) => r[0])).toEqual(['Field', 'Current status', 'Affected environment', 'Known impact', 'Recent changes checked', 'Logs/dashboards checked', 'Next recommended action', 'Open risks', 'Links']);
    expect(rows.at(-1)).toEqual(['Links', 'https://status.egi.example/ingestion, incident 2026-11-10-ingestion-stuck-upload']);
  });

  it('link only to plain web addresses: any other link text is shown as code', async () => {
    const repo = tempRepo();
    repos.push(repo);
    repo.replace(NOTE, '  - https://status.egi.example/ingestion\nincidents', '  - "javascript:alert(1)"\nincidents');
    const page = (await renderRepository(repo.root)).get('docs/rosters/ingestion.md')!;
    expect(page).toContain('| Links | ` javascript:alert(1) `, incident 2026-11-10-ingestion-stuck-upload |');
    expect(page).not.toContain('](javascript');
  });
});

describe('hand-off notes are append-only, like incidents', () => {
  function committedRepo(): TempRepo {
    const r = tempRepo();
    repos.push(r);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: r.root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    return r;
  }

  it('an edited note is a history finding under --changed-since, a deleted one too', async () => {
    const repo = committedRepo();
    repo.replace(NOTE, 'known_impact: One client re-uploaded', 'known_impact: Two clients re-uploaded');
    repo.remove('handoffs/2026/2026-11-09-ingestion-primary.yaml');
    const { code, report } = await validateJson(repo.root, ['--changed-since', 'HEAD']);
    expect(code).toBe(1);
    const history = report.diagnostics.filter((d) => d.ruleId === 'history-append-only');
    expect(history.map((d) => [d.file, d.line, d.column])).toEqual([
      ['handoffs/2026/2026-11-09-ingestion-primary.yaml', 1, 1],
      [NOTE, at(repo, NOTE, 'known_impact:', 'Two').line, at(repo, NOTE, 'known_impact:', 'Two').column],
    ]);
    expect(history[0]!.message).toBe('handoffs/2026/2026-11-09-ingestion-primary.yaml: an existing hand-off note was deleted (or renamed); records are append-only.');
    expect(history[1]!.message).toContain('known_impact');
  });

  it('an escalation\'s acknowledgement may be recorded later in a landed incident', async () => {
    const repo = committedRepo();
    const incident = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
    repo.replace(incident, 'acknowledged: 2026-10-29T02:49:00+01:00', 'acknowledged: 2026-10-29T02:50:00+01:00');
    const { report } = await validateJson(repo.root, ['--changed-since', 'HEAD']);
    expect(report.diagnostics.filter((d) => d.ruleId === 'history-append-only')).toEqual([]);
  });
});
