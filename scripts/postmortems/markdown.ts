/**
 * A post-mortem's Markdown body read with a real Markdown parser (mdast, with GitHub's extensions),
 * so headings inside code blocks, setext headings and tables are seen the way GitHub renders them.
 * Pure: text in, structure out, with file lines.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import { parseMarkdown } from './markdown-parser.ts';
import { readSimpleBody } from './simple-body.ts';
import { sectionOfHeading, type TemplateSection } from './template.ts';

/** A heading of the body, positioned in the file. */
export interface BodyHeading {
  depth: number;
  /** The heading's text without Markdown syntax. */
  text: string;
  /** 1-based file line and column of the heading. */
  line: number;
  column: number;
}

/** A heading and everything under it up to the next heading of the same or a higher level. */
export interface BodySection {
  heading: BodyHeading;
  /** Last file line of the section (inclusive). */
  endLine: number;
  /** The content nodes under the heading, subsections included. */
  content: RootContent[];
  /** The plain text of the content, trimmed. */
  text: string;
}

/** The parsed body: every heading, and the sections they open. */
export interface PostmortemBody {
  headings: BodyHeading[];
  sections: BodySection[];
  /** File line on which the body starts. */
  startLine: number;
  /** File line of the body's last line. */
  endLine: number;
}

const SEPARATORS: Partial<Record<Nodes['type'], string>> = {
  root: '\n',
  blockquote: '\n',
  list: '\n',
  listItem: '\n',
  table: '\n',
  tableRow: ' ',
  footnoteDefinition: '\n',
};

/** Plain text of a node: text and code values, image alternatives; no Markdown syntax. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join(SEPARATORS[node.type] ?? '');
  return '';
}

/**
 * Parses a body that starts on file line `startLine`. Never throws: Markdown has no syntax errors,
 * every text is some document. A body in plain Markdown (simple-body.ts) is read without the
 * parser, which then runs only if a section's syntax tree is asked for.
 */
export function readPostmortemBody(text: string, startLine: number): PostmortemBody {
  const simple = readSimpleBody(text, startLine);
  if (!simple) return parsePostmortemBody(text, startLine);
  let parsed: PostmortemBody | undefined;
  const sections = simple.sections.map((section, index) => {
    const withContent = { ...section } as BodySection;
    Object.defineProperty(withContent, 'content', {
      enumerable: true,
      get: () => (parsed ??= parsePostmortemBody(text, startLine)).sections[index]!.content,
    });
    return withContent;
  });
  return { headings: simple.headings, sections, startLine: simple.startLine, endLine: simple.endLine };
}

/** {@link readPostmortemBody} always through the Markdown parser (mdast with GitHub's extensions). */
export function parsePostmortemBody(text: string, startLine: number): PostmortemBody {
  const tree = parseMarkdown(text);
  const toFileLine = (line: number) => startLine + line - 1;
  const lineCount = text.split('\n').length;
  const endLine = toFileLine(Math.max(1, text.endsWith('\n') ? lineCount - 1 : lineCount));
  const children = tree.children;
  const headings: BodyHeading[] = [];
  const sections: BodySection[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const heading = toHeading(node as Heading, toFileLine);
    headings.push(heading);
    const content: RootContent[] = [];
    let next = index + 1;
    for (; next < children.length; next++) {
      const candidate = children[next]!;
      if (candidate.type === 'heading' && (candidate as Heading).depth <= heading.depth) break;
      content.push(candidate);
    }
    const following = children[next];
    const sectionEnd = following?.position ? toFileLine(following.position.start.line) - 1 : endLine;
    sections.push({
      heading,
      endLine: Math.max(heading.line, sectionEnd),
      content,
      text: content.map((n) => plainText(n as Nodes)).join('\n').trim(),
    });
  });
  return { headings, sections, startLine, endLine };
}

function toHeading(node: Heading, toFileLine: (line: number) => number): BodyHeading {
  return {
    depth: node.depth,
    text: plainText(node).trim(),
    line: toFileLine(node.position?.start.line ?? 1),
    column: node.position?.start.column ?? 1,
  };
}

/** The first section of the body for each template section found, by the template section's id. */
export function templateSectionsOf(body: PostmortemBody, sections: readonly TemplateSection[]): Map<string, { section: BodySection; template: TemplateSection }> {
  const found = new Map<string, { section: BodySection; template: TemplateSection }>();
  for (const section of body.sections) {
    const template = sectionOfHeading(sections, section.heading.text);
    if (template && !found.has(template.id)) found.set(template.id, { section, template });
  }
  return found;
}
