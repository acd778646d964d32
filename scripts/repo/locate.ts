import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { Diagnostic, Severity } from '../report/diagnostic.ts';
import { position } from './parse-yaml.ts';
import type { ParsedYaml } from './parse-yaml.ts';

/** A path into a document: mapping keys and list indices, e.g. `['tiers', 0, 'participants', 2]`. */
export type DocPath = readonly (string | number)[];

/** A 1-based range in the file; `endLine`/`endColumn` point just past the last character. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Which part of a mapping entry to point at. */
export type LocateTarget = 'value' | 'key';

/** Offsets into `parsed.text` found for a path; `exact` is false when an ancestor stands in for a missing node. */
export interface NodeSpan {
  start: number;
  end: number;
  exact: boolean;
}

/**
 * Maps a document path to the range of its node, so rules can report positions without knowing YAML.
 *
 * - `target: 'value'` (default) gives the value's range; an empty value (`key:`) gives its key instead.
 * - `target: 'key'` gives the mapping key's range (for unknown or misspelt fields); list items have no key, so their value is used.
 * - A path that does not exist falls back to the closest existing ancestor: the key of that mapping
 *   when it has one (the mapping lacking the property), else the start of the node itself.
 * - The empty path, or a document that could not be parsed, gives line 1, column 1.
 *
 * Lines include `parsed.lineOffset`; positions are always inside the file.
 */
export function locate(parsed: ParsedYaml, path: DocPath, target: LocateTarget = 'value'): SourceRange {
  const span = locateSpan(parsed, path, target);
  const start = position(parsed.lineCounter, parsed.text, span.start, parsed.lineOffset);
  const end = position(parsed.lineCounter, parsed.text, Math.max(span.start, span.end), parsed.lineOffset);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Fields of a diagnostic that the caller decides; position and file come from the document. */
export interface DiagnosticFields {
  ruleId: string;
  severity: Severity;
  message: string;
  hint?: string;
}

/** Builds a complete diagnostic positioned at `path` (see {@link locate} for how the position is chosen). */
export function diagnosticAt(
  parsed: ParsedYaml,
  path: DocPath,
  fields: DiagnosticFields,
  target: LocateTarget = 'value',
): Diagnostic {
  const range = locate(parsed, path, target);
  const d: Diagnostic = {
    ruleId: fields.ruleId,
    severity: fields.severity,
    file: parsed.file,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    message: fields.message,
  };
  if (fields.hint !== undefined) d.hint = fields.hint;
  return d;
}

/**
 * The source text of the node at `path` exactly as written (e.g. `0900` for a value the YAML layer
 * read as the number 900), or undefined when the node does not exist.
 */
export function sourceTextAt(parsed: ParsedYaml, path: DocPath): string | undefined {
  const span = locateSpan(parsed, path, 'value');
  return span.exact ? parsed.text.slice(span.start, span.end) : undefined;
}

const START: NodeSpan = { start: 0, end: 0, exact: false };

/** Offsets of the node for `path`, following the fallback rules of {@link locate}. */
export function locateSpan(parsed: ParsedYaml, path: DocPath, target: LocateTarget = 'value'): NodeSpan {
  const doc = parsed.doc;
  if (!doc || path.length === 0) return START;

  let node: unknown = doc.contents;
  let viaPair: Pair | null = null;
  for (const segment of path) {
    const container = deref(node, doc);
    let next: { node: unknown; pair: Pair | null } | undefined;
    if (isMap(container)) {
      const pair = findPair(container.items as Pair[], segment);
      if (pair) next = { node: pair.value, pair };
    } else if (isSeq(container)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      const item: unknown = index >= 0 ? container.items[index] : undefined;
      // A single `key: value` inside a flow list may come back as a bare Pair.
      if (isPair(item)) next = { node: item.value, pair: item };
      else if (item !== undefined) next = { node: item, pair: null };
    }
    if (!next) return missingFallback(parsed.text, node, viaPair, doc);
    node = next.node;
    viaPair = next.pair;
  }

  if (target === 'key' && viaPair) {
    const key = spanOf(parsed.text, viaPair.key);
    if (key) return { ...key, exact: true };
  }
  const value = spanOf(parsed.text, node);
  if (value && value.end > value.start) return { ...value, exact: true };
  // An empty value (`key:` with nothing after it) has no characters to point at; its key is the useful spot.
  const key = viaPair ? spanOf(parsed.text, viaPair.key) : undefined;
  if (key) return { ...key, exact: false };
  return value ? { ...value, exact: true } : START;
}

/** For a node that is missing: the key of the closest existing mapping if it has one, else that node's first line. */
function missingFallback(text: string, ancestor: unknown, viaPair: Pair | null, doc: Document): NodeSpan {
  const resolved = deref(ancestor, doc);
  const key = viaPair ? spanOf(text, viaPair.key) : undefined;
  if (key && (isMap(resolved) || !spanOf(text, ancestor))) return { ...key, exact: false };
  const own = spanOf(text, ancestor);
  if (own) {
    // A whole mapping may span many lines; pointing at its first line is what a reader needs.
    const lineEnd = text.indexOf('\n', own.start);
    const end = lineEnd >= 0 && lineEnd < own.end ? trimEnd(text, own.start, lineEnd) : own.end;
    return { start: own.start, end, exact: false };
  }
  return key ? { ...key, exact: false } : START;
}

function deref(node: unknown, doc: Document): unknown {
  // Aliases resolve to their anchor; the data (and the mistake) lives there.
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops += 1) {
    try {
      current = current.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return current;
}

function findPair(items: readonly Pair[], segment: string | number): Pair | undefined {
  const wanted = String(segment);
  let found: Pair | undefined;
  // The last match wins, as in the converted data.
  for (const pair of items) if (keyString(pair.key) === wanted) found = pair;
  return found;
}

function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (key === null || key === undefined) return '';
  return undefined;
}

/** The node's value range with trailing blanks and newlines removed, or undefined if it has no range. */
function spanOf(text: string, node: unknown): { start: number; end: number } | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (!range || typeof node !== 'object') return undefined;
  const start = Math.max(0, Math.min(range[0], text.length));
  const end = Math.max(start, Math.min(range[1], text.length));
  return { start, end: trimEnd(text, start, end) };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e -= 1;
  return e;
}
