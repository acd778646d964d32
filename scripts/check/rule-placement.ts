/**
 * Where each rule can run when validation is spread over worker threads and cached file by file.
 * A rule's place says what its findings depend on:
 *
 * - `document`: the findings on a document depend only on that document, the context (the policy
 *   files and the rotations), the ids the repository defines, and the time. Such a rule can run on
 *   any batch of documents beside the context, and its findings on a record can be kept with that
 *   record in the cache.
 * - `context`: the rule reads only the context and reports only on it (the schedule checks).
 * - `global`: anything else: the rule reads records across files (sign-off histories, post-mortems
 *   of incidents, duplicate ids) or the base revision. It runs once, over the whole repository.
 *
 * A rule missing from this table is treated as global, which is always correct; tests/cache checks
 * that every rule is placed, so a new rule gets the right place (and speed) on purpose.
 */
import type { Rule } from '../rules/rule.ts';
import type { KindId } from '../schema/kinds.ts';

export type RulePlacement = 'document' | 'context' | 'global';

export const RULE_PLACEMENT: Readonly<Record<string, RulePlacement>> = {
  'approvals-path-pattern': 'context',
  'blameless-language': 'document',
  'coverage-gap': 'context',
  'double-booking': 'context',
  'file-name-matches-id': 'document',
  'handoff-note': 'document',
  'history-append-only': 'global',
  'incident-classification-required': 'document',
  'incident-classification-routing': 'global',
  'incident-escalation-handoff': 'document',
  'incident-acknowledgement-sla': 'document',
  'incident-channel': 'document',
  'incident-amendments': 'document',
  'incident-escalation-ladder': 'document',
  'incident-escalation-timing': 'document',
  'incident-escalation-triggers': 'document',
  'incident-kill-switch-authority': 'document',
  'incident-kill-switch-duration': 'document',
  'incident-kill-switch-fields': 'document',
  'incident-kill-switch-notification': 'document',
  'incident-kill-switch-resume': 'document',
  'incident-leadership-notified': 'document',
  'incident-roles-required': 'document',
  'incident-times-ordered': 'document',
  'incident-update-cadence': 'document',
  'ladder-order': 'context',
  'maintenance-notice': 'context',
  'layer-overlap': 'context',
  'no-placeholders': 'document',
  'on-call-limits': 'context',
  'override-overlap': 'context',
  'participant-active': 'context',
  'policy-review-due': 'context',
  'person-github-id': 'context',
  'post-handoff-on-call': 'global',
  'postmortem-action-items': 'document',
  'postmortem-due': 'global',
  'postmortem-sections': 'document',
  'postmortem-timeline-ordered': 'document',
  'postmortem-severity': 'global',
  'production-coverage': 'context',
  'raci-accountable': 'context',
  'reference-exists': 'document',
  'role-assignment-dates': 'context',
  'role-backup-differs': 'context',
  'rotation-handoff-policy': 'context',
  'role-backup-required': 'context',
  'role-history': 'global',
  'role-holder-active': 'context',
  'rotation-history': 'global',
  'rule-config': 'context',
  'schema-modeline': 'document',
  'sensitive-data': 'document',
  'signoff-authority': 'document',
  'signoff-ga-confirmations': 'document',
  'signoff-rollback-form': 'document',
  'signoff-signer-role': 'document',
  'signoff-transition': 'global',
  'signoff-veto': 'document',
  'stage-on-call-team': 'global',
  'tier-exists': 'context',
  'tier-requirements': 'context',
  'time-off-conflict': 'context',
  'unique-ids': 'global',
  'yaml-comment-in-text': 'document',
};

/**
 * The record kinds each document rule reports on. A batch of records of one kind runs only the
 * document rules that report on that kind (every document rule runs over the context files).
 */
export const DOCUMENT_RULE_RECORDS: Readonly<Record<string, readonly KindId[]>> = {
  'blameless-language': ['incident', 'postmortem'],
  'incident-classification-required': ['incident'],
  'incident-escalation-handoff': ['incident'],
  'file-name-matches-id': ['incident', 'signoff', 'postmortem', 'handoff'],
  'handoff-note': ['handoff'],
  'incident-acknowledgement-sla': ['incident'],
  'incident-channel': ['incident'],
  'incident-amendments': ['incident'],
  'incident-escalation-ladder': ['incident'],
  'incident-escalation-timing': ['incident'],
  'incident-escalation-triggers': ['incident'],
  'incident-kill-switch-authority': ['incident'],
  'incident-kill-switch-duration': ['incident'],
  'incident-kill-switch-fields': ['incident'],
  'incident-kill-switch-notification': ['incident'],
  'incident-kill-switch-resume': ['incident'],
  'incident-leadership-notified': ['incident'],
  'incident-roles-required': ['incident'],
  'incident-times-ordered': ['incident'],
  'incident-update-cadence': ['incident'],
  'no-placeholders': ['incident', 'signoff', 'postmortem', 'handoff'],
  'postmortem-action-items': ['postmortem'],
  'postmortem-sections': ['postmortem'],
  'postmortem-timeline-ordered': ['postmortem'],
  'reference-exists': ['incident', 'signoff', 'postmortem', 'handoff'],
  'schema-modeline': ['incident', 'signoff', 'handoff'],
  'sensitive-data': ['incident', 'postmortem', 'handoff'],
  'signoff-authority': ['signoff'],
  'signoff-ga-confirmations': ['signoff'],
  'signoff-rollback-form': ['signoff'],
  'signoff-signer-role': ['signoff'],
  'signoff-veto': ['signoff'],
  'yaml-comment-in-text': ['incident', 'signoff', 'postmortem', 'handoff'],
};

/** The document rules that report on records of the given kinds. */
export function documentRulesFor(rules: readonly Rule[], kinds: ReadonlySet<KindId>): Rule[] {
  return rulesPlaced(rules, 'document').filter((rule) => (DOCUMENT_RULE_RECORDS[rule.id] ?? []).some((kind) => kinds.has(kind)));
}

/** Kinds whose files make up the context every document rule may read. */
export const CONTEXT_KINDS: ReadonlySet<KindId> = new Set<KindId>(['organisation', 'people', 'roles', 'raci', 'severities', 'escalation', 'lifecycle', 'kill-switch', 'approvals', 'communication', 'rotation']);

/** Whether a file of this kind belongs to the context (policy files and rotations). */
export function isContextKind(kind: KindId): boolean {
  return CONTEXT_KINDS.has(kind);
}

/**
 * A rule's place. A document rule that waits for a record kind (`needs`) other than rotations is
 * global after all: whether it runs depends on every file of that kind.
 */
export function placementOf(rule: Rule): RulePlacement {
  const placement = RULE_PLACEMENT[rule.id] ?? 'global';
  if (placement !== 'global' && rule.needs.some((kind) => !CONTEXT_KINDS.has(kind))) return 'global';
  if (placement === 'document' && DOCUMENT_RULE_RECORDS[rule.id] === undefined) return 'global';
  return placement;
}

/** The rules of one place, in registry order. */
export function rulesPlaced(rules: readonly Rule[], placement: RulePlacement): Rule[] {
  return rules.filter((rule) => placementOf(rule) === placement);
}
