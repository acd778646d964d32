import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import type { PagerDutyServer } from '../support/pagerduty-server.ts';
import { serverFor, sync } from './support.ts';

let repo: TempRepo;
let server: PagerDutyServer;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
});

const foreignLayer = { id: 'LX1', name: 'Night', start: '2026-01-01T00:00:00Z', end: null, rotation_virtual_start: '2026-01-01T00:00:00Z', rotation_turn_length_seconds: 86_400, users: ['PSOSE01'], restrictions: [] };

describe('only what it owns', () => {
  it('leaves schedules and policies it did not make alone, and says so', async () => {
    repo = tempRepo();
    server = await serverFor(repo);
    server.state.schedules.push({ id: 'PFOREIGN', name: 'Database nights', time_zone: 'UTC', description: 'Hand-made', layers: [structuredClone(foreignLayer)] });
    server.state.policies.push({ id: 'PEFOREIGN', name: 'Database', description: '', num_loops: 1, rules: [{ delay: 10, targets: [{ id: 'PFOREIGN', type: 'schedule_reference' }] }] });
    const before = JSON.stringify([server.state.schedules[0], server.state.policies[0]]);
    const plan = await sync(repo, server, ['--plan']);
    expect(plan.stdout).toContain('Left alone (2):\n  schedule PFOREIGN Database nights: not made by oncall-as-code and not named in rotations/\n  escalation_policy PEFOREIGN Database: not made by oncall-as-code and not named in rotations/\n');
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    expect(JSON.stringify([server.state.schedules[0], server.state.policies[0]])).toBe(before);
  });

  it('manages an existing schedule the rotation names by id, and no escalation policy when told not to', async () => {
    repo = tempRepo();
    server = await serverFor(repo);
    server.state.schedules.push({ id: 'PADOPT01', name: 'Old primary', time_zone: 'UTC', description: 'Our old primary schedule', layers: [structuredClone(foreignLayer)] });
    repo.replace('rotations/ingestion.yaml', 'overrides:\n', 'pagerduty:\n  schedules: { primary: PADOPT01 }\n  escalation_policy: false\noverrides:\n');
    const plan = await sync(repo, server, ['--plan', '--format', 'json']);
    const data = JSON.parse(plan.stdout) as { operations: { action: string; object: string; key?: string; schedule?: string; id?: string; changes?: { field: string; to?: string }[] }[] };
    expect(data.operations.map((o) => `${o.action} ${o.object} ${o.key ?? o.schedule} ${o.id ?? ''}`.trim())).toEqual([
      'update schedule ingestion/primary PADOPT01',
      'create override ingestion/primary',
      'create override ingestion/primary',
      'create override ingestion/primary',
      'create schedule ingestion/secondary',
      'create override ingestion/secondary',
      'create override ingestion/secondary',
      'create schedule ingestion/owner',
    ]);
    // The schedule keeps its name (people know it by it); its zone and layers follow the rotation.
    const changes = data.operations[0]!.changes!;
    expect(changes.map((c) => c.field)).toEqual(['time_zone', 'layer', 'layer', 'layer']);
    // The hand-made layer began before now: it is ended at now, its earlier turns kept.
    expect(changes[3]!.to).toBe('ended at 2026-11-22T12:00:00+01:00 (its earlier turns stay)');
    expect((await sync(repo, server, ['--apply'])).code).toBe(0);
    const adopted = server.state.schedules.find((s) => s.id === 'PADOPT01')!;
    expect(adopted.name).toBe('Old primary');
    expect(adopted.description.startsWith('Our old primary schedule\n[oncall-as-code schedule ingestion/primary')).toBe(true);
    expect(adopted.layers.find((l) => l.id === 'LX1')).toEqual({ ...foreignLayer, end: '2026-11-22T12:00:00+01:00' });
    expect(server.state.policies).toEqual([]);
    expect((await sync(repo, server, ['--plan', '--exit-code'])).code).toBe(0);
  });
});
