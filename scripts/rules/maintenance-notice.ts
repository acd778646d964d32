import { calendarOf, organisationZone } from '../incidents/policy.ts';
import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { minutesAgainst, targetMinutes } from '../time/business-time.ts';
import { describeDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * Stakeholders hear of scheduled maintenance in time to plan around it: a window announced with
 * less notice than the production SLA's maintenance notice (`notice` of the production_slas entry
 * with id maintenance-notice) is reported, and it counts as downtime in the monthly report.
 */
export const maintenanceNotice: Rule = {
  id: 'maintenance-notice',
  description:
    'A maintenance window in policy/lifecycle.yaml is announced at least the notice the production SLA maintenance-notice sets (e.g. 48h) before it starts; with less, it is a finding and counts as downtime in the monthly report.',
  severity: 'error',
  needs: ['lifecycle'],
  check(ctx) {
    const doc = ctx.model.policy.lifecycle!;
    const notice = doc.data.production_slas?.find((s) => s.id === 'maintenance-notice')?.notice;
    if (notice === undefined) return;
    const calendar = calendarOf(ctx.model);
    const required = targetMinutes(calendar, notice);
    if (required === undefined) return;
    const zone = organisationZone(ctx.model);
    (doc.data.maintenance ?? []).forEach((window, index) => {
      const start = instantOf(window.start);
      const announced = instantOf(window.announced);
      if (!start || !announced) return;
      const given = minutesAgainst(calendar, announced, start, notice);
      if (announced.getTime() < start.getTime() && given >= required) return;
      const late = announced.getTime() >= start.getTime();
      ctx.report(doc, ['maintenance', index, 'announced'], {
        message: late
          ? `maintenance[${index}].announced: window "${window.id}" was announced ${formatInstant(announced, zone)}, not before it started (${formatInstant(start, zone)}); the production SLA requires ${describeDuration(notice)} notice.`
          : `maintenance[${index}].announced: window "${window.id}" was announced ${describeMinutes(minutesBetween(announced, start))} before it starts (${formatInstant(start, zone)}), less than the ${describeDuration(notice)} notice the production SLA requires.`,
        hint: 'Announce maintenance to stakeholders earlier, or move the window; unannounced maintenance counts as downtime.',
      });
    });
  },
};
