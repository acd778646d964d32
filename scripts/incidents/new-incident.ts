/**
 * `new incident`: the record a responder starts from, prefilled from policy so it validates as
 * written. Pure: the command reads the repository and the clock, and writes the file.
 */
import { DateTime } from 'luxon';
import { Document } from 'yaml';
import type { RepoModel } from '../model/repo-model.ts';
import { rostersOf } from '../schedule/layers.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { suggestion } from '../util/suggest.ts';
import { formatInstant } from './instants.ts';
import { incidentMessages, type IncidentMessage } from './messages.ts';
import { organisationZone, roleHolders, severityLevel } from './policy.ts';
import { slugify } from './slug.ts';

/** One person on call in one tier of a rotation for a stretch of time (the schedule engine's shape). */
export interface OnCallShift {
  rotation: string;
  tier: string;
  person: string;
  start: Date;
  end: Date;
}

/** Who is on call in a rotation at an instant, every tier (scripts/schedule/on-call.ts). */
export type OnCallAt = (rotation: SchemaTypes['rotation'], instant: Date) => OnCallShift[];

/** The request was impossible (unknown severity, no product, ...): the command exits 2 with the message. */
export class NewRecordError extends Error {}

/** Who is on call for a product, tier by tier (first responder first). */
export interface OnCallPeople {
  rotation: string;
  tiers: { tier: string; person: string }[];
  /** `schedule` when the schedule engine answered, `roster` when the first roster entries stood in. */
  source: 'schedule' | 'roster';
}

/**
 * Who is on call for the product's rotation at `now`: from the schedule engine when it is given,
 * else each tier's first roster participant.
 */
export function onCallFor(model: RepoModel, product: string, now: Date, onCallAt?: OnCallAt): OnCallPeople | undefined {
  const rotationId = model.policy.lifecycle?.data.products.find((p) => p.id === product)?.rotation;
  const rotation = model.rotations.find((doc) => doc.data.id === rotationId)?.data;
  if (!rotation) return undefined;
  if (onCallAt) {
    const shifts = onCallAt(rotation, now);
    const order = rotation.tiers.map((tier) => tier.id);
    const tiers = order
      .map((tier) => shifts.find((shift) => shift.tier === tier))
      .filter((shift): shift is OnCallShift => shift !== undefined)
      .map((shift) => ({ tier: shift.tier, person: shift.person }));
    if (tiers.length > 0) return { rotation: rotation.id, tiers, source: 'schedule' };
  }
  const tiers = rotation.tiers.flatMap((tier, index) => {
    const rosters = rostersOf(tier, index).map((entry) => entry.roster);
    const roster = [...rosters].reverse().find((r) => r.from <= now.toISOString().slice(0, 10)) ?? rosters[0];
    const person = roster?.participants[(roster.offset ?? 0) % Math.max(1, roster.participants.length)];
    return person ? [{ tier: tier.id, person }] : [];
  });
  return { rotation: rotation.id, tiers, source: 'roster' };
}

export interface NewIncidentRequest {
  severity: string;
  title: string;
  product?: string;
  /** The slug, when the title does not give a good one. */
  slug?: string;
  commander?: string;
  communicationsLead?: string;
  now: Date;
}

export interface NewIncidentPlan {
  id: string;
  /** Repository-relative path, incidents/YYYY/<id>.yaml. */
  path: string;
  text: string;
  commander: string;
  communicationsLead?: string;
  /** How the commander was chosen, for the command's output. */
  commanderSource: 'option' | 'schedule' | 'roster';
  /** The communication policy's start, update and resolved messages, filled in from the record. */
  messages: IncidentMessage[];
}

/**
 * The communications lead for a major incident: the named holder of the role that owns client-facing
 * incident communication (policy/communication.yaml external events), else whoever is on call
 * in the second tier.
 */
function defaultCommunicationsLead(model: RepoModel, commander: string, onCall: OnCallPeople | undefined, now: Date): string | undefined {
  const events = model.policy.communication?.data.external ?? [];
  const owner = events.find((event) => /incident/i.test(event.event))?.owner;
  const holders = owner ? (roleHolders(model, owner, now) ?? []) : [];
  const named = holders.find((person) => person !== commander);
  if (named) return named;
  return onCall?.tiers.map((t) => t.person).find((person) => person !== commander);
}

/** Plans the new record: id, path and YAML text. Throws {@link NewRecordError} for impossible requests. */
export function planNewIncident(model: RepoModel, request: NewIncidentRequest, onCallAt?: OnCallAt): NewIncidentPlan {
  const severities = model.policy.severities?.data.levels ?? [];
  const level = severityLevel(model, request.severity);
  if (!level) {
    throw new NewRecordError(`--severity: "${request.severity}" is not a severity in policy/severities.yaml. ${suggestion(request.severity, severities.map((l) => l.id))}`);
  }
  const title = request.title.trim();
  if (title === '') throw new NewRecordError('--title: the title is empty.');
  if (title.length > 4000) throw new NewRecordError('--title: the title is longer than 4000 characters.');

  const products = model.policy.lifecycle?.data.products ?? [];
  let product = request.product;
  if (product === undefined) {
    if (products.length !== 1) throw new NewRecordError(`--product is needed: policy/lifecycle.yaml lists ${products.map((p) => p.id).join(', ')}.`);
    product = products[0]!.id;
  } else if (!products.some((p) => p.id === product)) {
    throw new NewRecordError(`--product: "${product}" is not a product in policy/lifecycle.yaml. ${suggestion(product, products.map((p) => p.id))}`);
  }

  const zone = organisationZone(model);
  const date = DateTime.fromJSDate(request.now, { zone }).toISODate()!;
  const slug = request.slug ?? slugify(title);
  if (!/^[a-z0-9][a-z0-9-]{0,50}$/.test(slug)) {
    throw new NewRecordError(
      request.slug !== undefined
        ? `--slug: "${request.slug}" is not 1 to 51 lower-case letters, digits and hyphens.`
        : '--title: the title has no letters or digits to make an id from; pass --slug <slug>.',
    );
  }
  const id = `${date}-${slug}`;

  const people = new Set((model.policy.people?.data.people ?? []).map((p) => p.id));
  for (const [option, person] of [['--commander', request.commander], ['--communications-lead', request.communicationsLead]] as const) {
    if (person !== undefined && !people.has(person)) throw new NewRecordError(`${option}: "${person}" is not a person in policy/people.yaml. ${suggestion(person, [...people])}`);
  }
  const onCall = onCallFor(model, product, request.now, onCallAt);
  const commander = request.commander ?? onCall?.tiers[0]?.person;
  if (!commander) throw new NewRecordError(`Nobody is on call for ${product} to take the incident; pass --commander <person>.`);
  const commanderSource = request.commander !== undefined ? 'option' : onCall!.source;
  const communicationsLead = level.major ? (request.communicationsLead ?? defaultCommunicationsLead(model, commander, onCall, request.now)) : request.communicationsLead;

  const pattern = model.policy.communication?.data.incident_channel_pattern;
  const detected = formatInstant(request.now, zone);
  const record: Record<string, unknown> = {
    id,
    title,
    product,
    severity: level.id,
    status: 'detected',
    detected,
    ...(pattern ? { channel: pattern.replace('{date}', date).replace('{slug}', slug) } : {}),
    impact: { summary: 'Not assessed yet: say who is affected and how as soon as it is known.', downtime: false },
    roles: { commander, ...(communicationsLead ? { communications_lead: communicationsLead } : {}) },
    timeline: [{ at: detected, event: `Incident declared: ${level.id} (${level.name}); ${commander} is incident commander`, by: commander }],
  };
  const document = new Document(record);
  const text = `# yaml-language-server: $schema=../../schemas/incident.schema.json\n${document.toString({ lineWidth: 0 })}`;
  return {
    id,
    path: `incidents/${date.slice(0, 4)}/${id}.yaml`,
    text,
    commander,
    commanderSource,
    ...(communicationsLead ? { communicationsLead } : {}),
    messages: incidentMessages(model, record as unknown as SchemaTypes['incident'], onCall?.tiers[0]?.person),
  };
}
