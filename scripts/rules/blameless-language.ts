import { blameAfter, findBlamePhrases } from '../incidents/blame-phrases.ts';
import { findPersonMentions, nameMatcher, type NameOptions } from '../incidents/person-mentions.ts';
import { describeSpan, spanInValue, type TextSpan } from '../incidents/text-positions.ts';
import type { DocPath } from '../repo/locate.ts';
import type { Doc } from '../model/repo-model.ts';
import { readPostmortemBody, templateSectionsOf } from '../postmortems/markdown.ts';
import { templateOf, type TemplateSection } from '../postmortems/template.ts';
import type { Rule, RuleContext } from './rule.ts';

const HINT =
  'Describe the system instead: what allowed the mistake (a missing check, an unclear runbook, an alert that did not fire), not who made it. Blame teaches people to hide mistakes.';

/** What a text is checked for: any person named (a root cause), or only a person blamed (a timeline, what could be improved). */
type Strictness = 'any-name' | 'blamed-name';

interface Found {
  index: number;
  length: number;
  message: (where: string, span: string) => string;
  hint: string;
}

type Matcher = ReturnType<typeof nameMatcher>;

function findBlame(text: string, matcher: Matcher, names: NameOptions, strictness: Strictness): Found[] {
  const found: Found[] = [];
  // Where a person is named with blaming words, those words are part of that one finding.
  const covered: [number, number][] = [];
  for (const mention of findPersonMentions(text, matcher, names)) {
    const blame = blameAfter(text, mention.index + mention.text.length);
    if (strictness === 'blamed-name' && blame === undefined) continue;
    if (blame) covered.push([mention.index, blame.end]);
    found.push({
      index: mention.index,
      length: mention.text.length,
      message: (where, span) =>
        strictness === 'any-name' ? `${where}names "${mention.text}" (${mention.person}) as part of the cause (${span}).` : `${where}blames "${mention.text}" (${mention.person}): "${blame!.words}" (${span}).`,
      hint: HINT,
    });
  }
  for (const phrase of findBlamePhrases(text)) {
    if (covered.some(([from, to]) => phrase.index < to && phrase.index + phrase.text.length > from)) continue;
    found.push({
      index: phrase.index,
      length: phrase.text.length,
      message: (where, span) => `${where}uses blaming language: "${phrase.text}" (${span}).`,
      hint: phrase.rewrite,
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

function checkValue(ctx: RuleContext, doc: Doc, path: DocPath, label: string, text: string, matcher: Matcher, names: NameOptions, strictness: Strictness): void {
  for (const blame of findBlame(text, matcher, names, strictness)) {
    const span = spanInValue(doc.parsed, path, text.slice(blame.index, blame.index + blame.length), blame.index);
    ctx.reportAt(doc, span.line, span.column, { message: blame.message(`${label}: `, describeSpan(span)), hint: blame.hint });
  }
}

/** How a template section marked blameless is read: `names` as a root cause, `blame` as a timeline. */
const STRICTNESS: Readonly<Record<NonNullable<TemplateSection['blameless']>, Strictness>> = { names: 'any-name', blame: 'blamed-name' };

function checkPostmortem(ctx: RuleContext, doc: Doc<'postmortem'>, template: readonly TemplateSection[], matcher: Matcher, names: NameOptions): void {
  const markdown = doc.file.markdown;
  if (!markdown) return;
  const body = readPostmortemBody(markdown.text, markdown.startLine);
  const sections = templateSectionsOf(body, template);
  const lines = markdown.text.split('\n');
  for (const section of template) {
    if (!section.blameless) continue;
    const strictness = STRICTNESS[section.blameless];
    const name = `"${section.title}"`;
    const found = sections.get(section.id);
    if (!found) continue;
    const first = found.section.heading.line + 1;
    const last = found.section.endLine;
    // The section's text as one string (a sentence may wrap), and where each of its lines starts.
    const sectionLines = lines.slice(first - markdown.startLine, last - markdown.startLine + 1);
    const text = sectionLines.join('\n');
    const starts: number[] = [];
    let offset = 0;
    for (const line of sectionLines) {
      starts.push(offset);
      offset += line.length + 1;
    }
    const at = (index: number) => {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > index) i--;
      return { line: first + i, column: index - starts[i]! + 1 };
    };
    for (const blame of findBlame(text, matcher, names, strictness)) {
      const from = at(blame.index);
      const to = at(blame.index + blame.length);
      const span: TextSpan = { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
      ctx.reportAt(doc, span.line, span.column, { message: blame.message(`The ${name} section `, describeSpan(span)), hint: blame.hint });
    }
  }
}

/**
 * The blame game: focusing on who caused the incident instead of how to prevent it. A root cause
 * (an incident's root_cause, a post-mortem section the template marks `blameless: names`) that
 * names a person gets a warning; in a timeline and in sections marked `blameless: blame` ("What
 * could be improved") names are expected (they say who did what), so only a person named with
 * blaming words ("_Sean_ ignored the error") is reported. Blame without a name ("human error", "the
 * developer forgot") is reported in all of them, with a rewrite.
 */
export const blamelessLanguage: Rule = {
  id: 'blameless-language',
  description:
    'Root causes, timelines and the post-mortem sections the template marks blameless are blameless: a root cause that names a person from policy/people.yaml (full name, first name used as a person, @-mention, handle; diacritics ignored), a person named with blaming words in a timeline or a section marked `blameless: blame`, and blaming phrases without a name ("human error", "the developer forgot") get a warning suggesting to describe the system instead.',
  severity: 'warning',
  needs: ['people'],
  check(ctx) {
    const matcher = nameMatcher(ctx.model.policy.people!.data.people);
    const names: NameOptions = { notNames: new Set((ctx.model.policy.organisation?.data.blameless_language?.not_names ?? []).map((word) => word.toLowerCase())) };
    for (const doc of ctx.model.incidents) {
      const rootCause = doc.data.root_cause;
      if (rootCause !== undefined) checkValue(ctx, doc, ['root_cause'], 'root_cause', rootCause, matcher, names, 'any-name');
      doc.data.timeline.forEach((entry, i) => checkValue(ctx, doc, ['timeline', i, 'event'], `timeline[${i}].event`, entry.event, matcher, names, 'blamed-name'));
    }
    // The template's sections marked blameless; none while the template is unreadable.
    const sections = templateOf(ctx.model) ?? [];
    if (!sections.some((section) => section.blameless)) return;
    for (const doc of ctx.model.postmortems) checkPostmortem(ctx, doc, sections, matcher, names);
  },
};
