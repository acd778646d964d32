import { afterEach, describe, expect, it } from 'vitest';
import { lineOf, tempRepo, type TempRepo } from '../support/repo.ts';
import type { PagerDutyServer } from '../support/pagerduty-server.ts';
import { runCli } from '../support/cli.ts';
import { FAST, serverFor, sync } from './support.ts';

let repo: TempRepo;
let server: PagerDutyServer;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
});

const primary = (s: PagerDutyServer) => s.state.schedules.find((x) => x.description.includes('[oncall-as-code schedule ingestion/primary'))!;

describe('overrides both ways', () => {
  it('an override made in the web UI shows in the plan, is left alone, and import --overrides brings it into the rotation file', async () => {
    repo = tempRepo();
    server = await serverFor(repo);
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    // Someone swaps at 3 am in the web UI: Sam covers a night of Rosa's week.
    server.state.overrides.push({ id: 'QWEBUI01', schedule: primary(server).id, start: '2026-12-09T18:00:00+01:00', end: '2026-12-10T09:00:00+01:00', user: 'PSOSE01', created: 99 });

    const plan = await sync(repo, server, ['--plan', '--exit-code']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('  ingestion/primary: from Wed 9 Dec 2026 18:00 +01:00 PagerDuty has sam-osei (PSOSE01) until 2026-12-10T09:00:00+01:00; the repository has rosa-alvarez (PRALV01) until 2026-12-14T09:00:00+01:00 (an override made in PagerDuty (left alone; import it into the repository)).');
    expect(plan.stdout).toContain('  override QWEBUI01 ingestion/primary sam-osei (PSOSE01) 2026-12-09T18:00:00+01:00 to 2026-12-10T09:00:00+01:00: made in PagerDuty, not in the repository: `oncall import pagerduty --overrides` writes it into the rotation file');

    const applied = await sync(repo, server, ['--apply']);
    expect(applied.code).toBe(0);
    expect(server.state.overrides.some((o) => o.id === 'QWEBUI01')).toBe(true);

    const imported = await runCli(['import', 'pagerduty', '--overrides', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00'], { env: server.env(FAST) });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('rotations/ingestion.yaml: added override primary sam-osei 2026-12-09T18:00:00+01:00 to 2026-12-10T09:00:00+01:00\nImported 1 override; run `oncall validate` and open a pull request.\n');
    expect(imported.code).toBe(0);
    const text = repo.read('rotations/ingestion.yaml');
    expect(text).toContain('  # A swap is a pair of overrides; both people approve the pull request.\n');
    expect(text.endsWith('  - tier: primary\n    person: sam-osei\n    start: 2026-12-09T18:00:00+01:00\n    end: 2026-12-10T09:00:00+01:00\n    reason: Made in PagerDuty (override QWEBUI01); imported\n')).toBe(true);
    const validate = await runCli(['validate', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00', '--format', 'json']);
    expect(validate.code).toBe(0);

    const after = await sync(repo, server, ['--plan', '--exit-code']);
    expect(after.stdout).toContain('PagerDuty plan: nothing to change');
    expect(after.code).toBe(0);
    // Apply records the imported override as owned, so removing it from the file later removes it.
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    expect(primary(server).description).toContain('QWEBUI01');
  });

  it('removing a future override from the repository removes it in PagerDuty; a started one is never touched', async () => {
    repo = tempRepo();
    server = await serverFor(repo);
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    expect(server.state.overrides).toHaveLength(5);
    const text = repo.read('rotations/ingestion.yaml');
    const start = text.indexOf('  - tier: primary\n    person: sam-osei');
    const end = text.indexOf('  - tier: secondary');
    repo.write('rotations/ingestion.yaml', text.slice(0, start) + text.slice(end));
    const plan = await sync(repo, server, ['--plan', '--format', 'json']);
    const json = JSON.parse(plan.stdout) as { operations: { action: string; object: string; person: string; start: string }[] };
    expect(json.operations.map((o) => `${o.action} ${o.object} ${o.person} ${o.start}`)).toEqual(['delete override sam-osei 2026-12-24T09:00:00+01:00']);
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    expect(server.state.overrides.map((o) => o.user).sort()).toEqual(['PU00006', 'PU00007', 'PU00008', 'PYDEM01']);

    // Later, while Yusuf's override is in progress, it is removed from the file: it stays.
    server.state.now = Date.parse('2027-01-01T12:00:00+01:00');
    const yusuf = repo.read('rotations/ingestion.yaml');
    repo.write('rotations/ingestion.yaml', yusuf.slice(0, yusuf.indexOf('  - tier: secondary')));
    const late = await runCli(['sync', 'pagerduty', '--plan', '--format', 'json', '--root', repo.root, '--now', '2027-01-01T12:00:00+01:00'], { env: server.env(FAST) });
    const lateJson = JSON.parse(late.stdout) as { operations: { object: string }[]; left_alone: { object: string; reason: string }[] };
    expect(lateJson.operations.filter((o) => o.object === "override")).toEqual([]);
    expect(lateJson.left_alone.filter((o) => o.object === 'override').map((o) => o.reason)).toEqual(['no longer in the repository, but already started: overrides in progress and past ones are never changed']);
  });

  it('a person with no PagerDuty user is an error with its line, before anything is written', async () => {
    repo = tempRepo();
    server = await serverFor(repo);
    repo.replace('policy/people.yaml', ', email: kavya.iyer@egi.example }', ' }');
    repo.replace('policy/people.yaml', 'pagerduty_user: PSOSE01', 'pagerduty_user: PNOSUCH');
    const result = await sync(repo, server, ['--apply']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        `policy/people.yaml:${lineOf(repo, 'policy/people.yaml', 'slack: "@kavya"')}:15: people[10]: "kavya-iyer" has no PagerDuty user: it has no contacts.email and no contacts.pagerduty_user. Add contacts.pagerduty_user with their PagerDuty user id, or contacts.email with the address they log in to PagerDuty with.`,
        `policy/people.yaml:${lineOf(repo, 'policy/people.yaml', 'PNOSUCH')}:${repo.read('policy/people.yaml').split('\n')[lineOf(repo, 'policy/people.yaml', 'PNOSUCH') - 1]!.indexOf('PNOSUCH') + 1}: people[19].contacts.pagerduty_user: "PNOSUCH" (sam-osei) is not a user of this PagerDuty account. Correct the id (PagerDuty: People > Users > the user's page address), or remove it to match by e-mail.`,
        'oncall: 2 problems in the repository; nothing was sent to PagerDuty.',
        '',
      ].join('\n'),
    );
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });
});
