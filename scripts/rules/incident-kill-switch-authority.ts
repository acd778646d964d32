import { calendarOf, personHoldsRole, roleHolders } from '../incidents/policy.ts';
import { instantOf } from '../incidents/instants.ts';
import type { DocPath } from '../repo/locate.ts';
import { deadlineAfter } from '../time/business-time.ts';
import { describeDuration } from '../util/duration.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * Who may activate the kill-switch depends on the scenario (in the example organisation: anyone
 * for suspected data corruption, on-call for error rates, the owner for planned maintenance), and
 * an action may need approval (a rollback by the product's owner, a global disable by the owner and
 * the SRE Lead). The approvals required are those of the scenario and of the action together.
 * Whoever signs must hold the role they sign for at the time they act: the assignment in force then
 * (policy/roles.yaml), or the holder of the rotation tier at that instant for on-call roles.
 */
export const incidentKillSwitchAuthority: Rule = {
  id: 'incident-kill-switch-authority',
  description: 'Kill-switch activations in an incident were made by a role the authority matrix allows for the scenario, approved by every role the scenario and the action require (in time), and each person holds the role they acted in.',
  severity: 'error',
  needs: ['kill-switch', 'people', 'roles', 'rotation'],
  check(ctx) {
    const policy = ctx.model.policy['kill-switch']!.data;
    const calendar = calendarOf(ctx.model);
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      // Holding is read at the time of the act: who held the role (or the rotation tier) then.
      // An entry without a time (incident-kill-switch-fields reports that) is read at detection.
      const checkHolder = (path: DocPath, person: string, role: string, given: string | undefined) => {
        const when = given ?? incident.detected;
        const at = instantOf(when);
        if (!at || personHoldsRole(ctx.model, role, person, at, incident) !== false) return;
        const holders = roleHolders(ctx.model, role, at, incident) ?? [];
        ctx.report(doc, path, {
          message: `${formatPath(path)}: "${person}" does not hold the role "${role}" at ${when}.`,
          hint: holders.length > 0 ? `Holders of ${role} then: ${holders.join(', ')} (policy/roles.yaml, rotations/).` : `Nobody holds ${role} then; assign it in policy/roles.yaml.`,
        });
      };
      (incident.kill_switch ?? []).forEach((entry, i) => {
        const scenario = policy.scenarios.find((s) => s.id === entry.scenario);
        const action = policy.actions.find((a) => a.id === entry.action);
        if (!scenario || !action) return;
        const base = ['kill_switch', i] as const;
        if (entry.activated_by) {
          const { person, role } = entry.activated_by;
          if (scenario.activate !== 'anyone' && !scenario.activate.includes(role)) {
            ctx.report(doc, [...base, 'activated_by', 'role'], {
              message: `kill_switch[${i}].activated_by.role: "${role}" may not activate the kill-switch for "${scenario.name}"; the authority matrix allows ${scenario.activate.join(', ')}.`,
              hint: 'Record who actually activated it, in the role the matrix gives them (policy/kill-switch.yaml scenarios).',
            });
          }
          checkHolder([...base, 'activated_by', 'person'], person, role, entry.at);
        }
        const requiredRoles = [...new Set([...scenario.approval.roles, ...action.approve])];
        const approval = entry.approval;
        if (approval === undefined) return; // incident-kill-switch-fields reports a missing approval
        if (approval === 'none') {
          if (requiredRoles.length > 0) {
            ctx.report(doc, [...base, 'approval'], {
              message: `kill_switch[${i}].approval: "${action.name}" for "${scenario.name}" needs approval by ${requiredRoles.join(', ')}, and none is recorded.`,
              hint: 'Record approval: {by: [{person, role}], at} with the approvers and when they approved.',
            });
          }
          return;
        }
        for (const role of requiredRoles) {
          if (approval.by.some((signer) => signer.role === role)) continue;
          ctx.report(doc, [...base, 'approval', 'by'], {
            message: `kill_switch[${i}].approval.by: "${action.name}" for "${scenario.name}" needs approval by ${role}, and no approver signs as ${role}.`,
            hint: `Add the ${role}'s approval, or record why the action was taken without it in the post-mortem.`,
          });
        }
        approval.by.forEach((signer, s) => checkHolder([...base, 'approval', 'by', s, 'person'], signer.person, signer.role, approval.at));
        const activated = instantOf(entry.at);
        const approved = instantOf(approval.at);
        if (!activated || !approved || requiredRoles.length === 0) return;
        const within = scenario.approval.roles.length > 0 ? scenario.approval.within : undefined;
        const advance = scenario.approval.roles.length > 0 ? scenario.approval.advance : undefined;
        if (within) {
          const latest = deadlineAfter(calendar, activated, within);
          if (latest && approved.getTime() > latest.getTime()) {
            ctx.report(doc, [...base, 'approval', 'at'], {
              message: `kill_switch[${i}].approval.at: approved ${approval.at}, more than ${describeDuration(within)} after activation (${entry.at}).`,
              hint: `For "${scenario.name}" the approval may follow activation by at most ${describeDuration(within)}.`,
            });
          }
        } else if (advance) {
          const notice = deadlineAfter(calendar, approved, advance);
          if (notice && notice.getTime() > activated.getTime()) {
            ctx.report(doc, [...base, 'approval', 'at'], {
              message: `kill_switch[${i}].approval.at: approved ${approval.at}, less than ${describeDuration(advance)} before activation (${entry.at}).`,
              hint: `For "${scenario.name}" approval is needed ${describeDuration(advance)} in advance.`,
            });
          }
        } else if (approved.getTime() > activated.getTime()) {
          ctx.report(doc, [...base, 'approval', 'at'], {
            message: `kill_switch[${i}].approval.at: approved ${approval.at}, after the action was taken (${entry.at}).`,
            hint: `"${action.name}" must be approved before it is executed.`,
          });
        }
      });
    }
  },
};
