/**
 * `oncall import pagerduty`: an existing PagerDuty account as rotation files (pure). A team already
 * on PagerDuty starts from what it has, and the first plan after importing changes nothing.
 *
 * - **Rotations.** An escalation policy whose rules each page one schedule becomes a rotation whose
 *   tiers are those schedules in rule order, each escalating to the next after its rule's delay,
 *   with the policy named by id. A policy that pages people directly, pages several targets in one
 *   rule, repeats, or mixes time zones is left alone (`escalation_policy: false`) and its schedules
 *   become tiers all the same; a schedule no policy pages becomes a rotation of its own.
 * - **Layers.** Each layer of a schedule in force now or later becomes a layer of its tier, in
 *   PagerDuty's order (a later layer on top): its users in turn order, its hand-off as a wall-clock
 *   time in the schedule's zone, its restrictions as windows, its turns taken as PagerDuty takes them
 *   (`empty_shifts: take-turn`). PagerDuty turns a layer every so many seconds; where that is not
 *   the same wall-clock time across a DST change within the coverage horizon, an unrestricted layer
 *   is written in a fixed UTC offset (`Etc/GMT-1`) so it hands over exactly when PagerDuty does.
 * - **Proof.** Every layer, and every tier with its overrides, is rendered by the rotation engine
 *   and compared with PagerDuty's own rendering from now to the horizon; what would differ is not
 *   written but reported, with the first difference. So is whatever the rotation model cannot say:
 *   turns that are not whole days, a user listed twice in a layer, a layer that ends at a future
 *   date, a user who is nobody in policy/people.yaml.
 * - **People.** PagerDuty users are people by `contacts.pagerduty_user`, else by e-mail, else by
 *   exactly the same name (one person, one user): those get `contacts.pagerduty_user` written into
 *   policy/people.yaml. Nobody is invented: a user who matches nobody is reported, with an entry to
 *   complete (people need a GitHub login and a team the import cannot know).
 */
import { DateTime, IANAZone } from 'luxon';
import { Document, isMap, isSeq, visit } from 'yaml';
import { slugify } from '../incidents/slug.ts';
import { compileRotation, expandTier, layerShifts } from '../schedule/expand.ts';
import { handoffClock } from '../schedule/handoffs.ts';
import { humanInZone, isoInZone } from '../schedule/local-time.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PdEscalationPolicy, PdLayer, PdOverride, PdRestriction, PdSchedule, PdUser } from './api-types.ts';
import { firstDifference, normalise, type Entry } from './expected.ts';
import { readPolicyMarker, readScheduleMarker } from './marker.ts';

type Rotation = SchemaTypes['rotation'];
type Tier = Rotation['tiers'][number];
type LayerData = NonNullable<Tier['layers']>[number];
type Restriction = NonNullable<LayerData['restrictions']>[number];
type Person = SchemaTypes['people']['people'][number];

export interface AccountSnapshot {
  users: PdUser[];
  /** With their layers, each layer's rendering and the final schedule from now to the horizon. */
  schedules: PdSchedule[];
  policies: PdEscalationPolicy[];
  /** Overrides still to end, by schedule id. */
  overrides: ReadonlyMap<string, readonly PdOverride[]>;
}

export interface ImportInput {
  now: number;
  horizon: number;
  account: AccountSnapshot;
  people: readonly Person[];
  /** The rotations already in the repository (their ids are taken; the objects they name are theirs). */
  rotations: readonly Rotation[];
}

export interface ImportedRotation {
  id: string;
  text: string;
  schedules: { id: string; name: string; tier: string }[];
  policy?: { id: string; name: string };
}

/** Something in PagerDuty that was not written, and why. */
export interface NotImported {
  object: 'schedule' | 'escalation_policy' | 'user';
  id: string;
  name: string;
  reason: string;
}

export interface ImportResult {
  rotations: ImportedRotation[];
  /** People to give `contacts.pagerduty_user` (matched by name): index in people.yaml, person, user. */
  peopleMapping: { index: number; person: string; user: string }[];
  notImported: NotImported[];
  /** Entries for policy/people.yaml to complete, for users who are nobody there. */
  newPeople: string[];
  notes: string[];
  /** Objects already in the repository (made by sync, or named by a rotation). */
  alreadyThere: string[];
}

const DAY_SECONDS = 86_400;
const WEEK_SECONDS = 7 * DAY_SECONDS;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * Text from PagerDuty as it may go into a file, a comment or a terminal: control characters, line
 * breaks and bidi overrides become spaces (a name could otherwise end a YAML comment or drive the
 * terminal), and it is cut to a length people read.
 */
function plain(text: string, max = 120): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** PagerDuty's objects with every name made {@link plain}, before anything reads them. */
function plainAccount(account: AccountSnapshot): AccountSnapshot {
  return {
    users: account.users.map((u) => ({ ...u, name: plain(u.name), email: plain(u.email, 254) })),
    schedules: account.schedules.map((s) => ({ ...s, name: plain(s.name) || s.id, schedule_layers: s.schedule_layers.map((l) => ({ ...l, ...(l.name !== undefined ? { name: plain(l.name) } : {}) })) })),
    policies: account.policies.map((p) => ({ ...p, name: plain(p.name) || p.id })),
    overrides: account.overrides,
  };
}

/** Why a schedule or layer cannot be written, in the user's words. */
class NotExpressible extends Error {}

interface PeopleMatch {
  /** User id -> person id. */
  byUser: Map<string, string>;
  /** Users matched by name only: they need `contacts.pagerduty_user`. */
  byName: Map<string, { index: number; person: string }>;
}

/** PagerDuty users as people: by explicit id, by e-mail, then by a name only one person and one user have. */
export function matchPeople(users: readonly PdUser[], people: readonly Person[]): PeopleMatch {
  const byUser = new Map<string, string>();
  const byName = new Map<string, { index: number; person: string }>();
  const taken = new Set<string>();
  for (const user of users) {
    const explicit = people.find((p) => p.contacts.pagerduty_user === user.id);
    if (explicit) {
      byUser.set(user.id, explicit.id);
      taken.add(explicit.id);
    }
  }
  for (const user of users) {
    if (byUser.has(user.id) || user.email === '') continue;
    const matches = people.filter((p) => p.contacts.pagerduty_user === undefined && p.contacts.email?.toLowerCase() === user.email.toLowerCase());
    if (matches.length === 1) {
      byUser.set(user.id, matches[0]!.id);
      taken.add(matches[0]!.id);
    }
  }
  const key = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const user of users) {
    if (byUser.has(user.id) || user.name.trim() === '') continue;
    const sameName = (u: PdUser) => key(u.name) === key(user.name);
    const candidates = people.map((p, index) => ({ p, index })).filter(({ p }) => key(p.name) === key(user.name) && !taken.has(p.id) && p.contacts.pagerduty_user === undefined);
    if (candidates.length !== 1 || users.filter(sameName).length !== 1) continue;
    const { p, index } = candidates[0]!;
    byUser.set(user.id, p.id);
    byName.set(user.id, { index, person: p.id });
    taken.add(p.id);
  }
  return { byUser, byName };
}

function zoneHasChange(zone: string, from: number, to: number): boolean {
  const z = IANAZone.create(zone);
  for (let t = from; t < to; t += DAY_SECONDS * 1000) if (z.offset(t) !== z.offset(Math.min(to, t + DAY_SECONDS * 1000))) return true;
  return false;
}

/** The IANA zone of a fixed UTC offset in whole hours (`Etc/GMT-1` is UTC+01:00), if there is one. */
function fixedZone(offsetMinutes: number): string | undefined {
  if (offsetMinutes % 60 !== 0 || Math.abs(offsetMinutes) > 14 * 60) return undefined;
  const hours = offsetMinutes / 60;
  return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

const hhmm = (seconds: number) => `${String(Math.floor(seconds / 3600) % 24).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}`;

function secondsOf(text: string): number {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** PagerDuty restrictions as the rotation model's windows (read in the same zone). */
function windowsOf(restrictions: readonly PdRestriction[], where: string): Restriction[] {
  const daily = new Map<string, { from: string; to: string; days: Set<string> }>();
  const weekly: Restriction[] = [];
  for (const r of restrictions) {
    const start = secondsOf(r.start_time_of_day);
    if (start % 60 !== 0 || r.duration_seconds % 60 !== 0) throw new NotExpressible(`${where} has a restriction that starts or ends between whole minutes`);
    if (r.duration_seconds >= DAY_SECONDS && r.type === 'weekly_restriction') {
      const startDay = (r.start_day_of_week ?? 1) - 1;
      const end = startDay * DAY_SECONDS + start + r.duration_seconds;
      weekly.push({ from: `${WEEKDAYS[startDay]} ${hhmm(start)}`, to: `${WEEKDAYS[Math.floor(end / DAY_SECONDS) % 7]} ${hhmm(end)}` });
      continue;
    }
    const from = hhmm(start);
    const to = hhmm(start + r.duration_seconds);
    const entry = daily.get(`${from}|${to}`) ?? { from, to, days: new Set<string>() };
    if (r.type === 'daily_restriction') for (const day of WEEKDAYS) entry.days.add(day);
    else entry.days.add(WEEKDAYS[(r.start_day_of_week ?? 1) - 1]!);
    daily.set(`${from}|${to}`, entry);
  }
  const out: Restriction[] = [];
  for (const { from, to, days } of daily.values()) {
    out.push((days.size === 7 ? { from, to } : { from, to, days: WEEKDAYS.filter((d) => days.has(d)) }) as Restriction);
  }
  return [...out, ...weekly];
}

const entriesOf = (list: readonly { start: string; end: string; user?: { id: string } }[] | undefined, from: number, to: number): Entry[] =>
  normalise((list ?? []).map((e) => ({ start: Date.parse(e.start), end: Date.parse(e.end), user: e.user?.id })), from, to);

function describeDifference(pagerduty: Entry[], engine: Entry[], from: number, to: number, zone: string, name: (user: string | undefined) => string): string | undefined {
  const difference = firstDifference(pagerduty, engine, from, to);
  if (!difference) return undefined;
  return `from ${humanInZone(difference.at, zone)} PagerDuty has ${name(difference.pagerduty?.user)}, the rotation would have ${name(difference.repository?.user)}`;
}

interface LayerCandidate {
  layer: LayerData;
  note?: string;
}

/** A rotation of one tier of one layer, to render a candidate with the engine. */
function probe(zone: string, layer: LayerData): Rotation {
  return { id: 'probe', name: 'probe', timezone: zone, cadence: layer.cadence!, handoff: layer.handoff as Rotation['handoff'], start: layer.start!, tiers: [{ id: 'tier', name: 'Tier', coverage: 'always', layers: [layer] }] } as Rotation;
}

/**
 * The rotation model's layer for a PagerDuty layer, rendered by the engine exactly as PagerDuty
 * renders it from now to the horizon: a wall-clock hand-off in the schedule's zone if that renders
 * the same, else (unrestricted) the same hand-off in a fixed UTC offset.
 */
function layerOf(layer: PdLayer, index: number, schedule: PdSchedule, people: PeopleMatch, input: ImportInput, userName: (u: string | undefined) => string): LayerCandidate {
  const where = `layer ${index + 1}${layer.name ? ` ("${layer.name}")` : ''}`;
  const seconds = layer.rotation_turn_length_seconds;
  if (seconds % DAY_SECONDS !== 0) throw new NotExpressible(`${where} hands over every ${seconds / 3600} hours; a rotation hands over every whole number of days or weeks`);
  if (layer.end !== null && layer.end !== undefined) {
    throw new NotExpressible(`${where} ends on ${isoInZone(Date.parse(layer.end), schedule.time_zone)}, a change already planned in PagerDuty; a rotation writes planned changes as roster lists that continue the turn order. Let the change take effect first, or write the new list into the rotation by hand`);
  }
  const participants = layer.users.map((u) => people.byUser.get(u.user.id));
  if (participants.some((p) => p === undefined)) throw new NotExpressible(`${where} lists PagerDuty users who are nobody in policy/people.yaml (see below)`);
  const persons = participants as string[];
  const twice = persons.find((p, i) => persons.indexOf(p) !== i);
  if (twice !== undefined) throw new NotExpressible(`${where} lists "${twice}" more than once; a rotation's list names each person once`);

  const zone = schedule.time_zone;
  const virtualStart = Date.parse(layer.rotation_virtual_start);
  const start = Date.parse(layer.start);
  const restrictions = layer.restrictions ?? [];
  const zones: string[] = [zone];
  const fixed = fixedZone(IANAZone.create(zone).offset(virtualStart));
  if (restrictions.length === 0 && fixed !== undefined && zoneHasChange(zone, virtualStart, input.horizon)) zones.push(fixed);
  const pagerduty = entriesOf(layer.rendered_schedule_entries, input.now, input.horizon);
  let lastDifference = '';
  for (const z of zones) {
    const anchor = DateTime.fromMillis(virtualStart, { zone: z });
    if (anchor.second !== 0 || anchor.millisecond !== 0) throw new NotExpressible(`${where} hands over between whole minutes`);
    const weekly = seconds % WEEK_SECONDS === 0;
    const handoff = { ...(weekly ? { weekday: WEEKDAYS[anchor.weekday - 1]! } : {}), time: anchor.toFormat('HH:mm') };
    const cadence = weekly ? { unit: 'week' as const, ...(seconds / WEEK_SECONDS > 1 ? { every: seconds / WEEK_SECONDS } : {}) } : { unit: 'day' as const, ...(seconds / DAY_SECONDS > 1 ? { every: seconds / DAY_SECONDS } : {}) };
    const anchorDate = anchor.toISODate()!;
    // A layer that starts later takes over at one of its hand-offs, with the person PagerDuty turns to then.
    let from = anchorDate;
    let offset = 0;
    if (start > input.now && start > virtualStart) {
      const clock = handoffClock({ timezone: z, cadence, handoff, start: anchorDate });
      const k = clock.indexAt(start);
      if (clock.handoffAt(k) !== start) throw new NotExpressible(`${where} starts on ${isoInZone(start, zone)}, between two of its hand-offs`);
      from = DateTime.fromMillis(start, { zone: z }).toISODate()!;
      offset = k % persons.length;
    }
    const data: LayerData = {
      id: `layer-${index + 1}`,
      ...(layer.name ? { name: layer.name } : {}),
      timezone: z,
      cadence,
      handoff,
      start: anchorDate,
      ...(restrictions.length > 0 ? { restrictions: windowsOf(restrictions, where) as LayerData['restrictions'], empty_shifts: 'take-turn' as const } : {}),
      rosters: [{ from, participants: persons as [string, ...string[]], ...(offset > 0 ? { offset } : {}) }],
    };
    const compiled = compileRotation(probe(zone, data));
    const tier = compiled.tiers[0]!;
    const engine = normalise(
      layerShifts('probe', tier, tier.layers[0]!, input.now, input.horizon).map((s) => ({ start: s.start.getTime(), end: s.end.getTime(), user: layer.users[persons.indexOf(s.person)]?.user.id })),
      input.now,
      input.horizon,
    );
    const difference = describeDifference(pagerduty, engine, input.now, input.horizon, zone, userName);
    if (difference === undefined) {
      const note =
        z !== zone
          ? `${where} hands over every ${seconds / 3600} hours, which is not the same local time across a DST change of ${zone} before the coverage horizon: written in ${z} (UTC${anchor.toFormat('ZZ')}) so it hands over exactly when PagerDuty does. Set its timezone to ${zone} to hand over at ${handoff.time} local time all year.`
          : zoneHasChange(zone, input.now, input.horizon + 400 * DAY_SECONDS * 1000) && restrictions.length === 0
            ? `${where} hands over every ${seconds / 3600} hours in PagerDuty; written as ${handoff.weekday ? `${handoff.weekday} ` : ''}${handoff.time} ${zone}, which renders the same up to the coverage horizon. Sync keeps that local time across DST changes.`
            : undefined;
      return { layer: data, ...(note ? { note } : {}) };
    }
    lastDifference = difference;
  }
  throw new NotExpressible(`${where} would render differently in the rotation model: ${lastDifference}`);
}

/** A tier for a schedule: its layers, and the overrides still to end. */
function tierOf(schedule: PdSchedule, id: string, name: string, people: PeopleMatch, input: ImportInput, userName: (u: string | undefined) => string, notes: string[]): { tier: Tier; overrides: NonNullable<Rotation['overrides']> } {
  const live = schedule.schedule_layers.filter((l) => l.end === null || l.end === undefined || Date.parse(l.end) > input.now);
  if (live.length === 0) throw new NotExpressible('has no layer in force now or later');
  const layers = live.map((layer, i) => {
    const candidate = layerOf(layer, i, schedule, people, input, userName);
    if (candidate.note) notes.push(`schedule ${schedule.id} "${schedule.name}": ${candidate.note}`);
    const { rosters, ...rest } = candidate.layer;
    return { ...rest, ...(i > 0 ? { on_top: true } : {}), rosters };
  });
  const overrides: NonNullable<Rotation['overrides']> = [];
  for (const o of input.account.overrides.get(schedule.id) ?? []) {
    if (Date.parse(o.end) <= input.now) continue;
    const person = people.byUser.get(o.user.id);
    if (person === undefined) throw new NotExpressible(`its override ${o.id} (${isoInZone(Date.parse(o.start), schedule.time_zone)} to ${isoInZone(Date.parse(o.end), schedule.time_zone)}) is held by a PagerDuty user who is nobody in policy/people.yaml (see below)`);
    overrides.push({ tier: id, person, start: isoInZone(Date.parse(o.start), schedule.time_zone), end: isoInZone(Date.parse(o.end), schedule.time_zone), reason: `Imported from PagerDuty (override ${o.id})` });
  }
  overrides.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return { tier: { id, name, coverage: 'always', layers } as Tier, overrides };
}

/** The plain form of a tier of one unrestricted layer on the rotation's own clock. */
function simplify(tier: Tier, rotation: Pick<Rotation, 'timezone' | 'cadence' | 'handoff' | 'start'>): Tier {
  const only = tier.layers?.length === 1 ? tier.layers[0]! : undefined;
  if (!only || only.restrictions || only.timezone !== rotation.timezone) return stripDefaults(tier, rotation);
  if (JSON.stringify([only.cadence, only.handoff, only.start]) !== JSON.stringify([rotation.cadence, rotation.handoff, rotation.start])) return stripDefaults(tier, rotation);
  const { layers: _layers, ...rest } = tier;
  return { ...rest, rosters: only.rosters };
}

/** A layered tier without the fields that repeat the rotation's. */
function stripDefaults(tier: Tier, rotation: Pick<Rotation, 'timezone' | 'cadence' | 'handoff' | 'start'>): Tier {
  return {
    ...tier,
    layers: tier.layers!.map((layer): LayerData => {
      const out: LayerData = { ...layer };
      if (out.timezone === rotation.timezone) delete out.timezone;
      if (JSON.stringify(out.cadence) === JSON.stringify(rotation.cadence)) delete out.cadence;
      if (JSON.stringify(out.handoff) === JSON.stringify(rotation.handoff)) delete out.handoff;
      if (out.start === rotation.start) delete out.start;
      return out;
    }) as Tier['layers'],
  };
}

/** A rotation file as people write them: flow style for the short maps and lists. */
export function rotationText(rotation: Rotation, header: string): string {
  const doc = new Document(rotation);
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (['cadence', 'handoff', 'schedules', 'escalates_to'].includes(key) && isMap(pair.value)) pair.value.flow = true;
      if (['participants', 'restrictions', 'days'].includes(key) && isSeq(pair.value)) pair.value.flow = true;
    },
    Scalar(_, scalar) {
      // Wall-clock times quoted, as people write them ("09:00", "friday 18:00").
      if (typeof scalar.value === 'string' && /^([a-z]+ )?\d\d:\d\d$/.test(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
    },
  });
  if (doc.contents) doc.contents.commentBefore = header;
  return `# yaml-language-server: $schema=../schemas/rotation.schema.json\n${doc.toString({ lineWidth: 0 })}`;
}

interface Group {
  name: string;
  schedules: PdSchedule[];
  policy?: PdEscalationPolicy;
  /** Rule delays in minutes, per schedule, when the policy is a chain of them. */
  delays?: number[];
  /** Why the policy is left alone, when it is. */
  policyLeftAlone?: string;
}

/** The pieces of the account that become rotations: chains of schedules by escalation policy, then lone schedules. */
function groups(input: ImportInput, claimed: Set<string>, skippedPolicies: Set<string>, notes: string[]): Group[] {
  const byId = new Map(input.account.schedules.map((s) => [s.id, s]));
  const out: Group[] = [];
  for (const policy of [...input.account.policies].sort((a, b) => a.name.localeCompare(b.name))) {
    if (skippedPolicies.has(policy.id)) continue;
    const targets = policy.escalation_rules.flatMap((r) => r.targets.filter((t) => t.type.startsWith('schedule')).map((t) => t.id));
    const schedules = [...new Set(targets)].filter((id) => !claimed.has(id) && byId.has(id)).map((id) => byId.get(id)!);
    if (schedules.length === 0) continue;
    const reasons: string[] = [];
    if (policy.num_loops > 0) reasons.push(`it repeats ${policy.num_loops} time${policy.num_loops === 1 ? '' : 's'} (num_loops), which only a product's timed ladder in policy/escalation.yaml says`);
    policy.escalation_rules.forEach((rule, i) => {
      const users = rule.targets.filter((t) => t.type.startsWith('user'));
      if (users.length > 0) reasons.push(`rule ${i + 1} pages ${users.length === 1 ? 'a user' : `${users.length} users`} directly`);
      else if (rule.targets.length !== 1) reasons.push(`rule ${i + 1} pages ${rule.targets.length} targets at once`);
    });
    if (new Set(targets).size !== targets.length) reasons.push('it pages one schedule in two rules');
    if (schedules.length !== new Set(targets).size) reasons.push('it pages a schedule another rotation holds');
    const zones = new Set(schedules.map((s) => s.time_zone));
    if (zones.size > 1) {
      notes.push(`escalation policy ${policy.id} "${policy.name}" is left alone: its schedules are in different time zones (${[...zones].join(', ')}), and a rotation has one; each schedule becomes a rotation of its own.`);
      continue;
    }
    for (const s of schedules) claimed.add(s.id);
    out.push({
      name: policy.name,
      schedules,
      ...(reasons.length === 0 ? { policy, delays: policy.escalation_rules.map((r) => r.escalation_delay_in_minutes) } : { policy, policyLeftAlone: reasons.join('; ') }),
    });
  }
  for (const schedule of input.account.schedules) {
    if (claimed.has(schedule.id)) continue;
    claimed.add(schedule.id);
    out.push({ name: schedule.name, schedules: [schedule] });
  }
  return out;
}

function uniqueId(base: string, taken: Set<string>, fallback: string): string {
  const root = slugify(base, 50) || fallback;
  let id = root;
  for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
  taken.add(id);
  return id;
}

/** The tier's name: the schedule's name without the rotation's name in front. */
function tierName(schedule: string, rotation: string): string {
  const rest = schedule.toLowerCase().startsWith(rotation.toLowerCase()) ? schedule.slice(rotation.length).replace(/^[\s:/–-]+/, '') : '';
  return rest === '' ? schedule : rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function importAccount(raw: ImportInput): ImportResult {
  const input = { ...raw, account: plainAccount(raw.account) };
  const people = matchPeople(input.account.users, input.people);
  const userById = new Map(input.account.users.map((u) => [u.id, u]));
  const userName = (u: string | undefined) => (u === undefined ? 'nobody' : people.byUser.get(u) ?? `PagerDuty user ${u} (${userById.get(u)?.name ?? '?'})`);
  const notes: string[] = [];
  const notImported: NotImported[] = [];
  const alreadyThere: string[] = [];

  // Objects the repository already has: made by sync (marked), or named by a rotation.
  const claimed = new Set<string>();
  const skippedPolicies = new Set<string>();
  for (const rotation of input.rotations) {
    for (const id of Object.values(rotation.pagerduty?.schedules ?? {})) if (id !== undefined) claimed.add(id);
    if (typeof rotation.pagerduty?.escalation_policy === 'string') skippedPolicies.add(rotation.pagerduty.escalation_policy);
  }
  for (const schedule of input.account.schedules) {
    if (readScheduleMarker(schedule.description) || claimed.has(schedule.id)) {
      claimed.add(schedule.id);
      alreadyThere.push(`schedule ${schedule.id} "${schedule.name}"`);
    }
  }
  for (const policy of input.account.policies) {
    if (readPolicyMarker(policy.description) || skippedPolicies.has(policy.id)) {
      skippedPolicies.add(policy.id);
      alreadyThere.push(`escalation policy ${policy.id} "${policy.name}"`);
    }
  }

  const takenIds = new Set(input.rotations.map((r) => r.id));
  const rotations: ImportedRotation[] = [];
  const usedUsers = new Set<string>();
  const blockingUsers = new Map<string, Set<string>>();

  for (const group of groups(input, claimed, skippedPolicies, notes)) {
    const id = uniqueId(group.name, takenIds, 'imported');
    const wanted = slugify(group.name, 50) || 'imported';
    if (id !== wanted && input.rotations.some((r) => r.id === wanted)) notes.push(`rotations/${wanted}.yaml is another rotation of the repository: "${group.name}" is written as rotations/${id}.yaml.`);
    const tierIds = new Set<string>();
    const tiers: { tier: Tier; schedule: PdSchedule; overrides: NonNullable<Rotation['overrides']> }[] = [];
    for (const schedule of group.schedules) {
      const name = tierName(schedule.name, group.name);
      const tierId = uniqueId(name, tierIds, 'tier');
      try {
        const { tier, overrides } = tierOf(schedule, tierId, name, people, input, userName, notes);
        tiers.push({ tier, schedule, overrides });
      } catch (error) {
        if (!(error instanceof NotExpressible)) throw error;
        const unknown = [...schedule.schedule_layers.flatMap((l) => l.users.map((u) => u.user.id)), ...(input.account.overrides.get(schedule.id) ?? []).map((o) => o.user.id)].filter((u) => !people.byUser.has(u));
        for (const u of unknown) blockingUsers.set(u, new Set([...(blockingUsers.get(u) ?? []), schedule.name]));
        notImported.push({ object: 'schedule', id: schedule.id, name: schedule.name, reason: `${error.message}.` });
      }
    }
    if (tiers.length === 0) {
      takenIds.delete(id);
      if (group.policy) notImported.push({ object: 'escalation_policy', id: group.policy.id, name: group.policy.name, reason: 'none of its schedules could be written (see above).' });
      continue;
    }
    // The policy is the tiers' escalation only if every schedule it pages became a tier.
    const chain = group.delays !== undefined && tiers.length === group.schedules.length;
    if (group.policy && group.policyLeftAlone) notes.push(`escalation policy ${group.policy.id} "${group.policy.name}" is left alone (escalation_policy: false in rotations/${id}.yaml): ${group.policyLeftAlone}.`);
    else if (group.policy && !chain) notes.push(`escalation policy ${group.policy.id} "${group.policy.name}" is left alone (escalation_policy: false in rotations/${id}.yaml): not all of its schedules could be written.`);
    const first = tiers[0]!.tier.layers![0]!;
    const clock = { timezone: tiers[0]!.schedule.time_zone, cadence: first.cadence!, handoff: first.handoff as Rotation['handoff'], start: first.start! };
    const tierList = tiers.map(({ tier }, i) => {
      const withEscalation: Tier = chain
        ? { ...tier, response: `${group.delays![i]}m`, ...(i + 1 < tiers.length ? { escalates_to: { tier: tiers[i + 1]!.tier.id } } : {}) }
        : tier;
      return simplify(withEscalation, clock);
    });
    const rotation: Rotation = {
      id,
      name: group.name,
      ...clock,
      tiers: tierList.map((t) => ({ id: t.id, name: t.name, coverage: t.coverage, ...(t.response ? { response: t.response } : {}), ...(t.escalates_to ? { escalates_to: t.escalates_to } : {}), ...(t.rosters ? { rosters: t.rosters } : { layers: t.layers }) }) as Tier),
      pagerduty: {
        schedules: Object.fromEntries(tiers.map(({ tier, schedule }) => [tier.id, schedule.id])),
        escalation_policy: chain ? group.policy!.id : false,
      },
      ...(tiers.some((t) => t.overrides.length > 0) ? { overrides: tiers.flatMap((t) => t.overrides) } : {}),
    } as Rotation;

    // The proof: every tier, overrides and all, renders as PagerDuty's final schedule does.
    const compiled = compileRotation(rotation);
    const userOf = new Map([...people.byUser].map(([user, person]) => [person, user]));
    const failed: string[] = [];
    for (const { tier, schedule } of tiers) {
      const compiledTier = compiled.tiers.find((t) => t.id === tier.id)!;
      const engine = normalise(
        expandTier(compiled, compiledTier, input.now, input.horizon).map((s) => ({ start: s.start.getTime(), end: s.end.getTime(), user: userOf.get(s.person) })),
        input.now,
        input.horizon,
      );
      const difference = describeDifference(entriesOf(schedule.final_schedule, input.now, input.horizon), engine, input.now, input.horizon, schedule.time_zone, userName);
      if (difference !== undefined) failed.push(`schedule ${schedule.id} "${schedule.name}": ${difference}`);
    }
    if (failed.length > 0) {
      takenIds.delete(id);
      for (const { schedule } of tiers) notImported.push({ object: 'schedule', id: schedule.id, name: schedule.name, reason: `the rotation would render differently from PagerDuty: ${failed.join('; ')}.` });
      continue;
    }
    for (const { schedule } of tiers) {
      for (const l of schedule.schedule_layers) for (const u of l.users) usedUsers.add(u.user.id);
      for (const o of input.account.overrides.get(schedule.id) ?? []) usedUsers.add(o.user.id);
    }
    const sources = [
      ...(group.policy ? [`escalation policy ${group.policy.id} "${group.policy.name}"${chain ? '' : ' (left alone)'}`] : []),
      `schedule${tiers.length === 1 ? '' : 's'} ${tiers.map(({ schedule }) => `${schedule.id} "${schedule.name}"`).join(', ')}`,
    ];
    const header = ` Imported from PagerDuty by \`oncall import pagerduty\` on ${DateTime.fromMillis(input.now, { zone: clock.timezone }).toISODate()}: ${sources.join(', ')}.\n From now on change this file, not PagerDuty: \`oncall sync pagerduty\` makes PagerDuty follow it.`;
    rotations.push({
      id,
      text: rotationText(rotation, header),
      schedules: tiers.map(({ tier, schedule }) => ({ id: schedule.id, name: schedule.name, tier: tier.id })),
      ...(chain ? { policy: { id: group.policy!.id, name: group.policy!.name } } : {}),
    });
  }

  const peopleMapping = [...people.byName].filter(([user]) => usedUsers.has(user)).map(([user, { index, person }]) => ({ index, person, user }));
  const newPeople: string[] = [];
  for (const [userId, schedules] of blockingUsers) {
    const user = userById.get(userId);
    notImported.push({ object: 'user', id: userId, name: user?.name ?? userId, reason: `is nobody in policy/people.yaml (no person with contacts.pagerduty_user: ${userId}${user?.email ? `, the e-mail ${user.email}` : ''} or the same name); needed by ${[...schedules].map((s) => `"${s}"`).join(', ')}.` });
    if (user) {
      newPeople.push(
        [
          `  - id: ${slugify(user.name, 60) || userId.toLowerCase()}`,
          `    name: ${JSON.stringify(user.name)}`,
          '    github: # their GitHub login',
          `    timezone: ${user.time_zone ?? 'UTC'}`,
          '    team: # their team in policy/people.yaml',
          `    contacts: { ${user.email ? `email: ${user.email}, ` : ''}pagerduty_user: ${userId} }`,
        ].join('\n'),
      );
    }
  }
  return { rotations, peopleMapping, notImported, newPeople, notes, alreadyThere };
}
