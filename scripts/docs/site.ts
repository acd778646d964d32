/**
 * The generated site: which pages exist for a repository and where each lives. Paths are decided
 * here only, so pages link to each other through one table and a link can never point to a page
 * that is not generated.
 */
import type { RepoModel } from '../model/repo-model.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

export type Person = SchemaTypes['people']['people'][number];
export type Role = SchemaTypes['roles']['roles'][number];
export type Team = SchemaTypes['people']['teams'][number];

/** Where every generated page lives (repository-relative). Optional pages exist only with their source. */
export interface SitePaths {
  index: string;
  people: string;
  incidents: string;
  actionItems: string;
  codeowners: string;
  lifecycle?: string;
  roles?: string;
  raci?: string;
  severities?: string;
  escalation?: string;
  killSwitch?: string;
  approvals?: string;
  communication?: string;
  onCall?: string;
  /** Roster page per rotation id. */
  rosters: Map<string, string>;
  /** Sign-off page per rollout (product) id. */
  rollouts: Map<string, string>;
  /** Page per incident id, rendered from its record. */
  incidentPages: Map<string, string>;
}

/** A calendar file the rosters link to: repository path, and whose shifts it holds. */
export interface CalendarLink {
  path: string;
  /** Rotation id, for a rotation's calendar. */
  rotation?: string;
  /** Person id, for a person's calendar. */
  person?: string;
}

/** What every template can reach besides its own page's view. */
export interface Site {
  organisation: string;
  /** The organisation's zone: incident times and the index are shown in it. */
  zone: string;
  people: Map<string, Person>;
  roles: Map<string, Role>;
  teams: Map<string, Team>;
  paths: SitePaths;
  calendars: readonly CalendarLink[];
  /** Repository files that exist (data files, post-mortems), so links to them are only made when they resolve. */
  files: ReadonlySet<string>;
}

/** Generated pages live beside, never inside, docs/incidents/, where post-mortems are written by hand. */
export const PAGE_PATHS = {
  index: 'docs/README.md',
  people: 'docs/people.md',
  incidents: 'docs/incident-index.md',
  actionItems: 'docs/action-items.md',
  codeowners: '.github/CODEOWNERS',
  lifecycle: 'docs/policy/lifecycle.md',
  roles: 'docs/policy/roles.md',
  raci: 'docs/policy/raci.md',
  severities: 'docs/policy/severities.md',
  escalation: 'docs/policy/escalation.md',
  killSwitch: 'docs/policy/kill-switch.md',
  approvals: 'docs/policy/sign-offs.md',
  communication: 'docs/policy/communication.md',
  onCall: 'docs/policy/on-call.md',
} as const;

export function rosterPath(rotationId: string): string {
  return `docs/rosters/${rotationId}.md`;
}

/** An incident's page, in the folder of the year its id starts with, as its record is. */
export function incidentPagePath(incidentId: string): string {
  return `docs/incident-records/${incidentId.slice(0, 4)}/${incidentId}.md`;
}

export function rolloutPath(productId: string): string {
  return `docs/rollouts/${productId}.md`;
}

/** The site for a model: a policy page exists when its policy file is valid. */
export function buildSite(model: RepoModel, calendars: readonly CalendarLink[]): Site {
  const policy = model.policy;
  const paths: SitePaths = {
    index: PAGE_PATHS.index,
    people: PAGE_PATHS.people,
    incidents: PAGE_PATHS.incidents,
    actionItems: PAGE_PATHS.actionItems,
    codeowners: PAGE_PATHS.codeowners,
    rosters: new Map(model.rotations.map((doc) => [doc.data.id, rosterPath(doc.data.id)])),
    rollouts: new Map(),
    incidentPages: new Map(model.incidents.map((doc) => [doc.data.id, incidentPagePath(doc.data.id)])),
  };
  if (policy.lifecycle) paths.lifecycle = PAGE_PATHS.lifecycle;
  if (policy.roles) paths.roles = PAGE_PATHS.roles;
  if (policy.raci) paths.raci = PAGE_PATHS.raci;
  if (policy.severities) paths.severities = PAGE_PATHS.severities;
  if (policy.escalation) paths.escalation = PAGE_PATHS.escalation;
  if (policy['kill-switch']) paths.killSwitch = PAGE_PATHS.killSwitch;
  if (policy.approvals) paths.approvals = PAGE_PATHS.approvals;
  if (policy.communication) paths.communication = PAGE_PATHS.communication;
  if (policy.organisation) paths.onCall = PAGE_PATHS.onCall;
  const rollouts = [...new Set(model.signoffs.map((doc) => doc.data.rollout))].sort();
  for (const rollout of rollouts) paths.rollouts.set(rollout, rolloutPath(rollout));

  const people = policy.people?.data;
  return {
    organisation: policy.organisation?.data.name ?? 'On-call and incident governance',
    zone: policy.organisation?.data.timezone ?? 'UTC',
    people: new Map((people?.people ?? []).map((p) => [p.id, p])),
    roles: new Map((policy.roles?.data.roles ?? []).map((r) => [r.id, r])),
    teams: new Map((people?.teams ?? []).map((t) => [t.id, t])),
    paths,
    calendars,
    files: new Set(model.files.map((f) => f.path)),
  };
}
