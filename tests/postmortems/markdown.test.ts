import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plainText, readPostmortemBody, templateSectionsOf } from '../../scripts/postmortems/markdown.ts';
import { loadMarkdownParser, parseMarkdown } from '../../scripts/postmortems/markdown-parser.ts';
import { normaliseHeading, promptText, sectionOfHeading, templateSections, type TemplateData } from '../../scripts/postmortems/template.ts';
import { FIXTURE_ROOT } from '../support/repo.ts';

// These bodies are not all plain Markdown: the parser reads them, as the pipeline loads it to.
await loadMarkdownParser();

/** The example organisation's template (policy/severities.yaml postmortem_template). */
const SECTIONS = templateSections(
  (parse(readFileSync(join(FIXTURE_ROOT, 'policy', 'severities.yaml'), 'utf8')) as { postmortem_template: TemplateData }).postmortem_template,
);

const body = [
  '', // line 10 of the file: the body starts after the front matter
  '# Post-mortem: an outage',
  '',
  '## Incident summary',
  '',
  'It broke.',
  '',
  '```md',
  '## Impact',
  '```',
  '',
  'Root cause',
  '----------',
  '',
  'A token **expired**.',
  '',
  '### Detail',
  '',
  'More detail.',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '| --- | --- |',
  '| 02:14 | Alert |',
  '',
].join('\n');

describe('readPostmortemBody', () => {
  const parsed = readPostmortemBody(body, 10);

  it('finds ATX and setext headings with file lines, and none inside code blocks', () => {
    expect(parsed.headings.map((h) => [h.depth, h.text, h.line])).toEqual([
      [1, 'Post-mortem: an outage', 11],
      [2, 'Incident summary', 13],
      [2, 'Root cause', 21],
      [3, 'Detail', 26],
      [2, 'Timeline', 30],
    ]);
  });

  it('gives each section its content up to the next heading of the same or a higher level', () => {
    const sections = templateSectionsOf(parsed, SECTIONS);
    expect([...sections.keys()]).toEqual(['summary', 'root-cause', 'timeline']);
    const rootCause = sections.get('root-cause')!.section;
    expect(rootCause.text).toBe('A token expired.\nDetail\nMore detail.');
    expect(rootCause.endLine).toBe(29);
    expect(sections.get('summary')!.section.text).toContain('## Impact');
    expect(sections.get('timeline')!.section.content[0]!.type).toBe('table');
  });
});

describe('headings', () => {
  it.each([
    ['Incident summary', 'summary'],
    ['SUMMARY', 'summary'],
    ['1. Impact', 'impact'],
    ['Root Cause Analysis', 'root-cause'],
    ['What went well?', 'went-well'],
    ['What could have gone better', 'could-improve'],
    ['Follow-up actions', 'action-items'],
    ['Action Items', 'action-items'],
    ['Timeline of events', 'timeline'],
    ['Lessons learned', 'could-improve'],
    ['Corrective Actions', 'action-items'],
  ])('%j is the %s section', (heading, id) => {
    expect(sectionOfHeading(SECTIONS, heading)?.id).toBe(id);
  });

  it.each(['Background', 'Summary of the timeline', 'Impacted systems list'])('%j is no template section', (heading) => {
    expect(sectionOfHeading(SECTIONS, heading)).toBeUndefined();
  });

  it('normalises punctuation, case and numbering', () => {
    expect(normaliseHeading('  2) What could be improved?! ')).toBe('what could be improved');
  });
});

describe('the template prompts', () => {
  it.each(SECTIONS.map((section) => [section.id, section] as const))('%s: its plain text is what the Markdown parser reads', (_id, section) => {
    expect(promptText(section)).toBe(plainText(parseMarkdown(section.prompt)).trim());
  });
});
