/**
 * Mutations of valid data files for the property-based suites: structural ones made through the
 * YAML document model (drop, duplicate, rename or retype a key or item, anywhere in the tree) and
 * textual ones made on the bytes (YAML syntax inserted at any position, the file cut short).
 *
 * A mutation is plain data chosen by fast-check (indices and pools, never the file's content), so
 * that a counterexample prints readably, replays from its seed and shrinks towards small edits.
 */
import fc from 'fast-check';
import { Document, isMap, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

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

function structural(mutation: Exclude<Mutation, { op: 'insert' | 'truncate' }>, yaml: string): string {
  const doc = parseDocument(yaml);
  const list = entries(doc);
  if (mutation.op === 'retype' && (list.length === 0 || mutation.at % (list.length + 1) === list.length)) {
    doc.contents = doc.createNode(mutation.value) as Node;
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
      else (parent.items as unknown[])[index] = doc.createNode({ [mutation.to]: (item as Node).toJSON?.() ?? null });
      break;
    case 'retype':
      if (isMap(parent)) (item as Pair).value = doc.createNode(mutation.value);
      else (parent.items as unknown[])[index] = doc.createNode(mutation.value);
      break;
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
