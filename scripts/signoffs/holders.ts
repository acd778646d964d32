/**
 * Who holds a role at an instant, read from policy/roles.yaml (named primary, backup and others) and
 * the rotations (a rotation-held role is held by the participants of the tier's roster in force at that
 * instant, and by anyone covering the tier then). Pure: the instant is a parameter.
 */
import { DateTime } from 'luxon';
import { layersOf } from '../schedule/layers.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

/** The policy data that decides who may sign what. */
export interface PolicyView {
  people: SchemaTypes['people'];
  roles: SchemaTypes['roles'];
  rotations: readonly SchemaTypes['rotation'][];
  approvals?: SchemaTypes['approvals'];
  killSwitch?: SchemaTypes['kill-switch'];
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

/** Whether the person had left (people.yaml `left`) before the instant. */
export function hasLeftBy(view: PolicyView, personId: string, at: Date): boolean {
  const left = findPerson(view, personId)?.left;
  if (left === undefined) return false;
  // `left` is the last day; they are gone from the next day on, in their own time zone.
  const person = findPerson(view, personId)!;
  const day = DateTime.fromJSDate(at).setZone(person.timezone).toISODate();
  return day !== null && day > left;
}

/**
 * The people who hold a role at `at`, in the order the policy names them (primary, backup, others;
 * roster order for rotations). Per-incident roles have no standing holders, so they give none.
 * People who have left by `at` are not holders.
 */
export function roleHolders(view: PolicyView, roleId: string, at: Date): string[] {
  const role = findRole(view, roleId);
  if (!role) return [];
  const holder = role.holder;
  const out: string[] = [];
  const add = (person: string | undefined) => {
    if (person !== undefined && !out.includes(person) && !hasLeftBy(view, person, at)) out.push(person);
  };
  if ('primary' in holder) {
    add(holder.primary);
    add(holder.backup);
    for (const other of holder.others ?? []) add(other);
  } else if ('rotation' in holder) {
    for (const person of rotationParticipants(view, holder.rotation, holder.tier, at)) add(person);
  }
  return out;
}

/** Participants of the rosters in force at `at` (all tiers, or one), plus whoever covers those tiers then. */
export function rotationParticipants(view: PolicyView, rotationId: string, tierId: string | undefined, at: Date): string[] {
  const rotation = view.rotations.find((r) => r.id === rotationId);
  if (!rotation) return [];
  const day = DateTime.fromJSDate(at).setZone(rotation.timezone).toISODate() ?? '';
  const out: string[] = [];
  for (const tier of rotation.tiers) {
    if (tierId !== undefined && tier.id !== tierId) continue;
    for (const layer of layersOf(rotation, rotation.tiers.indexOf(tier))) {
      const inForce = [...layer.rosters].filter((roster) => roster.from <= day).sort((a, b) => (a.from < b.from ? -1 : 1)).pop();
      for (const person of inForce?.participants ?? []) if (!out.includes(person)) out.push(person);
    }
  }
  for (const override of rotation.overrides ?? []) {
    if (tierId !== undefined && override.tier !== tierId) continue;
    const start = Date.parse(override.start);
    const end = Date.parse(override.end);
    if (start <= at.getTime() && at.getTime() < end && !out.includes(override.person)) out.push(override.person);
  }
  return out;
}

/** How a role's holding is described when nobody holds it: why, in the policy's terms. */
function nobodyNote(view: PolicyView, roleId: string): string {
  const role = findRole(view, roleId);
  if (!role) return `"${roleId}" is not a role in policy/roles.yaml`;
  if ('per_incident' in role.holder) return `${role.name} is named per incident, so no one holds it for a decision`;
  if ('rotation' in role.holder) return `no one is on the ${role.holder.rotation} rotation${role.holder.tier ? `'s ${role.holder.tier} tier` : ''} then`;
  return 'no one holds it';
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
