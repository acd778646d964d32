import { instantOf } from '../incidents/instants.ts';
import { isClosed } from '../history/amendable.ts';
import { severityLevel } from '../incidents/policy.ts';
import type { Rule } from './rule.ts';

/**
 * A closed incident's severity, times and impact are frozen (history-append-only); a correction is
 * an entry in `amendments`, which reports, SLAs and deadlines read instead. Each entry must hold a
 * value the field can take, and only a closed incident is amended (an open one is simply edited).
 */
export const incidentAmendments: Rule = {
  id: 'incident-amendments',
  description:
    "An incident's amendments correct a closed incident, each with a value its field can take: a severity from policy/severities.yaml, true or false for impact.downtime, a date-time with offset for the times.",
  severity: 'error',
  needs: ['severities'],
  check(ctx) {
    for (const doc of ctx.model.incidents) {
      const amendments = doc.data.amendments ?? [];
      if (amendments.length === 0) continue;
      if (!isClosed('incident', doc.data)) {
        ctx.report(doc, ['amendments'], {
          message: `amendments: the incident is ${doc.data.status}, not closed; until it is closed, correct the field itself.`,
          hint: 'Edit severity, the times or the impact directly, and remove the amendments; they are for closed incidents.',
          target: 'key',
        });
      }
      amendments.forEach((amendment, i) => {
        const where = `amendments[${i}].value`;
        const value = amendment.value;
        let problem: string | undefined;
        if (amendment.field === 'severity') {
          if (typeof value !== 'string' || !severityLevel(ctx.model, value)) problem = `${JSON.stringify(value)} is not a severity in policy/severities.yaml`;
        } else if (amendment.field === 'impact.downtime') {
          if (typeof value !== 'boolean') problem = `${JSON.stringify(value)} is not true or false`;
        } else if (typeof value !== 'string' || !/(Z|[+-]\d\d:\d\d)$/i.test(value) || instantOf(value) === undefined) {
          problem = `${JSON.stringify(value)} is not a date-time with a UTC offset`;
        }
        if (problem) {
          ctx.report(doc, ['amendments', i, 'value'], {
            message: `${where}: ${problem}, as ${amendment.field} needs.`,
            hint: amendment.field === 'severity' ? 'Use a severity id, e.g. P1.' : amendment.field === 'impact.downtime' ? 'Write true or false, unquoted.' : 'Write it like 2026-10-14T09:42:00+02:00.',
          });
        }
      });
    }
  },
};
