/**
 * A fast reader for the plain Markdown most post-mortems are written in: ATX headings, paragraphs,
 * bullet lists and simple tables of plain text, separated the usual way. For such a body it gives
 * exactly what the Markdown parser gives (headings, sections, section text, lines), in a fraction
 * of the time; for anything else (emphasis, links, code, HTML, escapes, entities, numbered lists,
 * setext headings, lazy continuation lines, ...) it answers undefined and the parser reads the body.
 * tests/cache/fast-path.test.ts proves the agreement against mdast over real and fuzzed bodies.
 */

/** What the rules read of a body; the same shape as PostmortemBody without the syntax tree. */
export interface SimpleHeading {
  depth: number;
  text: string;
  line: number;
  column: number;
}

export interface SimpleSection {
  heading: SimpleHeading;
  endLine: number;
  text: string;
}

export interface SimpleBody {
  headings: SimpleHeading[];
  sections: SimpleSection[];
  startLine: number;
  endLine: number;
}

/**
 * Inline text with nothing Markdown would turn into syntax: no emphasis, code, links, images, HTML,
 * entities, escapes, strikethrough, pipes or hashes, and no blank at either end.
 */
const PLAIN_INLINE = /^[\p{L}\p{N}(“"'][^\\`*_[\]<>&!|#~=\s]*(?:[ ][^\\`*_[\]<>&!|#~=\s]+)*$/u;
const ATX_HEADING = /^(#{1,6}) (.+)$/;
const BULLET = /^- (.+)$/;
/** A line Markdown would read as the start of an ordered list. */
const ORDERED_START = /^\d{1,9}[.)](?: |$)/;
/** A table row whose every cell is its text between single spaces: `| a | b |`. */
const TABLE_ROW = /^\|(?: [^ |](?:[^|]*[^ |])? \|)+$/;
/** The delimiter row in the same canonical spacing: `| --- | :-: |`. */
const DELIMITER_ROW = /^\|(?: :?-+:? \|)+$/;

type Block =
  | { kind: 'heading'; line: number; depth: number; text: string }
  | { kind: 'text'; line: number; text: string };

function plainInline(text: string): boolean {
  return PLAIN_INLINE.test(text) && !ORDERED_START.test(text);
}

function cellsOf(row: string, pattern = TABLE_ROW): string[] | undefined {
  if (!pattern.test(row)) return undefined;
  return row.slice(1, -1).split('|').map((cell) => cell.slice(1, -1));
}

/**
 * The body's structure when it is plain enough to read without a Markdown parser; undefined
 * otherwise. `startLine` is the file line the body starts on.
 */
export function readSimpleBody(text: string, startLine: number): SimpleBody | undefined {
  if (/[\r\t\u0000]/.test(text)) return undefined;
  const lines = text.split('\n');
  const lineCount = lines.length;
  const toFileLine = (index: number) => startLine + index;
  const endLine = startLine + Math.max(1, text.endsWith('\n') ? lineCount - 1 : lineCount) - 1;
  const blank = (i: number) => i >= lines.length || lines[i] === '';

  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      if (!plainInline(heading[2]!)) return undefined;
      blocks.push({ kind: 'heading', line: toFileLine(i), depth: heading[1]!.length, text: heading[2]! });
      i++;
      continue;
    }
    if (line.startsWith('|')) {
      // A table: header, delimiter row, body rows, all with the same cells, then a blank line.
      if (blocks.length > 0 && !blank(i - 1) && lines[i - 1] !== undefined && !ATX_HEADING.test(lines[i - 1]!)) return undefined;
      const header = cellsOf(line);
      const delimiter = cellsOf(lines[i + 1] ?? '', DELIMITER_ROW);
      if (!header || !delimiter || delimiter.length !== header.length) return undefined;
      const rows = [header];
      let j = i + 2;
      for (; j < lines.length && lines[j] !== ''; j++) {
        const cells = cellsOf(lines[j]!);
        if (!cells || cells.length !== header.length) return undefined;
        rows.push(cells);
      }
      for (const cell of rows.flat()) if (!plainInline(cell)) return undefined;
      blocks.push({ kind: 'text', line: toFileLine(i), text: rows.map((cells) => cells.join(' ')).join('\n') });
      i = j;
      continue;
    }
    if (line.startsWith('- ')) {
      // A bullet list of one-line items; a loose list (blank lines between items) reads the same.
      const items: string[] = [];
      let j = i;
      for (;;) {
        const item = BULLET.exec(lines[j] ?? '');
        if (!item || !plainInline(item[1]!)) return undefined;
        items.push(item[1]!);
        j++;
        if (lines[j] !== undefined && lines[j]!.startsWith('- ')) continue;
        if (blank(j) && (lines[j + 1] ?? '').startsWith('- ')) {
          j++;
          continue;
        }
        break;
      }
      // The item after the list must not continue it (a lazy continuation line).
      if (!blank(j) && !ATX_HEADING.test(lines[j]!)) return undefined;
      blocks.push({ kind: 'text', line: toFileLine(i), text: items.join('\n') });
      i = j;
      continue;
    }
    // A paragraph: plain lines up to a blank line or a heading.
    const paragraph: string[] = [];
    let j = i;
    for (; j < lines.length && lines[j] !== '' && !ATX_HEADING.test(lines[j]!); j++) {
      if (!plainInline(lines[j]!)) return undefined;
      paragraph.push(lines[j]!);
    }
    blocks.push({ kind: 'text', line: toFileLine(i), text: paragraph.join('\n') });
    i = j;
  }

  const headings: SimpleHeading[] = [];
  const sections: SimpleSection[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    const heading = { depth: block.depth, text: block.text, line: block.line, column: 1 };
    headings.push(heading);
    const parts: string[] = [];
    let next = index + 1;
    for (; next < blocks.length; next++) {
      const candidate = blocks[next]!;
      if (candidate.kind === 'heading' && candidate.depth <= block.depth) break;
      parts.push(candidate.text);
    }
    const following = blocks[next];
    const sectionEnd = following ? following.line - 1 : endLine;
    sections.push({ heading, endLine: Math.max(heading.line, sectionEnd), text: parts.join('\n').trim() });
  });
  return { headings, sections, startLine, endLine };
}
