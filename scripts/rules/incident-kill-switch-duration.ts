import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { activationEnd, durationMillis, entryRolesKnown } from '../incidents/kill-switch.ts';
import { organisationZone } from '../incidents/policy.ts';
import { describeDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * A pause recorded as the short kind ("< 1 hour": the On-Call alone, the owner told) that lasts
 * longer has become the long kind, whose approval (the Ingestion Owner) and notification (the PM)
 * apply from the moment it passed the limit. policy/kill-switch.yaml says so with `max_duration`
 * and `becomes`. How long it lasted: to its resume, or to the next log entry that took over, or to
 * now while the incident is open.
 */
export const incidentKillSwitchDuration: Rule = {
  id: 'incident-kill-switch-duration',
  description:
    "A kill-switch activation that lasted longer than its action's max_duration (a pause recorded as under an hour) carries the approvals and notifications of the action it became (policy/kill-switch.yaml becomes), approved before it passed the limit.",
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['kill-switch', 'roles'],
  check(ctx) {
    const policy = ctx.model.policy['kill-switch']!.data;
    const roles = new Set(ctx.model.policy.roles!.data.roles.map((role) => role.id));
    const zone = organisationZone(ctx.model);
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      (incident.kill_switch ?? []).forEach((entry, i) => {
        const action = policy.actions.find((a) => a.id === entry.action);
        const longer = action?.becomes === undefined ? undefined : policy.actions.find((a) => a.id === action.becomes);
        const limit = durationMillis(action?.max_duration);
        const start = instantOf(entry.at);
        if (!action || !longer || limit === undefined || !start || !entryRolesKnown(entry, roles)) return;
        const end = activationEnd(incident, i, ctx.now);
        if (!end || end.getTime() - start.getTime() <= limit) return;
        const passed = new Date(start.getTime() + limit);
        const lasted = `${describeMinutes(minutesBetween(start, end))} (${entry.at} to ${entry.resumed ?? formatInstant(end, zone)}${entry.resumed ? '' : ', unresumed'})`;
        const approval = entry.approval === undefined || entry.approval === 'none' ? undefined : entry.approval;
        const approvedRoles = new Set(approval?.by.map((signer) => signer.role) ?? []);
        const unapproved = longer.approve.filter((role) => !approvedRoles.has(role));
        const told = new Set((entry.notified ?? []).map((n) => n.who));
        const untold = longer.notify.who === 'all-stakeholders' ? (told.has('all-stakeholders') ? [] : ['all-stakeholders']) : longer.notify.who.filter((role) => !told.has(role) && !told.has('all-stakeholders'));
        if (unapproved.length > 0 || untold.length > 0) {
          const needs = [
            ...(unapproved.length > 0 ? [`approval by ${unapproved.join(', ')}`] : []),
            ...(untold.length > 0 ? [`notifying ${untold.join(', ')}`] : []),
          ];
          ctx.report(doc, ['kill_switch', i, 'action'], {
            message: `kill_switch[${i}].action: recorded as "${action.name}" (at most ${describeDuration(action.max_duration!)}), but it lasted ${lasted}; as "${longer.name}" it needs ${needs.join(' and ')}, which the log does not show.`,
            hint: `Record the ${unapproved.length > 0 ? 'approval (approval: {by, at}) given' : 'notification given'} when the pause passed ${describeDuration(action.max_duration!)} (${formatInstant(passed, zone)}), or resume within ${describeDuration(action.max_duration!)}.`,
          });
          return;
        }
        const approved = instantOf(approval?.at);
        if (approved && longer.approve.length > 0 && approved.getTime() > passed.getTime()) {
          ctx.report(doc, ['kill_switch', i, 'approval', 'at'], {
            message: `kill_switch[${i}].approval.at: the "${action.name}" passed ${describeDuration(action.max_duration!)} at ${formatInstant(passed, zone)}, and "${longer.name}" was approved only at ${approval!.at}.`,
            hint: `Ask ${longer.approve.join(', ')} before a pause outlasts ${describeDuration(action.max_duration!)}.`,
            severity: 'warning',
          });
        }
      });
    }
  },
};
