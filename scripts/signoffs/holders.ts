/**
 * Lookups over the policy that decides who may sign what: people, roles and their holders at an
 * instant (see scripts/roles/holding.ts), and the words messages use for them. Pure.
 */
import { holdersAt, leftBy } from '../roles/holding.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

/** The policy data that decides who may sign what. */
export interface PolicyView {
  people: SchemaTypes['people'];
  roles: SchemaTypes['roles'];
  rotations: readonly SchemaTypes['rotation'][];
  approvals?: SchemaTypes['approvals'];
  killSwitch?: SchemaTypes['kill-switch'];
  /** The organisation's time zone (policy/organisation.yaml): role assignment dates are days in it. Default UTC. */
  zone?: string;
}

type Person = SchemaTypes['people']['people'][number];
type Role = SchemaTypes['roles']['roles'][number];

export function findRole(view: PolicyView, roleId: string): Role | undefined {
  return view.roles.roles.find((role) => role.id === roleId);
}

export function findPerson(view: PolicyView, personId: string): Person | undefined {
  return view.people.people.find((person) => person.id === personId);
}

/** A role's display name, e.g. "SRE Lead"; the id when the role is unknown. */
export function roleName(view: PolicyView, roleId: string): string {
  return findRole(view, roleId)?.name ?? roleId;
}

/** "Chen Wei (@chenwei-sre)"; the id when the person is unknown. */
export function personLabel(view: PolicyView, personId: string): string {
  const person = findPerson(view, personId);
  return person ? `${person.name} (@${person.github})` : `"${personId}"`;
}

/** Whether the person had left (people.yaml `left`, their last day, in their own zone) before the instant. */
export function hasLeftBy(view: PolicyView, personId: string, at: Date): boolean {
  return leftBy(view, personId, at) !== undefined;
}

/**
 * The people who hold a role at `at`, in the order the policy names them (primary, backup, others,
 * acting; tier order for a rotation-held role). Per-incident roles have no standing holders.
 * People who have left by `at` are not holders.
 */
export function roleHolders(view: PolicyView, roleId: string, at: Date): string[] {
  return holdersAt(view, roleId, at);
}

/** How a role's holding is described when nobody holds it: why, in the policy's terms. */
function nobodyNote(view: PolicyView, roleId: string): string {
  const role = findRole(view, roleId);
  if (!role) return `"${roleId}" is not a role in policy/roles.yaml`;
  const holder = role.holder;
  if (holder && 'per_incident' in holder) return `${role.name} is named per incident, so no one holds it for a decision`;
  if (holder && 'rotation' in holder) return `no one is on call in the ${holder.rotation} rotation${holder.tier ? `'s ${holder.tier} tier` : ''} then`;
  return 'no assignment in policy/roles.yaml is in force then, or its holders have left';
}

/**
 * "one of Chen Wei (@chenwei-sre), Dana Reyes (@dreyes)", or the single holder, or why there is none:
 * the words a message uses after "needs SRE Lead: ".
 */
export function describeHolders(view: PolicyView, roleIds: string | readonly string[], at: Date): string {
  const ids = typeof roleIds === 'string' ? [roleIds] : roleIds;
  const holders = [...new Set(ids.flatMap((id) => roleHolders(view, id, at)))];
  if (holders.length === 0) return ids.map((id) => nobodyNote(view, id)).join('; ');
  const labels = holders.map((person) => personLabel(view, person));
  return labels.length === 1 ? labels[0]! : `one of ${labels.join(', ')}`;
}

/** "a, b and c" (or "a, b or c" with `or`). */
export function joinWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "Ingestion Owner, Product Manager and SRE Lead". */
export function listRoles(view: PolicyView, roleIds: readonly string[]): string {
  return joinWords(roleIds.map((id) => roleName(view, id)));
}
