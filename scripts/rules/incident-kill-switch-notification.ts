import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { durationMillis, entryRolesKnown, type KillSwitchEntry } from '../incidents/kill-switch.ts';
import { calendarOf, organisationZone } from '../incidents/policy.ts';
import { deadlineAfter } from '../time/business-time.ts';
import { describeDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

type Notify = { who: string[] | 'all-stakeholders'; within?: string; advance?: string };

/**
 * Who hears of a kill-switch activation, and by when, depends on the scenario (the owner within 5
 * minutes when the error rate passes 20 %, everyone at once for suspected corruption, everyone a day
 * ahead of planned maintenance) and on the action (a rollback tells the PM and the SRE Lead). The
 * log's `notified` entries are checked against both. A role that acted (the activator, an approver)
 * was told when it acted; `all-stakeholders` tells every role. Missing is an error; late a warning,
 * since the log states what happened.
 */
export const incidentKillSwitchNotification: Rule = {
  id: 'incident-kill-switch-notification',
  description:
    "Every kill-switch activation in an incident notified whom its scenario and action require (policy/kill-switch.yaml notify), in time: within the scenario's deadline after activation, or its notice ahead of it; missing is an error, late a warning.",
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['kill-switch', 'roles'],
  check(ctx) {
    const policy = ctx.model.policy['kill-switch']!.data;
    const roles = new Set(ctx.model.policy.roles!.data.roles.map((role) => role.id));
    const calendar = calendarOf(ctx.model);
    const zone = organisationZone(ctx.model);
    for (const doc of ctx.model.incidents) {
      (doc.data.kill_switch ?? []).forEach((entry, i) => {
        const activated = instantOf(entry.at);
        const scenario = policy.scenarios.find((s) => s.id === entry.scenario);
        const action = policy.actions.find((a) => a.id === entry.action);
        // Without a time or a notification list the log entry is incomplete: incident-kill-switch-fields says so.
        if (!activated || entry.notified === undefined || !scenario || !action || !entryRolesKnown(entry, roles)) return;
        const told = recipientsTold(entry);
        const requirements: { notify: Notify; source: string }[] = [
          { notify: scenario.notify, source: `"${scenario.name}"` },
          { notify: action.notify, source: `"${action.name}"` },
        ];
        const missing = new Map<string, string[]>();
        for (const { notify, source } of requirements) {
          const who = notify.who === 'all-stakeholders' ? ['all-stakeholders'] : notify.who;
          for (const recipient of who) {
            const heard = told.filter((t) => t.who === recipient || (t.who === 'all-stakeholders' && recipient !== 'all-stakeholders')).sort((a, b) => a.at.getTime() - b.at.getTime());
            const label = recipient === 'all-stakeholders' ? 'all stakeholders' : recipient;
            if (heard.length === 0) {
              missing.set(label, [...(missing.get(label) ?? []), `${source}${deadlineWords(notify)}`]);
              continue;
            }
            const first = heard[0]!;
            const notice = durationMillis(notify.advance);
            const due = notify.advance
              ? notice === undefined ? undefined : new Date(activated.getTime() - notice)
              : notify.within !== undefined
                ? deadlineAfter(calendar, activated, notify.within)
                : undefined;
            if (!due || first.at.getTime() <= due.getTime() || first.index === undefined) continue;
            ctx.report(doc, ['kill_switch', i, 'notified', first.index, 'at'], {
              message: notify.advance
                ? `kill_switch[${i}].notified[${first.index}].at: ${label} heard of the ${action.name} only ${describeMinutes(minutesBetween(first.at, activated))} ahead; ${source} requires ${describeDuration(notify.advance)} notice (by ${formatInstant(due, zone)}).`
                : `kill_switch[${i}].notified[${first.index}].at: ${label} heard of the ${action.name} ${describeMinutes(minutesBetween(activated, first.at))} after activation; ${source} requires it ${notify.within === '0m' ? 'immediately' : `within ${describeDuration(notify.within!)}`} (by ${formatInstant(due, zone)}).`,
              hint: 'Tell them as the matrix says; the post-mortem should say why it was late.',
              severity: 'warning',
            });
          }
        }
        if (missing.size === 0) return;
        const whom = [...missing].map(([label, sources]) => `${label} (${sources.join('; ')})`);
        ctx.report(doc, ['kill_switch', i, 'notified'], {
          message: `kill_switch[${i}].notified: the ${action.name} for "${scenario.name}" must be notified to ${whom.join(', ')}, and no notification of ${missing.size > 1 ? 'them' : 'it'} is recorded.`,
          hint: 'Add { who: <role or all-stakeholders>, at: <when> } for each, as they were told.',
          target: 'key',
        });
      });
    }
  },
};

/** Who heard of an activation, and when: the log's notifications, and the roles that acted on it. */
function recipientsTold(entry: KillSwitchEntry): { who: string; at: Date; index?: number }[] {
  const out: { who: string; at: Date; index?: number }[] = [];
  (entry.notified ?? []).forEach((n, index) => {
    const at = instantOf(n.at);
    if (at) out.push({ who: n.who, at, index });
  });
  const activated = instantOf(entry.at);
  if (entry.activated_by && activated) out.push({ who: entry.activated_by.role, at: activated });
  if (entry.approval && entry.approval !== 'none') {
    const approved = instantOf(entry.approval.at);
    if (approved) for (const signer of entry.approval.by) out.push({ who: signer.role, at: approved });
  }
  return out;
}

function deadlineWords(notify: Notify): string {
  if (notify.advance) return `, ${describeDuration(notify.advance)} ahead`;
  if (notify.within !== undefined) return notify.within === '0m' ? ', immediately' : `, within ${describeDuration(notify.within)}`;
  return '';
}
