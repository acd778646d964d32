/**
 * The post-mortem template as the organisation writes it in policy/severities.yaml
 * `postmortem_template`: the sections every post-mortem has, the headings accepted for each, which
 * severities need each, and what `new postmortem` fills in from the incident record. Pure: policy
 * data in, sections to match headings against out.
 */
import type { RepoModel } from '../model/repo-model.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

export type TemplateData = SchemaTypes['severities']['postmortem_template'];
type SectionData = TemplateData['sections'][number];

/** What `new postmortem` writes into a section from the incident record (`fill` in the policy). */
export type Fill = NonNullable<SectionData['fill']>;

export interface TemplateSection {
  /** The section's id in the policy, e.g. root-cause. */
  id: string;
  /** The heading `new postmortem` writes. */
  title: string;
  /** What the section holds, as the policy says it. */
  purpose: string;
  /** Headings accepted for the section, normalised (see {@link normaliseHeading}). */
  headings: readonly string[];
  /** Severities whose post-mortems need the section; undefined: every severity. */
  severities?: readonly string[];
  fill?: Fill;
  /** How blameless-language reads this section: any name (a root cause), or only blame (a timeline); undefined: not at all. */
  blameless?: 'names' | 'blame';
  /** Guidance written under the heading in a new draft when the incident record has nothing to fill in. */
  prompt: string;
}

/**
 * The prompt under the action-items section: the items themselves live in the front matter, so the
 * section only says so (and may be left as it is in a final post-mortem).
 */
export const ACTION_ITEMS_NOTE =
  'Tracked in the front matter above: add each follow-up task to `action_items` with an id (AI-1, AI-2, ...), a title, an owner from policy/people.yaml, a due date and a status.';

function sectionOf(data: SectionData): TemplateSection {
  const purpose = data.holds.replace(/\.$/, '');
  return {
    id: data.id,
    title: data.heading,
    purpose: purpose.charAt(0).toLowerCase() + purpose.slice(1),
    headings: [...new Set([data.heading, ...(data.accepts ?? [])].map(normaliseHeading))],
    ...(data.severities ? { severities: data.severities } : {}),
    ...(data.fill ? { fill: data.fill } : {}),
    ...(data.blameless ? { blameless: data.blameless } : {}),
    prompt: data.fill === 'action-items' ? ACTION_ITEMS_NOTE : `_${purpose}._`,
  };
}

const cache = new WeakMap<TemplateData, TemplateSection[]>();

/** The template's sections, in order. */
export function templateSections(template: TemplateData): TemplateSection[] {
  let sections = cache.get(template);
  if (!sections) cache.set(template, (sections = template.sections.map(sectionOf)));
  return sections;
}

/** The organisation's template, or undefined while policy/severities.yaml is missing or invalid. */
export function templateOf(model: RepoModel): TemplateSection[] | undefined {
  const template = model.policy.severities?.data.postmortem_template;
  return template ? templateSections(template) : undefined;
}

/** Whether a post-mortem of `severity` needs the section (every severity when the post-mortem names none). */
export function requiredFor(section: TemplateSection, severity: string | undefined): boolean {
  return section.severities === undefined || severity === undefined || section.severities.includes(severity);
}

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
export function sectionOfHeading(sections: readonly TemplateSection[], text: string): TemplateSection | undefined {
  const normalised = normaliseHeading(text);
  return sections.find((section) => section.headings.includes(normalised));
}
