/**
 * Who holds a role at an instant: the one answer every rule, page, `now`, the approvals check and the
 * signer checks use. Pure: the instant is a parameter.
 *
 * - A named role (`holders`) is held by the people of the newest assignment whose `from` day has
 *   come (00:00 in the organisation's time zone), and by anyone `acting` in it that day.
 * - A rotation-held role (`holder: {rotation, tier?}`) is held by whoever holds that tier (or any
 *   tier) at the instant, as the schedule engine computes it (rosters and overrides), not by
 *   everyone on the roster.
 * - A per-incident role has no standing holder.
 *
 * Nobody holds a role after the day they left (people.yaml `left`): they are listed as vacated, so
 * pages and messages can say who should take over.
 */
import { DateTime } from 'luxon';
import { peopleNamedIn } from '../schedule/layers.ts';
import { onCallAt } from '../schedule/on-call.ts';
import type { PolicyView } from '../signoffs/holders.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

type Role = SchemaTypes['roles']['roles'][number];
type Person = SchemaTypes['people']['people'][number];
type Rotation = SchemaTypes['rotation'];

// Lookups by id, built once per policy file's parsed value: an organisation with thousands of
// people and hundreds of roles asks who holds what for every escalation of every incident.
const rolesById = new WeakMap<SchemaTypes['roles'], Map<string, Role>>();
const peopleById = new WeakMap<SchemaTypes['people'], Map<string, Person>>();
const namedInRotation = new WeakMap<Rotation, ReadonlySet<string>>();
const rotationsById = new WeakMap<readonly Rotation[], Map<string, Rotation>>();

function rotationById(view: PolicyView, rotationId: string): Rotation | undefined {
  let index = rotationsById.get(view.rotations);
  if (!index) rotationsById.set(view.rotations, (index = new Map(view.rotations.map((rotation) => [rotation.id, rotation]))));
  return index.get(rotationId);
}

function roleById(view: PolicyView, roleId: string): Role | undefined {
  let index = rolesById.get(view.roles);
  if (!index) rolesById.set(view.roles, (index = new Map(view.roles.roles.map((role) => [role.id, role]))));
  return index.get(roleId);
}

function personById(view: PolicyView, personId: string): Person | undefined {
  let index = peopleById.get(view.people);
  if (!index) peopleById.set(view.people, (index = new Map(view.people.people.map((person) => [person.id, person]))));
  return index.get(personId);
}

function peopleOfRotation(rotation: Rotation): ReadonlySet<string> {
  let named = namedInRotation.get(rotation);
  if (!named) namedInRotation.set(rotation, (named = new Set(peopleNamedIn(rotation))));
  return named;
}

/** How a person holds a role at the instant. */
export type HoldingAs = 'primary' | 'backup' | 'holder' | 'acting' | 'on call';

export interface Holder {
  person: string;
  as: HoldingAs;
  /** For `on call`: the tier they hold. For `acting`: the reason. */
  detail?: string;
}

export interface RoleHolding {
  role: string;
  kind: 'named' | 'rotation' | 'per-incident' | 'unknown';
  /** Everyone who holds the role at the instant, in order: primary, backup, others, acting; tier order for on-call. */
  holders: Holder[];
  /** The assignment in force (named roles), with its index in `holders:`. */
  assignment?: { index: number; from: string };
  /** People the assignment or an acting entry still names who had left by the instant. */
  vacated: { person: string; as: HoldingAs; left: string }[];
}

/** The calendar day of an instant in a zone, YYYY-MM-DD. */
export function dayIn(at: Date, zone: string): string {
  return DateTime.fromJSDate(at).setZone(zone).toISODate() ?? at.toISOString().slice(0, 10);
}

/** The zone role dates are read in: the organisation's, else UTC. */
export function policyZone(view: PolicyView): string {
  return view.zone ?? 'UTC';
}

/** The index of the assignment in force on `day` (assignments are kept in order of `from`), or -1. */
export function assignmentIndexOn(assignments: readonly { from: string }[], day: string): number {
  let found = -1;
  assignments.forEach((assignment, index) => {
    if (assignment.from <= day && (found < 0 || assignment.from >= assignments[found]!.from)) found = index;
  });
  return found;
}

/** Whether a person had left by the instant: `left` is their last day, in their own time zone. */
export function leftBy(view: PolicyView, personId: string, at: Date): string | undefined {
  const person = personById(view, personId);
  if (person?.left === undefined) return undefined;
  return dayIn(at, person.timezone) > person.left ? person.left : undefined;
}

/** Who holds `roleId` at `at`. */
export function holdingAt(view: PolicyView, roleId: string, at: Date): RoleHolding {
  const role = roleById(view, roleId);
  if (!role) return { role: roleId, kind: 'unknown', holders: [], vacated: [] };
  const out: RoleHolding = { role: roleId, kind: kindOf(role), holders: [], vacated: [] };
  const add = (person: string, as: HoldingAs, detail?: string) => {
    if (out.holders.some((h) => h.person === person)) return;
    const left = leftBy(view, person, at);
    if (left !== undefined) {
      if (!out.vacated.some((v) => v.person === person)) out.vacated.push({ person, as, left });
      return;
    }
    out.holders.push({ person, as, ...(detail !== undefined ? { detail } : {}) });
  };
  if (role.holders) {
    const day = dayIn(at, policyZone(view));
    const index = assignmentIndexOn(role.holders, day);
    const assignment = role.holders[index];
    if (assignment) {
      out.assignment = { index, from: assignment.from };
      add(assignment.primary, 'primary');
      if (assignment.backup !== undefined) add(assignment.backup, 'backup');
      for (const other of assignment.others ?? []) add(other, 'holder');
    }
    for (const acting of role.acting ?? []) if (acting.from <= day && day <= acting.to) add(acting.person, 'acting', acting.reason);
  } else if (role.holder && 'rotation' in role.holder) {
    const { rotation: rotationId, tier } = role.holder;
    const rotation = rotationById(view, rotationId);
    if (rotation) for (const shift of onCallAt(rotation, at)) if (tier === undefined || shift.tier === tier) add(shift.person, 'on call', shift.tier);
  }
  return out;
}

function kindOf(role: Role): RoleHolding['kind'] {
  if (role.holders) return 'named';
  if (role.holder && 'rotation' in role.holder) return 'rotation';
  return 'per-incident';
}

/** The people who hold a role at `at`, in order (see {@link holdingAt}). */
export function holdersAt(view: PolicyView, roleId: string, at: Date): string[] {
  return holdingAt(view, roleId, at).holders.map((h) => h.person);
}

/**
 * The roles any of `people` holds at `at`. Only roles that could name one of them are resolved (an
 * assignment or acting entry naming them, a rotation they are in), so asking costs the roles that
 * concern them, not every role of the organisation.
 */
export function rolesHeldBy(view: PolicyView, people: readonly string[], at: Date): Set<string> {
  const out = new Set<string>();
  const concerns = (names: Iterable<string>) => {
    for (const name of names) if (people.includes(name)) return true;
    return false;
  };
  for (const role of view.roles.roles) {
    if (role.holders) {
      const named = [...role.holders.flatMap((a) => [a.primary, ...(a.backup !== undefined ? [a.backup] : []), ...(a.others ?? [])]), ...(role.acting ?? []).map((a) => a.person)];
      if (!concerns(named)) continue;
    } else if (role.holder && 'rotation' in role.holder) {
      const rotation = rotationById(view, role.holder.rotation);
      if (!rotation || !concerns(peopleOfRotation(rotation))) continue;
    } else {
      continue;
    }
    if (holdersAt(view, role.id, at).some((person) => people.includes(person))) out.add(role.id);
  }
  return out;
}
