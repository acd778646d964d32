/**
 * Where each kind of referenced thing is defined. One table serves reference checking, the
 * uniqueness rule and "did you mean" hints.
 */
import type { DocPath } from '../repo/locate.ts';
import type { KindId, PolicyKindId } from '../schema/kinds.ts';
import { emptyModel, type Doc, type RepoModel } from './repo-model.ts';

export interface Definition {
  id: string;
  doc: Doc;
  /** Path of the `id` field (or of the entry) in its document. */
  path: DocPath;
}

export interface DefinitionKind {
  /** The `x-ref` name used in the schemas. */
  refKind: string;
  /** How a message names the set, e.g. `a person in policy/people.yaml`. */
  label: string;
  /** The policy file that defines it, or the record kind. */
  source: PolicyKindId | Extract<KindId, 'rotation' | 'incident'>;
  list(model: RepoModel): Definition[];
}

function fromPolicy<K extends PolicyKindId>(
  model: RepoModel,
  kind: K,
  entries: (data: NonNullable<RepoModel['policy'][K]>['data']) => { id: string }[] | undefined,
  base: DocPath,
): Definition[] {
  const doc = model.policy[kind];
  if (!doc) return [];
  return (entries(doc.data as never) ?? []).map((entry, index) => ({ id: entry.id, doc: doc as Doc, path: [...base, index, 'id'] }));
}

export const DEFINITION_KINDS: readonly DefinitionKind[] = [
  { refKind: 'person', label: 'a person in policy/people.yaml', source: 'people', list: (m) => fromPolicy(m, 'people', (d) => d.people, ['people']) },
  { refKind: 'team', label: 'a team in policy/people.yaml', source: 'people', list: (m) => fromPolicy(m, 'people', (d) => d.teams, ['teams']) },
  { refKind: 'role', label: 'a role in policy/roles.yaml', source: 'roles', list: (m) => fromPolicy(m, 'roles', (d) => d.roles, ['roles']) },
  { refKind: 'severity', label: 'a severity in policy/severities.yaml', source: 'severities', list: (m) => fromPolicy(m, 'severities', (d) => d.levels, ['levels']) },
  { refKind: 'escalation-level', label: 'an escalation level in policy/escalation.yaml', source: 'escalation', list: (m) => fromPolicy(m, 'escalation', (d) => d.levels, ['levels']) },
  { refKind: 'classification', label: 'an issue class in policy/escalation.yaml', source: 'escalation', list: (m) => fromPolicy(m, 'escalation', (d) => d.classification, ['classification']) },
  { refKind: 'scenario', label: 'an escalation scenario in policy/escalation.yaml', source: 'escalation', list: (m) => fromPolicy(m, 'escalation', (d) => d.scenarios, ['scenarios']) },
  { refKind: 'ladder', label: 'a ladder in policy/escalation.yaml', source: 'escalation', list: (m) => fromPolicy(m, 'escalation', (d) => d.ladders, ['ladders']) },
  { refKind: 'product', label: 'a product in policy/lifecycle.yaml', source: 'lifecycle', list: (m) => fromPolicy(m, 'lifecycle', (d) => d.products, ['products']) },
  { refKind: 'stage', label: 'a lifecycle stage in policy/lifecycle.yaml', source: 'lifecycle', list: (m) => fromPolicy(m, 'lifecycle', (d) => d.stages, ['stages']) },
  { refKind: 'maintenance', label: 'a maintenance window in policy/lifecycle.yaml', source: 'lifecycle', list: (m) => fromPolicy(m, 'lifecycle', (d) => d.maintenance, ['maintenance']) },
  { refKind: 'kill-switch-action', label: 'a kill-switch action in policy/kill-switch.yaml', source: 'kill-switch', list: (m) => fromPolicy(m, 'kill-switch', (d) => d.actions, ['actions']) },
  { refKind: 'kill-switch-scenario', label: 'a kill-switch scenario in policy/kill-switch.yaml', source: 'kill-switch', list: (m) => fromPolicy(m, 'kill-switch', (d) => d.scenarios, ['scenarios']) },
  { refKind: 'resume-scope', label: 'a resume scope in policy/kill-switch.yaml', source: 'kill-switch', list: (m) => fromPolicy(m, 'kill-switch', (d) => d.resume, ['resume']) },
  { refKind: 'resume-check', label: 'a verification check in policy/kill-switch.yaml', source: 'kill-switch', list: (m) => fromPolicy(m, 'kill-switch', (d) => d.checks, ['checks']) },
  { refKind: 'phase', label: 'a phase in policy/approvals.yaml', source: 'approvals', list: (m) => fromPolicy(m, 'approvals', (d) => d.phases, ['phases']) },
  { refKind: 'rollback-type', label: 'a rollback type in policy/approvals.yaml', source: 'approvals', list: (m) => fromPolicy(m, 'approvals', (d) => d.rollback.types, ['rollback', 'types']) },
  { refKind: 'rollback-reason', label: 'a rollback reason in policy/approvals.yaml', source: 'approvals', list: (m) => fromPolicy(m, 'approvals', (d) => d.rollback.reasons, ['rollback', 'reasons']) },
  { refKind: 'path-rule', label: 'a path rule in policy/approvals.yaml', source: 'approvals', list: (m) => fromPolicy(m, 'approvals', (d) => d.paths, ['paths']) },
  { refKind: 'template', label: 'a template in policy/communication.yaml', source: 'communication', list: (m) => fromPolicy(m, 'communication', (d) => d.templates, ['templates']) },
  { refKind: 'channel', label: 'a channel in policy/communication.yaml', source: 'communication', list: (m) => fromPolicy(m, 'communication', (d) => d.channels, ['channels']) },
  { refKind: 'raci-activity', label: 'an activity in policy/raci.yaml', source: 'raci', list: (m) => raciActivities(m) },
  { refKind: 'rotation', label: 'a rotation in rotations/', source: 'rotation', list: (m) => m.rotations.map((doc) => ({ id: doc.data.id, doc, path: ['id'] })) },
  { refKind: 'incident', label: 'an incident in incidents/', source: 'incident', list: (m) => m.incidents.map((doc) => ({ id: doc.data.id, doc, path: ['id'] })) },
];

function raciActivities(model: RepoModel): Definition[] {
  const doc = model.policy.raci;
  if (!doc) return [];
  return doc.data.stages.flatMap((stage, s) =>
    stage.activities.map((activity, a) => ({ id: activity.id, doc: doc as Doc, path: ['stages', s, 'activities', a, 'id'] })),
  );
}

/** Known ids per referenced kind; a kind whose defining file is unavailable is absent (not checked). */
export type DefinitionIndex = Map<string, { kind: DefinitionKind; ids: Map<string, Definition>; unverified: Set<string> }>;

export function buildDefinitionIndex(model: RepoModel): DefinitionIndex {
  const index: DefinitionIndex = new Map();
  for (const kind of DEFINITION_KINDS) {
    const unverified = new Set(model.unverifiedIds.get(kind.refKind) ?? []);
    if (kind.source !== 'rotation' && kind.source !== 'incident' && model.unavailablePolicy.has(kind.source)) {
      const raw = model.invalidPolicyValues.get(kind.source);
      if (raw === undefined) continue; // the file is missing or unparsable: nothing can be checked against it
      for (const id of idsFromInvalidFile(kind, kind.source, raw)) unverified.add(id);
    }
    const ids = new Map<string, Definition>();
    for (const definition of kind.list(model)) if (!ids.has(definition.id)) ids.set(definition.id, definition);
    index.set(kind.refKind, { kind, ids, unverified });
  }
  return index;
}

/**
 * Ids from a policy file that failed validation, read defensively: the same accessor as for valid
 * files, run over the raw value, keeping only string ids. Whatever it cannot read is skipped.
 */
function idsFromInvalidFile(kind: DefinitionKind, source: PolicyKindId, raw: unknown): string[] {
  const stand: RepoModel = { ...emptyModel([]) };
  (stand.policy as Record<string, unknown>)[source] = { kind: source, data: raw };
  try {
    return kind
      .list(stand)
      .map((d) => d.id as unknown)
      .filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}
