/**
 * `oncall now`: who is on call at this moment (or `--at` another), per rotation and tier, since and
 * until when in the rotation's zone and the reader's, how to reach them, and who comes next on the
 * escalation ladder.
 */
import { DateTime } from 'luxon';
import type { RepoModel } from '../model/repo-model.ts';
import { businessCalendar } from '../time/business-time.ts';
import { coverageLabel, dutyAt, heldAtEveryInstant, type Coverage } from '../schedule/business-hours.ts';
import { humanInZone } from '../schedule/local-time.ts';
import { holdingAt } from '../roles/holding.ts';
import { describeLayerClock } from '../schedule/describe.ts';
import { compileRotation, layerStart } from '../schedule/expand.ts';
import { layersOf } from '../schedule/layers.ts';
import { onCallAt } from '../schedule/on-call.ts';
import { awayDuring, describeTimeOff, timeOffByPerson } from '../schedule/time-off.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import type { Shift } from '../schedule/types.ts';
import { parseInstant } from '../schedule/window.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { describeDuration } from '../util/duration.ts';
import { isIanaZone } from '../util/timezones.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, organisationZone, reportProblems, resolveDataFormat, shiftJson, textTable, usageOnWindowError } from './schedule.ts';

type Rotation = SchemaTypes['rotation'];
type Person = SchemaTypes['people']['people'][number];
type Contact = 'pager' | 'phone' | 'slack' | 'email';

export interface NowOptions {
  root?: string;
  now?: string;
  at?: string;
  rotation?: string;
  format?: string;
  tz?: string;
}

const CONTACT_ORDER: readonly Contact[] = ['pager', 'phone', 'slack', 'email'];

/** The reader's zone: `--tz`, else $TZ, else the platform's. */
function readerZone(tz: string | undefined, io: CommandIO): string {
  if (tz !== undefined) {
    if (!isIanaZone(tz)) throw new UsageError(`--tz: "${tz}" is not an IANA time zone (e.g. Europe/Berlin).`);
    return tz;
  }
  const fromEnv = io.env.TZ;
  if (fromEnv && isIanaZone(fromEnv)) return fromEnv;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function contactLine(person: Person | undefined, prefer?: readonly (Contact | undefined)[]): string {
  if (!person) return '';
  const contacts = person.contacts ?? {};
  const order = [...(prefer ?? []).filter((c): c is Contact => c !== undefined), ...CONTACT_ORDER];
  const seen = new Set<Contact>();
  const parts: string[] = [];
  for (const kind of order) {
    if (seen.has(kind)) continue;
    seen.add(kind);
    const value = contacts[kind];
    if (value) parts.push(`${kind} ${value}`);
  }
  return parts.join(', ');
}

function personLabel(id: string, people: Map<string, Person>): string {
  const person = people.get(id);
  return person ? `${person.name} (${id})` : id;
}

function withContacts(id: string, people: Map<string, Person>, prefer?: readonly (Contact | undefined)[]): string {
  const contacts = contactLine(people.get(id), prefer);
  return contacts ? `${personLabel(id, people)}: ${contacts}` : personLabel(id, people);
}

/** Who the tier escalates to, as a line: another tier's holder now, or a role's holders. */
function nextStep(rotation: Rotation, tier: Rotation['tiers'][number], onCall: Shift[], model: RepoModel, people: Map<string, Person>, at: Date): string | undefined {
  const target = tier.escalates_to;
  if (target?.tier !== undefined) {
    const next = rotation.tiers.find((t) => t.id === target.tier);
    const holder = onCall.find((s) => s.tier === target.tier);
    const after = tier.response ? ` (if no response within ${describeDuration(tier.response)})` : '';
    return `${next?.name ?? target.tier}${after}: ${holder ? withContacts(holder.person, people) : 'nobody on call'}`;
  }
  const roleId = target?.role ?? nextLadderRole(rotation, model);
  if (roleId === undefined) return undefined;
  const role = model.policy.roles?.data.roles.find((r) => r.id === roleId);
  const view = policyViewOf(model);
  if (!role || !view) return roleId;
  const prefer = [role.contact?.primary, role.contact?.backup];
  // Who holds it at this instant: a person who has left never shows as someone to call.
  const holding = holdingAt(view, roleId, at);
  if (holding.kind === 'per-incident') return `${role.name}: named in the incident record`;
  if (holding.holders.length === 0) {
    const gone = holding.vacated.map((v) => `${personLabel(v.person, people)} left on ${v.left}`).join('; ');
    return `${role.name}: nobody ${holding.kind === 'rotation' ? 'on call' : 'holds it'}${gone ? ` (${gone}; policy/roles.yaml needs a new assignment)` : ''}`;
  }
  const parts = holding.holders.map((h, i) => {
    const as = h.as === 'on call' || (i === 0 && h.as === 'primary') ? '' : h.as === 'acting' ? `acting (${h.detail ?? ''}) ` : `${h.as} `;
    return `${as}${withContacts(h.person, people, prefer)}`;
  });
  return `${role.name}: ${parts.join('; ')}`;
}

/**
 * With no explicit escalation on the last tier, the organisation's ladder decides: the first role of
 * the level ranked after the one the rotation's on-call roles belong to.
 */
function nextLadderRole(rotation: Rotation, model: RepoModel): string | undefined {
  const roles = model.policy.roles?.data.roles ?? [];
  const levels = [...(model.policy.escalation?.data.levels ?? [])].sort((a, b) => a.rank - b.rank);
  const onCallRoles = new Set(roles.filter((r) => r.holder !== undefined && 'rotation' in r.holder && r.holder.rotation === rotation.id).map((r) => r.id));
  const current = levels.findIndex((level) => level.roles.some((r) => onCallRoles.has(r)));
  if (current < 0) return undefined;
  return levels[current + 1]?.roles[0];
}

/** The product's most severe timed ladder (policy/escalation.yaml), step by step. */
function ladderLine(rotation: Rotation, model: RepoModel): string | undefined {
  if (rotation.product === undefined) return undefined;
  const ladder = model.policy.escalation?.data.ladders.find((l) => l.product === rotation.product);
  if (!ladder) return undefined;
  const steps = ladder.steps.map((step) => {
    const after = describeDuration(step.after);
    return `${after === 'immediately' ? 'at once' : `after ${after}`}: ${step.action}`;
  });
  return `Escalation ladder ${ladder.severity} (${ladder.id}): ${steps.join('; ')}.`;
}

/** For a tier covered in business hours: the hours, and whether its holder is on duty, on call or off now. */
function describeBusinessHours(model: RepoModel, coverage: Coverage, at: Date): string {
  const organisation = model.policy.organisation?.data;
  const label = coverageLabel(coverage).toLowerCase();
  if (!organisation) return label;
  const hours = businessCalendar(organisation);
  const names = organisation.business_hours.days.map((d) => `${d[0]!.toUpperCase()}${d.slice(1, 3)}`);
  const state = {
    'on-duty': 'within business hours now: on duty',
    'on-call': 'outside business hours now: on call, page them',
    off: 'outside business hours now: by arrangement',
  }[dutyAt(coverage, at.getTime(), hours)];
  return `${label}: business hours ${names.join(', ')} ${organisation.business_hours.start}-${organisation.business_hours.end} ${hours.zone}; ${state}`;
}

/** A layer for people: its name, zone, hand-off and windows. */
function describeLayer(rotation: Rotation, tier: Rotation['tiers'][number], layerId: string): string {
  const layer = layersOf(rotation, rotation.tiers.indexOf(tier)).find((l) => l.id === layerId);
  return layer ? describeLayerClock(layer) : layerId;
}

/** Runs `oncall now`; exit 0, or 1 when a file it needs has errors (what could be read is still shown). */
export async function runNow(options: NowOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const format = resolveDataFormat(options.format);
  const reader = readerZone(options.tz, io);
  const data = await loadScheduleData(root, options.rotation);
  const at = options.at !== undefined ? usageOnWindowError(() => parseInstant('--at', options.at!, organisationZone(data.model))) : resolveNow(options.now);

  if (format === 'json') {
    const shifts = data.rotations.flatMap((rotation) => onCallAt(rotation, at).map((s) => shiftJson(s, rotation.timezone, false)));
    io.stdout(`${JSON.stringify(shifts, null, 2)}\n`);
    return reportProblems(data, io);
  }

  const people = new Map((data.model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
  const timeOff = timeOffByPerson([...people.values()]);
  const blocks: string[] = [`On call at ${humanInZone(at, reader)} (${reader})`];
  for (const rotation of data.rotations) {
    const zone = rotation.timezone;
    const onCall = onCallAt(rotation, at);
    const rows: string[][] = [];
    const compiled = compileRotation(rotation);
    for (const tier of rotation.tiers) {
      const shift = onCall.find((s) => s.tier === tier.id);
      if (!shift) {
        const starts = Math.min(...compiled.tiers.find((t) => t.id === tier.id)!.layers.map(layerStart));
        const override = compiled.tiers.find((t) => t.id === tier.id)!.overrides.find((o) => o.start > at.getTime());
        const first = Math.min(starts, override?.start ?? Infinity);
        if (first > at.getTime()) rows.push([tier.name, Number.isFinite(first) ? `not started yet: first on call ${humanInZone(first, zone)}` : 'not started yet: no roster']);
        else rows.push([tier.name, heldAtEveryInstant(tier.coverage) ? 'nobody on call (coverage gap)' : 'nobody']);
        continue;
      }
      const lines = [personLabel(shift.person, people)];
      if (shift.layer !== undefined) lines.push(`layer: ${describeLayer(rotation, tier, shift.layer)}`);
      if (shift.source === 'override') lines.push(`override: ${shift.reason ?? ''}`.trimEnd());
      const away = awayDuring(timeOff, shift.person, { start: at.getTime(), end: at.getTime() + 1 });
      if (away) lines.push(`${describeTimeOff(away, people.get(shift.person)?.timezone ?? zone)}: find cover (oncall cover ${shift.person} --from ... --to ...)`);
      lines.push(`since ${humanInZone(shift.start, zone)}, until ${humanInZone(shift.end, zone)}`);
      if (reader !== zone) lines.push(`your time (${reader}): since ${humanInZone(shift.start, reader)}, until ${humanInZone(shift.end, reader)}`);
      if (tier.coverage !== 'always') lines.push(describeBusinessHours(data.model, tier.coverage, at));
      const contacts = contactLine(people.get(shift.person));
      const response = tier.response ? `respond within ${describeDuration(tier.response)}` : '';
      const reach = [response, contacts].filter(Boolean).join('; ');
      if (reach) lines.push(reach);
      const next = nextStep(rotation, tier, onCall, data.model, people, at);
      if (next) lines.push(`next: ${next}`);
      lines.forEach((line, i) => rows.push([i === 0 ? tier.name : '', line]));
    }
    const title = `${rotation.id}: ${rotation.name} (${zone}, ${DateTime.fromJSDate(at, { zone }).toFormat('HH:mm ZZ', { locale: 'en-GB' })} there)`;
    const ladder = ladderLine(rotation, data.model);
    blocks.push(`${title}\n${textTable(['Tier', 'On call'], rows)}${ladder ? `\n${ladder}` : ''}`);
  }
  if (data.rotations.length === 0) blocks.push('No rotations in rotations/.');
  io.stdout(`${blocks.join('\n\n')}\n`);
  return reportProblems(data, io);
}
