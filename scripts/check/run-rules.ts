import { diagnosticAt } from '../repo/locate.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { buildDefinitionIndex, type DefinitionIndex } from '../model/definitions.ts';
import type { RepoModel } from '../model/repo-model.ts';
import type { Rule, RuleContext } from '../rules/rule.ts';
import type { PolicyKindId } from '../schema/kinds.ts';

/** What a caller may add to a rule run beyond the model and the time. */
export interface RunRulesOptions {
  /** The definition index to check references against (default: built from the model). */
  definitions?: DefinitionIndex;
  /** Told the id of every rule that reads `ctx.now`: its findings depend on the time of the run. */
  onNowRead?: (ruleId: string) => void;
  /** Told the id of every rule that reads `ctx.definitions`: its findings depend on every id in the repository. */
  onDefinitionsRead?: (ruleId: string) => void;
  /** First-commit dates of post-mortems (see RuleContext.firstCommits). */
  firstCommits?: ReadonlyMap<string, Date>;
}

/**
 * Runs semantic rules over the model and turns their path-based findings into positioned
 * diagnostics. A rule that throws becomes one diagnostic and the others still run. A document whose
 * YAML Document was built on the way (for positions) and reads differently from the value the rules
 * saw gets a `yaml-reader-mismatch` finding (lazy-yaml.ts).
 */
export function runRules(rules: readonly Rule[], model: RepoModel, now: Date, base?: RepoModel, options: RunRulesOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const definitions = options.definitions ?? buildDefinitionIndex(model);
  for (const rule of rules) {
    if (rule.needs.some((kind) => model.unavailablePolicy.has(kind as PolicyKindId) || model.incompleteKinds.has(kind))) continue;
    const ctx: RuleContext = {
      model,
      get definitions() {
        options.onDefinitionsRead?.(rule.id);
        return definitions;
      },
      get now() {
        options.onNowRead?.(rule.id);
        return now;
      },
      ...(base ? { base } : {}),
      ...(options.firstCommits ? { firstCommits: options.firstCommits } : {}),
      report(doc, path, finding) {
        diagnostics.push(
          diagnosticAt(
            doc.parsed,
            path,
            { ruleId: rule.id, severity: finding.severity ?? rule.severity, message: finding.message, ...(finding.hint ? { hint: finding.hint } : {}) },
            finding.target,
          ),
        );
      },
      reportAt(doc, line, column, finding) {
        diagnostics.push({
          ruleId: rule.id,
          severity: finding.severity ?? rule.severity,
          file: doc.file.path,
          line,
          column,
          message: finding.message,
          ...(finding.hint ? { hint: finding.hint } : {}),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      diagnostics.push({
        ruleId: 'rule-failed',
        severity: 'error',
        file: 'policy/organisation.yaml',
        line: 1,
        column: 1,
        message: `Rule "${rule.id}" failed: ${error instanceof Error ? error.message : String(error)}.`,
        hint: 'This is a bug in the toolkit; please report it with the data that triggers it.',
      });
    }
  }
  for (const file of model.files) {
    const mismatch = file.parsed?.takeMismatch?.();
    if (mismatch) diagnostics.push(mismatch);
  }
  return diagnostics;
}
