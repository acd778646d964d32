/**
 * The incident messages of policy/communication.yaml (templates marked `incident: start`, `update`
 * or `resolved`) filled in from an incident record, for `new incident` to print: the start message
 * ready to post, the update and resolved messages with what the record already knows. A field the
 * record cannot fill keeps its `{{field}}` mark, so the sender sees what is left to write. Pure.
 */
import { DateTime } from 'luxon';
import type { RepoModel } from '../model/repo-model.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { addDuration } from '../schedule/policy.ts';
import { parseDuration } from '../util/duration.ts';
import { describeMinutes, instantOf, minutesBetween } from './instants.ts';
import { organisationZone, postmortemRequirement } from './policy.ts';

type Incident = SchemaTypes['incident'];
type Template = SchemaTypes['communication']['templates'][number];

export interface IncidentMessage {
  template: string;
  name: string;
  channel?: string;
  text: string;
}

const STAGE_ORDER = { start: 0, update: 1, resolved: 2 } as const;

/** What the record says for each field the example templates use; absent when it does not say. */
function fieldValues(model: RepoModel, incident: Incident, onCall: string | undefined): Record<string, string | undefined> {
  const zone = organisationZone(model);
  const names = new Map((model.policy.people?.data.people ?? []).map((p) => [p.id, p.name]));
  const name = (id: string | undefined) => (id === undefined ? undefined : (names.get(id) ?? id));
  const detected = instantOf(incident.detected);
  const resolved = instantOf(incident.resolved);
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm ZZZZ', { locale: 'en-GB' });
  const every = model.policy.communication?.data.update_every;
  const nextUpdate = detected && every && parseDuration(every) ? new Date(addDuration(detected.getTime(), parseDuration(every)!, zone)) : undefined;
  const product = model.policy.lifecycle?.data.products.find((p) => p.id === incident.product);
  const requirement = postmortemRequirement(model, incident);
  return {
    severity: incident.severity,
    title: incident.title,
    project: product?.name ?? incident.product,
    timestamp: detected ? local(detected) : undefined,
    resolvedAt: resolved ? local(resolved) : undefined,
    impact: incident.impact.summary,
    summary: incident.impact.summary,
    status: incident.status === 'detected' || incident.status === 'acknowledged' ? 'investigating' : incident.status === 'mitigated' ? 'mitigating' : 'resolved',
    on_call: name(onCall ?? incident.roles.commander),
    commander: name(incident.roles.commander),
    next_update: nextUpdate ? local(nextUpdate) : undefined,
    duration: detected && resolved ? describeMinutes(minutesBetween(detected, resolved)) : undefined,
    root_cause: incident.root_cause,
    resolution: incident.resolution,
    postmortem_scheduled: requirement.required ? 'Y' : 'N',
  };
}

/** The incident's start, update and resolved messages, in that order. */
export function incidentMessages(model: RepoModel, incident: Incident, onCall?: string): IncidentMessage[] {
  const values = fieldValues(model, incident, onCall);
  const stage = (t: Template) => (t.incident === undefined ? -1 : STAGE_ORDER[t.incident]);
  return (model.policy.communication?.data.templates ?? [])
    .filter((t) => t.incident !== undefined)
    .sort((a, b) => stage(a) - stage(b))
    .map((template) => {
      // An update is sent later, and the resolved message at resolution: their time is not the detection's.
      const sent = template.incident === 'start' ? {} : { timestamp: template.incident === 'resolved' ? values.resolvedAt : undefined, next_update: undefined };
      const fill: Record<string, string | undefined> = { ...values, ...sent };
      return {
        template: template.id,
        name: template.name,
        ...(template.channel ? { channel: template.channel } : {}),
        text: template.body.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g, (mark, field: string) => fill[field] ?? mark).trimEnd(),
      };
    });
}
