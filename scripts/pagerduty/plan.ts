/**
 * The plan: desired state (from the repository) + current state (read from PagerDuty) -> the list
 * of operations that makes PagerDuty follow the repository, what it leaves alone and why, and where
 * PagerDuty's own rendered schedule differs from the engine's shifts. Pure: `--plan` prints it,
 * `--apply` sends it (scripts/pagerduty/apply.ts).
 *
 * What it never does: touch an object it does not own (a marker in the description, or an id the
 * data names); write anything before `now` (a layer in force is ended at `now` and continued by a
 * new one, never edited; an override already started is never deleted); delete a schedule (a
 * schedule whose tier is gone has its layers ended, so its history stays).
 */
import { isoInZone, humanInZone } from '../schedule/local-time.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PdEscalationPolicy, PdLayer, PdOverride, PdRestriction, PdSchedule } from './api-types.ts';
import type { DesiredLayer, DesiredOverride, DesiredPolicy, DesiredSchedule, DesiredState, DesiredTarget } from './desired.ts';
import { expectedEntries, firstDifference, normalise, stackedLayerEntries, type Entry } from './expected.ts';
import { readPolicyMarker, readScheduleMarker, withoutMarker } from './marker.ts';
import type { CurrentState } from './read.ts';

type Rotation = SchemaTypes['rotation'];

/** One field that differs: what PagerDuty has, and what it will have. */
export interface Change {
  field: string;
  from?: string;
  to?: string;
}

export interface ScheduleOperation {
  object: 'schedule';
  action: 'create' | 'update';
  key: string;
  name: string;
  id?: string;
  changes: Change[];
  /** The schedule as it is sent (its marker is added when it is sent). */
  payload: { name: string; time_zone: string; description: string; schedule_layers: PdLayer[] };
}

export interface OverrideOperation {
  object: 'override';
  action: 'create' | 'delete';
  /** The schedule's key (`rotation/tier`). */
  key: string;
  scheduleId?: string;
  id?: string;
  person?: string;
  user: string;
  start: number;
  end: number;
  zone: string;
  reason?: string;
}

export interface PolicyOperation {
  object: 'escalation_policy';
  action: 'create' | 'update' | 'delete';
  key: string;
  name: string;
  id?: string;
  changes: Change[];
  desired?: DesiredPolicy;
}

export type Operation = ScheduleOperation | OverrideOperation | PolicyOperation;

export interface LeftAlone {
  object: 'schedule' | 'escalation_policy' | 'override';
  id: string;
  name: string;
  reason: string;
}

/** PagerDuty's rendered final schedule differs from the engine's shifts. */
export interface Drift {
  key: string;
  name: string;
  at: number;
  zone: string;
  pagerduty: string;
  repository: string;
  explanation: string;
}

export interface Plan {
  now: number;
  horizon: number;
  operations: Operation[];
  leftAlone: LeftAlone[];
  drift: Drift[];
  notes: string[];
  /** Override ids a schedule's marker should list (written by apply; not a change of its own). */
  ledgers: { key: string; scheduleId: string; overrides: string[] }[];
  /** Schedules whose rendering was compared and matched, shift by shift. */
  verified: string[];
}

/** Which current schedule carries each desired one (adopted by id, else by marker). */
export function matchSchedules(desired: readonly DesiredSchedule[], schedules: readonly PdSchedule[]): Map<string, PdSchedule> {
  const byId = new Map(schedules.map((s) => [s.id, s]));
  const byMarker = new Map<string, PdSchedule>();
  for (const schedule of schedules) {
    const marker = readScheduleMarker(schedule.description);
    if (marker && !byMarker.has(`${marker.rotation}/${marker.tier}`)) byMarker.set(`${marker.rotation}/${marker.tier}`, schedule);
  }
  const out = new Map<string, PdSchedule>();
  for (const d of desired) {
    const found = d.adoptId !== undefined ? byId.get(d.adoptId) : byMarker.get(d.key);
    if (found) out.set(d.key, found);
  }
  return out;
}

/** Schedules whose override list the plan needs: managed ones with overrides on either side, or a rendering that differs. */
export function schedulesNeedingOverrides(state: DesiredState, current: Omit<CurrentState, 'overrides'>, rotations: readonly Rotation[]): string[] {
  const matched = matchSchedules(state.schedules, current.schedules);
  const out: string[] = [];
  for (const d of state.schedules) {
    const schedule = matched.get(d.key);
    if (!schedule) continue;
    const ledger = readScheduleMarker(schedule.description)?.overrides ?? [];
    if (d.overrides.length > 0 || ledger.length > 0 || renderedDifference(d, schedule, state, rotations) !== undefined) out.push(schedule.id);
  }
  return out;
}

/** Comparisons already made, per schedule object: a pass asks twice (which lists to read, then the plan). */
const differences = new WeakMap<PdSchedule, ReturnType<typeof firstDifference>>();

function renderedDifference(d: DesiredSchedule, schedule: PdSchedule, state: DesiredState, rotations: readonly Rotation[]) {
  if (differences.has(schedule)) return differences.get(schedule);
  const found = compareRendering(d, schedule, state, rotations);
  differences.set(schedule, found);
  return found;
}

function compareRendering(d: DesiredSchedule, schedule: PdSchedule, state: DesiredState, rotations: readonly Rotation[]) {
  const rotation = rotations.find((r) => r.id === d.rotation);
  if (!rotation) return undefined;
  const workingWeek = d.businessHours && state.calendar ? { ...state.calendar, holidays: new Set<string>() } : undefined;
  const expected = expectedEntries(rotation, d.tier, state.users, state.now, state.horizon, workingWeek);
  const rendered = normalise((schedule.final_schedule ?? []).map((e) => ({ start: Date.parse(e.start), end: Date.parse(e.end), user: e.user?.id })), state.now, state.horizon);
  return firstDifference(rendered, expected, state.now, state.horizon);
}

const live = (layer: PdLayer, now: number) => layer.end === null || layer.end === undefined || Date.parse(layer.end) > now;

/**
 * Whether the schedule's layers, as PagerDuty renders them, already give the tier's roster shifts
 * exactly from now to the horizon, however they are cut (layers made in PagerDuty's web app and
 * imported, say): then they are left as they are, and only a difference within the horizon makes
 * the plan rewrite them.
 */
function layersAlreadyRender(d: DesiredSchedule, schedule: PdSchedule, state: DesiredState, rotations: readonly Rotation[]): boolean {
  const rotation = rotations.find((r) => r.id === d.rotation);
  if (!rotation) return false;
  const stacked = stackedLayerEntries(schedule.schedule_layers, state.now, state.horizon);
  if (!stacked) return false;
  const workingWeek = d.businessHours && state.calendar ? { ...state.calendar, holidays: new Set<string>() } : undefined;
  const expected = expectedEntries(rotation, d.tier, state.users, state.now, state.horizon, workingWeek, { overrides: false });
  return firstDifference(stacked, expected, state.now, state.horizon) === undefined;
}

/** A restriction as text that compares equal whatever order or extra fields PagerDuty gives it. */
function restrictionKey(r: PdRestriction): string {
  return `${r.type}|${r.type === 'weekly_restriction' ? r.start_day_of_week : ''}|${r.start_time_of_day}|${r.duration_seconds}`;
}

/** What makes two layers render the same from `now` on (their end is compared on its own). */
function signature(layer: { start: number; virtualStart: number; turnSeconds: number; users: readonly string[]; restrictions: readonly PdRestriction[] }, now: number): string {
  return JSON.stringify([Math.max(layer.start, now), layer.virtualStart, layer.turnSeconds, layer.users, layer.restrictions.map(restrictionKey).sort()]);
}

function currentSignature(layer: PdLayer, now: number): string {
  return signature(
    {
      start: Date.parse(layer.start),
      virtualStart: Date.parse(layer.rotation_virtual_start),
      turnSeconds: layer.rotation_turn_length_seconds,
      users: layer.users.map((u) => u.user.id),
      restrictions: layer.restrictions ?? [],
    },
    now,
  );
}

function desiredSignature(layer: DesiredLayer, now: number): string {
  return signature(layer, now);
}

const endOf = (layer: PdLayer) => (layer.end === null || layer.end === undefined ? undefined : Date.parse(layer.end));

function layerPayload(layer: DesiredLayer, zone: string, now: number): PdLayer {
  return {
    name: layer.name,
    // A new layer never reaches into the past: what PagerDuty rendered before now stays as it was.
    start: isoInZone(Math.max(layer.start, now), zone),
    end: layer.end === undefined ? null : isoInZone(layer.end, zone),
    rotation_virtual_start: isoInZone(layer.virtualStart, zone),
    rotation_turn_length_seconds: layer.turnSeconds,
    users: layer.users.map((id) => ({ user: { id, type: 'user_reference' } })),
    restrictions: layer.restrictions,
  };
}

/** Strips what PagerDuty adds on read (rendered entries), keeping what a PUT sends back. */
function keep(layer: PdLayer): PdLayer {
  const out: PdLayer = {
    start: layer.start,
    end: layer.end ?? null,
    rotation_virtual_start: layer.rotation_virtual_start,
    rotation_turn_length_seconds: layer.rotation_turn_length_seconds,
    users: layer.users.map((u) => ({ user: { id: u.user.id, type: 'user_reference' } })),
    restrictions: layer.restrictions ?? [],
  };
  if (layer.id !== undefined) out.id = layer.id;
  if (layer.name !== undefined) out.name = layer.name;
  return out;
}

export interface PlanInput {
  state: DesiredState;
  current: CurrentState;
  /** The rotations of the desired state (for the engine's shifts). */
  rotations: readonly Rotation[];
  /** Every rotation id in the repository (an owned object of a rotation not among them is gone from the data). */
  repositoryRotations: ReadonlySet<string>;
  /** Person id for each user id, for messages. */
  people: ReadonlyMap<string, string>;
}

export function planSync(input: PlanInput): Plan {
  const { state, current, rotations, people } = input;
  const now = state.now;
  const operations: Operation[] = [];
  const leftAlone: LeftAlone[] = [];
  const drift: Drift[] = [];
  const ledgers: Plan['ledgers'] = [];
  const verified: string[] = [];
  const notes = [...state.notes];
  const who = (user: string | undefined) => (user === undefined ? 'nobody' : people.has(user) ? `${people.get(user)} (${user})` : `PagerDuty user ${user}`);
  const matched = matchSchedules(state.schedules, current.schedules);
  const owned = new Set<string>([...matched.values()].map((s) => s.id));

  for (const d of state.schedules) {
    const schedule = matched.get(d.key);
    if (d.adoptId !== undefined && !schedule) {
      notes.push(`${d.key}: the schedule ${d.adoptId} named in ${d.file} is not in PagerDuty; it will be created anew. Remove the id from pagerduty.schedules, or correct it.`);
    }
    if (!schedule) {
      operations.push({
        object: 'schedule',
        action: 'create',
        key: d.key,
        name: d.name,
        changes: [
          { field: 'time_zone', to: d.timeZone },
          ...d.layers.map((l, i) => ({ field: `layer ${i + 1}`, to: describeLayer(l, d.timeZone, who) })),
        ],
        payload: { name: d.name, time_zone: d.timeZone, description: d.description, schedule_layers: d.layers.map((l) => layerPayload(l, d.timeZone, now)) },
      });
      for (const o of d.overrides) operations.push(overrideCreate(d, o, now));
      continue;
    }

    // Layers: those that ended are history; the others must match the desired ones from now on.
    // A schedule the data names by id keeps its name and description: people know it by them.
    const changes: Change[] = [];
    const name = d.adoptId === undefined ? d.name : schedule.name;
    if (schedule.name !== name) changes.push({ field: 'name', from: schedule.name, to: name });
    if (schedule.time_zone !== d.timeZone) changes.push({ field: 'time_zone', from: schedule.time_zone, to: d.timeZone });
    if (withoutMarker(schedule.description) !== d.description && d.adoptId === undefined) changes.push({ field: 'description', from: withoutMarker(schedule.description), to: d.description });
    const accepted = layersAlreadyRender(d, schedule, state, rotations);
    const past = schedule.schedule_layers.filter((l) => !live(l, now) || accepted);
    const liveLayers = schedule.schedule_layers.filter((l) => live(l, now) && !accepted);
    const unmatched = [...liveLayers];
    // The desired layers in the order they stack, each kept from PagerDuty or new.
    const stacked: PdLayer[] = [];
    const keptAt: number[] = [];
    for (const layer of accepted ? [] : d.layers) {
      const sig = desiredSignature(layer, now);
      const index = unmatched.findIndex((l) => currentSignature(l, now) === sig);
      if (index < 0) {
        stacked.push(layerPayload(layer, d.timeZone, now));
        changes.push({ field: 'layer', to: describeLayer(layer, d.timeZone, who) });
        continue;
      }
      const [existing] = unmatched.splice(index, 1);
      keptAt.push(liveLayers.indexOf(existing!));
      const copy = keep(existing!);
      if (endOf(existing!) !== layer.end) {
        copy.end = layer.end === undefined ? null : isoInZone(layer.end, d.timeZone);
        changes.push({ field: `layer ${existing!.id ?? ''} end`.replace('  ', ' '), from: existing!.end ?? 'open', to: copy.end ?? 'open' });
      }
      stacked.push(copy);
    }
    if (keptAt.some((at, i) => i > 0 && at < keptAt[i - 1]!)) {
      changes.push({ field: 'layer order', from: keptAt.map((at) => describeCurrentLayer(liveLayers[at]!, who)).join(' | '), to: 'the order of the tier\'s layers (a later layer above an earlier one)' });
    }
    const ended: PdLayer[] = [];
    for (const layer of unmatched) {
      if (Date.parse(layer.start) < now) {
        ended.push({ ...keep(layer), end: isoInZone(now, d.timeZone) });
        changes.push({ field: 'layer', from: describeCurrentLayer(layer, who), to: `ended at ${isoInZone(now, d.timeZone)} (its earlier turns stay)` });
      } else changes.push({ field: 'layer', from: describeCurrentLayer(layer, who), to: 'removed (it had not started)' });
    }
    if (changes.length > 0) {
      operations.push({
        object: 'schedule',
        action: 'update',
        key: d.key,
        name,
        id: schedule.id,
        changes,
        // Lowest first: history at the bottom, then the tier's layers as they stack.
        payload: { name, time_zone: d.timeZone, description: d.adoptId === undefined ? d.description : withoutMarker(schedule.description), schedule_layers: [...past.map(keep), ...ended, ...stacked] },
      });
    }

    // Overrides, when their list was read.
    const list = current.overrides.get(schedule.id);
    const ledger = new Set(readScheduleMarker(schedule.description)?.overrides ?? []);
    const madeInPagerDuty: PdOverride[] = [];
    if (list) {
      const pending = [...list];
      const matchedIds: string[] = [];
      for (const o of d.overrides) {
        const index = pending.findIndex((c) => c.user.id === o.user && Math.max(Date.parse(c.start), now) === Math.max(o.start, now) && Date.parse(c.end) === o.end);
        if (index >= 0) matchedIds.push(pending.splice(index, 1)[0]!.id);
        else operations.push(overrideCreate(d, o, now, schedule.id));
      }
      for (const c of pending) {
        const start = Date.parse(c.start);
        if (Date.parse(c.end) <= now) continue;
        if (ledger.has(c.id) && start > now) {
          operations.push({ object: 'override', action: 'delete', key: d.key, scheduleId: schedule.id, id: c.id, user: c.user.id, ...(people.has(c.user.id) ? { person: people.get(c.user.id)! } : {}), start, end: Date.parse(c.end), zone: d.timeZone });
        } else if (ledger.has(c.id)) {
          leftAlone.push({ object: 'override', id: c.id, name: `${d.key} ${who(c.user.id)} ${isoInZone(start, d.timeZone)} to ${isoInZone(Date.parse(c.end), d.timeZone)}`, reason: 'no longer in the repository, but already started: overrides in progress and past ones are never changed' });
        } else {
          madeInPagerDuty.push(c);
          leftAlone.push({ object: 'override', id: c.id, name: `${d.key} ${who(c.user.id)} ${isoInZone(start, d.timeZone)} to ${isoInZone(Date.parse(c.end), d.timeZone)}`, reason: 'made in PagerDuty, not in the repository: `oncall import pagerduty --overrides` writes it into the rotation file' });
        }
      }
      const stillThere = new Set(list.map((c) => c.id));
      const next = [...new Set([...[...ledger].filter((id) => stillThere.has(id)), ...matchedIds])].sort();
      const before = [...ledger].sort();
      if (JSON.stringify(next) !== JSON.stringify(before)) ledgers.push({ key: d.key, scheduleId: schedule.id, overrides: next });
    }

    // Proof: PagerDuty's own rendering against the engine's shifts, shift by shift.
    const difference = renderedDifference(d, schedule, state, rotations);
    if (difference) {
      const pending = operations.some((op) => op.key === d.key);
      const explanation = pending
        ? 'the changes above correct it'
        : madeInPagerDuty.length > 0
          ? 'an override made in PagerDuty (left alone; import it into the repository)'
          : 'not explained by any change: PagerDuty renders these layers differently from the engine';
      drift.push({
        key: d.key,
        name: d.name,
        at: difference.at,
        zone: d.timeZone,
        pagerduty: difference.pagerduty ? `${who(difference.pagerduty.user)} until ${isoInZone(difference.pagerduty.end, d.timeZone)}` : 'nobody',
        repository: difference.repository ? `${who(difference.repository.user)} until ${isoInZone(difference.repository.end, d.timeZone)}` : 'nobody',
        explanation,
      });
    } else verified.push(d.key);
  }

  // Owned schedules whose tier or rotation is gone from the data: end their layers, keep their history.
  const desiredKeys = new Set(state.schedules.map((s) => s.key));
  for (const schedule of current.schedules) {
    if (owned.has(schedule.id)) continue;
    const marker = readScheduleMarker(schedule.description);
    const key = marker ? `${marker.rotation}/${marker.tier}` : undefined;
    if (!marker || desiredKeys.has(key!)) {
      leftAlone.push({ object: 'schedule', id: schedule.id, name: schedule.name, reason: marker ? 'another schedule carries the same marker' : 'not made by oncall-as-code and not named in rotations/' });
      continue;
    }
    const rotation = rotations.find((r) => r.id === marker.rotation);
    const gone = rotation ? !rotation.tiers.some((t) => t.id === marker.tier) : !input.repositoryRotations.has(marker.rotation);
    if (!gone) continue;
    const open = schedule.schedule_layers.filter((l) => live(l, now));
    if (open.length === 0) continue;
    operations.push({
      object: 'schedule',
      action: 'update',
      key: key!,
      name: schedule.name,
      id: schedule.id,
      changes: open.map((l) => ({ field: 'layer', from: describeCurrentLayer(l, who), to: Date.parse(l.start) < now ? `ended at ${isoInZone(now, schedule.time_zone)} (the tier is no longer in the repository; its history stays)` : 'removed (it had not started)' })),
      payload: {
        name: schedule.name,
        time_zone: schedule.time_zone,
        description: withoutMarker(schedule.description),
        schedule_layers: schedule.schedule_layers.flatMap((l) => (!live(l, now) ? [keep(l)] : Date.parse(l.start) < now ? [{ ...keep(l), end: isoInZone(now, schedule.time_zone) }] : [])),
      },
    });
  }

  // Escalation policies.
  const scheduleIds = new Map([...matched].map(([key, s]) => [key, s.id]));
  const byId = new Map(current.policies.map((p) => [p.id, p]));
  const byMarker = new Map<string, PdEscalationPolicy>();
  for (const policy of current.policies) {
    const marker = readPolicyMarker(policy.description);
    if (marker && !byMarker.has(marker)) byMarker.set(marker, policy);
  }
  const ownedPolicies = new Set<string>();
  for (const d of state.policies) {
    const policy = d.adoptId !== undefined ? byId.get(d.adoptId) : byMarker.get(d.key);
    if (!policy) {
      if (d.adoptId !== undefined) notes.push(`${d.key}: the escalation policy ${d.adoptId} named in ${d.file} is not in PagerDuty; it will be created anew.`);
      operations.push({ object: 'escalation_policy', action: 'create', key: d.key, name: d.name, changes: describeRules(d, scheduleIds, who).map((to, i) => ({ field: `rule ${i + 1}`, to })).concat(d.numLoops > 0 ? [{ field: 'num_loops', to: String(d.numLoops) }] : []), desired: d });
      continue;
    }
    ownedPolicies.add(policy.id);
    const changes: Change[] = [];
    if (policy.name !== d.name && d.adoptId === undefined) changes.push({ field: 'name', from: policy.name, to: d.name });
    if (d.adoptId === undefined && withoutMarker(policy.description) !== d.description) changes.push({ field: 'description', from: withoutMarker(policy.description), to: d.description });
    if (policy.num_loops !== d.numLoops) changes.push({ field: 'num_loops', from: String(policy.num_loops), to: String(d.numLoops) });
    const want = describeRules(d, scheduleIds, who);
    const have = policy.escalation_rules.map((r) => `after ${r.escalation_delay_in_minutes} min: ${r.targets.map((t) => describeTarget(t, current.schedules, who)).join(', ')}`);
    // Rules compare by delay and target ids; a schedule that is about to be created never matches.
    const wantKeys = d.rules.map((r) => `${r.delayMinutes}|${r.targets.map((t) => (t.type === 'user' ? `user:${t.user}` : `schedule:${scheduleIds.get(t.key) ?? `new:${t.key}`}`)).join(',')}`);
    const haveKeys = policy.escalation_rules.map((r) => `${r.escalation_delay_in_minutes}|${r.targets.map((t) => `${t.type.startsWith('user') ? 'user' : 'schedule'}:${t.id}`).join(',')}`);
    for (let i = 0; i < Math.max(wantKeys.length, haveKeys.length); i++) {
      if (wantKeys[i] !== haveKeys[i]) changes.push({ field: `rule ${i + 1}`, ...(have[i] !== undefined ? { from: have[i] } : {}), ...(want[i] !== undefined ? { to: want[i] } : { to: 'removed' }) });
    }
    if (changes.length > 0) operations.push({ object: 'escalation_policy', action: 'update', key: d.key, name: d.name, id: policy.id, changes, desired: d });
  }
  const leftAlonePolicies = new Set(state.policiesLeftAlone);
  for (const policy of current.policies) {
    if (ownedPolicies.has(policy.id)) continue;
    const marker = readPolicyMarker(policy.description);
    if (marker && !input.repositoryRotations.has(marker) && byMarker.get(marker) === policy) {
      operations.push({ object: 'escalation_policy', action: 'delete', key: marker, name: policy.name, id: policy.id, changes: [{ field: 'policy', from: policy.name, to: `deleted (rotations/${marker}.yaml is gone)` }] });
    } else if (!marker || !state.policies.some((p) => p.key === marker)) {
      if (marker && input.repositoryRotations.has(marker) && !leftAlonePolicies.has(marker) && !rotations.some((r) => r.id === marker)) continue;
      leftAlone.push({ object: 'escalation_policy', id: policy.id, name: policy.name, reason: marker ? `rotations/${marker}.yaml sets escalation_policy: false` : 'not made by oncall-as-code and not named in rotations/' });
    }
  }

  return { now, horizon: state.horizon, operations, leftAlone, drift, notes, ledgers, verified };
}

function overrideCreate(d: DesiredSchedule, o: DesiredOverride, now: number, scheduleId?: string): OverrideOperation {
  return {
    object: 'override',
    action: 'create',
    key: d.key,
    ...(scheduleId !== undefined ? { scheduleId } : {}),
    person: o.person,
    user: o.user,
    // An override already in progress is made from now: the past is PagerDuty's record.
    start: Math.max(o.start, now),
    end: o.end,
    zone: d.timeZone,
    reason: o.reason,
  };
}

function describeSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${Math.floor(seconds / 3600) > 0 ? `${Math.floor(seconds / 3600)}h` : ''}${(seconds % 3600) / 60}m`;
  return `${seconds}s`;
}

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Restrictions as people read them: `Mon, Tue 09:00 for 12h; daily 21:00 for 12h`. */
export function describeRestrictions(restrictions: readonly PdRestriction[]): string {
  const groups = new Map<string, number[]>();
  for (const r of restrictions) {
    const key = `${r.start_time_of_day.slice(0, 5)} for ${describeSeconds(r.duration_seconds)}`;
    const days = groups.get(key) ?? [];
    days.push(r.type === 'daily_restriction' ? 0 : r.start_day_of_week ?? 0);
    groups.set(key, days);
  }
  return [...groups]
    .map(([what, days]) => `${days.includes(0) ? 'daily' : [...new Set(days)].sort((a, b) => a - b).map((d) => DAY_NAMES[d]).join(', ')} ${what}`)
    .join('; ');
}

/** Who takes turns: the people in order, or the cycle a layer that skips empty shifts writes out. */
function describeTurns(users: readonly string[], turnSeconds: number, who: (u: string) => string): string {
  const people = [...new Set(users)];
  const cycle = people.length === users.length ? '' : ` (a cycle of ${users.length} turns)`;
  return `${people.map(who).join(', ')} in turns of ${describeSeconds(turnSeconds)}${cycle}`;
}

function describeLayer(layer: DesiredLayer, zone: string, who: (u: string) => string): string {
  const until = layer.end === undefined ? 'on' : `until ${isoInZone(layer.end, zone)}`;
  const restricted = layer.restrictions.length > 0 ? `, on call ${describeRestrictions(layer.restrictions)} (${zone})` : '';
  return `${describeTurns(layer.users, layer.turnSeconds, who)} from ${isoInZone(layer.start, zone)} ${until}${restricted}`;
}

function describeCurrentLayer(layer: PdLayer, who: (u: string) => string): string {
  const restricted = (layer.restrictions ?? []).length > 0 ? `, on call ${describeRestrictions(layer.restrictions ?? [])}` : '';
  return `${describeTurns(layer.users.map((u) => u.user.id), layer.rotation_turn_length_seconds, who)} from ${layer.start} ${layer.end ? `until ${layer.end}` : 'on'}${restricted}`;
}

function describeTarget(target: { id: string; type: string }, schedules: readonly PdSchedule[], who: (u: string) => string): string {
  if (target.type.startsWith('user')) return who(target.id);
  const schedule = schedules.find((s) => s.id === target.id);
  return `schedule "${schedule?.name ?? target.id}"`;
}

function describeRules(d: DesiredPolicy, scheduleIds: ReadonlyMap<string, string>, who: (u: string) => string): string[] {
  const target = (t: DesiredTarget) => (t.type === 'user' ? who(t.user) : `schedule ${t.key}${scheduleIds.has(t.key) ? '' : ' (new)'}`);
  return d.rules.map((r) => `after ${r.delayMinutes} min: ${r.targets.map(target).join(', ')}`);
}

/** The plan's first rendered difference of a schedule, for people. */
export function describeDrift(drift: Drift): string {
  return `${drift.key}: from ${humanInZone(drift.at, drift.zone)} PagerDuty has ${drift.pagerduty}; the repository has ${drift.repository} (${drift.explanation}).`;
}

/** Whether a plan asks for anything: operations, or a rendered difference. */
export function planIsEmpty(plan: Plan): boolean {
  return plan.operations.length === 0 && plan.drift.length === 0;
}

export type { Entry };
