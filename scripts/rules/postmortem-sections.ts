import { readPostmortemBody, templateSectionsOf } from '../postmortems/markdown.ts';
import { promptText, TEMPLATE_SECTIONS } from '../postmortems/template.ts';
import type { Rule } from './rule.ts';

const SECTION_LIST = TEMPLATE_SECTIONS.map((s) => s.title).join(', ');

/**
 * Seed 000 "Post-Mortem Template": summary, impact, root cause, timeline, what went well, what
 * could be improved, action items. Headings are found with a Markdown parser, so a heading inside
 * a code block does not count, and matched case-insensitively with common wordings ("Incident
 * summary", "Root cause analysis").
 */
export const postmortemSections: Rule = {
  id: 'postmortem-sections',
  description: 'A post-mortem has every section of the template (summary, impact, root cause, timeline, what went well, what could be improved, action items), each with content; a final one keeps none of the prompts `new postmortem` writes.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: [],
  check(ctx) {
    for (const doc of ctx.model.postmortems) {
      const markdown = doc.file.markdown;
      if (!markdown) continue;
      const body = readPostmortemBody(markdown.text, markdown.startLine);
      const found = templateSectionsOf(body);
      const anchor = body.headings[0] ?? { line: markdown.startLine, column: 1 };
      for (const template of TEMPLATE_SECTIONS) {
        const hit = found.get(template.id);
        if (!hit) {
          ctx.reportAt(doc, anchor.line, anchor.column, {
            message: `The post-mortem has no "${template.title}" section (${template.purpose}).`,
            hint: `Add a "## ${template.title}" heading with its content; the template's sections are ${SECTION_LIST}.`,
          });
          continue;
        }
        const { section } = hit;
        const emptyAllowed = template.id === 'action-items' && doc.data.action_items.length > 0;
        if (section.text === '' && !emptyAllowed) {
          ctx.reportAt(doc, section.heading.line, section.heading.column, {
            message: `Section "${section.heading.text}" is empty.`,
            hint: `Write ${template.purpose} under it.`,
          });
        } else if (doc.data.status === 'final' && template.id !== 'action-items' && section.text === promptText(template)) {
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
