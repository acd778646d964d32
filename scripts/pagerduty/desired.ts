/**
 * What PagerDuty should hold, computed from the repository alone (pure): one schedule per rotation
 * tier (its layers from {@link encodeLayers}, its future overrides), one escalation policy per
 * rotation (the product's timed ladder, else the tiers' `escalates_to` chain), with every person
 * resolved to a PagerDuty user. A person who cannot be resolved is a problem reported with the line
 * in policy/people.yaml, and nothing is written while there is one.
 */
import type { RepoModel } from '../model/repo-model.ts';
import { locate } from '../repo/locate.ts';
import { holdingAt } from '../roles/holding.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { horizonEnd, durationMillis } from '../schedule/policy.ts';
import { compileRotation } from '../schedule/expand.ts';
import { businessCalendar, type BusinessCalendar } from '../time/business-time.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PdRestriction, PdUser } from './api-types.ts';
import { encodeLayers, holidayNote, layerSpecs } from './layers.ts';

type Rotation = SchemaTypes['rotation'];
type Person = SchemaTypes['people']['people'][number];

/** A problem in the repository that stops the sync before anything is written. */
export interface SyncProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface DesiredLayer {
  start: number;
  end?: number;
  virtualStart: number;
  turnSeconds: number;
  /** PagerDuty user ids in turn order. */
  users: string[];
  /** The same people by id, for messages. */
  people: string[];
  restrictions: PdRestriction[];
  name: string;
}

export interface DesiredOverride {
  person: string;
  user: string;
  start: number;
  end: number;
  reason: string;
}

export interface DesiredSchedule {
  /** `rotation/tier`. */
  key: string;
  rotation: string;
  tier: string;
  file: string;
  name: string;
  timeZone: string;
  description: string;
  /** The schedule the data names by id (rotation's `pagerduty.schedules`). */
  adoptId?: string;
  /** Lowest first (PagerDuty's Layer 1 first): a later layer holds the tier where they overlap. */
  layers: DesiredLayer[];
  overrides: DesiredOverride[];
  /** On call only within the organisation's working week (restrictions). */
  businessHours: boolean;
}

export type DesiredTarget = { type: 'schedule'; key: string } | { type: 'user'; user: string; person: string };

export interface DesiredRule {
  delayMinutes: number;
  targets: DesiredTarget[];
}

export interface DesiredPolicy {
  /** The rotation id. */
  key: string;
  file: string;
  name: string;
  description: string;
  adoptId?: string;
  numLoops: number;
  rules: DesiredRule[];
}

export interface DesiredState {
  /** The instant the plan is made at; nothing before it is compared or written. */
  now: number;
  /** The end of the coverage horizon: schedules are compared shift by shift up to here. */
  horizon: number;
  /** Overrides are read up to here (the horizon, or the last override's end when later). */
  overridesUntil: number;
  schedules: DesiredSchedule[];
  policies: DesiredPolicy[];
  /** Rotations whose escalation policies the data leaves alone (`escalation_policy: false`). */
  policiesLeftAlone: string[];
  notes: string[];
  /** Person id -> PagerDuty user id, for every person the state names. */
  users: Map<string, string>;
  /** Business calendar (working week) for business-hours tiers, if the organisation has one. */
  calendar?: BusinessCalendar;
}

/** The schedule's name in PagerDuty. */
export function scheduleName(rotation: Rotation, tier: Rotation['tiers'][number]): string {
  return `${rotation.name}: ${tier.name}`;
}

function describeLayerName(layerName: string | undefined, people: readonly string[], start: number, zone: string): string {
  const count = new Set(people).size;
  const from = Number.isFinite(start) ? ` from ${new Date(start).toLocaleDateString('en-CA', { timeZone: zone })}` : '';
  return `${layerName !== undefined ? `${layerName}: ` : ''}${count} ${count === 1 ? 'person' : 'people'}${from}`;
}

/**
 * Resolves people to PagerDuty users: `contacts.pagerduty_user` when given (it must be a user of the
 * account), else the user whose login e-mail equals `contacts.email` (case-insensitively).
 */
export function userResolver(model: RepoModel, users: readonly PdUser[]) {
  const doc = model.policy.people;
  const people = new Map<string, { person: Person; index: number }>();
  doc?.data.people.forEach((person, index) => people.set(person.id, { person, index }));
  const byId = new Map(users.map((u) => [u.id, u]));
  const byEmail = new Map<string, PdUser[]>();
  for (const user of users) {
    const key = user.email.toLowerCase();
    if (key !== '') byEmail.set(key, [...(byEmail.get(key) ?? []), user]);
  }
  const problems = new Map<string, SyncProblem>();
  const resolved = new Map<string, string>();
  const where = (index: number, path: (string | number)[]) => {
    const range = doc ? locate(doc.parsed, ['people', index, ...path]) : { line: 1, column: 1 };
    return { file: 'policy/people.yaml', line: range.line, column: range.column };
  };
  return {
    problems,
    resolved,
    /** The user id of a person, or undefined (with a problem recorded) when there is none. */
    user(personId: string): string | undefined {
      const cached = resolved.get(personId);
      if (cached) return cached;
      if (problems.has(personId)) return undefined;
      const entry = people.get(personId);
      if (!entry) {
        problems.set(personId, { file: 'policy/people.yaml', line: 1, column: 1, message: `"${personId}" is not a person in policy/people.yaml. Add them, or correct the rotation or role that names them.` });
        return undefined;
      }
      const { person, index } = entry;
      const explicit = person.contacts.pagerduty_user;
      if (explicit !== undefined) {
        if (byId.has(explicit)) {
          resolved.set(personId, explicit);
          return explicit;
        }
        problems.set(personId, {
          ...where(index, ['contacts', 'pagerduty_user']),
          message: `people[${index}].contacts.pagerduty_user: "${explicit}" (${personId}) is not a user of this PagerDuty account. Correct the id (PagerDuty: People > Users > the user's page address), or remove it to match by e-mail.`,
        });
        return undefined;
      }
      const email = person.contacts.email;
      const matches = email ? byEmail.get(email.toLowerCase()) ?? [] : [];
      if (matches.length === 1) {
        resolved.set(personId, matches[0]!.id);
        return matches[0]!.id;
      }
      const why = !email
        ? 'it has no contacts.email and no contacts.pagerduty_user'
        : matches.length === 0
          ? `no PagerDuty user has the e-mail "${email}"`
          : `${matches.length} PagerDuty users have the e-mail "${email}"`;
      problems.set(personId, {
        ...where(index, email ? ['contacts', 'email'] : ['contacts']),
        message: `people[${index}]: "${personId}" has no PagerDuty user: ${why}. Add contacts.pagerduty_user with their PagerDuty user id, or contacts.email with the address they log in to PagerDuty with.`,
      });
      return undefined;
    },
  };
}

/** The ladder that becomes a rotation's escalation policy: the product's first (most severe) timed ladder. */
function productLadder(rotation: Rotation, model: RepoModel) {
  if (rotation.product === undefined) return undefined;
  return model.policy.escalation?.data.ladders.find((l) => l.product === rotation.product);
}

function minutes(text: string | undefined, fallback: number): number {
  const ms = text === undefined ? undefined : durationMillis(text);
  return ms === undefined ? fallback : Math.max(1, Math.round(ms / 60_000));
}

export interface DesiredOptions {
  now: Date;
  /** Only these rotations (default all). */
  rotations?: readonly Rotation[];
}

/** The desired state and the problems that keep it from being written. */
export function desiredState(model: RepoModel, users: readonly PdUser[], options: DesiredOptions): { state: DesiredState; problems: SyncProblem[] } {
  const now = options.now.getTime();
  const organisation = model.policy.organisation?.data;
  const horizon = horizonEnd(organisation, options.now).getTime();
  const calendar = organisation ? businessCalendar(organisation) : undefined;
  const resolver = userResolver(model, users);
  const rotations = options.rotations ?? model.rotations.map((d) => d.data);
  const pageResponse = minutes(organisation?.on_call.page_response, 15);
  const notes: string[] = [];
  const rotationProblems: SyncProblem[] = [];

  const schedules: DesiredSchedule[] = [];
  let overridesUntil = horizon;
  for (const rotation of rotations) {
    const file = `rotations/${rotation.id}.yaml`;
    const specs = layerSpecs(rotation, calendar);
    const compiled = compileRotation(rotation);
    for (const tier of rotation.tiers) {
      const businessHours = tier.coverage === 'business-hours' && calendar !== undefined;
      const zone = businessHours ? calendar!.zone : rotation.timezone;
      // Lowest first, as PagerDuty numbers them: a later layer of the tier holds it where they overlap.
      const encoded = (specs.get(tier.id) ?? []).flatMap((spec) => encodeLayers(spec, zone, now, horizon));
      const layers: DesiredLayer[] = [];
      for (const layer of encoded) {
        const ids = layer.people.map((p) => resolver.user(p));
        if (ids.some((id) => id === undefined)) continue;
        layers.push({
          start: layer.start,
          ...(layer.end !== undefined ? { end: layer.end } : {}),
          virtualStart: layer.virtualStart,
          turnSeconds: layer.turnSeconds,
          users: ids as string[],
          people: layer.people,
          restrictions: layer.restrictions,
          name: describeLayerName(layer.spec.name ?? layer.spec.layer, layer.people, layer.start, zone),
        });
      }
      const overrides: DesiredOverride[] = [];
      const tierOverrides = [...(compiled.tiers.find((t) => t.id === tier.id)?.overrides ?? [])].sort((a, b) => a.start - b.start);
      for (const override of tierOverrides) {
        if (override.end <= now) continue;
        const user = resolver.user(override.person);
        if (user === undefined) continue;
        overrides.push({ person: override.person, user, start: override.start, end: override.end, reason: override.reason });
        overridesUntil = Math.max(overridesUntil, override.end);
      }
      if (businessHours) {
        const days = holidayNote(calendar!, now, horizon);
        if (days.length > 0) notes.push(`${rotation.id}/${tier.id}: PagerDuty has no holidays; its business-hours layer still pages on ${days.join(', ')}.`);
      }
      const adoptId = rotation.pagerduty?.schedules?.[tier.id];
      schedules.push({
        key: `${rotation.id}/${tier.id}`,
        rotation: rotation.id,
        tier: tier.id,
        file,
        name: scheduleName(rotation, tier),
        timeZone: zone,
        description: `${rotation.name}, ${tier.name.toLowerCase()} tier: managed by oncall-as-code from ${file}. Change the repository, not this schedule.`,
        ...(adoptId !== undefined ? { adoptId } : {}),
        layers,
        overrides,
        businessHours,
      });
    }
    for (const id of Object.keys(rotation.pagerduty?.schedules ?? {})) {
      if (!rotation.tiers.some((t) => t.id === id)) {
        const doc = model.rotations.find((d) => d.data.id === rotation.id);
        const range = doc ? locate(doc.parsed, ['pagerduty', 'schedules', id], 'key') : { line: 1, column: 1 };
        rotationProblems.push({ file, line: range.line, column: range.column, message: `pagerduty.schedules.${id}: "${id}" is not a tier of this rotation. Use one of ${rotation.tiers.map((t) => `"${t.id}"`).join(', ')}.` });
      }
    }
  }

  const scheduleKeys = new Set(schedules.map((s) => s.key));
  const roles = model.policy.roles?.data.roles ?? [];
  const view = policyViewOf(model);
  const levels = model.policy.escalation?.data.levels ?? [];
  const policies: DesiredPolicy[] = [];
  const policiesLeftAlone: string[] = [];

  for (const rotation of rotations) {
    const file = `rotations/${rotation.id}.yaml`;
    if (rotation.pagerduty?.escalation_policy === false) {
      policiesLeftAlone.push(rotation.id);
      continue;
    }
    const roleTargets = (roleId: string): DesiredTarget[] => {
      const role = roles.find((r) => r.id === roleId);
      if (!role) return [];
      const holder = role.holder;
      if (holder && 'rotation' in holder) {
        const other = rotations.find((r) => r.id === holder.rotation) ?? model.rotations.find((d) => d.data.id === holder.rotation)?.data;
        const tierId = holder.tier ?? other?.tiers[0]?.id;
        const key = `${holder.rotation}/${tierId}`;
        return tierId !== undefined && scheduleKeys.has(key) ? [{ type: 'schedule', key }] : [];
      }
      if (role.holders && view) {
        // A named role pages whoever acts for it now, else its primary in force now (apply runs daily).
        const holding = holdingAt(view, roleId, options.now);
        const person = (holding.holders.find((h) => h.as === 'acting') ?? holding.holders.find((h) => h.as === 'primary'))?.person;
        const user = person === undefined ? undefined : resolver.user(person);
        return user === undefined || person === undefined ? [] : [{ type: 'user', user, person }];
      }
      return [];
    };
    const rules: DesiredRule[] = [];
    const push = (targets: DesiredTarget[], delay: number) => {
      const unique = targets.filter((t, i) => targets.findIndex((u) => JSON.stringify(u) === JSON.stringify(t)) === i);
      if (unique.length === 0) return;
      const last = rules.at(-1);
      // Two steps that page the same targets are one rule that waits longer.
      if (last && JSON.stringify(last.targets) === JSON.stringify(unique)) last.delayMinutes += delay;
      else rules.push({ delayMinutes: delay, targets: unique.slice(0, 10) });
    };
    const ladder = productLadder(rotation, model);
    let numLoops = 0;
    let source: string;
    if (ladder) {
      numLoops = ladder.repeats ?? 0;
      source = `the ${ladder.severity} ladder "${ladder.id}" in policy/escalation.yaml`;
      ladder.steps.forEach((step, i) => {
        const roleIds = step.roles ?? levels.find((l) => l.id === step.level)?.roles ?? [];
        const next = ladder.steps[i + 1];
        const at = (text: string) => Math.round((durationMillis(text) ?? 0) / 60_000);
        const delay = next ? Math.max(1, at(next.after) - at(step.after)) : pageResponse;
        push(roleIds.flatMap(roleTargets), delay);
      });
    } else {
      source = `the tiers' escalates_to in ${file}`;
      const seen = new Set<string>();
      let tier: Rotation['tiers'][number] | undefined = rotation.tiers[0];
      while (tier && !seen.has(tier.id)) {
        seen.add(tier.id);
        push([{ type: 'schedule', key: `${rotation.id}/${tier.id}` }], minutes(tier.response, pageResponse));
        const target: Rotation['tiers'][number]['escalates_to'] = tier.escalates_to;
        if (target?.role !== undefined) push(roleTargets(target.role), pageResponse);
        tier = target?.tier !== undefined ? rotation.tiers.find((t) => t.id === target.tier) : undefined;
      }
    }
    if (rules.length === 0) {
      notes.push(`${rotation.id}: no escalation policy: ${source} names nobody PagerDuty can page.`);
      continue;
    }
    const adoptId = typeof rotation.pagerduty?.escalation_policy === 'string' ? rotation.pagerduty.escalation_policy : undefined;
    policies.push({
      key: rotation.id,
      file,
      name: rotation.name,
      description: `Escalation for ${rotation.name}: managed by oncall-as-code from ${source}. Change the repository, not this policy.`,
      ...(adoptId !== undefined ? { adoptId } : {}),
      numLoops,
      rules,
    });
  }

  const problems = [...resolver.problems.values(), ...rotationProblems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    state: { now, horizon, overridesUntil, schedules, policies, policiesLeftAlone, notes, users: resolver.resolved, ...(calendar ? { calendar } : {}) },
    problems,
  };
}
