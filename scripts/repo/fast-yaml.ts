/**
 * A fast path for reading YAML that is almost always well formed: js-yaml builds the plain value
 * without a Document (about twice as fast as the `yaml` package, which keeps every node with its
 * source range). Positions are only needed for findings, so the Document is built lazily, by the
 * `yaml` package, the first time anything asks for it.
 *
 * The fast path only ever answers when it is sure to agree with `parseYaml`: same value, no
 * diagnostics. Anything it is not sure about (tags, directives, tabs, explicit keys, merge keys,
 * aliases, non-string keys, duplicate keys, very long lines, characters outside YAML's printable
 * set, a top level that is not a mapping) goes to `parseYaml`. Plain scalars are resolved by the
 * `yaml` package's own core-schema tags, so `no`, `09:00`, `0x1F` or `.inf` read exactly as there.
 * tests/cache/fast-path.test.ts proves the agreement over the example data and fuzzed inputs.
 */
import { defineMappingTag, defineScalarTag, load, NOT_RESOLVED, Schema, seqTag, strTag } from 'js-yaml';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { plainYamlValue, type CommentFacts } from './plain-yaml.ts';
import { deepFlowNesting, MAX_BLOCK_INDENT, MAX_FLOW_DEPTH, parseYaml, PARSE_OPTIONS, type ParsedYaml, type ParseYamlOptions } from './parse-yaml.ts';

/** The `yaml` package's tags for plain scalars, in the order it tries them (null, bool, int, float). */
const yamlCore = (() => {
  const doc = parseDocument('', PARSE_OPTIONS);
  const tags = doc.schema.tags.filter((tag) => tag.default === true && tag.test !== undefined) as (typeof doc.schema.tags[number] & {
    test: RegExp;
    resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
  })[];
  return { tags, options: doc.options };
})();

class NotSure extends Error {}

const notSure = (): never => {
  throw new NotSure();
};

/**
 * A plain scalar's value exactly as `yaml` resolves it (the first core tag whose test matches, else
 * the text itself); throws when `yaml` would report a problem or give more than a plain value.
 */
export function resolvePlain(source: string): unknown {
  for (const tag of yamlCore.tags) {
    if (!tag.test.test(source)) continue;
    const resolved = tag.resolve(source, notSure, yamlCore.options);
    // Some tags (null) answer with a Scalar node; the composer keeps such a node as it is.
    const value = isScalar(resolved) ? resolved.value : resolved;
    return typeof value === 'object' && value !== null ? notSure() : (value as Scalar['value']);
  }
  return source;
}

/** Plain scalars resolved exactly as `yaml` resolves them; a resolver that reports an error means "not sure". */
const yamlPlainScalarTag = defineScalarTag('tag:oncall-as-code,2026:yaml-core-plain', {
  implicit: true,
  implicitFirstChars: null,
  resolve(source) {
    for (const tag of yamlCore.tags) if (tag.test.test(source)) return resolvePlain(source);
    return NOT_RESOLVED;
  },
  identify: () => false,
});

/** Mappings as plain objects with own properties only (`__proto__` included), string keys only. */
const mappingTag = defineMappingTag('tag:yaml.org,2002:map', {
  create: () => ({}) as Record<string, unknown>,
  identify: (data) => typeof data === 'object' && data !== null && !Array.isArray(data),
  addPair(container, key, value) {
    // `yaml` turns a null, number or boolean key into text its own way; leave those to it.
    if (typeof key !== 'string') return 'not sure';
    Object.defineProperty(container, key, { value, enumerable: true, configurable: true, writable: true });
    return '';
  },
  has: (container, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(container, key),
  keys: (container) => Object.keys(container),
  get: (container, key) => (container as Record<string, unknown>)[String(key)],
});

const FAST_SCHEMA = new Schema([strTag, seqTag, mappingTag, yamlPlainScalarTag]);

/** Characters outside YAML's printable set, tabs, NEL, the Unicode line separators and a BOM inside the text. */
const UNSURE_CHARACTER = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A tag (`!`), an anchor (`&`) or an explicit key (`? `) where a node can start. */
const NODE_PROPERTY = /(?:^|[\s[{,])(?:[!&]|\?(?:\s|$))/m;
/** Longest line taken: YAML limits implicit keys to 1024 characters. */
const MAX_LINE = 1000;
/** Deepest indentation taken (with `- `, `? `, `: `): parseYaml refuses deep texts before parsing (MAX_BLOCK_INDENT). */
const MAX_INDENT = Math.min(MAX_BLOCK_INDENT, 200) - 1;
/** Fewer brackets than this cannot nest as deeply as parseYaml refuses (MAX_FLOW_DEPTH). */
const MAX_BRACKETS = MAX_FLOW_DEPTH - 1;

/**
 * Whether the fast path leaves a text to parseYaml: directives, document markers, tags, anchors, explicit keys, merge
 * keys, tabs, a lone CR, characters outside YAML's printable set, NEL, the Unicode line separators,
 * a BOM inside the text, long lines, deep indentation and many brackets. Each check is a plain scan,
 * so the whole costs a small fraction of parsing.
 */
function unsure(text: string): boolean {
  if (UNSURE_CHARACTER.test(text) || text.includes('<<')) return true;
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return true;
  if ((text.includes('!') || text.includes('&') || text.includes('?')) && NODE_PROPERTY.test(text)) return true;
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0 && brackets <= MAX_BRACKETS; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i >= 0 && brackets <= MAX_BRACKETS; i = text.indexOf('{', i + 1)) brackets++;
  // Many brackets (people.yaml writes one flow mapping per person) are fine unless nested as deeply as parseYaml refuses.
  if (brackets > MAX_BRACKETS && deepFlowNesting(text, MAX_FLOW_DEPTH) !== undefined) return true;
  for (let start = 0; start < text.length; ) {
    if (text.charCodeAt(start) === 0x25 /* % */) return true;
    // Document markers ("---", "..."): js-yaml and yaml differ on what follows them.
    if (text.startsWith('---', start) || text.startsWith('...', start)) return true;
    let indent = start;
    while (indent - start <= MAX_INDENT) {
      const c = text.charCodeAt(indent);
      if (c !== 0x20 && c !== 0x2d && c !== 0x3f && c !== 0x3a) break;
      indent++;
    }
    if (indent - start > MAX_INDENT) return true;
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > MAX_LINE) return true;
    start = stop + 1;
  }
  return false;
}

/**
 * The plain value of a YAML text when the fast path is sure it agrees with `parseYaml` (which would
 * then report no diagnostics); undefined otherwise.
 */
export function fastYamlValue(text: string, facts?: CommentFacts): Record<string, unknown> | undefined {
  if (unsure(text)) return undefined;
  // Most records are in the plain subset, which reads fastest; the rest goes to js-yaml.
  const plain = plainYamlValue(text, resolvePlain, facts);
  if (plain !== undefined) return plain;
  if (facts) facts.tightComment = true; // not known
  let value: unknown;
  try {
    value = load(text, { schema: FAST_SCHEMA, maxAliases: 0, maxDepth: 64 });
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/**
 * A ParsedYaml whose Document and line index are built on first use. Only for text the fast path
 * read (so `parseYaml` gives the same value and no diagnostics).
 */
export function lazyParsedYaml(text: string, file: string, value: unknown, lineOffset = 0): ParsedYaml {
  let full: ParsedYaml | undefined;
  const document = () => (full ??= parseYaml(text, file, { lineOffset }));
  return {
    file,
    text,
    value,
    diagnostics: [],
    lineOffset,
    get doc() {
      return document().doc;
    },
    get lineCounter() {
      return document().lineCounter;
    },
  };
}

/** Texts the plain-subset reader read whole and found no comment starting right after its "#" in. */
const withoutTightComments = new WeakSet<ParsedYaml>();

/**
 * False when the text certainly has no comment whose text starts right after the "#" (the reader
 * saw every comment); true when it may have one.
 */
export function mayHoldTightComment(parsed: ParsedYaml): boolean {
  return !withoutTightComments.has(parsed);
}

/**
 * A ParsedYaml for a text whose value is already known (read from it before, by content hash), with
 * what was learnt of its comments; the Document is built on first use, as for the fast path.
 */
export function knownParsedYaml(text: string, file: string, value: unknown, tightComment: boolean, lineOffset = 0): ParsedYaml {
  const parsed = lazyParsedYaml(text, file, value, lineOffset);
  if (!tightComment) withoutTightComments.add(parsed);
  return parsed;
}

/** `parseYaml` with the fast path in front: same results, the Document built only when needed. */
export function parseYamlFast(text: string, file: string, opts: ParseYamlOptions = {}): ParsedYaml {
  const facts: CommentFacts = { tightComment: false };
  const value = fastYamlValue(text, facts);
  if (value === undefined) return parseYaml(text, file, opts);
  const parsed = lazyParsedYaml(text, file, value, opts.lineOffset ?? 0);
  if (!facts.tightComment) withoutTightComments.add(parsed);
  return parsed;
}
