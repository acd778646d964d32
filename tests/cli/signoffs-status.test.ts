import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { FIXTURE_ROOT, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe('oncall status', () => {
  it("shows each rollout's phase derived from its sign-offs, with the history", async () => {
    const run = await runCli(['status', '--root', FIXTURE_ROOT]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 7)).toEqual([
      'ingestion: P4 GA since 2026-11-02 12:00 +01:00 (2026-11-02-ingestion-ga)',
      '  2026-09-07 11:00 +02:00  P0 -> P1  phase gate   Amara Okafor (Ingestion Owner)  [2026-09-07-ingestion-p0-p1]',
      '  2026-09-21 15:00 +02:00  P1 -> P2  phase gate   Amara Okafor (Ingestion Owner) and Grace Lin (Product Manager)  [2026-09-21-ingestion-p1-p2]',
      '  2026-10-14 10:35 +02:00  P2 -> P1  rollback     authorised by Kavya Iyer (On-Call) and approved by Amara Okafor (Ingestion Owner)  [2026-10-14-ingestion-rollback-p2-p1]',
      '  2026-10-21 14:00 +02:00  P1 -> P2  phase gate   Amara Okafor (Ingestion Owner) and Grace Lin (Product Manager)  [2026-10-21-ingestion-p1-p2]',
      '  2026-10-26 16:00 +01:00  P2 -> P3  phase gate   Ben Schultz (Ingestion Owner) and Hugo Martin (Product Manager)  [2026-10-26-ingestion-p2-p3]',
      '  2026-11-02 12:00 +01:00  P3 -> P4  GA           Amara Okafor (Ingestion Owner), Grace Lin (Product Manager) and Chen Wei (SRE Lead)  [2026-11-02-ingestion-ga]',
    ]);
  });

  it('--now shows the state at an instant: after the rollback, before the re-ramp', async () => {
    const run = await runCli(['status', '--root', FIXTURE_ROOT, '--now', '2026-10-15T00:00:00+02:00', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const ingestion = report.rollouts.find((r: { rollout: string }) => r.rollout === 'ingestion');
    expect(ingestion.phase).toEqual({ id: 'P1', name: 'Canary' });
    expect(ingestion.since).toEqual({ id: '2026-10-14-ingestion-rollback-p2-p1', file: 'signoffs/2026/2026-10-14-ingestion-rollback-p2-p1.yaml', at: '2026-10-14T10:35:00+02:00' });
    expect(ingestion.history.map((h: { id: string }) => h.id)).toEqual(['2026-09-07-ingestion-p0-p1', '2026-09-21-ingestion-p1-p2', '2026-10-14-ingestion-rollback-p2-p1']);
    expect(ingestion.history[2]).toMatchObject({
      kind: 'rollback',
      from: 'P2',
      to: 'P1',
      phaseBefore: 'P2',
      phaseAfter: 'P1',
      signatures: [
        { person: 'kavya-iyer', name: 'Kavya Iyer', github: 'kavya-iyer', role: 'on-call', roleName: 'On-Call', as: 'authorised_by' },
        { person: 'amara-okafor', name: 'Amara Okafor', github: 'amara-okafor', role: 'ingestion-owner', roleName: 'Ingestion Owner', as: 'approved_by' },
      ],
      problems: [],
    });
  });

  it('a vetoed GA leaves the rollout in P3 and says so', async () => {
    repo = tempRepo();
    const ga = 'signoffs/2026/2026-11-02-ingestion-ga.yaml';
    repo.write(ga, `${repo.read(ga)}veto:\n  person: dana-reyes\n  role: sre-lead\n  reason: Monitoring gaps.\n`);
    const run = await runCli(['status', '--root', repo.root, '--rollout', 'ingestion']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ingestion: P3 Ramp since 2026-10-26 16:00 +01:00 (2026-10-26-ingestion-p2-p3)');
    expect(run.stdout).toContain('      vetoed by Dana Reyes (SRE Lead): Monitoring gaps.; no change');
  });

  it('flags a transition validate rejects, and leaves out invalid records', async () => {
    repo = tempRepo();
    repo.remove('signoffs/2026/2026-10-21-ingestion-p1-p2.yaml');
    repo.write('signoffs/2026/2026-12-01-broken.yaml', 'id: 2026-12-01-broken\nkind: ga\n');
    const run = await runCli(['status', '--root', repo.root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('      ! from: "P2" is not the current phase of ingestion; it is in P1 since 2026-10-14-ingestion-rollback-p2-p1.');
    expect(run.stdout).toContain('Left out (not valid; run validate): signoffs/2026/2026-12-01-broken.yaml');
  });

  it('an unknown rollout is a usage error', async () => {
    const run = await runCli(['status', '--root', FIXTURE_ROOT, '--rollout', 'nothing']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rollout: "nothing" has no sign-off records');
  });
});
