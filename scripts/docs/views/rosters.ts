/**
 * Views of the roster pages and the people page, from the rotation engine's shifts. The schedule
 * shows whole hand-off periods from the one running at `now` to eight weeks ahead, in the rotation's
 * own zone, because hand-offs happen at its local wall-clock time.
 */
import type { RepoModel } from '../../model/repo-model.ts';
import { instantOf } from '../../incidents/instants.ts';
import { coverageLabel } from '../../schedule/business-hours.ts';
import { holdingAt } from '../../roles/holding.ts';
import type { PolicyView } from '../../signoffs/holders.ts';
import { policyViewOf } from '../../signoffs/model-view.ts';
import { expandRotation } from '../../schedule/expand.ts';
import { DateTime } from 'luxon';
import { computeBurden, describeFlag, OUTLIER_FACTOR } from '../../schedule/burden.ts';
import { describeLayerClock } from '../../schedule/describe.ts';
import { handoffClock } from '../../schedule/handoffs.ts';
import { layersOf, participantsOf, peopleNamedIn } from '../../schedule/layers.ts';
import { timeOffByPerson } from '../../schedule/time-off.ts';
import { businessCalendar } from '../../time/business-time.ts';
import { onCallAt } from '../../schedule/on-call.ts';
import type { Shift } from '../../schedule/types.ts';
import type { SchemaTypes } from '../../types/schema-types.ts';
import { describeDuration } from '../../util/duration.ts';
import { ganttTime, localDateTime } from '../format.ts';
import { gantt } from '../mermaid.ts';
import type { Site } from '../site.ts';

type Rotation = SchemaTypes['rotation'];

/** How far ahead the rosters look. */
export const ROSTER_WEEKS = 8;
/** How far back the fairness table looks (besides the year to date). */
export const FAIRNESS_WEEKS = 4;
const WEEK_MS = 7 * 24 * 3600 * 1000;

function cadenceText(rotation: Rotation): string {
  const every = rotation.cadence.every ?? 1;
  const unit = rotation.cadence.unit;
  const period = every === 1 ? (unit === 'week' ? 'Weekly' : 'Daily') : `Every ${every} ${unit}s`;
  const day = rotation.handoff.weekday ? ` ${rotation.handoff.weekday[0]!.toUpperCase()}${rotation.handoff.weekday.slice(1)}` : '';
  return `${period}, hand-off${day} ${rotation.handoff.time} local time (${rotation.timezone})`;
}

/** The shifts of one tier that fall in a hand-off period, regular holders first (per layer for a layered tier). */
function holdersIn(shifts: readonly Shift[], tier: Rotation['tiers'][number], start: number, end: number) {
  const inPeriod = shifts.filter((s) => s.tier === tier.id && s.start.getTime() < end && s.end.getTime() > start);
  const roster = inPeriod.filter((s) => s.source === 'roster');
  const regular = [...new Set(roster.map((s) => s.person))];
  const layers = (tier.layers ?? [])
    .map((layer) => ({ name: layer.name ?? layer.id, people: [...new Set(roster.filter((s) => s.layer === layer.id).map((s) => s.person))] }))
    .filter((layer) => layer.people.length > 0);
  const covers = inPeriod.filter((s) => s.source === 'override');
  return { regular, layers, covers };
}

/**
 * Burden of the rotation's people over the four weeks to the next hand-off and this year to then,
 * shifts as scheduled, for the fairness table. Counting up to `now` would change the page every hour
 * (docs runs hourly and commits what changed); the page changes at each hand-off anyway, and every
 * incident recorded by now falls before the next hand-off.
 */
function fairness(model: RepoModel, rotation: Rotation, now: Date) {
  const organisation = model.policy.organisation?.data;
  const zone = organisation?.timezone ?? rotation.timezone;
  const people = new Map((model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
  const incidents = model.incidents.filter((doc) => rotation.product !== undefined && doc.data.product === rotation.product).map((doc) => doc.data);
  const productRotations = new Map((model.policy.lifecycle?.data.products ?? []).flatMap((p) => (p.rotation ? [[p.id, p.rotation] as const] : [])));
  const base = { rotations: [rotation], people, incidents, productRotations, ...(organisation ? { businessHours: businessCalendar(organisation) } : {}) };
  const clock = handoffClock(rotation);
  const end = DateTime.fromMillis(clock.handoffAt(clock.indexAt(now.getTime()) + 1), { zone });
  const window = computeBurden({ ...base, from: end.minus({ weeks: FAIRNESS_WEEKS }).toJSDate(), to: end.toJSDate() });
  // The year's table shows hours, shares and pages; weekend and night hours are the recent period's.
  const year = computeBurden({ ...base, from: DateTime.fromJSDate(now, { zone }).startOf('year').toJSDate(), to: end.toJSDate(), weekendAndNight: false });
  const rows = window.people
    .filter((b) => b.pool !== undefined)
    .map((b) => {
      const ytd = year.people.find((y) => y.person === b.person);
      return {
        person: b.person,
        hours: b.hours.toFixed(1),
        share: b.share.toFixed(2),
        weekend: b.weekendHours.toFixed(1),
        night: b.nightHours.toFixed(1),
        pages: String(b.pages),
        ytdHours: (ytd?.hours ?? 0).toFixed(1),
        ytdShare: ytd?.pool !== undefined ? ytd.share.toFixed(2) : '',
        ytdPages: String(ytd?.pages ?? 0),
        flags: [...b.flags.map(describeFlag), ...(ytd?.flags ?? []).map((f) => `${describeFlag(f)} this year`)].join('; '),
      };
    });
  return { weeks: FAIRNESS_WEEKS, until: localDateTime(end.toMillis(), rotation.timezone), factor: OUTLIER_FACTOR, rows };
}

/** Time off of the rotation's people in [from, to), never with a private reason. */
function timeOffIn(model: RepoModel, rotation: Rotation, from: number, to: number) {
  const named = new Set(peopleNamedIn(rotation));
  const people = (model.policy.people?.data.people ?? []).filter((p) => named.has(p.id));
  const out: { person: string; from: string; until: string; reason: string }[] = [];
  for (const [person, entries] of timeOffByPerson(people)) {
    for (const entry of entries) {
      if (!(entry.start < to && entry.end > from)) continue;
      out.push({ person, from: localDateTime(entry.start, rotation.timezone), until: localDateTime(entry.end, rotation.timezone), reason: entry.reason ?? '' });
    }
  }
  return out;
}

export function rosterView(model: RepoModel, site: Site, rotation: Rotation, now: Date) {
  const zone = rotation.timezone;
  const clock = handoffClock(rotation);
  const horizon = now.getTime() + ROSTER_WEEKS * WEEK_MS;
  const shifts = expandRotation(rotation, now, new Date(horizon));
  const first = clock.indexAt(now.getTime());
  const last = clock.indexAt(horizon - 1);
  const periods = [];
  for (let k = first; k <= last; k++) {
    const start = clock.handoffAt(k);
    const end = clock.handoffAt(k + 1);
    periods.push({
      from: localDateTime(start, zone),
      until: localDateTime(end, zone),
      current: k === first,
      tiers: rotation.tiers.map((tier) => {
        const { regular, layers, covers } = holdersIn(shifts, tier, start, end);
        return {
          people: regular,
          layers,
          covers: covers.map((c) => ({ person: c.person, from: localDateTime(c.start, zone), until: localDateTime(c.end, zone) })),
        };
      }),
    });
  }
  const overrides = shifts
    .filter((s) => s.source === 'override')
    .map((s) => ({
      tierName: rotation.tiers.find((t) => t.id === s.tier)?.name ?? s.tier,
      person: s.person,
      from: localDateTime(s.start, zone),
      until: localDateTime(s.end, zone),
      reason: s.reason ?? '',
    }));
  const personName = (id: string) => site.people.get(id)?.name ?? id;
  const diagram = gantt(
    `${rotation.name}, next ${ROSTER_WEEKS} weeks (${zone})`,
    rotation.tiers.map((tier) => ({
      name: tier.name,
      tasks: shifts
        .filter((s) => s.tier === tier.id)
        .map((s) => ({ name: personName(s.person), start: ganttTime(Math.max(s.start.getTime(), clock.handoffAt(first)), zone), end: ganttTime(s.end, zone) })),
    })),
  );
  const product = rotation.product ? model.policy.lifecycle?.data.products.find((p) => p.id === rotation.product) : undefined;
  return {
    title: rotation.name,
    weeks: ROSTER_WEEKS,
    rotation,
    zone,
    cadence: cadenceText(rotation),
    product: product ? { name: product.name, rolloutPath: site.paths.rollouts.get(product.id) } : undefined,
    layers: rotation.tiers.flatMap((tier, index) =>
      tier.layers ? layersOf(rotation, index).map((layer) => ({ tierName: tier.name, description: describeLayerClock(layer) })) : [],
    ),
    timeOff: timeOffIn(model, rotation, now.getTime(), horizon),
    fairness: fairness(model, rotation, now),
    tiers: rotation.tiers.map((tier) => {
      const next = tier.escalates_to;
      const nextTier = next?.tier ? rotation.tiers.find((t) => t.id === next.tier) : undefined;
      return {
        ...tier,
        coverageText: `${coverageLabel(tier.coverage)}${tier.layers ? `, ${tier.layers.length} layers` : ''}`,
        responseText: tier.response ? describeDuration(tier.response) : '',
        escalatesToTier: nextTier?.name ?? next?.tier,
        escalatesToRole: next?.role,
      };
    }),
    tierNames: rotation.tiers.map((tier) => tier.name),
    onCallNow: onCallAt(rotation, now).map((shift) => ({
      tierName: `${rotation.tiers.find((t) => t.id === shift.tier)?.name ?? shift.tier}${shift.layer !== undefined ? ` (${shift.layer})` : ''}`,
      person: shift.person,
      since: localDateTime(shift.start, zone),
      until: localDateTime(shift.end, zone),
    })),
    periods,
    overrides,
    diagram,
    checklist: rotation.handoff.checklist,
    noteTemplate: rotation.handoff.note_fields?.length ? `${rotation.handoff.note_fields.map((field) => `${field}:`).join('\n')}\n` : undefined,
    notes: recentNotes(model, rotation, now),
    calendar: site.calendars.find((c) => c.rotation === rotation.id),
    personCalendars: site.calendars.filter((c) => c.person !== undefined && shifts.some((s) => s.person === c.person)),
  };
}

/** How many of a rotation's latest hand-off notes its page shows. */
export const ROSTER_NOTES = 4;

/** The rotation's latest hand-off notes up to `now`, newest first, in the rotation's zone. */
function recentNotes(model: RepoModel, rotation: Rotation, now: Date) {
  const zone = rotation.timezone;
  return model.handoffs
    .map((doc) => doc.data)
    .filter((note) => note.rotation === rotation.id && (instantOf(note.at)?.getTime() ?? Infinity) <= now.getTime())
    .sort((a, b) => instantOf(b.at)!.getTime() - instantOf(a.at)!.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, ROSTER_NOTES)
    .map((note) => ({
      ...note,
      tierName: rotation.tiers.find((t) => t.id === note.tier)?.name ?? note.tier,
      when: localDateTime(instantOf(note.at)!, zone),
    }));
}

/**
 * Roles a person holds at the instant the pages describe: by name (primary, backup, other holder,
 * acting; never after they left), or by being on a rotation's roster (held when on call).
 */
function rolesOf(model: RepoModel, view: PolicyView | undefined, rotationsById: ReadonlyMap<string, Rotation>, personId: string, now: Date): { role: string; as: string }[] {
  const out: { role: string; as: string }[] = [];
  for (const role of model.policy.roles?.data.roles ?? []) {
    const holder = role.holder;
    if (role.holders && view) {
      const held = holdingAt(view, role.id, now).holders.find((h) => h.person === personId);
      if (held) out.push({ role: role.id, as: held.as });
    } else if (holder && 'rotation' in holder) {
      const rotation = rotationsById.get(holder.rotation);
      const inRoster = rotation?.tiers.some((tier) => (holder.tier === undefined || tier.id === holder.tier) && participantsOf(tier).includes(personId));
      if (inRoster) out.push({ role: role.id, as: 'when on call' });
    }
  }
  return out;
}

export function peopleView(model: RepoModel, site: Site, now: Date) {
  const horizon = new Date(now.getTime() + ROSTER_WEEKS * WEEK_MS);
  const shiftsByPerson = new Map<string, { shift: Shift; rotation: Rotation }[]>();
  for (const doc of model.rotations) {
    for (const shift of expandRotation(doc.data, now, horizon)) {
      if (shift.end.getTime() <= now.getTime()) continue;
      let list = shiftsByPerson.get(shift.person);
      if (!list) shiftsByPerson.set(shift.person, (list = []));
      list.push({ shift, rotation: doc.data });
    }
  }
  // Who is in which rotation (and tiers), in one pass: a large organisation has thousands of people.
  const rotationsById = new Map<string, Rotation>();
  const membership = new Map<string, Map<Rotation, string[]>>();
  for (const { data } of model.rotations) {
    if (!rotationsById.has(data.id)) rotationsById.set(data.id, data);
    for (const tier of data.tiers) {
      for (const person of participantsOf(tier)) {
        let ofPerson = membership.get(person);
        if (!ofPerson) membership.set(person, (ofPerson = new Map()));
        let tiers = ofPerson.get(data);
        if (!tiers) ofPerson.set(data, (tiers = []));
        tiers.push(tier.name);
      }
    }
  }
  const view = policyViewOf(model);
  const people = [...site.people.values()].map((person) => {
    const upcoming = (shiftsByPerson.get(person.id) ?? []).sort(
      (a, b) => a.shift.start.getTime() - b.shift.start.getTime() || (a.rotation.id < b.rotation.id ? -1 : a.rotation.id > b.rotation.id ? 1 : 0),
    );
    const next = upcoming[0];
    const rotations = [...(membership.get(person.id) ?? new Map<Rotation, string[]>())].map(([rotation, tiers]) => ({
      id: rotation.id,
      name: rotation.name,
      path: site.paths.rosters.get(rotation.id)!,
      tiers,
    }));
    const nextShift = next
      ? {
          now: next.shift.start.getTime() <= now.getTime(),
          rotationName: next.rotation.name,
          tierName: next.rotation.tiers.find((t) => t.id === next.shift.tier)?.name ?? next.shift.tier,
          from: localDateTime(next.shift.start, person.timezone),
          until: localDateTime(next.shift.end, person.timezone),
        }
      : undefined;
    const contacts = person.contacts as Record<string, string | undefined>;
    const away = timeOffByPerson([person])
      .get(person.id)
      ?.filter((entry) => entry.end > now.getTime() && entry.start < horizon.getTime())
      .map((entry) => ({ from: localDateTime(entry.start, person.timezone), until: localDateTime(entry.end, person.timezone), reason: entry.reason ?? '' }));
    return {
      ...person,
      away: away ?? [],
      teamName: site.teams.get(person.team)?.name ?? person.team,
      roles: rolesOf(model, view, rotationsById, person.id, now),
      rotations,
      nextShift,
      contactList: [
        contacts.slack ? `Slack ${contacts.slack}` : undefined,
        contacts.phone ? `Phone ${contacts.phone}` : undefined,
        contacts.pager ? `Pager ${contacts.pager}` : undefined,
        contacts.email ? `Email ${contacts.email}` : undefined,
      ].filter((c): c is string => c !== undefined),
      calendar: site.calendars.find((c) => c.person === person.id),
    };
  });
  return { title: 'People', weeks: ROSTER_WEEKS, people };
}
