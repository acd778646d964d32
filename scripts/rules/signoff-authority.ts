import { maximumMatching } from '../approvals/matching.ts';
import { describeHolders, findPerson, listRoles, personLabel, roleName } from '../signoffs/holders.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { decisionRuleFor, describeSlots, signaturesOf } from '../signoffs/requirements.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * A decision needs every role its rule names (policy/approvals.yaml for gates, GA, rollbacks and the
 * hand-off; policy/kill-switch.yaml for kill-switch actions and resumes), each signed by a different
 * person. Required roles are filled by maximum matching, so a person who signs twice never counts twice.
 */
export const signoffAuthority: Rule = {
  id: 'signoff-authority',
  description:
    'A decision is signed by every role its rule requires (gates, GA, rollback types, kill-switch scenarios and actions, resume scopes, hand-off), each by a different person; no one signs in a role without authority over it, and a rollback\'s approver is not its authoriser.',
  severity: 'error',
  needs: ['approvals', 'people', 'roles', 'rotation'],
  check(ctx) {
    const view = policyViewOf(ctx.model)!;
    for (const doc of ctx.model.signoffs) {
      const record = doc.data;
      const at = new Date(record.at);
      const lookup = decisionRuleFor(record, view);
      if ('skip' in lookup) continue;
      if ('problem' in lookup) {
        ctx.report(doc, lookup.problem.path, { message: lookup.problem.message, ...(lookup.problem.hint ? { hint: lookup.problem.hint } : {}) });
        continue;
      }
      const rule = lookup.rule;
      const signatures = signaturesOf(record);

      for (const signature of signatures) {
        if (rule.authority.includes(signature.role)) continue;
        ctx.report(doc, [...signature.path, 'role'], {
          message: `${formatPath([...signature.path, 'role'])}: ${roleName(view, signature.role)} has no authority over ${rule.decision}; it is signed by ${describeSlots(rule)}.`,
          hint: `${rule.source} names who signs.`,
        });
      }

      const authoriser = record.rollback?.authorised_by.person;
      if (authoriser !== undefined && authoriser === record.rollback?.approved_by.person) {
        ctx.report(doc, ['rollback', 'approved_by', 'person'], {
          message: `rollback.approved_by.person: ${personLabel(view, authoriser)} also authorised this rollback; the approver is a different person.`,
          hint: `Name a second person who holds one of ${listRoles(view, rule.authority)}.`,
        });
      }
      const firstSeen = new Map<string, (typeof signatures)[number]>();
      for (const signature of signatures) {
        const earlier = firstSeen.get(signature.person);
        if (!earlier) {
          firstSeen.set(signature.person, signature);
          continue;
        }
        if (signature.path[1] === 'approved_by' && earlier.path[1] === 'authorised_by') continue;
        ctx.report(doc, [...signature.path, 'person'], {
          message: `${formatPath([...signature.path, 'person'])}: ${personLabel(view, signature.person)} already signs as ${roleName(view, earlier.role)} (${formatPath(earlier.path)}); each role is signed by a different person.`,
          hint: 'One person fills at most one required role.',
        });
      }

      const valid = signatures.filter((s) => rule.authority.includes(s.role) && findPerson(view, s.person));
      const assignment = maximumMatching(
        rule.slots.map((slot) => ({ candidates: [...new Set(valid.filter((s) => slot.roles.includes(s.role)).map((s) => s.person))] })),
      );
      const container = record.signers ? ['signers'] : record.rollback ? ['rollback'] : [];
      rule.slots.forEach((slot, index) => {
        if (assignment[index] !== undefined) return;
        ctx.report(doc, container, {
          message: `${container.length > 0 ? `${formatPath(container)}: ` : ''}${rule.decision} needs ${slot.label}: ${describeHolders(view, slot.roles, at)}.`,
          hint: `Add a signature with role ${slot.roles.join(' or ')}, by a person who signs nothing else here (${rule.source}).`,
          target: 'key',
        });
      });

      const veto = record.veto;
      if (veto && !rule.vetoable) {
        ctx.report(doc, ['veto'], { message: `veto: ${rule.decision} cannot be vetoed (${rule.source} says veto: none).`, hint: 'Remove the veto, or record the objection in notes.', target: 'key' });
      } else if (veto && !rule.authority.includes(veto.role)) {
        ctx.report(doc, ['veto', 'role'], {
          message: `veto.role: ${roleName(view, veto.role)} cannot veto ${rule.decision}; only ${describeSlots(rule)} can.`,
          hint: `${rule.source} names the roles whose holders may veto.`,
        });
      }
    }
  },
};
