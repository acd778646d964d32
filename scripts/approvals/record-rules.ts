/**
 * The record rules `validate` applies to a sign-off or incident record, run for the approvals check
 * against the default branch's policy and sign-off history with the pull request's records in place.
 * So a forward "rollback", a skipped gate or a decision signed by the wrong people fails the
 * approvals status itself, not only the separate validate check. Pure: files in, findings out.
 *
 * Left to validate: reference checking, which needs every record of the repository (the approvals
 * check does not read them all; an unknown person or role fails the signer rules here anyway), and
 * the schema line editors use, which says nothing about the decision.
 */
import { buildModel } from '../check/build-model.ts';
import { documentRulesFor } from '../check/rule-placement.ts';
import { runRules } from '../check/run-rules.ts';
import { parseSource } from '../repo/parse-source.ts';
import type { SourceFile } from '../repo/source-file.ts';
import { RULES } from '../rules/index.ts';
import type { Rule } from '../rules/rule.ts';
import type { KindId } from '../schema/kinds.ts';
import type { RecordFinding } from './evaluate.ts';
import type { RecordChange } from './snapshot.ts';

const LEFT_TO_VALIDATE = new Set(['reference-exists', 'schema-modeline']);

/** Rules a changed record must pass: every per-record rule for its kind, and the phase transition. */
export function recordRules(kinds: ReadonlySet<KindId>): Rule[] {
  const rules = documentRulesFor(RULES, kinds).filter((rule) => !LEFT_TO_VALIDATE.has(rule.id));
  if (kinds.has('signoff')) rules.push(...RULES.filter((rule) => rule.id === 'signoff-transition'));
  return rules;
}

/**
 * Errors the record rules find in the changed sign-off and incident records. `base` holds the
 * default branch's policy files, role rotations and (for sign-offs) its sign-off records; each
 * changed record replaces its version there (a renamed or deleted one leaves its old path).
 */
export function recordRuleFindings(base: readonly SourceFile[], changes: readonly RecordChange[], now: Date): RecordFinding[] {
  const changed = changes.filter((c) => c.kind === 'signoff' || c.kind === 'incident');
  const heads = changed.flatMap((c) => (c.after?.value !== undefined && c.after.bytes !== undefined ? [{ kind: c.kind, path: c.after.path, bytes: c.after.bytes }] : []));
  if (heads.length === 0) return [];
  const gone = new Set(changed.flatMap((c) => [c.before?.path, c.after?.path].filter((p): p is string => p !== undefined)));
  const files = [...base.filter((file) => !gone.has(file.path)), ...heads.map((h) => parseSource(h.path, h.kind, h.bytes).file)];
  const { model } = buildModel(files);
  const kinds = new Set<KindId>(heads.map((h) => h.kind));
  const paths = new Set(heads.map((h) => h.path));
  const diagnostics = runRules(recordRules(kinds), model, now);
  // A rule that failed decided nothing: that fails the record rather than passing it.
  const failed = diagnostics.filter((d) => d.ruleId === 'rule-failed').map((d) => ({ path: heads[0]!.path, line: 1, ruleId: d.ruleId, message: d.message }));
  return [
    ...diagnostics.filter((d) => d.severity === 'error' && paths.has(d.file)).map((d) => ({ path: d.file, line: d.line, ruleId: d.ruleId, message: d.message })),
    ...failed,
  ];
}
