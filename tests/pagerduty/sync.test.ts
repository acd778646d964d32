import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo, TOOLKIT_ROOT } from '../support/repo.ts';
import type { PagerDutyServer } from '../support/pagerduty-server.ts';
import { serverFor, sync } from './support.ts';

let repo: TempRepo;
let server: PagerDutyServer;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
});

async function setUp() {
  repo = tempRepo();
  server = await serverFor(repo);
}

describe('oncall sync pagerduty on the example organisation', () => {
  it('plans what the README shows, applies it, verifies, and then has nothing to do', async () => {
    await setUp();
    const plan = await sync(repo, server, ['--plan', '--exit-code']);
    expect(plan.code).toBe(1);
    // Every line of the README's worked example is in the real output.
    const readme = readFileSync(join(TOOLKIT_ROOT, 'README.md'), 'utf8');
    const example = readme.slice(readme.indexOf('$ npm run oncall -- sync pagerduty --plan --now'), readme.indexOf('`--apply` sends those nine changes'));
    const lines = example.split('\n').slice(1).filter((l) => l.trim() !== '' && l.trim() !== '...' && !l.startsWith('```'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(plan.stdout.split('\n')).toContain(line);

    const applied = await sync(repo, server, ['--apply']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Applied 9 changes (and recorded override ownership on 2 schedules).\n');
    expect(applied.stdout).toContain('PagerDuty after apply: nothing to change (compared 2026-11-22T11:00:00.000Z to 2027-02-14T11:00:00.000Z).\nRendered by PagerDuty and identical shift by shift: 3 schedules.\n');
    expect(server.state.schedules.map((s) => [s.name, s.time_zone, s.layers.length])).toEqual([
      ['Ingestion on-call: Primary', 'Europe/Berlin', 2],
      ['Ingestion on-call: Secondary', 'Europe/Berlin', 2],
      ['Ingestion on-call: Ingestion Owner', 'Europe/Berlin', 1],
    ]);
    // The owner is on duty in business hours and on call outside them: PagerDuty pages them around the clock.
    const owner = server.state.schedules[2]!.layers[0]!;
    expect(owner.restrictions).toEqual([]);
    // Layer 1 first, as requests send them: the list until the hand-off, then Anchor's from it.
    expect(server.state.schedules[0]!.layers.map((l) => [l.start, l.end, l.users.length])).toEqual([
      ['2026-11-22T12:00:00+01:00', '2026-12-07T09:00:00+01:00', 4],
      ['2026-12-07T09:00:00+01:00', null, 4],
    ]);
    expect(server.state.policies.map((p) => [p.name, p.num_loops, p.rules.map((r) => `${r.delay}:${r.targets.map((t) => t.type.split('_')[0]).join('+')}`)])).toEqual([
      ['Ingestion on-call', 0, ['15:schedule', '15:schedule', '30:user', '15:user+user']],
    ]);

    const writes = server.requests.filter((r) => r.method !== 'GET').length;
    const again = await sync(repo, server, ['--apply']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^PagerDuty apply: nothing to change/);
    expect(server.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    expect((await sync(repo, server, ['--plan', '--exit-code'])).code).toBe(0);
  });

  it('prints JSON and Markdown (and appends the Markdown to the job summary)', async () => {
    await setUp();
    const json = await sync(repo, server, ['--plan', '--format', 'json']);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { empty: boolean; operations: { action: string; object: string }[]; requests: { requests: number; writes: number } };
    expect(data.empty).toBe(false);
    expect(data.operations.map((o) => `${o.action} ${o.object}`)).toEqual([
      'create schedule',
      'create override',
      'create override',
      'create override',
      'create schedule',
      'create override',
      'create override',
      'create schedule',
      'create escalation_policy',
    ]);
    expect(data.requests).toEqual(expect.objectContaining({ requests: 3, writes: 0 }));

    const dir = mkdtempSync(join(tmpdir(), 'oncall-summary-'));
    const summary = join(dir, 'summary.md');
    try {
      const markdown = await sync(repo, server, ['--plan', '--format', 'markdown'], { GITHUB_STEP_SUMMARY: summary });
      expect(markdown.stdout.split('\n').slice(0, 6)).toEqual([
        '### PagerDuty plan',
        '',
        '9 to create, 0 to update, 0 to delete (compared 2026-11-22T11:00:00.000Z to 2027-02-14T11:00:00.000Z).',
        '',
        '| action | object | what changes |',
        '| --- | --- | --- |',
      ]);
      expect(markdown.stdout).toContain('| create | override ingestion/primary | sam-osei from 2026-12-24T09:00:00+01:00 to 2026-12-27T09:00:00+01:00 (Swap: Sam covers Yusuf over Christmas) |');
      expect(readFileSync(summary, 'utf8')).toBe(markdown.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a usage error without --plan or --apply, and refuses invalid data before asking PagerDuty', async () => {
    await setUp();
    const neither = await sync(repo, server, []);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toBe('oncall: sync pagerduty: pass --plan (show what would change) or --apply (change it).\n');
    repo.replace('rotations/ingestion.yaml', 'timezone: Europe/Berlin', 'timezone: Europe/Berlinn');
    const invalid = await sync(repo, server, ['--apply']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('oncall: sync pagerduty works only from valid data; nothing was sent to PagerDuty.\n');
    expect(server.requests).toEqual([]);
  });

  it('changes a roster from its date with a new layer, ending the old one, never editing the past', async () => {
    await setUp();
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    const before = structuredClone(server.state.schedules[0]!.layers);
    const anchor = before.find((l) => l.end === null)!;
    repo.replace('rotations/ingestion.yaml', '        participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]\n  - id: secondary', '        participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]\n      - from: 2027-01-11\n        participants: [rosa-alvarez, yusuf-demir, sam-osei, xavier-costa]\n  - id: secondary');
    const plan = await sync(repo, server, ['--plan', '--format', 'json']);
    const data = JSON.parse(plan.stdout) as { operations: { action: string; key: string; changes: { field: string; from?: string; to?: string }[] }[] };
    expect(data.operations.map((o) => `${o.action} ${o.key}`)).toEqual(['update ingestion/primary']);
    expect(data.operations[0]!.changes.map((c) => c.field)).toEqual([`layer ${anchor.id} end`, 'layer']);
    expect(data.operations[0]!.changes[0]!.to).toBe('2027-01-11T09:00:00+01:00');
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    const after = server.state.schedules[0]!.layers;
    // The layers that began before now keep their start, their turns and their people; the new list is a layer from its date.
    expect(after.slice(0, 2)).toEqual([before[0], { ...anchor, end: '2027-01-11T09:00:00+01:00' }]);
    expect(after).toHaveLength(3);
    expect(after[2]!.start).toBe('2027-01-11T09:00:00+01:00');
    expect((await sync(repo, server, ['--plan', '--exit-code'])).code).toBe(0);
  });
});
