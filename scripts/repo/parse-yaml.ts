import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLError } from 'yaml';
import type { Diagnostic, Severity } from '../report/diagnostic.ts';
import { openerOfMessage, unclosedOpener } from './unclosed.ts';

/** A parsed YAML data file (or a Markdown file's front matter) together with what is needed to report positions. */
export interface ParsedYaml {
  /** Repository-relative path with forward slashes. */
  file: string;
  /** The YAML text that was parsed (without the Markdown around front matter). */
  text: string;
  /** The yaml Document (kept even when it has errors, so positions can still be looked up); null only if parsing itself failed. */
  doc: Document | null;
  /** Line index of `text`; its positions are relative to `text`, so add `lineOffset` to get file lines. */
  lineCounter: LineCounter;
  /** The plain JS value; null when the file has errors or no data. */
  value: unknown;
  /** Syntax errors and warnings, positioned in the file (lineOffset already applied). */
  diagnostics: Diagnostic[];
  /** Lines of the file that precede `text` (0 for a YAML file, 1 for front matter that starts on line 2). */
  lineOffset: number;
  /**
   * For a value read without the Document (lazy-yaml.ts): once the Document has been built, the
   * `yaml-reader-mismatch` finding if its value differs, given to the first caller only; undefined
   * otherwise. Whoever positions findings asks for it after positioning them.
   */
  takeMismatch?: () => Diagnostic | undefined;
}

/** Options for {@link parseYaml}. */
export interface ParseYamlOptions {
  /** Added to every reported line, for YAML embedded at a later line of a file. Default 0. */
  lineOffset?: number;
}

/** Deepest nesting of flow collections ([...] and {...}) accepted. */
export const MAX_FLOW_DEPTH = 256;

/**
 * Offset of the outermost bracket of the first flow collection nested deeper than `max`, ignoring
 * brackets in quotes and comments; undefined when none is. (Exported for the plain reader, which
 * must decline what this refuses.)
 */
export function deepFlowNesting(text: string, max: number): number | undefined {
  let depth = 0;
  let outermost = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || (c === "'" && depth > 0)) {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if (c === '[' || c === '{') {
      if (depth === 0) outermost = i;
      if (++depth > max) return outermost;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Deepest block indentation accepted, in columns, counting the `- `, `? ` and `: ` indicators that
 * open a nested collection on the same line (`- - - x` is three levels deep in six columns). Every
 * block level costs at least one column, so this also bounds the nesting depth.
 */
export const MAX_BLOCK_INDENT = 256;

/**
 * Offset of the first line whose block indentation (with compact indicators) is deeper than `max`
 * columns; undefined when none is. Block nesting needs no brackets, so the flow check misses it.
 */
function deepBlockNesting(text: string, max: number): number | undefined {
  for (let lineStart = 0; lineStart < text.length; ) {
    let i = lineStart;
    while (text[i] === ' ' || ((text[i] === '-' || text[i] === '?' || text[i] === ':') && text[i + 1] === ' ')) i++;
    if (i - lineStart > max) return lineStart;
    const end = text.indexOf('\n', i);
    if (end < 0) break;
    lineStart = end + 1;
  }
  return undefined;
}

/** Largest number of alias expansions accepted; beyond this, a file is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Syntax errors after the first few are almost always cascades of the first; reporting them all only buries it. */
const MAX_SYNTAX_DIAGNOSTICS = 20;

/** The options every data file is parsed with (the plain reader, plain-yaml.ts, resolves scalars with the same schema). */
export const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
  version: '1.2',
  schema: 'core',
  keepSourceTokens: false,
  // YAML 1.1 tags such as !!timestamp or !!set would otherwise yield Date and Set objects that no schema expects.
  resolveKnownTags: false,
  // The library would otherwise print some warnings through process.emitWarning; we report them instead.
  logLevel: 'error',
} as const;

/**
 * Parses one YAML document with the YAML 1.2 core schema (so `no`, `on` and `09:00` stay text) and
 * converts it to plain JS. Never throws: every problem becomes a diagnostic.
 *
 * Rule ids: `yaml-syntax`, `yaml-tab`, `yaml-duplicate-key`, `yaml-multiple-documents`,
 * `yaml-alias-limit` (alias bomb), `file-empty` (no data: empty, only comments, or only `null`).
 * `value` is null whenever an error was found.
 *
 * Keys such as `__proto__` become own enumerable properties and never change a prototype, so the
 * schema layer can report them as unknown fields.
 *
 * @param text - The YAML text.
 * @param file - Repository-relative path, used in diagnostics.
 * @param opts - `lineOffset` for YAML embedded in a larger file (front matter).
 */
export function parseYaml(text: string, file: string, opts: ParseYamlOptions = {}): ParsedYaml {
  const lineOffset = opts.lineOffset ?? 0;
  // Built from the text rather than handed to the parser: the parser stops feeding it after a
  // second document, and positions past that point must still be right.
  const lineCounter = countLines(text);
  const result: ParsedYaml = { file, text, doc: null, lineCounter, value: null, diagnostics: [], lineOffset };
  const at = (offset: number) => position(lineCounter, text, offset, lineOffset);
  const diag = (fields: Omit<Diagnostic, 'file' | 'line' | 'column'>, offset: number, end?: number): Diagnostic => {
    const start = at(offset);
    const d: Diagnostic = { ...fields, file, line: start.line, column: start.column };
    if (end !== undefined && end > offset) {
      const stop = at(end);
      d.endLine = stop.line;
      d.endColumn = stop.column;
    }
    return d;
  };

  const tooDeepBlock = deepBlockNesting(text, MAX_BLOCK_INDENT);
  if (tooDeepBlock !== undefined) {
    // Refused before parsing, like deep brackets: the parser would overflow its stack at a depth
    // that varies from run to run, and report the engine's error at a column that varies too.
    result.diagnostics.push(
      diag(
        {
          ruleId: 'yaml-syntax',
          severity: 'error',
          message: `Blocks are nested too deeply here (indented more than ${MAX_BLOCK_INDENT} columns, counting "- " and "? " indicators).`,
          hint: 'No data file needs that depth; check for runaway indentation or text that is not YAML.',
        },
        tooDeepBlock,
      ),
    );
    return result;
  }
  const tooDeep = deepFlowNesting(text, MAX_FLOW_DEPTH);
  if (tooDeep !== undefined) {
    // Refused before parsing: the parser and the converter recurse once per level.
    result.diagnostics.push(
      diag(
        {
          ruleId: 'yaml-syntax',
          severity: 'error',
          message: `Brackets are nested too deeply here (more than ${MAX_FLOW_DEPTH} levels).`,
          hint: 'No data file needs that depth; check for brackets that were never closed or text that is not YAML.',
        },
        tooDeep,
      ),
    );
    return result;
  }

  let doc: Document;
  try {
    doc = parseDocument(text, PARSE_OPTIONS) as unknown as Document;
  } catch (error) {
    result.diagnostics.push(
      diag({ ruleId: 'yaml-syntax', severity: 'error', message: `The file could not be parsed as YAML: ${describe(error)}.` }, 0),
    );
    return result;
  }
  result.doc = doc;

  const seen = new Set<string>();
  const convert = (error: YAMLError, severity: Severity) => {
    const d = diag(yamlErrorFields(error, severity, text, doc, lineCounter, lineOffset), error.pos[0], error.pos[1]);
    const key = `${d.ruleId}:${d.line}`;
    if (seen.has(key) || seen.size >= MAX_SYNTAX_DIAGNOSTICS) return;
    seen.add(key);
    result.diagnostics.push(d);
  };
  const root = rootCause(doc.errors, text);
  if (root) {
    // Everything after an unclosed bracket or quote, or a tab used for indentation, follows from
    // it; reporting the cascade only buries the one line the author has to fix.
    convert(root, 'error');
    return result;
  }
  for (const error of doc.errors) convert(error, 'error');
  for (const warning of doc.warnings) convert(warning, 'warning');
  if (doc.errors.length > 0) return result;

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    result.diagnostics.push(conversionFailure(error, doc, diag));
    return result;
  }

  if (value === null || value === undefined) {
    result.diagnostics.push(diag({ ruleId: 'file-empty', severity: 'error', message: 'The file has no data.' }, 0));
    return result;
  }
  result.value = value;
  return result;
}

/**
 * The one error that explains the others, if there is one: a tab used as indentation, or a
 * bracket or quote left open (moved to where it opens). Undefined when errors are independent.
 */
function rootCause(errors: readonly YAMLError[], text: string): YAMLError | undefined {
  const tab = errors.find((e) => e.code === 'TAB_AS_INDENT');
  if (tab) return tab;
  for (const error of errors) {
    const opener = openerOfMessage(error.message);
    if (!opener) continue;
    const offset = unclosedOpener(text, opener, error.pos[1]);
    if (offset === undefined) continue;
    const moved = Object.create(Object.getPrototypeOf(error) as object) as YAMLError;
    Object.assign(moved, error, { pos: [offset, offset + 1] as [number, number] });
    return moved;
  }
  return undefined;
}

/** A LineCounter covering all of `text` (line starts after every `\n`, which also covers CRLF). */
function countLines(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/**
 * 1-based file position of a text offset, clamped into the text so that a position is always inside the file.
 * Exported for the other loading modules; not part of the stable API.
 */
export function position(
  lineCounter: LineCounter,
  text: string,
  offset: number,
  lineOffset: number,
): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
  const pos = lineCounter.linePos(clamped);
  return { line: Math.max(1, pos.line) + lineOffset, column: Math.max(1, pos.col) };
}

type DiagFields = Omit<Diagnostic, 'file' | 'line' | 'column'>;

/** Rule id, message and hint for one error or warning of the yaml library. */
function yamlErrorFields(
  error: YAMLError,
  severity: Severity,
  text: string,
  doc: Document,
  lineCounter: LineCounter,
  lineOffset: number,
): DiagFields {
  const libMessage = error.message.split('\n')[0]!.replace(/\.$/, '');
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const dup = duplicateKeyInfo(doc, error.pos[0]);
      const name = dup ? JSON.stringify(dup.key) : JSON.stringify(text.slice(error.pos[0], error.pos[1]));
      const first = dup?.firstOffset !== undefined ? position(lineCounter, text, dup.firstOffset, lineOffset).line : undefined;
      return {
        ruleId: 'yaml-duplicate-key',
        severity,
        message: `Key ${name} appears more than once in the same mapping${first !== undefined ? ` (first on line ${first})` : ''}.`,
        hint: 'A key may appear only once per mapping; merge the two entries or remove one.',
      };
    }
    case 'MULTIPLE_DOCS':
      return {
        ruleId: 'yaml-multiple-documents',
        severity,
        message: 'The file holds more than one YAML document (a second "---" starts a new one).',
        hint: 'A data file holds a single document: remove the extra "---" line, or split the file.',
      };
    case 'TAB_AS_INDENT':
      return tabFields(severity);
    default:
      if (/\btabs?\b/i.test(libMessage) || tabIndented(text, error.pos[0])) return tabFields(severity);
      return {
        ruleId: 'yaml-syntax',
        severity,
        message: `YAML ${severity === 'error' ? 'syntax error' : 'warning'}: ${libMessage}.`,
        ...(SYNTAX_HINTS[error.code] ? { hint: SYNTAX_HINTS[error.code] } : {}),
      };
  }
}

function tabFields(severity: Severity): DiagFields {
  return {
    ruleId: 'yaml-tab',
    severity,
    message: 'A tab character is used for indentation.',
    hint: 'Indent with spaces; YAML does not allow tabs for indentation.',
  };
}

const SYNTAX_HINTS: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'Check the indentation: entries of one mapping or list must start in the same column, and brackets must be closed.',
  MISSING_CHAR: 'Close the quote or bracket that was opened, or add the missing ":".',
  BLOCK_AS_IMPLICIT_KEY: 'Put a nested mapping on its own indented lines, or quote a value that contains ": ".',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; look for a missing ":" or an unclosed quote on the line before.',
  BAD_DQ_ESCAPE: 'Inside double quotes a backslash starts an escape; write \\\\ for a backslash, or use single quotes.',
  BAD_SCALAR_START: 'Quote values that start with a special character such as @, `, | or >.',
  TAG_RESOLVE_FAILED: 'Remove the tag: data files use plain YAML values.',
  KEY_OVER_1024_CHARS: 'Keys are limited to 1024 characters.',
};

/** True when the line holding `offset` is indented with a tab (some libraries report that as a generic error). */
function tabIndented(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset + 1))?.[0] ?? '';
  return indent.includes('\t');
}

/** Finds the key reported as duplicate and the offset of its first occurrence in the same mapping. */
function duplicateKeyInfo(doc: Document, offset: number): { key: string; firstOffset?: number } | undefined {
  let found: { key: string; firstOffset?: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const items = map.items as Pair[];
      const index = items.findIndex((p) => (p.key as Node | null)?.range?.[0] === offset);
      if (index < 0) return undefined;
      const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : String(p.key));
      const key = keyOf(items[index]!);
      const first = items.slice(0, index).find((p) => keyOf(p) === key);
      const firstOffset = (first?.key as Node | null | undefined)?.range?.[0];
      found = firstOffset === undefined ? { key } : { key, firstOffset };
      return visit.BREAK;
    },
  });
  return found;
}

/** Turns an exception from toJS into a positioned diagnostic. */
function conversionFailure(
  error: unknown,
  doc: Document,
  diag: (fields: DiagFields, offset: number, end?: number) => Diagnostic,
): Diagnostic {
  const message = describe(error);
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_key, node) {
      aliases.push(node);
    },
  });
  if (/excessive alias count/i.test(message)) {
    const first = aliases[0];
    return diag(
      {
        ruleId: 'yaml-alias-limit',
        severity: 'error',
        message: `Aliases${first ? ` such as "*${first.source}"` : ''} expand to more than ${MAX_ALIAS_COUNT} copies of their anchors; this looks like an alias bomb.`,
        hint: 'Write the data out instead of nesting aliases of aliases.',
      },
      first?.range?.[0] ?? 0,
      first?.range?.[1],
    );
  }
  const unresolved = /unresolved alias[^:]*:\s*(.+)$/i.exec(message);
  if (unresolved) {
    const source = unresolved[1]!.trim();
    const alias = aliases.find((a) => a.source === source && !safeResolve(a, doc)) ?? aliases.find((a) => a.source === source);
    return diag(
      {
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: `Alias "*${source}" refers to an anchor "&${source}" that is not defined before it.`,
        hint: `Define "&${source}" on an earlier value, or write the value out.`,
      },
      alias?.range?.[0] ?? 0,
      alias?.range?.[1],
    );
  }
  return diag({ ruleId: 'yaml-syntax', severity: 'error', message: `The YAML could not be converted to data: ${message}.` }, 0);
}

function safeResolve(alias: Alias, doc: Document): boolean {
  try {
    return alias.resolve(doc) !== undefined;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/\.$/, '');
}
