/**
 * Mutations of valid data files for the property-based suites: structural ones made through the
 * YAML document model (drop, duplicate, rename or retype a key or item, anywhere in the tree) and
 * textual ones made on the bytes (YAML syntax inserted at any position, the file cut short).
 *
 * A mutation is plain data chosen by fast-check (indices and pools, never the file's content), so
 * that a counterexample prints readably, replays from its seed and shrinks towards small edits.
 */
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** Key names that are hostile or near-misses: prototype keys, YAML 1.1 booleans, empty, merge keys. */
export const KEY_POOL = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '<<', 'on', 'yes', 'null', '1', 'id', 'ID', 'name ', 'tiers', 'x-extra', 'ünïcødé', 'a:b', '- item', '{{key}}'] as const;

/** Values of every YAML type, edge cases of each: what a "retyped" key or item becomes. */
export const VALUE_POOL: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  '',
  ' ',
  'text',
  'x'.repeat(5_000),
  '2026-02-30',
  '0001-01-01',
  '9999-12-31T23:59:59Z',
  '2026-11-22T12:00:00',
  '24:00',
  '-PT1H',
  'P1',
  'Europe/Atlantis',
  '__proto__',
  '{{> partial}}',
  '<script>alert(1)</script>',
  '::error::injected',
  [],
  {},
  [null],
  [1, 'two', [3]],
  { a: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
];

/** YAML syntax inserted at a random offset. */
export const SYNTAX_POOL = [
  ': ',
  ':',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '&a ',
  '*a',
  '*undefined_alias',
  '<<: *a\n',
  '!!binary ',
  '!!timestamp ',
  '!custom ',
  '!!map ',
  '? ',
  '|',
  '>-\n',
  '# ',
  "'",
  '"',
  '\\',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '  ',
  '\n  ',
  '\n---\n',
  '\n...\n',
  '%YAML 1.1\n',
  '%TAG ! tag:example.com,2000:\n',
  '@',
  '`',
  '\uFEFF',
  '\u2028',
  '\u0085',
  'é',
  '😀',
  '0x',
  '.inf',
  '~',
  '__proto__: {polluted: 1}\n',
] as const;

export type Mutation =
  /** Removes a key of a mapping, or an item of a list (the `at`-th such entry, depth first). */
  | { op: 'drop'; file: string; at: number }
  /** Repeats a key (a duplicate key) or an item (a duplicate list entry) right after itself. */
  | { op: 'duplicate'; file: string; at: number }
  /** Gives a key another name. */
  | { op: 'rename'; file: string; at: number; to: string }
  /** Replaces the value of a key or an item (or the whole document, at 0) with a value of another type. */
  | { op: 'retype'; file: string; at: number; value: unknown }
  /** Copies the value at entry `from` over the value at entry `at`: right types in the wrong places (an id where another is meant, a tier escalating to itself). */
  | { op: 'copy'; file: string; from: number; at: number }
  /** Replaces a scalar with an extreme value of the same type (a huge number, a far date, an empty or very long string). */
  | { op: 'edge'; file: string; at: number; pick: number }
  /** Inserts YAML syntax at the `at`-th character (modulo the length). */
  | { op: 'insert'; file: string; at: number; text: string }
  /** Keeps only the first `at` characters (modulo the length). */
  | { op: 'truncate'; file: string; at: number };

/** An entry of a collection: the map pair or list item at `index` of `parent`. */
interface Entry {
  parent: YAMLMap | YAMLSeq;
  index: number;
}

function entries(doc: Document): Entry[] {
  const found: Entry[] = [];
  const visit = (node: unknown) => {
    if (isMap(node) || isSeq(node)) {
      node.items.forEach((item, index) => {
        found.push({ parent: node, index });
        visit(isMap(node) ? (item as Pair).value : item);
      });
    }
  };
  visit(doc.contents);
  return found;
}

/** The YAML part of a file: the whole file, or a post-mortem's front matter between `---` lines. */
function yamlPart(path: string, text: string): { before: string; yaml: string; after: string } {
  if (!path.endsWith('.md')) return { before: '', yaml: text, after: '' };
  const match = /^(---\r?\n)([\s\S]*?\r?\n)(---\r?\n[\s\S]*)$/.exec(text);
  if (!match) return { before: '', yaml: '', after: text };
  return { before: match[1]!, yaml: match[2]!, after: match[3]! };
}

/** Extreme values that keep a scalar's type, so they pass the schema's type checks and reach the rules and engines. */
const EDGE_STRINGS = ['', ' ', 'x'.repeat(10_000), '0001-01-01', '9999-12-31', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '0000-01-01T00:00:00-12:00', '2026-02-29', '00:00', '23:59', '24:00', 'PT0S', 'P9999Y', 'PT0.001S', 'Etc/GMT+12', 'Pacific/Kiritimati', 'a', '-', 'ü', '\u202e', '{{id}}', '[x](javascript:alert(1))'];
const EDGE_NUMBERS = [0, -0, -1, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e21, 0.5, -1e-9];

function edgeValue(node: unknown, pick: number): unknown {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number') return EDGE_NUMBERS[pick % EDGE_NUMBERS.length];
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') return EDGE_STRINGS[pick % EDGE_STRINGS.length];
  if (isSeq(node)) return pick % 2 === 0 ? [] : Array.from({ length: 200 }, () => copyOf(node.items[0]));
  if (isMap(node)) return {};
  return null;
}

/** A copy of a node (or a plain value), to place elsewhere in the document. */
function copyOf(node: unknown): unknown {
  return node !== null && typeof node === 'object' && 'clone' in node ? (node as Node).clone() : (node ?? null);
}

function valueAt(entry: Entry): unknown {
  const item = entry.parent.items[entry.index];
  return isMap(entry.parent) ? (item as Pair).value : item;
}

function structural(mutation: Exclude<Mutation, { op: 'insert' | 'truncate' }>, yaml: string): string {
  const doc = parseDocument(yaml);
  const list = entries(doc);
  if (mutation.op === 'retype' && (list.length === 0 || mutation.at % (list.length + 1) === list.length)) {
    doc.contents = doc.createNode(mutation.value) as typeof doc.contents;
    return doc.toString();
  }
  if (list.length === 0) return yaml;
  const { parent, index } = list[mutation.at % list.length]!;
  const item = parent.items[index]!;
  switch (mutation.op) {
    case 'drop':
      parent.items.splice(index, 1);
      break;
    case 'duplicate':
      (parent.items as unknown[]).splice(index + 1, 0, (item as Pair | Node).clone());
      break;
    case 'rename':
      if (isMap(parent)) (item as Pair).key = doc.createNode(mutation.to);
      else (parent.items as unknown[])[index] = doc.createNode({ [mutation.to]: copyOf(item) });
      break;
    case 'retype':
    case 'edge':
    case 'copy': {
      const source =
        mutation.op === 'retype'
          ? mutation.value
          : mutation.op === 'edge'
            ? edgeValue(valueAt({ parent, index }), mutation.pick)
            : copyOf(valueAt(list[mutation.from % list.length]!));
      if (isMap(parent)) (item as Pair).value = doc.createNode(source);
      else (parent.items as unknown[])[index] = doc.createNode(source);
      break;
    }
  }
  try {
    return doc.toString();
  } catch {
    // A document the printer refuses cannot be written by a user either.
    return yaml;
  }
}

/** The file's text after the mutation. */
export function applyMutation(mutation: Mutation, text: string): string {
  if (mutation.op === 'insert') {
    const at = mutation.at % (text.length + 1);
    return text.slice(0, at) + mutation.text + text.slice(at);
  }
  if (mutation.op === 'truncate') return text.slice(0, mutation.at % (text.length + 1));
  const { before, yaml, after } = yamlPart(mutation.file, text);
  if (yaml === '') return text;
  return before + structural(mutation, yaml) + after;
}

/** Mutations of one of `files` (paths relative to the repository). */
export function mutationArbitrary(files: readonly string[]): fc.Arbitrary<Mutation> {
  const file = fc.constantFrom(...files);
  const at = fc.nat({ max: 100_000 });
  return fc.oneof(
    fc.record({ op: fc.constant('drop' as const), file, at }),
    fc.record({ op: fc.constant('duplicate' as const), file, at }),
    fc.record({ op: fc.constant('rename' as const), file, at, to: fc.oneof(fc.constantFrom(...KEY_POOL), fc.string({ maxLength: 12 })) }),
    fc.record({ op: fc.constant('retype' as const), file, at, value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUE_POOL) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }) }),
    fc.record({ op: fc.constant('copy' as const), file, from: at, at }),
    fc.record({ op: fc.constant('edge' as const), file, at, pick: fc.nat({ max: 1_000 }) }),
    fc.record({ op: fc.constant('insert' as const), file, at, text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SYNTAX_POOL) }, { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) }) }),
    fc.record({ op: fc.constant('truncate' as const), file, at }),
  );
}

/**
 * A mutation of one of `focus` most of the time (the files a command reads), else of any of `all`:
 * every command is also shown surviving damage to files it does not need.
 */
export function focusedMutations(focus: readonly string[], all: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.oneof({ weight: 3, arbitrary: mutationArbitrary(focus) }, { weight: 1, arbitrary: mutationArbitrary(all) });
}
