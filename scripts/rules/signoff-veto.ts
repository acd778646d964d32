import { personLabel, roleName } from '../signoffs/holders.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { decisionRuleFor } from '../signoffs/requirements.ts';
import type { Rule } from './rule.ts';

/** Any single veto by a holder of a required role blocks the decision. */
export const signoffVeto: Rule = {
  id: 'signoff-veto',
  description: 'A decision whose record names a veto by a holder of a required role is blocked: it does not change the phase and cannot be recorded as taken.',
  severity: 'error',
  needs: ['rotation'],
  check(ctx) {
    const view = policyViewOf(ctx.model);
    for (const doc of ctx.model.signoffs) {
      const veto = doc.data.veto;
      if (!veto) continue;
      const lookup = view ? decisionRuleFor(doc.data, view) : undefined;
      // A veto from a role without a say is reported by signoff-authority; it blocks nothing.
      if (lookup && 'rule' in lookup && (!lookup.rule.vetoable || !lookup.rule.authority.includes(veto.role))) continue;
      const who = view ? `${personLabel(view, veto.person)} (${roleName(view, veto.role)})` : `"${veto.person}" (${veto.role})`;
      const decision = lookup && 'rule' in lookup ? lookup.rule.decision : 'this decision';
      ctx.report(doc, ['veto'], {
        message: `veto: ${who} vetoes ${decision}: "${veto.reason}". A vetoed decision is blocked.`,
        hint: `Resolve the objection and record the decision once ${view ? (view.people.people.find((p) => p.id === veto.person)?.name ?? veto.person) : veto.person} signs, or do not record it.`,
        target: 'key',
      });
    }
  },
};
