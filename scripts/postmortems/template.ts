/**
 * The post-mortem template (seed 000 "Post-Mortem Template"): the sections every post-mortem has,
 * the headings accepted for each, and the prompt `new postmortem` writes under the ones it cannot
 * fill from the incident record.
 */

/** Section ids, in template order. */
export type SectionId = 'summary' | 'impact' | 'root-cause' | 'timeline' | 'went-well' | 'could-improve' | 'action-items';

export interface TemplateSection {
  id: SectionId;
  /** The heading `new postmortem` writes. */
  title: string;
  /** What the section holds, as the seed describes it. */
  purpose: string;
  /** Headings accepted for the section, normalised (see {@link normaliseHeading}). */
  headings: readonly string[];
  /** Guidance written under the heading in a new draft when the incident record has nothing to fill in. */
  prompt: string;
}

export const TEMPLATE_SECTIONS: readonly TemplateSection[] = [
  {
    id: 'summary',
    title: 'Summary',
    purpose: 'what happened, when, and how long it lasted',
    headings: ['summary', 'incident summary', 'executive summary', 'overview'],
    prompt: '_Say what happened, when, and how long it lasted._',
  },
  {
    id: 'impact',
    title: 'Impact',
    purpose: 'who was affected and how',
    headings: ['impact', 'customer impact', 'user impact', 'business impact'],
    prompt: '_Say who was affected and how._',
  },
  {
    id: 'root-cause',
    title: 'Root cause',
    purpose: 'why it happened',
    headings: ['root cause', 'root causes', 'root cause analysis', 'cause', 'causes', 'contributing factors'],
    prompt: '_Explain why it happened: describe the system and the conditions, not the people involved._',
  },
  {
    id: 'timeline',
    title: 'Timeline',
    purpose: 'the chronological sequence of events from detection to resolution',
    headings: ['timeline', 'incident timeline', 'timeline of events'],
    prompt: '_List the events from detection to resolution, in order._',
  },
  {
    id: 'went-well',
    title: 'What went well',
    purpose: 'aspects of the response that worked',
    headings: ['what went well', 'went well', 'what worked'],
    prompt: '_List the parts of the response that worked._',
  },
  {
    id: 'could-improve',
    title: 'What could be improved',
    purpose: 'gaps in process, tooling, or communication',
    headings: ['what could be improved', 'what could have been improved', 'what could have gone better', 'what could be better', 'what went wrong', 'improvements'],
    prompt: '_List the gaps in process, tooling or communication that the response showed._',
  },
  {
    id: 'action-items',
    title: 'Action items',
    purpose: 'specific follow-up tasks with owners and deadlines',
    headings: ['action items', 'actions', 'follow up actions', 'follow ups', 'follow up'],
    prompt:
      'Tracked in the front matter above: add each follow-up task to `action_items` with an id (AI-1, AI-2, ...), a title, an owner from policy/people.yaml, a due date and a status.',
  },
];

/**
 * A prompt as a section's text reads once parsed: its emphasis and code marks removed, so a final
 * post-mortem that still holds it is recognised without loading the Markdown parser
 * (tests/postmortems/markdown.test.ts compares it with the parser's reading of every prompt).
 */
export function promptText(section: TemplateSection): string {
  return section.prompt.replace(/^_(.*)_$/s, '$1').replace(/`([^`]*)`/g, '$1');
}

/**
 * A heading reduced to what matters for matching: lower case, numbering such as "1." or "A)"
 * removed, punctuation turned into spaces ("Follow-up" and "follow up" match), spaces collapsed.
 */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(?:\d+|[a-z])[.)]\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The template section a heading stands for, if any. */
export function sectionOfHeading(text: string): TemplateSection | undefined {
  const normalised = normaliseHeading(text);
  return TEMPLATE_SECTIONS.find((section) => section.headings.includes(normalised));
}
