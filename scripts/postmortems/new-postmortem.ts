/**
 * `new postmortem`: a draft post-mortem for an incident, with front matter, every section the
 * organisation's template (policy/severities.yaml postmortem_template) requires for the incident's
 * severity, and what the incident record already says in the sections the template fills from it
 * (summary, impact, root cause, the timeline as a table). Other sections carry a short prompt. Pure.
 */
import { amendedIncident } from '../incidents/amended.ts';
import { DateTime } from 'luxon';
import { markdownTable } from 'markdown-table';
import { Document } from 'yaml';
import { describeMinutes, instantOf, minutesBetween } from '../incidents/instants.ts';
import { NewRecordError } from '../incidents/new-incident.ts';
import { organisationZone, severityLevel } from '../incidents/policy.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { escapeMarkdownInline } from '../report/markdown-escape.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { suggestion } from '../util/suggest.ts';
import { requiredFor, templateOf, type Fill } from './template.ts';
import { zoneAbbreviation } from '../time/zone-abbreviation.ts';

export interface NewPostmortemPlan {
  /** Repository-relative path, docs/incidents/<id>.md. */
  path: string;
  text: string;
}

/** The incident's timeline as a GFM table, times in the organisation's zone. */
export function timelineTable(incident: SchemaTypes['incident'], zone: string, names: ReadonlyMap<string, string>): string {
  const entries = incident.timeline.map((entry) => ({ entry, at: DateTime.fromISO(entry.at, { setZone: true }).setZone(zone) }));
  const abbreviations = new Set(entries.map(({ at }) => zoneAbbreviation(at)));
  const dates = new Set(entries.map(({ at }) => at.toISODate()));
  const sameDay = dates.size === 1 && abbreviations.size === 1;
  const header = sameDay ? `Time (${[...abbreviations][0]})` : `Time (${zone})`;
  const rows = entries.map(({ entry, at }) => [
    sameDay ? at.toFormat('HH:mm') : `${at.toFormat('yyyy-MM-dd HH:mm')} ${zoneAbbreviation(at)}`,
    escapeMarkdownInline(entry.event),
    entry.by ? escapeMarkdownInline(names.get(entry.by) ?? entry.by) : '',
  ]);
  return markdownTable([[header, 'Event', 'By'], ...rows], { alignDelimiters: false });
}

function summaryOf(model: RepoModel, incident: SchemaTypes['incident'], zone: string): string {
  const level = severityLevel(model, incident.severity);
  const detected = DateTime.fromISO(incident.detected, { setZone: true }).setZone(zone);
  const when = (at: DateTime) => `${at.setLocale('en-GB').toFormat('d LLLL yyyy')} at ${at.toFormat('HH:mm')} ${zoneAbbreviation(at)}`;
  const parts = [`A ${incident.severity}${level ? ` (${level.name})` : ''} incident, detected on ${when(detected)}.`];
  const resolvedAt = instantOf(incident.resolved);
  const detectedAt = instantOf(incident.detected)!;
  if (resolvedAt) {
    const resolved = DateTime.fromJSDate(resolvedAt, { zone });
    parts.push(`It was resolved on ${when(resolved)}: ${describeMinutes(minutesBetween(detectedAt, resolvedAt))} in all.`);
  } else {
    parts.push('It is not resolved yet.');
  }
  if (incident.resolution) parts.push(`Resolution: ${escapeMarkdownInline(incident.resolution)}`);
  return parts.join(' ');
}

function impactOf(incident: SchemaTypes['incident'], zone: string): string {
  const lines = [escapeMarkdownInline(incident.impact.summary)];
  const facts: string[] = [];
  if (incident.impact.clients !== undefined) facts.push(`Clients affected: ${incident.impact.clients}.`);
  const start = instantOf(incident.impact.start ?? incident.detected);
  const end = instantOf(incident.impact.end ?? incident.mitigated ?? incident.resolved);
  if (start && end) {
    const format = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');
    facts.push(`Impact window: ${format(start)} to ${format(end)} (${zone}), ${describeMinutes(minutesBetween(start, end))}${incident.impact.downtime ? ' of downtime' : ''}.`);
  }
  if (incident.customer_facing !== undefined) facts.push(incident.customer_facing ? 'Customer-facing.' : 'Internal only.');
  if (facts.length > 0) lines.push('', facts.join(' '));
  return lines.join('\n');
}

/** Plans the draft post-mortem for `incidentId`. Throws {@link NewRecordError} if the incident is unknown. */
export function planNewPostmortem(model: RepoModel, incidentId: string): NewPostmortemPlan {
  const doc = model.incidents.find((d) => d.data.id === incidentId);
  if (!doc) {
    const known = model.incidents.map((d) => d.data.id);
    const invalid = model.files.some((f) => f.kind === 'incident' && f.path.endsWith(`/${incidentId}.yaml`));
    throw new NewRecordError(
      invalid
        ? `--incident: the record of "${incidentId}" has errors; run \`npm run oncall -- validate\` and fix it first.`
        : `--incident: "${incidentId}" is not an incident in incidents/. ${suggestion(incidentId, known)}`,
    );
  }
  const incident = amendedIncident(doc.data);
  const zone = organisationZone(model);
  const names = new Map((model.policy.people?.data.people ?? []).map((p) => [p.id, p.name]));
  const authors = [incident.roles.commander];
  const template = templateOf(model);
  if (!template) throw new NewRecordError('policy/severities.yaml has errors, so its postmortem_template cannot be read; run `npm run oncall -- validate` and fix it first.');
  const frontMatter = new Document({ incident: incident.id, title: incident.title, severity: incident.severity, authors, status: 'draft', action_items: [] });
  (frontMatter.get('authors', true) as { flow?: boolean }).flow = true;
  const filled: Record<Fill, () => string> = {
    summary: () => summaryOf(model, incident, zone),
    impact: () => impactOf(incident, zone),
    'root-cause': () => (incident.root_cause ? escapeMarkdownInline(incident.root_cause) : ''),
    timeline: () => timelineTable(incident, zone, names),
    'action-items': () => '',
  };
  const sections = template
    .filter((section) => requiredFor(section, incident.severity))
    .map((section) => `## ${section.title}\n\n${(section.fill ? filled[section.fill]() : '') || section.prompt}\n`);
  const text = [
    '---',
    frontMatter.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd(),
    '---',
    '',
    `# Post-mortem: ${escapeMarkdownInline(incident.title)}`,
    '',
    sections.join('\n'),
  ].join('\n');
  return { path: `docs/incidents/${incident.id}.md`, text };
}
