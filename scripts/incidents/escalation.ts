/**
 * What policy/escalation.yaml says about one incident's escalations: which ladders apply, where
 * escalation starts, when the ladder's clock stops, which levels and roles an escalation brought in.
 * Pure lookups over the repository model, shared by the escalation rules.
 */
import type { RepoModel } from '../model/repo-model.ts';
import { rolesHeldBy } from '../roles/holding.ts';
import type { PolicyView } from '../signoffs/holders.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { nominalMinutes, parseDuration } from '../util/duration.ts';
import { instantOf } from './instants.ts';
import { escalationScenario, levelRanks, type Incident } from './policy.ts';

export type Ladder = SchemaTypes['escalation']['ladders'][number];
export type LadderStep = Ladder['steps'][number];
export type Escalation = NonNullable<Incident['escalations']>[number];
type EscalationPolicy = SchemaTypes['escalation'];

/** Statuses an incident reaches only after triage, where the issue has been classified. */
const PAST_TRIAGE: ReadonlySet<string> = new Set(['mitigated', 'resolved', 'closed']);

/** Whether an incident's status says it has been triaged (mitigated, resolved or closed). */
export function isPastTriage(incident: Incident): boolean {
  return PAST_TRIAGE.has(incident.status);
}

/** The ladders an incident follows: the organisation's for its severity, and its product's own. */
export function laddersFor(policy: EscalationPolicy, incident: Incident): Ladder[] {
  return policy.ladders.filter(
    (ladder) =>
      ladder.severity === incident.severity &&
      (ladder.product === undefined || ladder.product === incident.product) &&
      (!ladder.customer_facing_only || incident.customer_facing === true),
  );
}

/**
 * Whether a ladder can be followed as written: its steps come strictly later one after another and
 * never drop to a lower level. A ladder that cannot is reported by the ladder-order rule, and is not
 * held against incidents until it is fixed.
 */
export function ladderIsOrdered(ladder: Ladder, ranks: ReadonlyMap<string, number>): boolean {
  let last = -1;
  let highest = 0;
  for (const step of ladder.steps) {
    const duration = parseDuration(step.after);
    if (!duration || nominalMinutes(duration) <= last) return false;
    last = nominalMinutes(duration);
    const rank = step.level === undefined ? undefined : ranks.get(step.level);
    if (rank !== undefined && rank < highest) return false;
    if (rank !== undefined) highest = rank;
  }
  return true;
}

/** Whether every escalation of an incident names a level the policy knows (reference-exists reports the others). */
export function escalationLevelsKnown(incident: Incident, ranks: ReadonlyMap<string, number>): boolean {
  return (incident.escalations ?? []).every((escalation) => escalation.level === undefined || ranks.has(escalation.level));
}

/**
 * The instant after which an incident needs no further escalation: its mitigated time where the
 * policy stops the ladder at mitigation (falling back to resolved), else its resolved time.
 * Undefined while the incident is still open.
 */
export function ladderStop(policy: EscalationPolicy, incident: Incident): Date | undefined {
  const resolved = instantOf(incident.resolved);
  if (policy.ladder_stops_at === 'mitigated') return instantOf(incident.mitigated) ?? resolved;
  return resolved;
}

/** The rank an incident's escalation starts at: its scenario's start level, else the lowest level. */
export function startRank(model: RepoModel, incident: Incident): number {
  const ranks = levelRanks(model);
  const lowest = Math.min(...[...ranks.values()]);
  const scenario = escalationScenario(model, incident.scenario);
  return scenario ? (ranks.get(scenario.start_level) ?? lowest) : lowest;
}

/** The roles the people an escalation brought in held at its time (policy/roles.yaml and the rotations). */
export function rolesBroughtIn(view: PolicyView | undefined, escalation: Escalation): Set<string> {
  const at = instantOf(escalation.at);
  if (!view || !at || !escalation.to) return new Set();
  return rolesHeldBy(view, escalation.to, at);
}

/**
 * Whether a ladder step asks for an escalation: it brings in a role no earlier step of its ladder
 * named, or (naming no roles) a level above the one the incident starts at. The first step is the
 * responder, and a step that names neither (open a ticket) asks for nothing the record can show.
 */
export function stepNeedsEscalation(ladder: Ladder, index: number, ranks: ReadonlyMap<string, number>, start: number): boolean {
  if (index === 0) return false;
  const step = ladder.steps[index]!;
  if (step.roles && step.roles.length > 0) {
    const earlier = new Set(ladder.steps.slice(0, index).flatMap((s) => s.roles ?? []));
    return step.roles.some((role) => !earlier.has(role));
  }
  if (step.level === undefined) return false;
  return (ranks.get(step.level) ?? 0) > start;
}

/** An incident's escalations in time order, each with the instant it happened and the roles it brought in. */
export interface TimedEscalation {
  index: number;
  at: Date;
  escalation: Escalation;
  roles: ReadonlySet<string>;
}

export function timedEscalations(view: PolicyView | undefined, incident: Incident): TimedEscalation[] {
  return (incident.escalations ?? [])
    .flatMap((escalation, index) => {
      const at = instantOf(escalation.at);
      return at ? [{ index, at, escalation, roles: rolesBroughtIn(view, escalation) }] : [];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
}

/**
 * The escalation that completed a ladder step: for a step naming roles, the one by which every role
 * had been brought in (by it or earlier ones); for a step naming only a level, the first that reached
 * that level or a higher one.
 */
export function escalationMeetingStep(step: LadderStep, escalations: readonly TimedEscalation[], ranks: ReadonlyMap<string, number>): TimedEscalation | undefined {
  if (step.roles && step.roles.length > 0) {
    const seen = new Set<string>();
    for (const timed of escalations) {
      for (const role of timed.roles) seen.add(role);
      if (step.roles.every((role) => seen.has(role))) return timed;
    }
    return undefined;
  }
  const wanted = step.level === undefined ? undefined : ranks.get(step.level);
  if (wanted === undefined) return undefined;
  return escalations.find((timed) => timed.escalation.level !== undefined && (ranks.get(timed.escalation.level) ?? 0) >= wanted);
}
