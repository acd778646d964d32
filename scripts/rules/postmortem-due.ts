import { amendedIncident } from '../incidents/amended.ts';
import { organisationZone, postmortemRequirement, postmortemsOf } from '../incidents/policy.ts';
import { formatInstant } from '../incidents/instants.ts';
import { describeDuration } from '../util/duration.ts';
import { completionOf } from '../postmortems/published.ts';
import type { Rule } from './rule.ts';

/**
 * A blameless post-mortem within the deadline the policy sets per severity and escalation scenario.
 * A post-mortem that does not exist when it is due is an error (write it); one still in time is a
 * note; one completed late, or still a draft after the deadline, is a warning. A final post-mortem
 * without `published` was completed when it was first committed (git history, passed in by the
 * command); outside a git checkout that is unknown, and only `published` counts.
 */
export const postmortemDue: Rule = {
  id: 'postmortem-due',
  description: 'A resolved incident whose severity or scenario requires a post-mortem has one in docs/incidents/ by the policy\'s deadline after resolution: missing after the deadline is an error, still within it a note, completed late (published, or else first committed) or still a draft after it a warning; an incident\'s postmortem: path exists.',
  severity: 'error',
  alsoReports: ['warning', 'note'],
  needs: ['severities', 'escalation'],
  check(ctx) {
    const zone = organisationZone(ctx.model);
    const paths = new Set(ctx.model.files.map((file) => file.path));
    for (const doc of ctx.model.incidents) {
      const incident = amendedIncident(doc.data);
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
        const completion = completionOf({ path: postmortem.file.path, ...postmortem.data }, zone, ctx.firstCommits, ctx.now);
        if (completion?.from === 'published' && completion.at.getTime() > due.getTime()) {
          ctx.report(postmortem, ['published'], {
            message: `published: the post-mortem was completed ${postmortem.data.published}, after its deadline: ${formatInstant(due, zone)}, within ${deadline}.`,
            hint: /^\d{4}-\d{2}-\d{2}$/.test(postmortem.data.published ?? '')
              ? 'A date counts as the end of that day: if it was completed in time on the day of the deadline, give the date-time. Otherwise hold the review sooner next time; the monthly report lists late post-mortems.'
              : 'Hold the review sooner next time; the monthly report lists late post-mortems.',
            severity: 'warning',
          });
        } else if (completion && completion.from !== 'published' && completion.at.getTime() > due.getTime()) {
          ctx.report(postmortem, ['status'], {
            message:
              completion.from === 'first-commit'
                ? `status: the post-mortem is final without a published date, so it counts as completed when it was first committed, ${formatInstant(completion.at, zone)}, after its deadline: ${formatInstant(due, zone)}, within ${deadline}.`
                : `status: the post-mortem is final without a published date and not committed yet, so it counts as completed now, ${formatInstant(completion.at, zone)}, after its deadline: ${formatInstant(due, zone)}, within ${deadline}.`,
            hint: 'Record published: with the date-time the review was completed if it was earlier; hold the review sooner next time.',
            severity: 'warning',
          });
        } else if (completion === undefined && postmortem.data.status !== 'final' && ctx.now.getTime() >= due.getTime()) {
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
