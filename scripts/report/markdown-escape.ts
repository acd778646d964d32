/**
 * Escaping for untrusted text (messages, file names, rule ids) placed inline in
 * GitHub-flavoured Markdown: job summaries now, generated docs later.
 */

/** Inline-significant characters; backslash first so the escapes we add are not themselves re-escaped. */
const BACKSLASH_ESCAPED = /[\\`*_[\]~|]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Everything that ends a line for a Markdown parser or is invisible noise:
 * a line ending inside a table cell ends the table row, so these collapse to a space.
 * NUL and other C0/C1 controls go too, since renderers differ in what they do with them.
 */
const LINE_BREAKS_AND_CONTROLS = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Block syntax that only matters at the start of a line, e.g. if the docs renderer puts the text at the start of a paragraph. */
const LEADING_BLOCK_MARKER = /^( *)(#|[-+=]|\d+(?=[.)]))/;

/**
 * Escape `text` so that, placed inline in GFM (including inside a table cell), it renders
 * as exactly that text: no HTML, links, emphasis, code spans, strikethrough or extra cells.
 *
 * - `&`, `<` and `>` become entities rather than backslash escapes, because raw HTML and
 *   `<autolinks>` must never reach the renderer and entities survive any HTML sanitiser.
 * - `\`, `` ` ``, `*`, `_`, `[`, `]`, `~` and `|` are backslash-escaped. `|` must be escaped even
 *   though it is harmless in a paragraph: GFM splits table cells on it before inline parsing.
 * - Line breaks, tabs and control characters become a single space each.
 *
 * Bare URLs and e-mail addresses are still turned into links by GFM's autolink-literal
 * extension (it works on decoded text, so no escape stops it); the visible text is then the
 * link target itself, so this cannot disguise a link.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(LINE_BREAKS_AND_CONTROLS, ' ')
    .replace(/[&<>]/g, (ch) => ENTITIES[ch] ?? ch)
    .replace(BACKSLASH_ESCAPED, '\\$&')
    .replace(LEADING_BLOCK_MARKER, (_match, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}

/**
 * `text` as an inline code span that it cannot close: the fence is one backtick longer than the
 * longest run of backticks inside, and line ends become spaces. Inside a code span HTML, links and
 * emphasis are inert, so a file path with any characters shows as exactly that path.
 */
export function codeSpan(text: string): string {
  const content = text.replace(LINE_BREAKS_AND_CONTROLS, ' ');
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A space keeps a backtick at either end from joining the fence (CommonMark strips one each side).
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
