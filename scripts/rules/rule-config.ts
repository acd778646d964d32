import { suggestion } from '../util/suggest.ts';
import { BUILT_IN_RULES, configurableRuleIds } from './index.ts';
import type { Rule } from './rule.ts';

/**
 * A misspelt rule id under `rules:` would silently leave the rule as it was, so every id is
 * checked: it must name a semantic rule. Rules the loader and the schemas implement cannot be set:
 * a file that fails them is not checked any further, and hiding the finding would hide that.
 */
export const ruleConfig: Rule = {
  id: 'rule-config',
  description:
    'Every rule named under rules: in policy/organisation.yaml is a semantic rule that can be configured (those the loader and the schemas implement, and this one, cannot), with a "did you mean" for a misspelt id.',
  severity: 'error',
  needs: ['organisation'],
  check(ctx) {
    const doc = ctx.model.policy.organisation!;
    const configurable = configurableRuleIds();
    const fixed = new Set([...BUILT_IN_RULES.map((rule) => rule.id), ruleConfig.id]);
    for (const id of Object.keys(doc.data.rules ?? {})) {
      if (configurable.has(id)) continue;
      if (fixed.has(id)) {
        ctx.report(doc, ['rules', id], {
          target: 'key',
          message: `rules.${id}: "${id}" cannot be configured: ${id === ruleConfig.id ? 'it checks these settings' : 'the loader and the schemas rely on it, and a file that fails it is not checked further'}.`,
          hint: 'Remove this line; only the semantic rules (checked by "rule" in the README\'s rule table) can be turned off or given another severity.',
        });
        continue;
      }
      ctx.report(doc, ['rules', id], {
        target: 'key',
        message: `rules.${id}: "${id}" is not a rule.`,
        hint: `${suggestion(id, [...configurable])} \`npm run oncall -- rules\` lists every rule.`,
      });
    }
  },
};
