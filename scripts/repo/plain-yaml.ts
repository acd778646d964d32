/**
 * The plain reader: the value of a YAML text written in the plain subset below, read without
 * building a `yaml` Document (several times faster), or undefined ("declined") for any other text,
 * which then goes to the `yaml` package. Whenever it answers, the answer is exactly the value
 * `parseYaml` gives, and `parseYaml` reports nothing: tests/repo/plain-yaml.property.test.ts
 * generates documents from this grammar, mutates them, and compares every answer with `yaml`'s.
 *
 * Grammar of the subset. A text is declined as a whole as soon as any part of it is outside.
 *
 *   Characters   no tab; no CR except right before LF; nothing outside YAML's printable set (C0
 *                and C1 controls, DEL, lone surrogates, U+FFFE, U+FFFF); none of the spaces
 *                JavaScript trims but YAML does not (no-break spaces, U+2028, U+2029, NEL, a BOM).
 *   Lines        end in LF or CRLF; the last one may lack it. Guards: no line longer than
 *                MAX_LINE characters (so no key reaches YAML's 1,024-character limit), none indented
 *                more than MAX_INDENT spaces, flow collections nested at most MAX_FLOW_DEPTH deep
 *                (and never as deep as parseYaml refuses, counting as it counts).
 *
 *   Ignorable lines, blank or a comment (" "* "#" ...), may stand anywhere, at any indentation: before,
 *   between and after the content lines, over which the rest of the grammar runs; but not inside a
 *   block scalar or right after its last line (`scalar` reads those lines as they are).
 *
 *   document     = mapping(0)                                not starting with "---" or "..."
 *   mapping(n)   = entry(n)+                                 entries at exactly n spaces
 *   entry(n)     = " "{n} key ":" value(n)
 *   value(n)     = " "+ inline end
 *                | " "+ ( "|" | ">" ) "-"? NL scalar(n)      a block scalar: literal or folded, clipped or stripped
 *                | end block(n)?                             nothing below: null
 *   block(n)     = mapping(m) with m > n | sequence(m) with m >= n
 *   sequence(n)  = item(n)+
 *   item(n)      = " "{n} "-" " "{k} ( inline end | key ":" value(c) entry(c)* )    k >= 1, c = n + 1 + k
 *   end          = ( " "+ ( "#" any* )? )? NL                a comment needs a blank before its "#"
 *   scalar(n)    = ( " "{m} text NL | NL )+                 m > n, set by the first line, which is not empty;
 *                  text is any characters, not ending in a blank (in a folded scalar not starting with
 *                  one either); empty lines hold nothing, not even blanks. The line after it, if any,
 *                  is content at n spaces or fewer, not a comment.
 *
 *   key          = [A-Za-z0-9_] [A-Za-z0-9_-]*  that `yaml` reads as that same text (not null, true,
 *                  12, 0x1F, ...), unique in its mapping
 *   inline       = plain | single | double | flow
 *   plain        = a first character that is not an indicator (- ? : , [ ] { } # & * ! | > ' " % @ `)
 *                  or is "-" before a letter, digit or "."; then the rest of the line up to " #",
 *                  blanks at its end dropped; holding no ": " and not ending in ":"
 *   single       = "'" ( [^'] | "''" )* "'"                  closed on its line
 *   double       = '"' ( [^"\] | "\" ["\/nt] )* '"'           closed on its line
 *   flow         = "[" " "* ( fvalue ( "," " "* fvalue )* )? "]"
 *                | "{" " "* ( key ": " " "* fvalue ( "," " "* key ": " " "* fvalue )* )? "}"
 *                                                             closed on its line; blanks after each value; no empty entry
 *   fvalue       = single | double | flow | fplain
 *   fplain       = like plain, up to "," or the closing bracket, holding none of [ ] { } #, nor a ":"
 *                  before a blank, "," or the closing bracket
 *
 * Plain scalars (values and keys) resolve through the `yaml` package's own core-schema tags, so
 * `no`, `09:00`, `0x1F` or `.inf` read exactly as there. The top level must be a mapping.
 */
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { deepFlowNesting, MAX_FLOW_DEPTH as PARSE_MAX_FLOW_DEPTH, PARSE_OPTIONS } from './parse-yaml.ts';

/** Longest line read: keeps every key well under YAML's 1,024-character limit for implicit keys. */
const MAX_LINE = 1000;
/**
 * Deepest indentation read, in spaces, on any line (blank and comment lines too): parseYaml refuses
 * 256 columns counting "- " indicators, which a line indented this much cannot reach in the subset.
 */
const MAX_INDENT = 128;
/** Deepest nesting of flow collections read. */
const MAX_FLOW_DEPTH = 64;

/** Thrown inside the reader when the text leaves the subset (any error means the same: the text goes to `yaml`). */
class OutsideSubset extends Error {}
const outside = (): never => {
  throw new OutsideSubset();
};

/** The `yaml` package's tags for plain scalars, in the order it tries them (null, bool, int, float). */
const yamlCore = (() => {
  const doc = parseDocument('', PARSE_OPTIONS);
  const tags = doc.schema.tags.filter((tag) => tag.default === true && tag.test !== undefined) as (typeof doc.schema.tags[number] & {
    test: RegExp;
    resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
  })[];
  return { tags, options: doc.options };
})();

/**
 * A plain scalar's value exactly as `yaml` resolves it (the first core tag whose test matches, else
 * the text itself); leaves the subset when `yaml` would report a problem or give more than a plain value.
 */
export function resolvePlain(source: string): unknown {
  for (const tag of yamlCore.tags) {
    if (!tag.test.test(source)) continue;
    const resolved = tag.resolve(source, outside, yamlCore.options);
    // Some tags (null) answer with a Scalar node; the composer keeps such a node as it is.
    const value = isScalar(resolved) ? resolved.value : resolved;
    return typeof value === 'object' && value !== null ? outside() : (value as Scalar['value']);
  }
  return source;
}

/** A simple key: letters, digits, `_` and `-`, as every key of the repository's files is. */
const SIMPLE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
/** Characters that may not start a plain scalar (indicators), except "-" before a non-space. */
const RESERVED_START = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/**
 * Characters the subset leaves out: tabs, C0 and C1 controls other than LF and CR, DEL, U+FFFE,
 * U+FFFF, and the spaces JavaScript's trim removes but YAML does not (so every trim in the reader
 * removes only the ASCII spaces YAML removes).
 */
const LEFT_OUT = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff]/;
/** A CR not followed by LF (YAML reads it as a line break of its own). */
const LONE_CR = /\r(?!\n)/;
/** Half of a surrogate pair without its other half (not a character at all). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether the text holds only characters of the subset (see LEFT_OUT, LONE_CR, LONE_SURROGATE). */
function charactersInSubset(text: string): boolean {
  if (LEFT_OUT.test(text)) return false;
  if (text.includes('\r') && LONE_CR.test(text)) return false;
  if (/[\ud800-\udfff]/.test(text) && LONE_SURROGATE.test(text)) return false;
  return true;
}

/** A "-" that begins a scalar (`-5`, `-x`), not a sequence entry: followed by a letter, digit or ".". */
function dashStartsScalar(text: string, at: number): boolean {
  return text[at] === '-' && /[0-9A-Za-z.]/.test(text[at + 1] ?? '');
}

interface Line {
  indent: number;
  /** The content after the indentation, without the line end; comments not yet removed. */
  text: string;
  /** Offset in the whole text of the line's start, and of the next line's start (block scalars read the text itself). */
  start: number;
  next: number;
}

/**
 * What the reader learns about the text's comments: whether any comment's text starts right after
 * its "#" (no blank between), the only kind the yaml-comment-in-text rule looks at.
 */
export interface CommentFacts {
  tightComment: boolean;
}

/** Whether a comment whose "#" is at `hash` starts with a non-blank. */
function tightAt(text: string, hash: number): boolean {
  const next = text.charCodeAt(hash + 1);
  return !Number.isNaN(next) && next !== 0x20 && next !== 0x0a && next !== 0x0d;
}

/** The content lines of the text (blank and comment lines dropped), with the line guards applied. */
function contentLines(text: string, facts: CommentFacts): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    // A CR here is the first half of a CRLF (charactersInSubset refused any other).
    const end = text.charCodeAt(next - 1) === 0x0d && next > start ? next - 1 : next;
    if (end - start > MAX_LINE) outside();
    let indent = start;
    while (indent < end && text.charCodeAt(indent) === 0x20) indent++;
    if (indent - start > MAX_INDENT) outside();
    if (indent < end && text.charCodeAt(indent) !== 0x23 /* # */) {
      lines.push({ indent: indent - start, text: text.slice(indent, end), start, next: next + 1 });
    } else if (indent < end && tightAt(text, indent)) {
      facts.tightComment = true;
    }
    start = next + 1;
  }
  return lines;
}

/** The value of the escape after a backslash, for the escapes in the subset. */
function escaped(c: string | undefined): string {
  switch (c) {
    case '"':
      return '"';
    case '\\':
      return '\\';
    case '/':
      return '/';
    case 'n':
      return '\n';
    case 't':
      return '\t';
    default:
      return outside();
  }
}

/** A double-quoted scalar's value, from just after the opening quote; `end` is the index after the closing quote. */
function doubleQuoted(text: string, from: number): { value: string; end: number } {
  let out = '';
  let i = from;
  // Each search starts where the last one stopped, so a line full of escapes is still read in one pass.
  let quote = text.indexOf('"', i);
  for (;;) {
    if (quote < 0) outside();
    const slash = text.indexOf('\\', i);
    if (slash < 0 || quote < slash) return { value: out + text.slice(i, quote), end: quote + 1 };
    out += text.slice(i, slash) + escaped(text[slash + 1]);
    i = slash + 2;
    if (quote < i) quote = text.indexOf('"', i);
  }
}

/** A single-quoted scalar's value, from just after the opening quote. */
function singleQuoted(text: string, from: number): { value: string; end: number } {
  let out = '';
  let i = from;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote < 0) outside();
    out += text.slice(i, quote);
    if (text[quote + 1] === "'") {
      out += "'";
      i = quote + 2;
      continue;
    }
    return { value: out, end: quote + 1 };
  }
}

/** Adds a key as an own property (`__proto__` included, never a prototype change); a key given twice leaves the subset. */
function addKey(mapping: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.prototype.hasOwnProperty.call(mapping, key)) outside();
  Object.defineProperty(mapping, key, { value, enumerable: true, configurable: true, writable: true });
}

/** A key as the subset has it: simple, and read by `yaml` as that same text. */
function simpleKey(key: string): string {
  if (!SIMPLE_KEY.test(key) || resolvePlain(key) !== key) outside();
  return key;
}

/** A block scalar's header as the subset has it: literal or folded, clipped or stripped ("-"), nothing after it. */
const BLOCK_HEADER = /^[|>]-?$/;

class Reader {
  readonly text: string;
  readonly facts: CommentFacts;

  constructor(text: string, facts: CommentFacts) {
    this.text = text;
    this.facts = facts;
  }

  /** What may follow a value on its line: blanks, then nothing or a comment. */
  restIsEmpty(text: string, from: number): boolean {
    let i = from;
    while (i < text.length && text.charCodeAt(i) === 0x20) i++;
    if (i === text.length) return true;
    if (text.charCodeAt(i) !== 0x23 || i === from) return false; // a comment needs a blank before it
    if (tightAt(text, i)) this.facts.tightComment = true;
    return true;
  }

  /** A plain scalar in block context: the rest of the line up to a comment. */
  blockPlain(text: string): unknown {
    if (RESERVED_START.has(text[0]!) && !dashStartsScalar(text, 0)) outside();
    const comment = text.indexOf(' #');
    if (comment >= 0 && tightAt(text, comment + 1)) this.facts.tightComment = true;
    const body = (comment >= 0 ? text.slice(0, comment) : text).trimEnd();
    if (body === '' || body.includes(': ') || body.endsWith(':')) outside();
    return resolvePlain(body);
  }

  /** A value on the rest of a line (after `key: ` or `- `). */
  inline(text: string): unknown {
    const first = text[0];
    if (first === '"' || first === "'") {
      const { value, end } = first === '"' ? doubleQuoted(text, 1) : singleQuoted(text, 1);
      if (!this.restIsEmpty(text, end)) outside();
      return value;
    }
    if (first === '{' || first === '[') {
      const { value, end } = this.flow(text, 0, 1);
      if (!this.restIsEmpty(text, end)) outside();
      return value;
    }
    return this.blockPlain(text);
  }

  /** A flow collection starting at `from` (a `{` or `[`), closed on the same line; `depth` counts this one. */
  flow(text: string, from: number, depth: number): { value: unknown; end: number } {
    if (depth > MAX_FLOW_DEPTH) outside();
    const mapping = text[from] === '{';
    const close = mapping ? '}' : ']';
    const result: Record<string, unknown> | unknown[] = mapping ? {} : [];
    let i = from + 1;
    const skip = () => {
      while (text.charCodeAt(i) === 0x20) i++;
    };
    skip();
    if (text[i] === close) return { value: result, end: i + 1 };
    for (;;) {
      skip();
      let key = '';
      if (mapping) {
        const colon = text.indexOf(':', i);
        if (colon < 0 || text[colon + 1] !== ' ') outside();
        key = simpleKey(text.slice(i, colon));
        i = colon + 2;
        skip();
      }
      const entry = this.flowValue(text, i, close, depth);
      i = entry.end;
      if (mapping) addKey(result as Record<string, unknown>, key, entry.value);
      else (result as unknown[]).push(entry.value);
      skip();
      if (text[i] === ',') {
        i++;
        skip();
        if (text[i] === close || text[i] === ',') outside(); // an empty or trailing entry
        continue;
      }
      if (text[i] === close) return { value: result, end: i + 1 };
      outside();
    }
  }

  /** One value inside a flow collection: quoted, a nested collection, or a plain scalar up to `,` or the closing bracket. */
  flowValue(text: string, from: number, close: string, depth: number): { value: unknown; end: number } {
    const first = text[from];
    if (first === '"') return doubleQuoted(text, from + 1);
    if (first === "'") return singleQuoted(text, from + 1);
    if (first === '{' || first === '[') return this.flow(text, from, depth + 1);
    if (first === undefined || (RESERVED_START.has(first) && !dashStartsScalar(text, from))) outside();
    let end = from;
    while (end < text.length) {
      const c = text[end]!;
      if (c === ',' || c === close) break;
      if (c === '[' || c === ']' || c === '{' || c === '}' || c === '#' || (c === ':' && (text[end + 1] === ' ' || text[end + 1] === ',' || text[end + 1] === close))) outside();
      end++;
    }
    if (end >= text.length) outside();
    const body = text.slice(from, end).trimEnd();
    if (body === '') outside();
    return { value: resolvePlain(body), end };
  }

  /**
   * The block node whose first line is `lines[at]`, at exactly `indent`: a mapping of `key:` lines
   * or a sequence of `- ` lines. Returns the node and the index of the first line after it.
   */
  block(lines: readonly Line[], at: number, indent: number): { value: unknown; next: number } {
    const first = lines[at]!;
    if (first.indent !== indent) outside();
    return isItem(first.text) ? this.sequence(lines, at, indent) : this.mapping(lines, at, indent);
  }

  mapping(lines: readonly Line[], at: number, indent: number): { value: Record<string, unknown>; next: number } {
    const result: Record<string, unknown> = {};
    let i = at;
    while (i < lines.length && lines[i]!.indent === indent) {
      const { text } = lines[i]!;
      if (isItem(text)) break;
      const colon = text.indexOf(':');
      if (colon <= 0) outside();
      const key = simpleKey(text.slice(0, colon));
      const after = text.slice(colon + 1);
      let value: unknown;
      if (this.restIsEmpty(after, 0)) {
        // `key:` with the value on the lines below: a deeper mapping, or a sequence at this indentation or deeper.
        const next = lines[i + 1];
        if (next && (next.indent > indent || (next.indent === indent && isItem(next.text)))) {
          const child = this.block(lines, i + 1, next.indent);
          value = child.value;
          i = child.next;
        } else {
          value = resolvePlain('');
          i++;
        }
      } else {
        if (after[0] !== ' ') outside();
        const inline = after.slice(1).trimStart();
        if (BLOCK_HEADER.test(inline)) {
          const scalar = this.blockScalar(inline, lines[i]!.next, indent);
          value = scalar.value;
          // Its lines are read: the entries go on at the first line after it.
          while (i < lines.length && lines[i]!.start < scalar.end) i++;
        } else {
          value = this.inline(inline);
          i++;
          // A deeper line right after a one-line value would continue it: not in the subset.
          if (i < lines.length && lines[i]!.indent > indent) outside();
        }
      }
      addKey(result, key, value);
    }
    if (i < lines.length && lines[i]!.indent > indent) outside();
    return { value: result, next: i };
  }

  sequence(lines: readonly Line[], at: number, indent: number): { value: unknown[]; next: number } {
    const result: unknown[] = [];
    let i = at;
    while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
      const rest = lines[i]!.text.slice(2);
      const trimmed = rest.trimStart();
      const itemIndent = indent + 2 + (rest.length - trimmed.length);
      if (isItem(trimmed) || trimmed === '' || trimmed.startsWith('#')) outside();
      const colon = trimmed.indexOf(':');
      const isMapping = colon > 0 && SIMPLE_KEY.test(trimmed.slice(0, colon)) && (trimmed[colon + 1] === ' ' || trimmed.length === colon + 1);
      if (isMapping) {
        // `- key: value` opens a mapping whose keys sit where `key` does.
        const line = lines[i]!;
        const first: Line = { indent: itemIndent, text: trimmed, start: line.start, next: line.next };
        const item = this.mapping([first, ...lines.slice(i + 1, this.extent(lines, i + 1, indent))], 0, itemIndent);
        result.push(item.value);
        i = i + item.next;
      } else {
        result.push(this.inline(trimmed));
        i++;
        if (i < lines.length && lines[i]!.indent > indent) outside();
      }
    }
    if (i < lines.length && lines[i]!.indent > indent) outside();
    return { value: result, next: i };
  }

  /**
   * A block scalar (see `block` in the grammar) whose content starts at offset `from`, below an
   * entry at `parent` spaces; `end` is the offset of the first line after it (or the text's end).
   */
  blockScalar(header: string, from: number, parent: number): { value: string; end: number } {
    const { text } = this;
    const folded = header[0] === '>';
    /** Content lines without their indentation; '' for an empty line. */
    const content: string[] = [];
    let indent = -1;
    let at = from;
    while (at < text.length) {
      let next = text.indexOf('\n', at);
      if (next < 0) next = text.length;
      const end = text.charCodeAt(next - 1) === 0x0d && next > at ? next - 1 : next;
      let first = at;
      while (first < end && text.charCodeAt(first) === 0x20) first++;
      if (first === end) {
        // Only truly empty lines, and none before the first content line (its indentation decides).
        if (end > at || indent < 0) outside();
        content.push('');
      } else if (indent < 0 || first - at >= indent) {
        if (indent < 0) {
          if (first - at <= parent) outside();
          indent = first - at;
        }
        // Folded lines indented further are kept apart, not folded; trailing blanks and a last line without its line end are left to yaml.
        if ((folded && first - at > indent) || text.charCodeAt(end - 1) === 0x20 || next === text.length) outside();
        content.push(text.slice(at + indent, end));
      } else {
        // The line after the block: content at or left of its key, not a comment.
        if (first - at > parent || text.charCodeAt(first) === 0x23) outside();
        break;
      }
      at = next + 1;
    }
    if (indent < 0) outside();
    while (content[content.length - 1] === '') content.pop();
    let value = folded ? '' : content.join('\n');
    if (folded) {
      // A line break between two lines folds into a space; each empty line between them stays a line break.
      let empties = 0;
      content.forEach((line, i) => {
        if (line === '') empties++;
        else {
          value += i === 0 ? line : empties === 0 ? ` ${line}` : `${'\n'.repeat(empties)}${line}`;
          empties = 0;
        }
      });
    }
    return { value: header.endsWith('-') ? value : `${value}\n`, end: Math.min(at, text.length) };
  }

  /** The index of the first line at or after `from` indented no deeper than `indent`. */
  extent(lines: readonly Line[], from: number, indent: number): number {
    let i = from;
    while (i < lines.length && lines[i]!.indent > indent) i++;
    return i;
  }
}

/** Whether a line's content starts a sequence item (`- ` or a lone `-`). */
function isItem(text: string): boolean {
  return text.startsWith('- ') || text === '-';
}

/**
 * Brackets nested as deeply as parseYaml refuses, counted as it counts them (also inside plain and
 * single-quoted text): fewer brackets than its limit cannot be, so most texts need no second scan.
 */
function nestedTooDeeply(text: string): boolean {
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0 && brackets < PARSE_MAX_FLOW_DEPTH; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i >= 0 && brackets < PARSE_MAX_FLOW_DEPTH; i = text.indexOf('{', i + 1)) brackets++;
  return brackets >= PARSE_MAX_FLOW_DEPTH && deepFlowNesting(text, PARSE_MAX_FLOW_DEPTH) !== undefined;
}

/**
 * The value of a YAML text in the plain subset (see the module comment); undefined when the text
 * leaves it. `facts` learns whether a comment starts right after its "#".
 */
export function plainYamlValue(text: string, facts: CommentFacts = { tightComment: false }): Record<string, unknown> | undefined {
  if (!charactersInSubset(text) || nestedTooDeeply(text)) return undefined;
  try {
    const lines = contentLines(text, facts);
    if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
    const first = lines[0]!.text;
    if (isItem(first) || first.startsWith('---') || first.startsWith('...')) return undefined;
    const { value, next } = new Reader(text, facts).mapping(lines, 0, 0);
    return next === lines.length ? value : undefined;
  } catch {
    // Outside the subset (a scalar `yaml` would not read as plain data is outside too): `yaml` decides.
    return undefined;
  }
}
