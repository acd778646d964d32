/** A Markdown file split into its YAML front matter and its body. */
export interface FrontMatterSplit {
  /** The YAML between the delimiter lines (line endings kept), or null when the file has no front matter. */
  frontMatter: string | null;
  /**
   * File line of the first front-matter line (2 when present; 1 when absent).
   * Pass `frontMatterStartLine - 1` as `lineOffset` to `parseYaml` so reported lines are the file's lines.
   */
  frontMatterStartLine: number;
  /** Everything after the closing delimiter line (the whole text when there is no front matter). */
  body: string;
  /** File line on which `body` starts. */
  bodyStartLine: number;
  /**
   * True when line 1 is `---` but no closing `---` / `...` line follows. The split then reports no
   * front matter, and the caller can say why instead of reporting every field as missing.
   */
  unclosed: boolean;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits a Markdown file that opens with a `---` line into its front matter and body.
 * The front matter ends at the first following line that is `---` or `...` (trailing blanks allowed).
 * CRLF line endings are accepted and kept. A leading byte order mark is tolerated.
 * Pure and total: any text gives a result.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const none: FrontMatterSplit = { frontMatter: null, frontMatterStartLine: 1, body: text, bodyStartLine: 1, unclosed: false };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = lineEnd(text, start);
  if (!OPEN.test(stripCr(text.slice(start, firstEnd.contentEnd)))) return none;

  let lineNo = 2;
  let offset = firstEnd.next;
  const yamlStart = offset;
  while (offset < text.length) {
    const end = lineEnd(text, offset);
    if (CLOSE.test(stripCr(text.slice(offset, end.contentEnd)))) {
      return {
        frontMatter: text.slice(yamlStart, offset),
        frontMatterStartLine: 2,
        body: text.slice(end.next),
        bodyStartLine: lineNo + 1,
        unclosed: false,
      };
    }
    offset = end.next;
    lineNo += 1;
  }
  return { ...none, unclosed: true };
}

/** End of the line's content (before `\n`) and the offset of the next line. */
function lineEnd(text: string, from: number): { contentEnd: number; next: number } {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? { contentEnd: text.length, next: text.length } : { contentEnd: nl, next: nl + 1 };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
