import { instantOf } from '../incidents/instants.ts';
import { entryRolesKnown, resumeScopeFor } from '../incidents/kill-switch.ts';
import { describeHolders, roleHolders, roleName } from '../signoffs/holders.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import type { Rule } from './rule.ts';

/**
 * Ending a kill-switch activation is its own decision: who may resume, and what must be verified
 * first, depends on what was deactivated and for how long (policy/kill-switch.yaml resume: a short
 * pause by the On-Call after a test upload, a rollback by the owner and the PM after a full
 * revalidation, a data integrity event only once the investigation is complete). A resume recorded
 * in the incident's log names who authorised it, each in a role they held then, and the checks that
 * passed.
 */
export const incidentKillSwitchResume: Rule = {
  id: 'incident-kill-switch-resume',
  description:
    "A resume recorded in an incident's kill-switch log follows the resume authority of its scope (policy/kill-switch.yaml resume, chosen by scenario, action and how long it lasted): authorised by every role the scope names, each signer holding that role then, with every verification check of the scope recorded in verified.",
  severity: 'error',
  needs: ['kill-switch', 'people', 'roles', 'rotation'],
  check(ctx) {
    const policy = ctx.model.policy['kill-switch']!.data;
    const view = policyViewOf(ctx.model)!;
    const roles = new Set(view.roles.roles.map((role) => role.id));
    const checkName = (id: string) => policy.checks?.find((c) => c.id === id)?.name ?? id;
    for (const doc of ctx.model.incidents) {
      (doc.data.kill_switch ?? []).forEach((entry, i) => {
        const base = ['kill_switch', i] as const;
        const resumed = instantOf(entry.resumed);
        if (entry.resumed === undefined) {
          if (entry.resumed_by !== undefined || entry.verified !== undefined) {
            ctx.report(doc, [...base, entry.resumed_by !== undefined ? 'resumed_by' : 'verified'], {
              message: `kill_switch[${i}]: the resume is recorded without the time it happened.`,
              hint: 'Add resumed: with the date-time ingestion was resumed.',
              target: 'key',
            });
          }
          return;
        }
        const start = instantOf(entry.at);
        const knownChecks = new Set((policy.checks ?? []).map((c) => c.id));
        // Unknown roles or checks are reported by reference-exists; judging the resume would only echo them.
        if (!resumed || !start || !entryRolesKnown(entry, roles) || (entry.verified ?? []).some((id) => !knownChecks.has(id))) return;
        if (resumed.getTime() < start.getTime()) {
          ctx.report(doc, [...base, 'resumed'], {
            message: `kill_switch[${i}].resumed: ${entry.resumed} is before the activation (${entry.at}).`,
            hint: 'Check the date and the UTC offset.',
          });
          return;
        }
        const scope = resumeScopeFor(policy, entry, resumed.getTime() - start.getTime());
        if (!scope) {
          ctx.report(doc, [...base, 'resumed'], {
            message: `kill_switch[${i}].resumed: no resume scope in policy/kill-switch.yaml covers a resume of "${entry.action}" for "${entry.scenario}", so its authority cannot be checked.`,
            hint: 'Add a resume scope whose applies_to names this action or scenario.',
          });
          return;
        }
        const signers = entry.resumed_by ?? [];
        const unsigned = scope.authority.filter((role) => !signers.some((s) => s.role === role));
        if (unsigned.length > 0) {
          ctx.report(doc, [...base, entry.resumed_by ? 'resumed_by' : 'resumed'], {
            message: `kill_switch[${i}].${entry.resumed_by ? 'resumed_by' : 'resumed'}: resuming after a ${scope.scope} is authorised by ${scope.authority.map((r) => roleName(view, r)).join(' + ')}, and ${unsigned.map((r) => roleName(view, r)).join(', ')} ${entry.resumed_by ? 'did not sign it' : 'is not recorded (resumed_by)'}.`,
            hint: `Record resumed_by: [{ person, role }] for ${unsigned.map((r) => `${r} (${describeHolders(view, r, resumed)})`).join('; ')}.`,
            ...(entry.resumed_by ? { target: 'key' as const } : {}),
          });
        }
        signers.forEach((signer, s) => {
          if (!scope.authority.includes(signer.role)) {
            ctx.report(doc, [...base, 'resumed_by', s, 'role'], {
              message: `kill_switch[${i}].resumed_by[${s}].role: ${roleName(view, signer.role)} has no resume authority after a ${scope.scope}; ${scope.authority.map((r) => roleName(view, r)).join(' + ')} ${scope.authority.length > 1 ? 'have' : 'has'} it.`,
              hint: `policy/kill-switch.yaml resume (${scope.id}) names who resumes.`,
            });
            return;
          }
          if (roleHolders(view, signer.role, resumed).includes(signer.person)) return;
          ctx.report(doc, [...base, 'resumed_by', s, 'person'], {
            message: `kill_switch[${i}].resumed_by[${s}].person: "${signer.person}" did not hold ${roleName(view, signer.role)} when ingestion was resumed (${entry.resumed}).`,
            hint: `Holders then: ${describeHolders(view, signer.role, resumed)}.`,
          });
        });
        const required = scope.checks ?? [];
        const verified = new Set(entry.verified ?? []);
        const unverified = required.filter((check) => !verified.has(check));
        if (unverified.length === 0) return;
        ctx.report(doc, [...base, entry.verified ? 'verified' : 'resumed'], {
          message: `kill_switch[${i}].${entry.verified ? 'verified' : 'resumed'}: resuming after a ${scope.scope} needs ${scope.verification}, and ${unverified.map((c) => `"${checkName(c)}" (${c})`).join(', ')} ${entry.verified ? 'is not among the checks recorded' : 'is not recorded (verified)'}.`,
          hint: `Add ${unverified.join(', ')} to verified: once ${unverified.length > 1 ? 'they pass' : 'it passes'}; resume only after.`,
          ...(entry.verified ? { target: 'key' as const } : {}),
        });
      });
    }
  },
};
