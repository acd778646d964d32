import { organisationZone, postmortemRequirement, postmortemsOf } from '../incidents/policy.ts';
import { formatInstant } from '../incidents/instants.ts';
import { describeDuration } from '../util/duration.ts';
import { publishedInstant } from '../postmortems/published.ts';
import type { Rule } from './rule.ts';

/**
 * Seed 000: a blameless post-mortem for P0 and P1 within 48 hours; seed 002's scenarios set their
 * own deadlines. The policy chooses per severity and scenario. A post-mortem that does not exist
 * when it is due is an error (write it); one still in time is a note; one published late, or
 * still a draft after the deadline, is a warning.
 */
export const postmortemDue: Rule = {
  id: 'postmortem-due',
  description: 'A resolved incident whose severity or scenario requires a post-mortem has one in docs/incidents/ by the policy\'s deadline after resolution: missing after the deadline is an error, still within it a note, published late or still a draft after it a warning; an incident\'s postmortem: path exists.',
  severity: 'error',
  alsoReports: ['warning', 'note'],
  needs: ['severities', 'escalation'],
  check(ctx) {
    const zone = organisationZone(ctx.model);
    const paths = new Set(ctx.model.files.map((file) => file.path));
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      const expected = `docs/incidents/${incident.id}.md`;
      if (incident.postmortem !== undefined && !paths.has(incident.postmortem)) {
        ctx.report(doc, ['postmortem'], {
          message: `postmortem: ${incident.postmortem} does not exist.`,
          hint: `Write it with \`npm run oncall -- new postmortem --incident ${incident.id}\`, or correct the path.`,
        });
      }
      const requirement = postmortemRequirement(ctx.model, incident);
      if (!requirement.required || !requirement.due || !requirement.within) continue;
      const due = requirement.due;
      const deadline = `${describeDuration(requirement.within)} of resolution (${requirement.source})`;
      const documents = postmortemsOf(ctx.model, incident.id);
      const exists = documents.length > 0 || paths.has(expected) || (incident.postmortem !== undefined && paths.has(incident.postmortem));
      if (!exists) {
        const overdue = ctx.now.getTime() >= due.getTime();
        ctx.report(doc, ['resolved'], {
          message: overdue
            ? `resolved: a post-mortem was due within ${deadline}, by ${formatInstant(due, zone)}, and ${expected} does not exist.`
            : `resolved: a post-mortem is due within ${deadline}, by ${formatInstant(due, zone)}.`,
          hint: `Write it with \`npm run oncall -- new postmortem --incident ${incident.id}\`.`,
          ...(overdue ? {} : { severity: 'note' as const }),
        });
        continue;
      }
      for (const postmortem of documents) {
        const published = publishedInstant(postmortem.data.published, zone);
        if (published && published.getTime() > due.getTime()) {
          ctx.report(postmortem, ['published'], {
            message: `published: the post-mortem was completed ${postmortem.data.published}, after its deadline: ${formatInstant(due, zone)}, within ${deadline}.`,
            hint: /^\d{4}-\d{2}-\d{2}$/.test(postmortem.data.published ?? '')
              ? 'A date counts as the end of that day: if it was completed in time on the day of the deadline, give the date-time. Otherwise hold the review sooner next time; the monthly report lists late post-mortems.'
              : 'Hold the review sooner next time; the monthly report lists late post-mortems.',
            severity: 'warning',
          });
        } else if (!published && postmortem.data.status !== 'final' && ctx.now.getTime() >= due.getTime()) {
          ctx.report(postmortem, ['status'], {
            message: `status: the post-mortem is still "${postmortem.data.status}" and was due by ${formatInstant(due, zone)}, within ${deadline}.`,
            hint: 'Finish the review, set status: final and record published: with the date-time it was completed.',
            severity: 'warning',
          });
        }
      }
    }
  },
};
