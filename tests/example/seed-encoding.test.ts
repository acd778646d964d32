/**
 * The example organisation encodes the seed documents faithfully: their tables are read here
 * straight from ../shared/seeds and compared with the data, row by row.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';
import { renderRepository } from '../docs/support.ts';
import { EXAMPLE_ROOT } from './root.ts';
import { TOOLKIT_ROOT } from '../support/repo.ts';

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
      const role = roles.find((r) => r.name === name);
      // The seed's table is the first assignment; the source marks these roles as needing a backup.
      const first = role?.holders?.[0];
      expect(first?.primary, name).toBeDefined();
      expect(first?.backup, name).toBeDefined();
      expect(first!.backup).not.toBe(first!.primary);
      expect(role!.backup_required, name).toBe(true);
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
    const COVERAGE: Record<string, string> = { '24/7': 'always', 'Business hours': 'business-hours', 'Business hours + on-call': 'business-hours-and-on-call' };
    const rotation = parse(readFileSync(join(EXAMPLE_ROOT, 'rotations', 'ingestion.yaml'), 'utf8')) as SchemaTypes['rotation'];
    const rows = tableWithHeader(d9, 'Tier', 'Coverage', 'Response Time', 'Escalation To');
    expect(rotation.tiers.map((t) => [t.name, t.coverage, t.response])).toEqual(
      rows.map(([tier, coverage, response]) => [tier, COVERAGE[coverage!], `${parseInt(response!, 10)}${response!.includes('hour') ? 'h' : 'm'}`]),
    );
    // The same structure is what the organisation requires of the ingestion rotation.
    const requirement = policy('organisation').rotation_requirements?.find((r) => r.products?.includes('ingestion'));
    expect(requirement?.tiers?.map((t) => [t.coverage, t.response])).toEqual(rotation.tiers.map((t) => [t.coverage, t.response]));
    expect([requirement?.cadence, requirement?.handoff]).toEqual([{ unit: 'week', every: 1 }, { weekday: 'monday', time: '09:00' }]);
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

/** "Immediate", "15 min", "15 minutes", "2 hours", "1 week" as a duration (0m, 15m, 2h, 1w); "N/A" stays. */
function toDuration(cell: string): string {
  if (cell === 'Immediate' || cell === 'Immediately') return '0m';
  return cell.replace(/^<?\s*(\d+) (min|minutes?|hours?|weeks?)$/, (_m, n: string, unit: string) => `${n}${unit.startsWith('min') ? 'm' : unit.startsWith('hour') ? 'h' : 'w'}`);
}

describe.skipIf(!haveSeeds)('seed 002 (escalation procedures) is encoded in the data', () => {
  const procedures = haveSeeds ? seed('002') : '';

  it('the escalation matrix: when each level is reached per severity', () => {
    const escalation = policy('escalation');
    for (const [severity, ...cells] of tableWithHeader(procedures, 'Severity', 'Level 1', 'Level 2', 'Level 3', 'Level 4')) {
      const ladder = escalation.ladders.find((l) => l.severity === severity && l.product === undefined)!;
      const expected = cells.map((c, i) => [`l${i + 1}`, c]).filter(([, c]) => c !== 'N/A').map(([level, c]) => [level, toDuration(c!)]);
      expect(ladder.steps.map((s) => [s.level, s.after])).toEqual(expected);
    }
  });

  it('the escalation matrix on the generated page is the seed\'s table, cell by cell', async () => {
    const page = (await renderRepository(EXAMPLE_ROOT)).get('docs/policy/escalation.md')!;
    const matrix = tableWithHeader(page, 'Severity', 'Level 1', 'Level 2', 'Level 3', 'Level 4');
    const seedRows = tableWithHeader(procedures, 'Severity', 'Level 1', 'Level 2', 'Level 3', 'Level 4');
    expect(matrix.map((row) => row.map(toDuration))).toEqual(seedRows.map((row) => row.map(toDuration)));
  });

  it('each level\'s response time, as the level list states it', () => {
    const levels = policy('escalation').levels;
    const stated = [...procedures.matchAll(/### Level (\d): .*\n- \*\*Response Time\*\*: (.*)/g)];
    expect(stated).toHaveLength(4);
    for (const [, rank, text] of stated) {
      const expected: Record<string, string> = {};
      for (const part of text!.split(' or ')) {
        const match = /^(.*?) \((P[0-3](?:\/P[0-3])*)(?: only)?\)$/.exec(part.trim())!;
        for (const severity of match[2]!.split('/')) expected[severity] = toDuration(match[1]!.trim());
      }
      expect(levels.find((l) => l.rank === Number(rank))!.response, `level ${rank}`).toEqual(expected);
    }
  });

  it('automatic triggers: the unresolved times, and data loss or a breach sending each scenario to its own start level', () => {
    const escalation = policy('escalation');
    for (const [, severity, amount, unit] of procedures.matchAll(/- (P\d) incident not resolved in (\d+) (minutes|hours)/g)) {
      const trigger = escalation.triggers.automatic.find((t) => t.severity === severity)!;
      expect(trigger.unresolved_after).toBe(`${amount}${unit === 'minutes' ? 'm' : 'h'}`);
    }
    expect(procedures).toContain('- Data loss or security breach detected');
    const breachOrLoss = escalation.triggers.automatic.find((t) => t.condition === 'Data loss or security breach detected')!;
    expect(breachOrLoss.to_level).toBeUndefined();
    expect(breachOrLoss.scenarios).toEqual(['data-loss', 'security-breach']);
  });

  it('scenarios start where the seed sends them ("Immediate: Escalate to Level N"), else at level 1', () => {
    const scenarios = policy('escalation').scenarios!;
    const sections = procedures.split('### Scenario ').slice(1);
    expect(sections).toHaveLength(scenarios.length);
    for (const section of sections) {
      const name = section.slice(section.indexOf(':') + 1, section.indexOf('\n')).trim();
      const level = /\*\*Immediate\*\*: Escalate to Level (\d)/.exec(section)?.[1] ?? '1';
      expect(scenarios.find((s) => s.name === name)?.start_level, name).toBe(`l${level}`);
    }
  });

  it('an escalation hands over the seed\'s hand-off information and the support-ownership template fields', () => {
    const fields = new Set<string>(policy('escalation').handoff!.fields.filter((f) => f.required).map((f) => f.field));
    const handoff = procedures.slice(procedures.indexOf('**Handoff information**'), procedures.indexOf('3. **Update tracking**'));
    const seedItems = [...handoff.matchAll(/^- (.+)$/gm)].map((m) => m[1]!);
    const FIELD: Record<string, string> = {
      'Incident summary': 'summary',
      'Current status': 'status',
      'Actions taken': 'actions_taken',
      'Relevant logs/metrics': 'evidence',
      'Customer impact': 'impact',
      Severity: 'severity',
      Impact: 'impact',
      'Affected systems': 'affected_systems',
      'Steps already taken': 'actions_taken',
      'Logs/screenshots': 'evidence',
    };
    expect(seedItems).toEqual(['Incident summary', 'Current status', 'Actions taken', 'Relevant logs/metrics', 'Customer impact']);
    const support = seed('000');
    const escalationTemplate = support.slice(support.indexOf('Step 2: Post the escalation'), support.indexOf('Step 3: EGI acknowledges'));
    const template = [...escalationTemplate.matchAll(/^- (Severity|Impact|Affected systems|Steps already taken|Logs\/screenshots): /gm)].map((m) => m[1]!);
    expect(template).toHaveLength(5);
    for (const item of [...seedItems, ...template]) expect(fields.has(FIELD[item]!), item).toBe(true);
  });
});

describe.skipIf(!haveSeeds)('seed 004 (incident ownership) is encoded in the data', () => {
  it('leadership is notified within the severity table\'s deadline (P0 15 min, P1 1 hour)', () => {
    const levels = policy('severities').levels;
    const rows = tableWithHeader(seed('004'), 'Level', 'Definition', 'Response Time', 'Escalation');
    for (const [severity, , , escalation] of rows) {
      const deadline = /notify leadership within (\d+) (min|hour)/.exec(escalation!);
      const notify = levels.find((l) => l.id === severity)!.notify;
      if (!deadline) expect(notify, severity).toBeUndefined();
      else expect(notify?.[0]?.within, severity).toBe(`${deadline[1]}${deadline[2] === 'min' ? 'm' : 'h'}`);
    }
  });
});

describe.skipIf(!haveSeeds)('communication, records and on-call rules are encoded in the data', () => {
  it('the production SLA table\'s acknowledgement times are the severities\' targets (first line and escalation)', () => {
    const levels = policy('severities').levels;
    const rows = tableWithHeader(seed('000'), 'Metric', 'Target');
    for (const severity of ['P0', 'P1']) {
      const target = rows.find(([metric]) => metric === `${severity} response time`)![1]!;
      const [first, escalation] = [...target.matchAll(/within (\d+) (minutes|hours?)/g)].map(([, n, unit]) => `${n}${unit!.startsWith('minute') ? 'm' : 'h'}`);
      const level = levels.find((l) => l.id === severity)!;
      expect([level.targets.acknowledge, level.targets.escalation_acknowledge], severity).toEqual([first, escalation]);
    }
    const notice = rows.find(([metric]) => metric === 'Scheduled maintenance windows')![1]!;
    expect(policy('lifecycle').production_slas?.find((s) => s.id === 'maintenance-notice')?.notice).toBe(`${/(\d+) hours/.exec(notice)![1]}h`);
  });

  it('update cadences: incident updates every 30 minutes, customer updates every 2 hours for P0/P1', () => {
    expect(tableWithHeader(seed('001'), 'Event', 'Owner', 'Channel', 'Timing').find(([event]) => event === 'Incident update')![3]).toBe('Every 30 min');
    expect(policy('communication').update_every).toBe('30m');
    expect(seed('002')).toContain('**Provide customer updates** every 2 hours (P0/P1)');
    expect(policy('escalation').customer).toMatchObject({ update_every: '2h', update_severities: ['P0', 'P1'] });
  });

  it('the incident channel pattern is #incident-YYYY-MM-DD-...', () => {
    expect(seed('002')).toContain('`#incident-YYYY-MM-DD-`');
    expect(policy('communication').incident_channel_pattern.startsWith('#incident-{date}-')).toBe(true);
  });

  it('the hand-off note has the hand-off format\'s fields, and the rotation shows them in order', () => {
    const text = seed('003');
    const format = text
      .slice(text.indexOf('Use this handoff format:'), text.indexOf('Triage Checklist'))
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/:\s*$/, '').trim())
      .filter(Boolean);
    const schema = JSON.parse(readFileSync(join(TOOLKIT_ROOT, 'schemas', 'handoff.schema.json'), 'utf8')) as { required: string[] };
    const field = (label: string) => label.toLowerCase().replace(/\//g, ' ').replace(/ /g, '_');
    expect(format.map(field).filter((f) => !schema.required.includes(f))).toEqual([]);
    const rotation = parse(readFileSync(join(EXAMPLE_ROOT, 'rotations', 'ingestion.yaml'), 'utf8')) as SchemaTypes['rotation'];
    expect(rotation.handoff.note_fields).toEqual(format);
  });

  it('stabilisation on-call comes from the project\'s engineering team', () => {
    expect(seed('000')).toContain("On-call rotates weekly among the project's engineering team");
    const stage = policy('lifecycle').stages.find((s) => s.id === 'stabilisation')!;
    expect(stage.on_call_team).toBe(stage.owner_team);
  });

  it('the quarterly review updates contact information and covers every policy file', () => {
    expect(seed('002')).toContain('Update contact information');
    const quarterly = policy('organisation').reviews?.find((r) => r.every === 'quarter');
    expect(quarterly?.items).toContain('Update contact information');
    expect(quarterly?.files).toBeUndefined();
  });
});
