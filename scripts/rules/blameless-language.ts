import { findPersonMentions, nameMatcher } from '../incidents/person-mentions.ts';
import { describeSpan, spanInValue } from '../incidents/text-positions.ts';
import { readPostmortemBody, templateSectionsOf } from '../postmortems/markdown.ts';
import { templateOf } from '../postmortems/template.ts';
import type { Rule } from './rule.ts';

const HINT =
  'Describe the system instead: what allowed the mistake (a missing check, an unclear runbook, an alert that did not fire), not who made it. Blame teaches people to hide mistakes.';

/**
 * "The blame game": focusing on who caused the incident instead of how to prevent it. A root cause
 * (the incident's root_cause, or a post-mortem section the template marks blameless) that names a
 * person from policy/people.yaml gets a warning; elsewhere in a post-mortem names are fine (the
 * timeline says who did what).
 */
export const blamelessLanguage: Rule = {
  id: 'blameless-language',
  description: 'Root causes are blameless: an incident\'s root_cause, or a post-mortem section the template marks blameless (the root cause), that names a person from policy/people.yaml gets a warning suggesting to describe the system instead.',
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
    // The template's sections marked blameless (the root cause); none while the template is unreadable.
    const sections = templateOf(ctx.model) ?? [];
    const blameless = sections.filter((s) => s.blameless);
    if (blameless.length === 0) return;
    for (const doc of ctx.model.postmortems) {
      const markdown = doc.file.markdown;
      if (!markdown) continue;
      const body = readPostmortemBody(markdown.text, markdown.startLine);
      const found = templateSectionsOf(body, sections);
      const lines = markdown.text.split('\n');
      for (const template of blameless) {
        const hit = found.get(template.id);
        if (!hit) continue;
        for (let line = hit.section.heading.line + 1; line <= hit.section.endLine; line++) {
          const text = lines[line - markdown.startLine] ?? '';
          for (const mention of findPersonMentions(text, matcher)) {
            const span = { line, column: mention.index + 1, endLine: line, endColumn: mention.index + 1 + mention.text.length };
            ctx.reportAt(doc, line, span.column, {
              message: `The ${template.title.toLowerCase()} section names "${mention.text}" (${mention.person}) (${describeSpan(span)}).`,
              hint: HINT,
            });
          }
        }
      }
    }
  },
};
