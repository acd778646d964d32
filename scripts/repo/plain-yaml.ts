/**
 * A reader for the plain YAML records are written in, two to three times faster than js-yaml: block
 * mappings and sequences of simple keys, scalars on one line (plain, single- or double-quoted),
 * and flow collections that open and close on one line. It is the first step of the fast path
 * (fast-yaml.ts): for anything outside that subset (block scalars, values or collections over
 * several lines, quoted or unusual keys, anchors, tags, escapes beyond the common ones, empty flow
 * entries, ...) it answers undefined, and the next reader takes the text. Plain scalars resolve
 * through the `yaml` package's core tags, as everywhere in the fast path, so a value reads exactly
 * as `parseYaml` reads it (tests/cache/fast-path.test.ts checks that on real and fuzzed files).
 */

/** Resolves a plain scalar: the `yaml` package's answer, or NOT_SURE when that answer is not a plain value. */
export type PlainResolver = (source: string) => unknown;

/** Thrown inside the reader when the text leaves the subset (any error means the same). */
class OutsideSubset extends Error {}
const outside = (): never => {
  throw new OutsideSubset();
};

/** A simple key: letters, digits, `_` and `-`, as every key of the repository's files is. */
const SIMPLE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
/** Characters that may not start a plain scalar (indicators), except "-" before a non-space. */
const RESERVED_START = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** A "-" that begins a scalar (`-5`, `-x`), not a sequence entry: followed by a letter, digit or ".". */
function dashStartsScalar(text: string, at: number): boolean {
  return text[at] === '-' && /[0-9A-Za-z.]/.test(text[at + 1] ?? '');
}

interface Line {
  indent: number;
  /** The content after the indentation, comments not yet removed. */
  text: string;
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
  return !Number.isNaN(next) && next !== 0x20 && next !== 0x0a;
}

/** The content lines of the text: blank lines and comment lines dropped. */
function contentLines(text: string, facts: CommentFacts): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = start;
    while (indent < end && text.charCodeAt(indent) === 0x20) indent++;
    if (indent < end && text.charCodeAt(indent) !== 0x23 /* # */) {
      lines.push({ indent: indent - start, text: text.slice(indent, end) });
    } else if (indent < end && tightAt(text, indent)) {
      facts.tightComment = true;
    }
    start = end + 1;
  }
  return lines;
}

/** A double-quoted scalar's value, from just after the opening quote; `end` is the index after the closing quote. */
function doubleQuoted(text: string, from: number): { value: string; end: number } {
  let out = '';
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    const slash = text.indexOf('\\', i);
    if (quote < 0) outside();
    if (slash < 0 || quote < slash) {
      out += text.slice(i, quote);
      return { value: out, end: quote + 1 };
    }
    out += text.slice(i, slash);
    const escape = text[slash + 1];
    switch (escape) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      default:
        outside();
    }
    i = slash + 2;
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

class Reader {
  private readonly resolve: PlainResolver;
  private readonly facts: CommentFacts;

  constructor(resolve: PlainResolver, facts: CommentFacts) {
    this.resolve = resolve;
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
    if (body === '' || body.includes(': ') || body.endsWith(':') || body.includes('\t')) outside();
    return this.resolve(body);
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
      const { value, end } = this.flow(text, 0);
      if (!this.restIsEmpty(text, end)) outside();
      return value;
    }
    return this.blockPlain(text);
  }

  /** A flow collection starting at `from` (a `{` or `[`), closed on the same line. */
  flow(text: string, from: number): { value: unknown; end: number } {
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
      let key: string | undefined;
      if (mapping) {
        const colon = text.indexOf(':', i);
        if (colon < 0) outside();
        key = text.slice(i, colon);
        if (!SIMPLE_KEY.test(key) || this.resolve(key) !== key || text[colon + 1] !== ' ') outside();
        i = colon + 2;
        skip();
      }
      const entry = this.flowValue(text, i, close);
      i = entry.end;
      if (mapping) {
        if (Object.prototype.hasOwnProperty.call(result, key!)) outside();
        Object.defineProperty(result, key!, { value: entry.value, enumerable: true, configurable: true, writable: true });
      } else {
        (result as unknown[]).push(entry.value);
      }
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
  flowValue(text: string, from: number, close: string): { value: unknown; end: number } {
    const first = text[from];
    if (first === '"') return doubleQuoted(text, from + 1);
    if (first === "'") return singleQuoted(text, from + 1);
    if (first === '{' || first === '[') return this.flow(text, from);
    if (first === undefined || (RESERVED_START.has(first) && !dashStartsScalar(text, from))) outside();
    let end = from;
    while (end < text.length) {
      const c = text[end]!;
      if (c === ',' || c === close) break;
      if (c === '[' || c === ']' || c === '{' || c === '}' || c === '#' || c === '\t' || (c === ':' && (text[end + 1] === ' ' || text[end + 1] === ',' || text[end + 1] === close))) outside();
      end++;
    }
    if (end >= text.length) outside();
    const body = text.slice(from, end).trimEnd();
    if (body === '') outside();
    return { value: this.resolve(body), end };
  }

  /**
   * The block node whose first line is `lines[at]`, at exactly `indent`: a mapping of `key:` lines
   * or a sequence of `- ` lines. Returns the node and the index of the first line after it.
   */
  block(lines: readonly Line[], at: number, indent: number): { value: unknown; next: number } {
    const first = lines[at]!;
    if (first.indent !== indent) outside();
    return first.text.startsWith('- ') || first.text === '-' ? this.sequence(lines, at, indent) : this.mapping(lines, at, indent);
  }

  mapping(lines: readonly Line[], at: number, indent: number): { value: Record<string, unknown>; next: number } {
    const result: Record<string, unknown> = {};
    let i = at;
    while (i < lines.length && lines[i]!.indent === indent) {
      const { text } = lines[i]!;
      if (text.startsWith('- ') || text === '-') break;
      const colon = text.indexOf(':');
      if (colon <= 0) outside();
      const key = text.slice(0, colon);
      if (!SIMPLE_KEY.test(key) || this.resolve(key) !== key || Object.prototype.hasOwnProperty.call(result, key)) outside();
      const after = text.slice(colon + 1);
      let value: unknown;
      if (this.restIsEmpty(after, 0)) {
        // `key:` with the value on the lines below: a deeper mapping, or a sequence at this indentation or deeper.
        const next = lines[i + 1];
        if (next && (next.indent > indent || (next.indent === indent && (next.text.startsWith('- ') || next.text === '-')))) {
          const child = this.block(lines, i + 1, next.indent);
          value = child.value;
          i = child.next;
        } else {
          value = this.resolve('');
          i++;
        }
      } else {
        if (after[0] !== ' ') outside();
        value = this.inline(after.slice(1).trimStart());
        i++;
        // A deeper line right after a one-line value would continue it: not in the subset.
        if (i < lines.length && lines[i]!.indent > indent) outside();
      }
      Object.defineProperty(result, key, { value, enumerable: true, configurable: true, writable: true });
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
      if (trimmed.startsWith('- ') || trimmed === '-' || trimmed === '' || trimmed.startsWith('#')) outside();
      const colon = trimmed.indexOf(':');
      const isMapping = colon > 0 && SIMPLE_KEY.test(trimmed.slice(0, colon)) && (trimmed[colon + 1] === ' ' || trimmed.length === colon + 1);
      if (isMapping) {
        // `- key: value` opens a mapping whose keys sit where `key` does.
        const item = this.mapping([{ indent: itemIndent, text: trimmed }, ...lines.slice(i + 1, this.extent(lines, i + 1, indent))], 0, itemIndent);
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

  /** The index of the first line at or after `from` indented no deeper than `indent`. */
  extent(lines: readonly Line[], from: number, indent: number): number {
    let i = from;
    while (i < lines.length && lines[i]!.indent > indent) i++;
    return i;
  }
}

/**
 * Characters JavaScript's trim counts as white space but YAML does not (no-break spaces, the byte
 * order mark, form feeds, ...): a text holding one leaves the subset, so every trim in the reader
 * removes only the ASCII spaces YAML removes.
 */
const UNUSUAL_SPACE = /[\v\f\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

/**
 * The value of a YAML text in the plain subset (see the module comment), with every plain scalar
 * resolved by `resolve`; undefined when the text leaves the subset. The top level is a mapping.
 */
export function plainYamlValue(text: string, resolve: PlainResolver, facts: CommentFacts = { tightComment: false }): Record<string, unknown> | undefined {
  if (text.includes('\r') || text.includes('\t') || UNUSUAL_SPACE.test(text)) return undefined;
  try {
    const lines = contentLines(text, facts);
    if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
    const reader = new Reader(resolve, facts);
    if (lines[0]!.text.startsWith('- ') || lines[0]!.text.startsWith('---') || lines[0]!.text.startsWith('...')) return undefined;
    const { value, next } = reader.mapping(lines, 0, 0);
    if (next !== lines.length) return undefined;
    return value;
  } catch {
    // Outside the subset, or a scalar the resolver is not sure of: the next reader decides.
    return undefined;
  }
}
