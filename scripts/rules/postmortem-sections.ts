import { readPostmortemBody, templateSectionsOf } from '../postmortems/markdown.ts';
import { promptText, requiredFor, templateSections } from '../postmortems/template.ts';
import type { Rule } from './rule.ts';

/**
 * The organisation's post-mortem template (policy/severities.yaml postmortem_template): every
 * section it requires for the post-mortem's severity, found with a Markdown parser (a heading in a
 * code block does not count) and matched by its heading or one of the headings the template
 * accepts, ignoring case, numbering and punctuation. The severity is the post-mortem's own
 * (front matter `severity`; the postmortem-severity rule keeps it equal to the incident's); without
 * one, every section is required.
 */
export const postmortemSections: Rule = {
  id: 'postmortem-sections',
  description:
    'A post-mortem has every section policy/severities.yaml postmortem_template requires for its severity (matched by heading or an accepted heading), each with content; a final one keeps none of the prompts `new postmortem` writes.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['severities'],
  check(ctx) {
    const sections = templateSections(ctx.model.policy.severities!.data.postmortem_template);
    for (const doc of ctx.model.postmortems) {
      const markdown = doc.file.markdown;
      if (!markdown) continue;
      const body = readPostmortemBody(markdown.text, markdown.startLine);
      const found = templateSectionsOf(body, sections);
      const anchor = body.headings[0] ?? { line: markdown.startLine, column: 1 };
      const severity = doc.data.severity;
      const required = sections.filter((section) => requiredFor(section, severity));
      const list = required.map((s) => s.title).join(', ');
      for (const template of required) {
        const hit = found.get(template.id);
        if (!hit) {
          ctx.reportAt(doc, anchor.line, anchor.column, {
            message: `The post-mortem has no "${template.title}" section (${template.purpose})${severity ? `, which the template requires for ${severity}` : ''}.`,
            hint: `Add a "## ${template.title}" heading with its content${template.headings.length > 1 ? ` (or one the template accepts for it, in policy/severities.yaml)` : ''}; the template's sections${severity ? ` for ${severity}` : ''} are ${list}.`,
          });
          continue;
        }
        const { section } = hit;
        const emptyAllowed = template.fill === 'action-items' && doc.data.action_items.length > 0;
        if (section.text === '' && !emptyAllowed) {
          ctx.reportAt(doc, section.heading.line, section.heading.column, {
            message: `Section "${section.heading.text}" is empty.`,
            hint: `Write ${template.purpose} under it.`,
          });
        } else if (doc.data.status === 'final' && template.fill !== 'action-items' && section.text === promptText(template)) {
          ctx.reportAt(doc, section.heading.line, section.heading.column, {
            message: `Section "${section.heading.text}" still holds the template's prompt, and the post-mortem is final.`,
            hint: `Replace the prompt with ${template.purpose}.`,
            severity: 'warning',
          });
        }
      }
    }
  },
};
