/**
 * The view of one incident's page: the record as people read it, with times in the organisation's
 * zone and durations against the severity's targets, its roles, timeline, escalations, kill-switch
 * activations and post-mortem. The index links here instead of to the record's YAML.
 */
import type { Doc, RepoModel } from '../../model/repo-model.ts';
import { describeMinutes, instantOf, minutesBetween } from '../../incidents/instants.ts';
import type { SchemaTypes } from '../../types/schema-types.ts';
import { localDateTime } from '../format.ts';
import type { Site } from '../site.ts';
import { STATUS_WORDS } from './records.ts';

type Incident = SchemaTypes['incident'];

/** "09:47 (5 min after detection)" for a stage of the incident, or undefined when not reached. */
function stageTime(text: string | undefined, detected: Date, zone: string): string | undefined {
  const at = instantOf(text);
  if (!at) return undefined;
  const minutes = minutesBetween(detected, at);
  return minutes > 0 ? `${localDateTime(at, zone)} (${describeMinutes(minutes)} after detection)` : localDateTime(at, zone);
}

/**
 * One incident page's view. `record` is the full record (docs keeps only the index's fields of
 * each incident in memory and reads the rest page by page); `doc` is the incident in the model.
 */
export function incidentPageView(model: RepoModel, site: Site, doc: Doc<'incident'>, record: Incident, postmortemPath: string | undefined) {
  const zone = site.zone;
  const detected = instantOf(record.detected)!;
  const resolved = instantOf(record.resolved);
  const level = (model.policy.severities?.data.levels ?? []).find((l) => l.id === record.severity);
  return {
    title: record.title,
    id: record.id,
    zone,
    recordPath: doc.file.path,
    severityText: level ? `${record.severity} (${level.name})` : record.severity,
    status: STATUS_WORDS[record.status] ?? record.status,
    product: record.product,
    scenario: record.scenario,
    classification: record.classification,
    customerFacing: record.customer_facing === undefined ? undefined : record.customer_facing ? 'yes' : 'no',
    channel: record.channel,
    detected: localDateTime(detected, zone),
    acknowledged: stageTime(record.acknowledged, detected, zone),
    mitigated: stageTime(record.mitigated, detected, zone),
    resolved: stageTime(record.resolved, detected, zone),
    // An ongoing incident's length is left out: pages change when the incident does, not every minute.
    duration: resolved ? describeMinutes(minutesBetween(detected, resolved)) : 'ongoing',
    leadershipNotified: stageTime(record.leadership_notified, detected, zone),
    roles: record.roles,
    impact: record.impact
      ? {
          ...record.impact,
          window: record.impact.start ? `${localDateTime(instantOf(record.impact.start)!, zone)} to ${record.impact.end ? localDateTime(instantOf(record.impact.end)!, zone) : 'ongoing'}` : undefined,
          downtimeText: record.impact.downtime === undefined ? undefined : record.impact.downtime ? 'yes' : 'no',
        }
      : undefined,
    timeline: (record.timeline ?? []).map((entry) => ({ ...entry, when: localDateTime(instantOf(entry.at)!, zone) })),
    escalations: (record.escalations ?? []).map((entry) => ({ ...entry, when: localDateTime(instantOf(entry.at)!, zone) })),
    killSwitch: (record.kill_switch ?? []).map((entry) => ({
      ...entry,
      when: entry.at ? localDateTime(instantOf(entry.at)!, zone) : undefined,
      approvers: typeof entry.approval === 'object' ? entry.approval.by : [],
      resumedWhen: entry.resumed ? localDateTime(instantOf(entry.resumed)!, zone) : undefined,
    })),
    rootCause: record.root_cause,
    resolution: record.resolution,
    postmortemPath,
  };
}
