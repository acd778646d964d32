import { amendedIncident } from '../incidents/amended.ts';
import { instantOf } from '../incidents/instants.ts';
import type { DocPath } from '../repo/locate.ts';
import type { Rule } from './rule.ts';

const ORDER = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;

function instant(text: string | undefined): number | undefined {
  return instantOf(text)?.getTime();
}

/**
 * An incident's clock only runs forward; times out of order usually mean a wrong date or offset.
 * A closed incident's times are read with its amendments, and a time out of order is reported
 * where its value was written: the field, or the amendment that corrected it.
 */
export const incidentTimesOrdered: Rule = {
  id: 'incident-times-ordered',
  description: 'Incident times are ordered (detected <= acknowledged <= mitigated <= resolved), a resolved or closed incident has a resolution time, the impact window is ordered, and timeline entries are in order.',
  severity: 'error',
  needs: [],
  check(ctx) {
    for (const doc of ctx.model.incidents) {
      const data = amendedIncident(doc.data);
      const amendments = doc.data.amendments ?? [];
      const pathOf = (field: string): DocPath => {
        for (let i = amendments.length - 1; i >= 0; i--) if (amendments[i]!.field === field) return ['amendments', i, 'value'];
        return field.includes('.') ? field.split('.') : [field];
      };
      let previous: { field: string; at: number; text: string } | undefined;
      for (const field of ORDER) {
        const text = data[field];
        const at = instant(text);
        if (at === undefined || text === undefined) continue;
        if (previous && at < previous.at) {
          ctx.report(doc, pathOf(field), {
            message: `${field}: ${text} is before ${previous.field} (${previous.text}).`,
            hint: `Times run detected, acknowledged, mitigated, resolved; check the date and the UTC offset.`,
          });
        }
        previous = { field, at, text };
      }
      if ((data.status === 'resolved' || data.status === 'closed') && data.resolved === undefined) {
        ctx.report(doc, ['status'], {
          message: `status: the incident is ${data.status} but has no resolved time.`,
          hint: 'Add resolved: with the date-time and offset at which it was resolved.',
        });
      }
      if (data.resolved !== undefined && data.status !== 'resolved' && data.status !== 'closed') {
        ctx.report(doc, ['status'], {
          message: `status: the incident has a resolved time but its status is "${data.status}".`,
          hint: 'Set status to resolved (or closed), or remove the resolved time.',
        });
      }
      const start = instant(data.impact.start);
      const end = instant(data.impact.end);
      if (start !== undefined && end !== undefined && end < start) {
        ctx.report(doc, pathOf('impact.end'), {
          message: `impact.end: ${data.impact.end} is before impact.start (${data.impact.start}).`,
          hint: 'The impact window must end after it starts.',
        });
      }
      let last: { at: number; text: string } | undefined;
      data.timeline.forEach((entry, i) => {
        const at = instant(entry.at);
        if (at === undefined) return;
        if (last && at < last.at) {
          ctx.report(doc, ['timeline', i, 'at'], {
            message: `timeline[${i}].at: ${entry.at} is before the entry above it (${last.text}).`,
            hint: 'Keep the timeline in chronological order.',
          });
        }
        last = { at, text: entry.at };
      });
    }
  },
};
