/**
 * The synthetic organisation's policy: the example organisation's policy files, extended to the
 * scale (people and teams, a role per team and per rotation, RACI stages, a ladder and a channel per
 * product, the products themselves). Edited through the yaml Document API so the example's comments
 * and layout stay as they are.
 */
import { parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Random } from '../prng.ts';
import type { Staff } from './people.ts';
import type { SyntheticRotation } from './rotations.ts';

function edit(text: string, change: (doc: Document) => void): string {
  const doc = parseDocument(text);
  change(doc);
  return doc.toString({ lineWidth: 0 });
}

function append(doc: Document, path: readonly string[], value: unknown, flowKeys: readonly string[] = []): void {
  const list = doc.getIn(path) as YAMLSeq;
  const node = doc.createNode(value) as YAMLSeq;
  for (const item of node.items as unknown as { get(key: string, keep: true): { flow?: boolean } | undefined; flow?: boolean }[]) {
    for (const key of flowKeys) {
      const child = item.get(key, true);
      if (child && typeof child === 'object') child.flow = true;
    }
  }
  for (const item of node.items) list.add(item);
}

export interface PolicyInput {
  example: Map<string, string>;
  staff: Staff;
  rotations: readonly SyntheticRotation[];
  random: Random;
}

/** The first day of every synthetic role assignment: before the first synthetic record. */
const ROLES_FROM = '2024-01-01';

// Not stabilisation: its on-call comes from one team (stage-on-call-team), and synthetic rotations mix teams.
const STAGES = ['development', 'launch', 'post-handoff'] as const;
const LETTERS = ['R', 'C', 'I'] as const;

/** Every policy file of the synthetic organisation, by path. */
export function generatePolicy(input: PolicyInput): Map<string, string> {
  const { example, staff, rotations, random } = input;
  const out = new Map<string, string>();
  const file = (name: string) => {
    const text = example.get(`policy/${name}.yaml`);
    if (text === undefined) throw new Error(`the example organisation has no policy/${name}.yaml`);
    return text;
  };

  out.set('policy/organisation.yaml', file('organisation'));
  out.set('policy/severities.yaml', file('severities'));
  out.set('policy/kill-switch.yaml', file('kill-switch'));
  out.set('policy/approvals.yaml', file('approvals'));

  out.set(
    'policy/people.yaml',
    edit(file('people'), (doc) => {
      append(doc, ['teams'], staff.teams.map((t) => ({ id: t.id, name: t.name, organisation: 'EGI' })));
      append(
        doc,
        ['people'],
        staff.people.map((p, i) => ({
          id: p.id,
          name: p.name,
          github: p.github,
          // Approvals match accounts by id; made-up ids past any the example uses.
          github_id: 90_000_000 + i,
          timezone: p.timezone,
          team: p.team,
          contacts: { slack: `@${p.id}`, phone: p.phone, pager: `pagerduty:${p.id}`, email: `${p.id}@staff.example.org` },
          ...(p.left ? { left: p.left } : {}),
        })),
        ['contacts'],
      );
    }),
  );

  // A lead per team (held by two of its active members) and an on-call role per rotation.
  const byTeam = new Map<string, string[]>();
  for (const person of staff.active) {
    const members = byTeam.get(person.team) ?? [];
    members.push(person.id);
    byTeam.set(person.team, members);
  }
  out.set(
    'policy/roles.yaml',
    edit(file('roles'), (doc) => {
      const leads = staff.teams.flatMap((team) => {
        const members = byTeam.get(team.id) ?? [];
        if (members.length < 2) return [];
        const [primary, backup] = random.sample(members, 2);
        return [
          {
            id: `lead-${team.id}`,
            name: `${team.name} lead`,
            category: 'technical',
            responsibility: `Technical direction and escalations for ${team.name}`,
            authority: ['Architecture decisions', 'Hotfix approval'],
            holders: [{ from: ROLES_FROM, primary, backup }],
            contact: { primary: 'phone', backup: 'slack' },
          },
        ];
      });
      const onCall = rotations.map((r) => ({
        id: `on-call-${r.id}`,
        name: `On-Call ${r.id}`,
        category: 'technical',
        responsibility: `First responder for ${r.product}`,
        authority: ['Pause', 'Escalate'],
        holder: { rotation: r.id, tier: 'primary' },
        contact: { primary: 'pager', backup: 'phone' },
      }));
      // The example's assignments start after the synthetic history does: move them to its start.
      for (const role of (doc.get('roles') as YAMLSeq<YAMLMap>).items) {
        for (const assignment of (role.get('holders') as YAMLSeq<YAMLMap> | undefined)?.items ?? []) assignment.set('from', ROLES_FROM);
      }
      append(doc, ['roles'], [...leads, ...onCall], ['holder', 'contact', 'authority']);
      for (const role of (doc.get('roles') as YAMLSeq<YAMLMap>).items) {
        for (const assignment of (role.get('holders') as YAMLSeq<YAMLMap> | undefined)?.items ?? []) assignment.flow = true;
      }
    }),
  );

  out.set(
    'policy/raci.yaml',
    edit(file('raci'), (doc) => {
      const columns = (doc.get('columns') as YAMLSeq).items.map((item) => String((item as { value: unknown }).value));
      const stageCount = Math.max(2, Math.round(rotations.length / 10));
      const stages = Array.from({ length: stageCount }, (_, s) => ({
        id: `operations-${s + 1}`,
        name: `Operations area ${s + 1}`,
        activities: Array.from({ length: 6 }, (_, a) => {
          const accountable = random.pick(columns);
          const assignments: Record<string, string> = {};
          let responsible = false;
          for (const column of columns) {
            if (column === accountable) continue;
            const letter = random.pick(LETTERS);
            responsible ||= letter === 'R';
            assignments[column] = letter;
          }
          assignments[accountable] = responsible ? 'A' : 'AR';
          return { id: `operations-${s + 1}-activity-${a + 1}`, name: `Activity ${a + 1} of area ${s + 1}`, assignments };
        }),
      }));
      append(doc, ['stages'], stages);
      for (const stage of (doc.get('stages') as YAMLSeq).items.slice(-stageCount)) {
        for (const activity of ((stage as { get(k: string): YAMLSeq }).get('activities')).items) {
          const assignments = (activity as { get(k: string, keep: true): { flow?: boolean } }).get('assignments', true);
          assignments.flow = true;
        }
      }
    }),
  );

  out.set(
    'policy/escalation.yaml',
    edit(file('escalation'), (doc) => {
      append(
        doc,
        ['ladders'],
        rotations.map((r) => ({
          id: `${r.id}-p0`,
          severity: 'P0',
          product: r.product,
          steps: [
            { after: '0m', level: 'l1', action: 'On-call engineer responds immediately' },
            { after: '15m', level: 'l2', action: 'Team lead joins', condition: 'not resolved' },
            { after: '30m', level: 'l3', action: 'Engineering manager joins', condition: 'not resolved' },
          ],
        })),
      );
      for (const ladder of (doc.get('ladders') as YAMLSeq).items.slice(-rotations.length)) {
        for (const step of ((ladder as { get(k: string): YAMLSeq }).get('steps')).items) (step as { flow?: boolean }).flow = true;
      }
    }),
  );

  out.set(
    'policy/lifecycle.yaml',
    edit(file('lifecycle'), (doc) => {
      append(
        doc,
        ['products'],
        rotations.map((r, i) => ({
          id: r.product,
          name: `${r.product.replace(/-[0-9]+$/, '')} service ${i + 1}`,
          stage: STAGES[i % STAGES.length],
          rotation: r.id,
          ...(i % 2 === 0 ? { production_critical: true, production_enabled: r.start } : {}),
          channels: [`#${r.product}`],
        })),
        ['channels'],
      );
    }),
  );

  out.set(
    'policy/communication.yaml',
    edit(file('communication'), (doc) => {
      append(
        doc,
        ['channels'],
        rotations.map((r) => ({ id: r.product, name: `#${r.product}`, kind: 'slack', internal: true, purpose: `Status and incidents of ${r.product}` })),
      );
      for (const channel of (doc.get('channels') as YAMLSeq).items.slice(-rotations.length)) (channel as { flow?: boolean }).flow = true;
    }),
  );
  return out;
}
