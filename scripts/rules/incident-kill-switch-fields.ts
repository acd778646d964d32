import type { Rule } from './rule.ts';

/**
 * Every kill-switch activation is logged with timestamp, who, why, severity,
 * scope, approval and who was told. policy/kill-switch.yaml `log.fields` says which are required,
 * so an organisation can relax or tighten the list without a code change.
 */
export const incidentKillSwitchFields: Rule = {
  id: 'incident-kill-switch-fields',
  description: 'Every kill-switch activation in an incident carries each field policy/kill-switch.yaml log.fields marks required, and a workspace-scoped one names its workspace.',
  severity: 'error',
  needs: ['kill-switch'],
  check(ctx) {
    const required = ctx.model.policy['kill-switch']!.data.log.fields.filter((f) => f.required);
    for (const doc of ctx.model.incidents) {
      (doc.data.kill_switch ?? []).forEach((entry, i) => {
        const missing = required.filter((f) => (entry as Record<string, unknown>)[f.field] === undefined);
        if (missing.length > 0) {
          ctx.report(doc, ['kill_switch', i], {
            message: `kill_switch[${i}]: the ${entry.action} activation log lacks ${missing.map((f) => `${f.name} (${f.field})`).join(', ')}, which policy/kill-switch.yaml requires of every activation.`,
            hint: `Add ${missing.map((f) => `${f.field}:`).join(', ')} to the entry${missing.some((f) => f.field === 'approval') ? '; write approval: none where the matrix says activate first' : ''}.`,
          });
        }
        if (entry.scope === 'workspace' && entry.workspace === undefined) {
          ctx.report(doc, ['kill_switch', i, 'scope'], {
            message: `kill_switch[${i}].scope: the activation is scoped to a workspace but does not say which.`,
            hint: 'Add workspace: with the workspace the kill-switch was activated for.',
          });
        }
      });
    }
  },
};
