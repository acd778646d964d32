/**
 * Every rule, alphabetically: the semantic rules with a check function, and the rules the loader
 * and the schemas implement. The README's rule table and `oncall rules` are generated from here.
 */
import { approvalsPathPattern } from './approvals-path-pattern.ts';
import { blamelessLanguage } from './blameless-language.ts';
import { coverageGap } from './coverage-gap.ts';
import { doubleBooking } from './double-booking.ts';
import { fileNameMatchesId } from './file-name-matches-id.ts';
import { handoffNote } from './handoff-note.ts';
import { historyAppendOnly } from './history-append-only.ts';
import { incidentClassificationRequired } from './incident-classification-required.ts';
import { incidentClassificationRouting } from './incident-classification-routing.ts';
import { incidentEscalationHandoff } from './incident-escalation-handoff.ts';
import { incidentAcknowledgementSla } from './incident-acknowledgement-sla.ts';
import { incidentChannel } from './incident-channel.ts';
import { incidentAmendments } from './incident-amendments.ts';
import { incidentEscalationLadder } from './incident-escalation-ladder.ts';
import { incidentEscalationTiming } from './incident-escalation-timing.ts';
import { incidentEscalationTriggers } from './incident-escalation-triggers.ts';
import { incidentKillSwitchAuthority } from './incident-kill-switch-authority.ts';
import { incidentKillSwitchDuration } from './incident-kill-switch-duration.ts';
import { incidentKillSwitchFields } from './incident-kill-switch-fields.ts';
import { incidentKillSwitchNotification } from './incident-kill-switch-notification.ts';
import { incidentKillSwitchResume } from './incident-kill-switch-resume.ts';
import { incidentLeadershipNotified } from './incident-leadership-notified.ts';
import { incidentRolesRequired } from './incident-roles-required.ts';
import { incidentTimesOrdered } from './incident-times-ordered.ts';
import { incidentUpdateCadence } from './incident-update-cadence.ts';
import { ladderOrder } from './ladder-order.ts';
import { maintenanceNotice } from './maintenance-notice.ts';
import { layerOverlap } from './layer-overlap.ts';
import { noPlaceholders } from './no-placeholders.ts';
import { onCallLimits } from './on-call-limits.ts';
import { overrideOverlap } from './override-overlap.ts';
import { participantActive } from './participant-active.ts';
import { policyReviewDue } from './policy-review-due.ts';
import { personGithubId } from './person-github-id.ts';
import { postHandoffOnCall } from './post-handoff-on-call.ts';
import { postmortemActionItems } from './postmortem-action-items.ts';
import { postmortemDue } from './postmortem-due.ts';
import { postmortemSections } from './postmortem-sections.ts';
import { postmortemTimelineOrdered } from './postmortem-timeline-ordered.ts';
import { postmortemSeverity } from './postmortem-severity.ts';
import { productionCoverage } from './production-coverage.ts';
import { raciAccountable } from './raci-accountable.ts';
import { referenceExists } from './reference-exists.ts';
import { roleAssignmentDates } from './role-assignment-dates.ts';
import { roleBackupDiffers } from './role-backup-differs.ts';
import { rotationHandoffPolicy } from './rotation-handoff-policy.ts';
import { roleBackupRequired } from './role-backup-required.ts';
import { roleHistory } from './role-history.ts';
import { roleHolderActive } from './role-holder-active.ts';
import { rotationHistory } from './rotation-history.ts';
import { ruleConfig } from './rule-config.ts';
import type { Severity } from '../report/diagnostic.ts';
import type { BuiltInRule, Rule } from './rule.ts';
import { schemaModeline } from './schema-modeline.ts';
import { sensitiveData } from './sensitive-data.ts';
import { signoffAuthority } from './signoff-authority.ts';
import { signoffGaConfirmations } from './signoff-ga-confirmations.ts';
import { signoffRollbackForm } from './signoff-rollback-form.ts';
import { signoffSignerRole } from './signoff-signer-role.ts';
import { signoffTransition } from './signoff-transition.ts';
import { signoffVeto } from './signoff-veto.ts';
import { stageOnCallTeam } from './stage-on-call-team.ts';
import { tierExists } from './tier-exists.ts';
import { tierRequirements } from './tier-requirements.ts';
import { timeOffConflict } from './time-off-conflict.ts';
import { uniqueIds } from './unique-ids.ts';
import { yamlCommentInText } from './yaml-comment-in-text.ts';

export const RULES: readonly Rule[] = [
  approvalsPathPattern,
  blamelessLanguage,
  coverageGap,
  doubleBooking,
  fileNameMatchesId,
  handoffNote,
  historyAppendOnly,
  incidentAcknowledgementSla,
  incidentAmendments,
  incidentChannel,
  incidentClassificationRequired,
  incidentClassificationRouting,
  incidentEscalationHandoff,
  incidentEscalationLadder,
  incidentEscalationTiming,
  incidentEscalationTriggers,
  incidentKillSwitchAuthority,
  incidentKillSwitchDuration,
  incidentKillSwitchFields,
  incidentKillSwitchNotification,
  incidentKillSwitchResume,
  incidentLeadershipNotified,
  incidentRolesRequired,
  incidentTimesOrdered,
  incidentUpdateCadence,
  ladderOrder,
  layerOverlap,
  maintenanceNotice,
  noPlaceholders,
  onCallLimits,
  overrideOverlap,
  participantActive,
  personGithubId,
  policyReviewDue,
  postHandoffOnCall,
  postmortemActionItems,
  postmortemDue,
  postmortemSections,
  postmortemSeverity,
  postmortemTimelineOrdered,
  productionCoverage,
  raciAccountable,
  referenceExists,
  roleAssignmentDates,
  roleBackupDiffers,
  roleBackupRequired,
  roleHistory,
  roleHolderActive,
  rotationHandoffPolicy,
  rotationHistory,
  ruleConfig,
  schemaModeline,
  sensitiveData,
  signoffAuthority,
  signoffGaConfirmations,
  signoffRollbackForm,
  signoffSignerRole,
  signoffTransition,
  signoffVeto,
  stageOnCallTeam,
  tierExists,
  tierRequirements,
  timeOffConflict,
  uniqueIds,
  yamlCommentInText,
];

export const BUILT_IN_RULES: readonly BuiltInRule[] = [
  { id: 'datetime-offset', stage: 'schema', severity: 'error', description: 'Every date-time carries an explicit UTC offset (Z or +02:00); a time without one is ambiguous.' },
  { id: 'file-empty', stage: 'yaml', severity: 'error', description: 'A data file holds data, not only comments.' },
  { id: 'file-encoding', stage: 'file', severity: 'error', description: 'Files are UTF-8 text without NUL bytes (a byte order mark and CRLF line ends are accepted).' },
  { id: 'file-symlink', stage: 'file', severity: 'error', description: 'Data files are regular files; symbolic links are reported and not followed.' },
  { id: 'file-too-large', stage: 'file', severity: 'error', description: 'A data file is at most 1 MiB.' },
  { id: 'file-unreadable', stage: 'file', severity: 'error', description: 'A data file can be read.' },
  { id: 'policy-file-missing', stage: 'file', severity: 'error', description: 'Every policy file kind exists under policy/.' },
  { id: 'postmortem-front-matter', stage: 'file', severity: 'error', description: 'A post-mortem starts with YAML front matter between "---" lines.' },
  { id: 'rule-failed', stage: 'runner', severity: 'error', description: 'A rule that fails is reported instead of stopping the others.' },
  { id: 'schema', stage: 'schema', severity: 'error', description: 'Any other schema violation.' },
  { id: 'schema-constraint', stage: 'schema', severity: 'error', description: 'Lists and numbers respect their limits (at least one item, no duplicates, ranges).' },
  { id: 'schema-enum', stage: 'schema', severity: 'error', description: 'A field with fixed choices holds one of them.' },
  { id: 'schema-format', stage: 'schema', severity: 'error', description: 'Dates, times, e-mail addresses and URLs are well formed.' },
  { id: 'schema-pattern', stage: 'schema', severity: 'error', description: 'Ids, durations, times and handles have their documented form.' },
  { id: 'schema-required', stage: 'schema', severity: 'error', description: 'Required fields are present.' },
  { id: 'schema-type', stage: 'schema', severity: 'error', description: 'Values have the expected type (text, number, true/false, list, mapping).' },
  { id: 'schema-unknown-field', stage: 'schema', severity: 'error', description: 'No unknown fields (with a "did you mean" for near misses); this also rejects __proto__ and similar keys.' },
  { id: 'timezone-valid', stage: 'schema', severity: 'error', description: 'Time zones are real IANA zones (Europe/Berlin, America/New_York).' },
  { id: 'unknown-file', stage: 'file', severity: 'warning', description: 'Files in the data folders are of a known kind (warning: such files are not checked).' },
  { id: 'yaml-alias-limit', stage: 'yaml', severity: 'error', description: 'Aliases expand to a bounded size (no "billion laughs").' },
  { id: 'yaml-duplicate-key', stage: 'yaml', severity: 'error', description: 'A mapping has no duplicate keys.' },
  { id: 'yaml-multiple-documents', stage: 'yaml', severity: 'error', description: 'A data file holds one YAML document.' },
  { id: 'yaml-reader-mismatch', stage: 'yaml', severity: 'error', description: 'A check of the toolkit itself: wherever a finding needs positions, the value the fast reader read equals the yaml package\'s value of the same text; a difference is a bug in the toolkit, reported rather than trusted.' },
  { id: 'yaml-syntax', stage: 'yaml', severity: 'error', description: 'The file is valid YAML 1.2.' },
  { id: 'yaml-tab', stage: 'yaml', severity: 'error', description: 'Indentation uses spaces, not tabs.' },
];

/**
 * The rules an organisation can turn off or give another severity in policy/organisation.yaml
 * `rules`: every semantic rule but the one that checks those settings.
 */
export function configurableRuleIds(): ReadonlySet<string> {
  return new Set(RULES.map((rule) => rule.id).filter((id) => id !== 'rule-config'));
}

/** A rule's default severity as the rule table shows it, with the others some of its findings have. */
function severityText(rule: { severity: string; alsoReports?: readonly string[] }): string {
  return rule.alsoReports && rule.alsoReports.length > 0 ? `${rule.severity} (some findings ${rule.alsoReports.join(' or ')})` : rule.severity;
}

/** The README's rule table: `npm run oncall -- rules --format markdown` prints it. */
export function ruleTableMarkdown(): string {
  const rows = ruleCatalogue().map((r) => `| \`${r.id}\` | ${severityText(r)} | ${r.configurable ? 'yes' : 'no'} | ${r.stage} | ${r.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | default severity | configurable | checked by | what it checks |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** One row of the rule catalogue. */
export interface CatalogueEntry {
  id: string;
  description: string;
  /** The severity of its findings unless a finding or the organisation's settings say otherwise. */
  severity: Severity;
  /** Severities some of its findings have instead of the default. */
  alsoReports?: readonly Severity[];
  /** Where it is checked: `rule` (a semantic rule) or the loader's stage. */
  stage: string;
  /** Whether policy/organisation.yaml `rules` can turn it off or change its severity. */
  configurable: boolean;
}

/** Every rule id with its description, for the README table, SARIF and `oncall rules`. */
export function ruleCatalogue(): CatalogueEntry[] {
  const configurable = configurableRuleIds();
  return [
    ...RULES.map((r) => ({ id: r.id, description: r.description, severity: r.severity, ...(r.alsoReports ? { alsoReports: r.alsoReports } : {}), stage: 'rule', configurable: configurable.has(r.id) })),
    ...BUILT_IN_RULES.map((r) => ({ id: r.id, description: r.description, severity: r.severity, stage: r.stage, configurable: false })),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
}
