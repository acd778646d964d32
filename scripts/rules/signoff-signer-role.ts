import { describeHolders, findPerson, findRole, hasLeftBy, personLabel, roleHolders, roleName } from '../signoffs/holders.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import { signaturesOf } from '../signoffs/requirements.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * A signature counts only from someone who holds the role at the decision's time: named holders
 * from policy/roles.yaml, or for a rotation-held role (On-Call) the people on the roster in force then.
 */
export const signoffSignerRole: Rule = {
  id: 'signoff-signer-role',
  description:
    'Everyone who signs a decision (signers, a rollback\'s authorised_by and approved_by, a veto) holds the role they sign for at the time of the decision, per policy/roles.yaml and the rotations, and had not left.',
  severity: 'error',
  needs: ['people', 'roles', 'rotation'],
  check(ctx) {
    const view = policyViewOf(ctx.model)!;
    for (const doc of ctx.model.signoffs) {
      const at = new Date(doc.data.at);
      const signatures = signaturesOf(doc.data);
      if (doc.data.veto) signatures.push({ person: doc.data.veto.person, role: doc.data.veto.role, path: ['veto'] });
      for (const signature of signatures) {
        // Unknown people and roles are reported by reference-exists.
        if (!findRole(view, signature.role) || !findPerson(view, signature.person)) continue;
        if (roleHolders(view, signature.role, at).includes(signature.person)) continue;
        const where = `${formatPath([...signature.path, 'person'])}`;
        const person = personLabel(view, signature.person);
        const role = roleName(view, signature.role);
        if (hasLeftBy(view, signature.person, at)) {
          ctx.report(doc, [...signature.path, 'person'], {
            message: `${where}: ${person} left on ${findPerson(view, signature.person)!.left}, before this decision (${doc.data.at}).`,
            hint: `Name someone who holds ${role} now: ${describeHolders(view, signature.role, at)}.`,
          });
          continue;
        }
        ctx.report(doc, [...signature.path, 'person'], {
          message: `${where}: ${person} does not hold ${role} at ${doc.data.at}; ${role} is held by ${describeHolders(view, signature.role, at)}.`,
          hint: `Name a holder of ${role}, or sign in a role ${findPerson(view, signature.person)!.name} holds (policy/roles.yaml).`,
        });
      }
    }
  },
};
