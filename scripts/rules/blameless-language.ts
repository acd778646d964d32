import { findPersonMentions, nameMatcher } from '../incidents/person-mentions.ts';
import { describeSpan, spanInValue } from '../incidents/text-positions.ts';
import { readPostmortemBody, templateSectionsOf } from '../postmortems/markdown.ts';
import type { Rule } from './rule.ts';

const HINT =
  'Describe the system instead: what allowed the mistake (a missing check, an unclear runbook, an alert that did not fire), not who made it. Blame teaches people to hide mistakes.';

/**
 * Seed 004 "The blame game": focusing on who caused the incident instead of how to prevent it.
 * A root cause (the incident's root_cause, or the post-mortem's root-cause section) that names a
 * person from policy/people.yaml gets a warning; elsewhere in a post-mortem names are fine (the
 * timeline says who did what).
 */
export const blamelessLanguage: Rule = {
  id: 'blameless-language',
  description: 'Root causes are blameless: an incident\'s root_cause or a post-mortem\'s root-cause section that names a person from policy/people.yaml gets a warning suggesting to describe the system instead (seed 004).',
  severity: 'warning',
  needs: ['people'],
  check(ctx) {
    const matcher = nameMatcher(ctx.model.policy.people!.data.people);
    for (const doc of ctx.model.incidents) {
      const text = doc.data.root_cause;
      if (text === undefined) continue;
      for (const mention of findPersonMentions(text, matcher)) {
        const span = spanInValue(doc.parsed, ['root_cause'], mention.text, mention.index);
        ctx.reportAt(doc, span.line, span.column, {
          message: `root_cause: names "${mention.text}" (${mention.person}) as part of the cause (${describeSpan(span)}).`,
          hint: HINT,
        });
      }
    }
    for (const doc of ctx.model.postmortems) {
      const markdown = doc.file.markdown;
      if (!markdown) continue;
      const body = readPostmortemBody(markdown.text, markdown.startLine);
      const rootCause = templateSectionsOf(body).get('root-cause');
      if (!rootCause) continue;
      const lines = markdown.text.split('\n');
      for (let line = rootCause.section.heading.line + 1; line <= rootCause.section.endLine; line++) {
        const text = lines[line - markdown.startLine] ?? '';
        for (const mention of findPersonMentions(text, matcher)) {
          const span = { line, column: mention.index + 1, endLine: line, endColumn: mention.index + 1 + mention.text.length };
          ctx.reportAt(doc, line, span.column, {
            message: `The root-cause section names "${mention.text}" (${mention.person}) (${describeSpan(span)}).`,
            hint: HINT,
          });
        }
      }
    }
  },
};
