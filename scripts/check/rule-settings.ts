/**
 * An organisation's rule settings (policy/organisation.yaml `rules`), as ESLint and Spectral allow:
 * a semantic rule can be turned off, or all its findings reported as warnings or as errors. Pure:
 * the validate command reads the settings and applies them to the findings of every rule at once.
 */
import type { Diagnostic } from '../report/diagnostic.ts';

/** What a setting may say: not checked, reported without failing, or failing validate. */
export type RuleSetting = 'off' | 'warning' | 'error';

/** Settings by rule id. */
export type RuleSettings = ReadonlyMap<string, RuleSetting>;

const SETTINGS: ReadonlySet<unknown> = new Set<RuleSetting>(['off', 'warning', 'error']);

/**
 * The settings of an organisation file's `rules` mapping, for the configurable rules. Anything else
 * is left out, and reported where it is written: an unknown or fixed rule id by the rule-config
 * rule, a value other than off, warning or error by the schema. The rest of the file does not
 * matter here, so one mistake elsewhere in it does not undo the organisation's settings.
 */
export function ruleSettingsOf(rules: unknown, configurable: ReadonlySet<string>): RuleSettings {
  const settings = new Map<string, RuleSetting>();
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return settings;
  for (const [id, setting] of Object.entries(rules)) {
    if (configurable.has(id) && SETTINGS.has(setting)) settings.set(id, setting as RuleSetting);
  }
  return settings;
}

/**
 * The findings as the organisation wants them: a rule set to `off` reports nothing, `warning` and
 * `error` give every finding of the rule that severity. Notes are information, not findings, and
 * stay notes whatever the setting.
 */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], settings: RuleSettings): Diagnostic[] {
  if (settings.size === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const setting = settings.get(diagnostic.ruleId);
    if (setting === undefined || diagnostic.severity === 'note') out.push(diagnostic);
    else if (setting !== 'off') out.push(diagnostic.severity === setting ? diagnostic : { ...diagnostic, severity: setting });
  }
  return out;
}
