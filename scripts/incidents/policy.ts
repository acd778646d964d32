/**
 * What the policy says about one incident: its severity level, its escalation scenario, who holds a
 * role, and when its post-mortem is due. Pure lookups over the repository model, shared by the
 * rules, the monthly report and the reminders so they never disagree.
 */
import { amendedIncident } from './amended.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { holdersAt } from '../roles/holding.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { businessCalendar, deadlineAfter, type BusinessCalendar } from '../time/business-time.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { instantOf } from './instants.ts';

export type Incident = SchemaTypes['incident'];
export type SeverityLevel = SchemaTypes['severities']['levels'][number];
export type EscalationScenario = NonNullable<SchemaTypes['escalation']['scenarios']>[number];

/** The severity level an incident names, if policy/severities.yaml defines it. */
export function severityLevel(model: RepoModel, id: string): SeverityLevel | undefined {
  return model.policy.severities?.data.levels.find((level) => level.id === id);
}

/** The escalation scenario an incident names, if any and if policy/escalation.yaml defines it. */
export function escalationScenario(model: RepoModel, id: string | undefined): EscalationScenario | undefined {
  if (id === undefined) return undefined;
  return model.policy.escalation?.data.scenarios?.find((scenario) => scenario.id === id);
}

/** Escalation level ranks by level id. */
export function levelRanks(model: RepoModel): Map<string, number> {
  return new Map((model.policy.escalation?.data.levels ?? []).map((level) => [level.id, level.rank]));
}

/**
 * The organisation's business calendar; without a valid policy/organisation.yaml, Monday to Friday
 * 09:00-17:00 UTC, so business-time arithmetic still gives an answer.
 */
export function calendarOf(model: RepoModel): BusinessCalendar {
  const organisation = model.policy.organisation?.data;
  if (organisation) return businessCalendar(organisation);
  return { zone: 'UTC', weekdays: new Set([1, 2, 3, 4, 5]), startMinute: 540, endMinute: 1020, holidays: new Set() };
}

/** The organisation's time zone (reports, dates of ids), UTC without a valid organisation file. */
export function organisationZone(model: RepoModel): string {
  return model.policy.organisation?.data.timezone ?? 'UTC';
}

/**
 * Whether a person holds a role at an instant: for named and on-call roles, who held it then
 * (scripts/roles/holding.ts: the assignment in force and anyone acting; whoever held the rotation
 * tier at that instant); for a role named per incident, the person the incident names (commander,
 * communications lead, technical leads). Undefined when the role is unknown (the reference rule
 * reports that).
 */
export function personHoldsRole(model: RepoModel, roleId: string, person: string, at: Date, incident?: Incident): boolean | undefined {
  const holders = roleHolders(model, roleId, at, incident);
  return holders === undefined ? undefined : holders.includes(person);
}

/** Everyone who holds a role at `at` (see {@link personHoldsRole}), or undefined for an unknown role. */
export function roleHolders(model: RepoModel, roleId: string, at: Date, incident?: Incident): string[] | undefined {
  const role = model.policy.roles?.data.roles.find((r) => r.id === roleId);
  if (!role) return undefined;
  const view = policyViewOf(model);
  if (role.holders || (role.holder && 'rotation' in role.holder)) return view ? holdersAt(view, roleId, at) : [];
  if (!incident) return [];
  const roles = incident.roles;
  const named: Record<string, string[]> = {
    'incident-commander': [roles.commander],
    'communications-lead': roles.communications_lead ? [roles.communications_lead] : [],
    'technical-lead': roles.technical_leads ?? [],
  };
  return named[roleId] ?? [roles.commander, ...(roles.communications_lead ? [roles.communications_lead] : []), ...(roles.technical_leads ?? [])];
}

/** Whether and by when an incident's post-mortem is due. */
export interface PostmortemRequirement {
  required: boolean;
  /** The deadline as policy writes it (48h, 24h, 1w), when one applies. */
  within?: string;
  /** Where the rule comes from, for messages: `severity P0` or `scenario "service-outage"`. */
  source: string;
  /** The instant it is due: `within` after resolution; undefined while unresolved or without a deadline. */
  due?: Date;
}

/**
 * A severity asks for a post-mortem within a deadline (e.g. P0 and P1 within 48 hours); escalation scenarios set
 * their own deadline (24 h for an outage, 48 h for a breach), for every severity or only some. The
 * scenario, being more specific, wins where it applies.
 */
export function postmortemPolicy(model: RepoModel, severity: string, scenarioId?: string): PostmortemRequirement {
  const level = severityLevel(model, severity);
  const scenario = escalationScenario(model, scenarioId);
  const scenarioApplies =
    scenario?.postmortem_within !== undefined &&
    (scenario.postmortem_severities === undefined || scenario.postmortem_severities.includes(severity));
  if (scenarioApplies) return { required: true, within: scenario!.postmortem_within!, source: `scenario "${scenario!.id}"` };
  if (level?.postmortem.required) {
    return { required: true, source: `severity ${level.id}`, ...(level.postmortem.within ? { within: level.postmortem.within } : {}) };
  }
  return { required: false, source: `severity ${severity}` };
}

/** {@link postmortemPolicy} for an incident, with the instant it is due once the incident is resolved. */
export function postmortemRequirement(model: RepoModel, recorded: Incident): PostmortemRequirement {
  const incident = amendedIncident(recorded);
  const requirement = postmortemPolicy(model, incident.severity, incident.scenario);
  const resolved = instantOf(incident.resolved);
  if (requirement.required && resolved && requirement.within) {
    const due = deadlineAfter(calendarOf(model), resolved, requirement.within);
    if (due) requirement.due = due;
  }
  return requirement;
}

const postmortemIndexes = new WeakMap<RepoModel['postmortems'], { length: number; byIncident: Map<string, RepoModel['postmortems']> }>();

/** The post-mortem documents that review an incident (indexed once per model: rules ask for every incident). */
export function postmortemsOf(model: RepoModel, incidentId: string) {
  let index = postmortemIndexes.get(model.postmortems);
  if (!index || index.length !== model.postmortems.length) {
    index = { length: model.postmortems.length, byIncident: new Map() };
    for (const doc of model.postmortems) {
      const list = index.byIncident.get(doc.data.incident);
      if (list) list.push(doc);
      else index.byIncident.set(doc.data.incident, [doc]);
    }
    postmortemIndexes.set(model.postmortems, index);
  }
  return [...(index.byIncident.get(incidentId) ?? [])];
}
