import type { Diagnostic } from '../report/diagnostic.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { RULES } from '../rules/index.ts';
import type { Rule } from '../rules/rule.ts';
import { buildModel, missingPolicyDiagnostics } from './build-model.ts';
import { runRules } from './run-rules.ts';

export interface CheckOptions {
  now: Date;
  rules?: readonly Rule[];
  /** The files at the base revision, for history rules (see RuleContext.base). */
  baseFiles?: readonly SourceFile[];
}

export interface CheckResult {
  model: RepoModel;
  diagnostics: Diagnostic[];
}

/**
 * Schema validation, then every semantic rule, over files already read and parsed.
 * Pure: the same files and the same `now` always give the same diagnostics. Synchronous, so a
 * caller with post-mortems that are not plain Markdown loads the parser first
 * (loadMarkdownParser(), as the pipeline does); without it they give `rule-failed` findings.
 */
export function checkRepository(files: readonly SourceFile[], options: CheckOptions): CheckResult {
  const built = buildModel(files);
  // The base's own problems were reported when it was merged; only its valid documents matter here.
  const base = options.baseFiles ? buildModel(options.baseFiles).model : undefined;
  const diagnostics = [
    ...missingPolicyDiagnostics(files),
    ...built.diagnostics,
    ...runRules(options.rules ?? RULES, built.model, options.now, base),
  ];
  return { model: built.model, diagnostics };
}
