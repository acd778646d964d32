/**
 * The example organisation encodes the seed documents faithfully: their tables are read here
 * straight from ../shared/seeds and compared with the data, row by row.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';
import { EXAMPLE_ROOT } from './root.ts';

const SEEDS = join(EXAMPLE_ROOT, '..', 'shared', 'seeds');
const haveSeeds = existsSync(SEEDS);

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, name), 'utf8');
}

/** The pipe tables of a text, each as rows of trimmed cells (header first, separator dropped). */
function tables(text: string): string[][][] {
  const out: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim().replace(/\*\*/g, ''));
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (!current) out.push((current = []));
    current.push(cells);
  }
  return out;
}

function tableWithHeader(text: string, ...header: string[]): string[][] {
  const found = tables(text).find((t) => header.every((h, i) => t[0]![i] === h));
  if (!found) throw new Error(`no table with header ${header.join(' | ')}`);
  return found.slice(1);
}

function policy<K extends keyof SchemaTypes>(name: K extends string ? K : never): SchemaTypes[K] {
  return parse(readFileSync(join(EXAMPLE_ROOT, 'policy', `${name}.yaml`), 'utf8')) as SchemaTypes[K];
}

const ROLE_WORDS: Record<string, string> = {
  'Ingestion Owner': 'ingestion-owner',
  Owner: 'ingestion-owner',
  'On-Call': 'on-call',
  'SRE Lead': 'sre-lead',
  SRE: 'sre-lead',
  PM: 'product-manager',
  'Product Manager': 'product-manager',
  Support: 'support-lead',
};

/** "Ingestion Owner + SRE Lead" or "Ingestion Owner, PM" -> role ids; "—"/"None" -> []. */
function roleList(cell: string): string[] {
  if (/^(—|-|None)/.test(cell)) return [];
  return cell
    .replace(/\(.*?\)/g, '')
    .split(/\+|,/)
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => ROLE_WORDS[w] ?? `unmapped:${w}`);
}

describe.skipIf(!haveSeeds)('seed 001 (D9 production roles) is encoded in the data', () => {
  const d9 = haveSeeds ? seed('001') : '';

  it('roles: every technical and business role with its responsibility', () => {
    const roles = policy('roles').roles;
    const rows = [
      ...tableWithHeader(d9, 'Role', 'Responsibility', 'Authority'),
      ...tables(d9).filter((t) => t[0]![0] === 'Role' && t[0]![1] === 'Responsibility')[1]!.slice(1),
    ];
    expect(rows).toHaveLength(8);
    for (const [name, responsibility] of rows) {
      const role = roles.find((r) => r.name === name);
      expect(role, name).toBeDefined();
      expect(role!.responsibility).toBe(responsibility);
    }
  });

  it('role assignments: a primary and a different backup for each assigned role', () => {
    const roles = policy('roles').roles;
    for (const [name] of tableWithHeader(d9, 'Role', 'Primary', 'Backup')) {
      const holder = roles.find((r) => r.name === name)?.holder as { primary?: string; backup?: string } | undefined;
      expect(holder?.primary, name).toBeDefined();
      expect(holder?.backup, name).toBeDefined();
      expect(holder!.backup).not.toBe(holder!.primary);
    }
  });

  it('RACI: every activity with the seed letters (AR only where the seed marks R and names no A)', () => {
    const raci = policy('raci');
    const rows = tableWithHeader(d9, 'Activity', 'Ingestion Owner', 'On-Call', 'SRE Lead', 'PM', 'Support').filter((r) => r.length === 6);
    const activities = raci.stages.flatMap((s) => s.activities);
    expect(activities).toHaveLength(rows.length);
    for (const [name, ...letters] of rows) {
      const activity = activities.find((a) => a.name === name);
      expect(activity, name).toBeDefined();
      const seedHasA = letters.includes('A');
      raci.columns.forEach((column, i) => {
        const data = activity!.assignments[column];
        const expected = letters[i];
        if (data === 'AR') expect({ name, column, seed: expected, seedHasA }).toEqual({ name, column, seed: 'R', seedHasA: false });
        else expect({ name, column, letter: data }).toEqual({ name, column, letter: expected });
      });
    }
  });

  it('kill-switch actions: who executes, approves and is notified', () => {
    const ks = policy('kill-switch');
    const rows = tableWithHeader(d9, 'Action', 'Can Execute', 'Must Approve', 'Must Notify');
    expect(ks.actions.map((a) => a.name)).toEqual(rows.map((r) => r[0]));
    for (const [name, execute, approve, notify] of rows) {
      const action = ks.actions.find((a) => a.name === name)!;
      expect(action.execute).toEqual(roleList(execute!));
      expect(action.approve).toEqual(roleList(approve!));
      expect(action.notify.who).toEqual(notify === 'All stakeholders' ? 'all-stakeholders' : roleList(notify!));
    }
  });

  it('kill-switch authority matrix and resume authority', () => {
    const ks = policy('kill-switch');
    const matrix = tableWithHeader(d9, 'Scenario', 'Who Can Activate', 'Approval Required', 'Notification');
    expect(ks.scenarios.map((s) => s.name)).toEqual(matrix.map((r) => r[0]));
    for (const [name, who, approval] of matrix) {
      const scenario = ks.scenarios.find((s) => s.name === name)!;
      expect(scenario.activate).toEqual(who === 'Anyone' ? 'anyone' : roleList(who!));
      expect(scenario.approval.roles).toEqual(roleList(approval!));
    }
    const resume = tableWithHeader(d9, 'Deactivation Scope', 'Resume Authority', 'Verification Required');
    expect(ks.resume.map((r) => [r.scope, r.authority, r.verification])).toEqual(resume.map(([scope, who, verification]) => [scope, roleList(who!), verification]));
  });

  it('phase gates, GA confirmations and rollback authority', () => {
    const approvals = policy('approvals');
    const gates = tableWithHeader(d9, 'Gate', 'Required Approvers', 'Veto Power');
    expect(approvals.gates.map((g) => [`${g.from} → ${g.to}`, g.require])).toEqual(gates.map(([gate, who]) => [gate!.replace(' (GA)', ''), roleList(who!)]));
    const ga = approvals.gates.at(-1)!;
    expect(Object.keys(ga.confirms ?? {}).sort()).toEqual(['ingestion-owner', 'product-manager', 'sre-lead']);
    const rollback = tableWithHeader(d9, 'Rollback Type', 'Decision Maker', 'Consultation');
    expect(approvals.rollback.types.map((t) => [t.name, t.decide])).toEqual(rollback.map(([type, who]) => [type, roleList(who!)]));
    expect(approvals.rollback.reasons.map((r) => r.name)).toEqual([
      'Error rate exceeded threshold',
      'Data integrity concern',
      'Client-reported issue',
      'Infrastructure issue',
      'Other',
    ]);
  });

  it('rotation tiers: coverage, response time and escalation', () => {
    const rotation = parse(readFileSync(join(EXAMPLE_ROOT, 'rotations', 'ingestion.yaml'), 'utf8')) as SchemaTypes['rotation'];
    const rows = tableWithHeader(d9, 'Tier', 'Coverage', 'Response Time', 'Escalation To');
    expect(rotation.tiers.map((t) => [t.name, t.coverage, t.response])).toEqual(
      rows.map(([tier, coverage, response]) => [tier, coverage === '24/7' ? 'always' : 'business-hours', `${parseInt(response!, 10)}${response!.includes('hour') ? 'h' : 'm'}`]),
    );
    expect(rotation.cadence).toEqual({ unit: 'week', every: 1 });
    expect(rotation.handoff.weekday).toBe('monday');
    expect(rotation.handoff.time).toBe('09:00');
  });

  it('communication: internal and external events with owners and channels', () => {
    const comms = policy('communication');
    const internal = tableWithHeader(d9, 'Event', 'Owner', 'Channel', 'Timing');
    for (const [event, , channel, timing] of internal) {
      expect(comms.internal.find((e) => e.event === event), event).toMatchObject({ channel, timing });
    }
    const external = tableWithHeader(d9, 'Event', 'Owner', 'Approval', 'Channel');
    for (const [event, , , channel] of external) {
      expect(comms.external.find((e) => e.event === event), event).toMatchObject({ channel });
    }
  });
});

describe.skipIf(!haveSeeds)('seed 000 (support ownership) is encoded in the data', () => {
  const support = haveSeeds ? seed('000') : '';

  it('acknowledgement and resolution targets per severity', () => {
    const levels = policy('severities').levels;
    const toTarget = (cell: string) =>
      cell === 'Next sprint'
        ? 'next-sprint'
        : cell.replace(/^(\d+) (business )?(minutes|hours?|days?)$/, (_m, n: string, business: string | undefined, unit: string) =>
            `${n}${business ? 'b' : ''}${unit.startsWith('minute') ? 'm' : unit.startsWith('hour') ? 'h' : 'd'}`,
          );
    for (const [severity, ack, resolve] of tableWithHeader(support, 'Severity', 'Acknowledgment Time', 'Resolution Target')) {
      const level = levels.find((l) => severity!.startsWith(l.id))!;
      expect([level.targets.escalation_acknowledge, level.targets.escalation_resolve], severity).toEqual([toTarget(ack!), toTarget(resolve!)]);
    }
  });

  it('severity definitions', () => {
    const levels = policy('severities').levels;
    for (const [severity, definition] of tableWithHeader(support, 'Severity', 'Definition', 'Examples')) {
      const level = levels.find((l) => severity!.startsWith(l.id))!;
      expect(level.definition.startsWith(definition!), severity).toBe(true);
    }
  });

  it('responsibilities by lifecycle stage and the ownership transition summary', () => {
    const lifecycle = policy('lifecycle');
    const all = lifecycle.stages.flatMap((s) => s.responsibilities.map((r) => `${r.responsibility} / ${r.owner}`));
    for (const table of tables(support).filter((t) => t[0]!.join() === 'Responsibility,Owner')) {
      for (const [responsibility, owner] of table.slice(1)) expect(all).toContain(`${responsibility} / ${owner}`);
    }
    const summary = tableWithHeader(support, 'Stage', 'Primary Owner', 'Support Channel', 'SLA Active');
    expect(lifecycle.stages.map((s) => s.primary_owner)).toEqual(summary.map((r) => r[1]));
  });

  it('production SLAs', () => {
    const slas = policy('lifecycle').production_slas ?? [];
    expect(slas.map((s) => s.metric)).toEqual(tableWithHeader(support, 'Metric', 'Target').map((r) => r[0]));
  });
});

describe.skipIf(!haveSeeds)('seed 002 (escalation procedures) is encoded in the data', () => {
  it('the escalation matrix: when each level is reached per severity', () => {
    const escalation = policy('escalation');
    const toDuration = (cell: string) =>
      cell === 'Immediate' ? '0m' : cell.replace(/^(\d+) (min|hours?|week)$/, (_m, n: string, unit: string) => `${n}${unit === 'min' ? 'm' : unit.startsWith('hour') ? 'h' : 'w'}`);
    for (const [severity, ...cells] of tableWithHeader(seed('002'), 'Severity', 'Level 1', 'Level 2', 'Level 3', 'Level 4')) {
      const ladder = escalation.ladders.find((l) => l.severity === severity && l.product === undefined)!;
      const expected = cells.map((c, i) => [`l${i + 1}`, c]).filter(([, c]) => c !== 'N/A').map(([level, c]) => [level, toDuration(c!)]);
      expect(ladder.steps.map((s) => [s.level, s.after])).toEqual(expected);
    }
  });
});
