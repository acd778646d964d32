/**
 * Positions of a piece of text found inside a YAML value, so a finding can point at the exact
 * characters (a secret, a name) rather than at the start of a long value.
 */
import { locateSpan, type DocPath } from '../repo/locate.ts';
import { position, type ParsedYaml } from '../repo/parse-yaml.ts';

/** A 1-based span on one or more file lines. */
export interface TextSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Where `needle` (found at `indexInValue` of the value at `path`) is in the file. A plain or quoted
 * single-line value holds the needle verbatim; in a folded or escaped value the needle may be
 * written differently, and then the value's start stands in.
 */
export function spanInValue(parsed: ParsedYaml, path: DocPath, needle: string, indexInValue = 0): TextSpan {
  const node = locateSpan(parsed, path);
  const source = parsed.text.slice(node.start, node.end);
  // Prefer the occurrence at the same distance from the start as in the value (quotes shift it by one).
  let at = -1;
  for (const guess of [indexInValue, indexInValue + 1]) {
    if (source.startsWith(needle, guess)) {
      at = guess;
      break;
    }
  }
  if (at < 0) at = source.indexOf(needle);
  const start = at >= 0 ? node.start + at : node.start;
  const end = at >= 0 ? start + needle.length : node.end;
  const from = position(parsed.lineCounter, parsed.text, start, parsed.lineOffset);
  const to = position(parsed.lineCounter, parsed.text, end, parsed.lineOffset);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** `columns 12-40` or `line 4 column 12 to line 5 column 3`, for messages. */
export function describeSpan(span: TextSpan): string {
  if (span.line === span.endLine) return `columns ${span.column}-${Math.max(span.column, span.endColumn - 1)}`;
  return `line ${span.line} column ${span.column} to line ${span.endLine} column ${span.endColumn}`;
}
