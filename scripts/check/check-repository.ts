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
}

export interface CheckResult {
  model: RepoModel;
  diagnostics: Diagnostic[];
}

/**
 * Schema validation, then every semantic rule, over files already read and parsed.
 * Pure: the same files and the same `now` always give the same diagnostics.
 */
export function checkRepository(files: readonly SourceFile[], options: CheckOptions): CheckResult {
  const built = buildModel(files);
  const diagnostics = [
    ...missingPolicyDiagnostics(files),
    ...built.diagnostics,
    ...runRules(options.rules ?? RULES, built.model, options.now),
  ];
  return { model: built.model, diagnostics };
}
