/**
 * The plain reader (scripts/repo/plain-yaml.ts) is equal to the `yaml` package by construction:
 * documents are generated from the grammar in its header, then mutated, and for each one the reader
 * must either decline or give exactly the value `parseYaml` gives (types, null, key order and -0
 * included) with no diagnostic at all.
 *
 * - Every generated document is in the subset, so the reader must also read it (the grammar is
 *   what the reader takes, not a wish).
 * - Mutations: character edits anywhere, and the families in which a second YAML reader once
 *   disagreed with `yaml` (an indented "---" first line, a scalar after a sequence item's text, a
 *   comment line between a key and its value, escapes beyond U+10FFFF, block scalars with an
 *   indentation indicator and only blanks, keep chomping with blanks at the end of the file, an
 *   escaped line break before a blank line).
 *
 * CI runs a few thousand cases of each property. A long run:
 *   ONCALL_YAML_RUNS=200000 ONCALL_YAML_SEED=7 npx vitest run tests/repo/plain-yaml.property.test.ts
 * multiplies each property's runs (ONCALL_YAML_RUNS is the runs of the main property; the others
 * scale with it); a failure prints the seed and the path to replay just that case (ONCALL_YAML_PATH).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { firstDifference } from '../../scripts/repo/first-difference.ts';
import { parseYaml } from '../../scripts/repo/parse-yaml.ts';
import { plainYamlValue } from '../../scripts/repo/plain-yaml.ts';

/** Runs of the property over mutated documents; the others are fractions of it. `ONCALL_YAML_RUNS` sets it. */
const DEFAULT_RUNS = 6000;
const DEFAULT_SEED = 20261206;

function setting(name: string, fallback: number, positive: boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || (positive && value <= 0)) throw new Error(`${name}: "${raw}" is not a ${positive ? 'positive ' : ''}whole number.`);
  return value;
}

const RUNS = setting('ONCALL_YAML_RUNS', DEFAULT_RUNS, true);
const SEED = setting('ONCALL_YAML_SEED', DEFAULT_SEED, false);
const runsOf = (weight: number) => Math.max(1, Math.round(RUNS * weight));
/** Generous: the cases of one property take a few seconds in CI; a long run scales with its runs. */
const timeoutOf = (runs: number) => 30_000 + runs * 5;

/** Runs a property with the seed and runs of this run; `name` is part of its test's title, for replaying a failure. */
function check<T>(name: string, arbitrary: fc.Arbitrary<T>, runs: number, predicate: (value: T) => void): void {
  const path = process.env.ONCALL_YAML_PATH?.trim() || undefined;
  const details = fc.check(fc.property(arbitrary, predicate), { seed: SEED, numRuns: runs, ...(path ? { path } : {}) });
  if (!details.failed) return;
  const replay = `ONCALL_YAML_SEED=${SEED}${details.counterexamplePath ? ` ONCALL_YAML_PATH=${details.counterexamplePath}` : ''}`;
  throw new Error(
    `${name}: failed. Replay just this case with\n  ${replay} npx vitest run tests/repo/plain-yaml.property.test.ts -t '${name}'\n\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
  );
}

// ---- The grammar, as generators --------------------------------------------------------------

/** Keys people write, and keys that look like other values (a key `yaml` does not read as its text is left out). */
const KEYS = ['id', 'name', 'a', 'b', 'k', 'x_y', 'a-b', '_', '0a', 'y', 'n', 'on', 'no', 'off', 'yes', 'Yes', '__proto__', 'constructor', 'toString', 'nULL', '1_000', 'e1', 'inf', 'nan', 'NaN', '0b101', '0xg', '09', '1-2', 'true_', 'participants', 'from', 'to'];

/** The `yaml` package's reading of a plain key: the grammar's "reads as that same text". */
const readsAsItself = (key: string) => parse(key, { version: '1.2', schema: 'core' }) === key;

const keyArb = fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,5}$/)).filter(readsAsItself);

/** Whole scalars whose reading depends on the core schema's tags. */
const SCALARS = [
  '0', '-0', '+0', '00', '007', '0o17', '0o8', '0x1F', '0X1F', '0xg', '0b101', '1_000', '1e3', '1E3', '1e+3', '1.', '.5', '-.5', '+.5e-2', '1.0', '3.14', '6.02e23',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', 'inf', '123456789012345678901234567890', '9007199254740993', '-9007199254740993', '1e400', '-1e-400',
  'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', 'nULL', '~',
  '09:00', '9:00', '12:30:45', '2026-10-14', '2026-10-14T09:42:00+02:00', '2026-10-14 09:42:00', '1:2', 'a:b', 'http://x.example/a?b=c#d', '-x', '-1', '-.', '-_',
];

/** Pieces plain text is made of: words, indicators, blanks, and characters beyond ASCII. */
const PLAIN_PIECES = [
  'a', 'b', 'Z', 'word', 'é', 'ß', '日本', '😀', '0', '1', '42', '-', '.', ':', '#', ' ', '  ', "'", '"', ',', '[', ']', '{', '}', '?', '!', '&', '*', '|', '>', '%', '@', '`',
  '~', '/', '\\', '=', '<<', '+', '_', 'null', 'true', 'no', 'e3', 'x', '---', '...', ' - ', '\u00e9t\u00e9',
];

const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** The grammar's start of a plain scalar: not an indicator, or "-" before a letter, digit or ".". */
function plainStart(text: string): boolean {
  return !INDICATORS.has(text[0]!) || (text[0] === '-' && /[0-9A-Za-z.]/.test(text[1] ?? ''));
}

/** `plain` of the grammar (without the blanks and comment of `end`). */
function isPlain(text: string): boolean {
  return text !== '' && plainStart(text) && text.trim() === text && !text.includes(': ') && !text.includes(' #') && !text.endsWith(':');
}

/** `fplain` of the grammar. */
function isFlowPlain(text: string): boolean {
  return isPlain(text) && !/[[\]{}#,]/.test(text) && !text.endsWith(':');
}

const piecesArb = (pieces: readonly string[], max: number) => fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: max }).map((parts) => parts.join(''));

const plainArb = fc.oneof(fc.constantFrom(...SCALARS), piecesArb(PLAIN_PIECES, 4)).filter(isPlain);
const flowPlainArb = fc.oneof(fc.constantFrom(...SCALARS), piecesArb(PLAIN_PIECES, 3)).filter(isFlowPlain);

const SINGLE_PIECES = ['a', ' ', "''", '"', '#', ' #', ': ', '\\', '\\n', 'é', '😀', '[', ']', '{', '}', ',', ':', '-', '---', 'null', '12'];
const DOUBLE_PIECES = ['a', ' ', '\\"', '\\\\', '\\/', '\\n', '\\t', "'", '#', ' #', ': ', 'é', '😀', '[', '}', ',', 'null', '12', '- '];

const singleArb = fc.array(fc.constantFrom(...SINGLE_PIECES), { maxLength: 4 }).map((parts) => `'${parts.join('')}'`);
const doubleArb = fc.array(fc.constantFrom(...DOUBLE_PIECES), { maxLength: 4 }).map((parts) => `"${parts.join('')}"`);
const blanks = (min: number, max: number) => fc.integer({ min, max }).map((n) => ' '.repeat(n));

/** A flow collection of the grammar, nested at most `depth` more levels. */
function flowArb(depth: number): fc.Arbitrary<string> {
  const scalar = fc.oneof(flowPlainArb, singleArb, doubleArb);
  const value = depth > 0 ? fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: flowArb(depth - 1) }) : scalar;
  const spaced = fc.tuple(value, blanks(0, 2)).map(([v, after]) => `${v}${after}`);
  const sequence = fc.tuple(blanks(0, 2), fc.array(fc.tuple(spaced, blanks(0, 2)), { maxLength: 3 })).map(([open, entries]) => `[${open}${entries.map(([v, before], i) => (i === 0 ? v : `,${before}${v}`)).join('')}]`);
  const mapping = fc
    .tuple(blanks(0, 2), fc.uniqueArray(fc.tuple(keyArb, blanks(1, 2), spaced, blanks(0, 2)), { selector: ([key]) => key, maxLength: 3 }))
    .map(([open, entries]) => `{${open}${entries.map(([key, gap, v, before], i) => `${i === 0 ? '' : `,${before}`}${key}:${gap}${v}`).join('')}}`);
  return fc.oneof(sequence, mapping);
}

const inlineArb = fc.oneof({ weight: 4, arbitrary: plainArb }, { weight: 2, arbitrary: singleArb }, { weight: 2, arbitrary: doubleArb }, { weight: 2, arbitrary: flowArb(2) });

const COMMENTS = ['', ' note', 'tight', '#', ' a: b', ' "', "'", ' - x', '---', '[', '{', ' é'];
/** `end`: nothing, or blanks and maybe a comment. */
const endArb = fc.oneof(fc.constant(''), fc.tuple(blanks(1, 3), fc.option(fc.constantFrom(...COMMENTS), { nil: undefined })).map(([spaces, comment]) => (comment === undefined ? spaces : `${spaces}#${comment}`)));

/** Text of a block scalar's line: anything on one line, including what would be syntax elsewhere. */
const SCALAR_PIECES = ['a', 'word', ' ', '#', ' # not a comment', ': ', '- ', '"', "'", '|', '>', '---', '...', '[', '{', '}', '\\', 'é', '😀', 'null', '12', '{{x}}', '%', '&a', '*a', '!'];
const scalarTextArb = piecesArb(SCALAR_PIECES, 4).filter((text) => text.trim() === text && text !== '');

interface ScalarLine {
  /** Spaces beyond the scalar's indentation (literal scalars only; never on the first line). */
  extra: number;
  /** The line's text, or '' for an empty line. */
  text: string;
}

/** A block scalar of the grammar: header, lines (the first one not empty), empty lines after them. */
const blockScalarArb = fc
  .record({
    header: fc.constantFrom('|', '|-', '>', '>-'),
    gap: blanks(1, 2),
    offset: fc.integer({ min: 1, max: 3 }),
    first: scalarTextArb,
    rest: fc.array(fc.oneof(fc.record({ extra: fc.integer({ min: 0, max: 2 }), text: scalarTextArb }), fc.constant({ extra: 0, text: '' })), { maxLength: 4 }),
    trailing: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ header, gap, offset, first, rest, trailing }) => ({
    kind: 'scalar' as const,
    header,
    gap,
    offset,
    lines: [{ extra: 0, text: first }, ...rest.map((line) => (header.startsWith('>') ? { ...line, extra: 0 } : line)), ...Array.from({ length: trailing }, () => ({ extra: 0, text: '' }))] as ScalarLine[],
  }));

type Value =
  | { kind: 'inline'; text: string; gap: string }
  | { kind: 'empty' }
  | { kind: 'block'; node: Block; offset: number }
  | { kind: 'scalar'; header: string; gap: string; offset: number; lines: ScalarLine[] };
interface Entry {
  key: string;
  value: Value;
  end: string;
}
type Block = { kind: 'mapping'; entries: Entry[] } | { kind: 'sequence'; items: Item[] };
type Item = { kind: 'inline'; gap: number; text: string; end: string } | { kind: 'compact'; gap: number; entries: Entry[] };

const blockArbs = new Map<number, { mapping: fc.Arbitrary<Block>; sequence: fc.Arbitrary<Block>; entries: fc.Arbitrary<Entry[]> }>();

/** Mappings and sequences of the grammar, nested at most `depth` more levels. */
function blocks(depth: number): { mapping: fc.Arbitrary<Block>; sequence: fc.Arbitrary<Block>; entries: fc.Arbitrary<Entry[]> } {
  const known = blockArbs.get(depth);
  if (known) return known;
  const inlineValue = fc.tuple(blanks(1, 2), inlineArb).map(([gap, text]): Value => ({ kind: 'inline', text, gap }));
  const empty = fc.constant<Value>({ kind: 'empty' });
  const values: fc.Arbitrary<Value>[] = [inlineValue, inlineValue, inlineValue, empty, blockScalarArb];
  if (depth > 0) {
    const deeper = blocks(depth - 1);
    values.push(fc.tuple(deeper.mapping, fc.integer({ min: 1, max: 3 })).map(([node, offset]): Value => ({ kind: 'block', node, offset })));
    values.push(fc.tuple(deeper.sequence, fc.integer({ min: 0, max: 2 })).map(([node, offset]): Value => ({ kind: 'block', node, offset })));
  }
  const entry = fc.record({ key: keyArb, value: fc.oneof(...values), end: endArb });
  const entries = fc.uniqueArray(entry, { selector: (e) => e.key, minLength: 1, maxLength: depth > 0 ? 4 : 3 });
  const item = fc.oneof(
    fc.record({ kind: fc.constant('inline' as const), gap: fc.integer({ min: 1, max: 3 }), text: inlineArb, end: endArb }),
    fc.record({ kind: fc.constant('compact' as const), gap: fc.integer({ min: 1, max: 3 }), entries }),
  );
  const made = {
    mapping: entries.map((list): Block => ({ kind: 'mapping', entries: list })),
    sequence: fc.array(item, { minLength: 1, maxLength: 3 }).map((items): Block => ({ kind: 'sequence', items })),
    entries,
  };
  blockArbs.set(depth, made);
  return made;
}

/** A rendered line; `scalar` marks a block scalar's header and lines, after which no ignorable line may go. */
interface Rendered {
  text: string;
  scalar: boolean;
}

/** The content lines of a block at `indent`; `prefix` replaces the first line's indentation (a compact item's "- "). */
function render(block: Block, indent: number, prefix = ' '.repeat(indent)): Rendered[] {
  const lines: Rendered[] = [];
  const line = (text: string, scalar = false) => lines.push({ text, scalar });
  if (block.kind === 'sequence') {
    for (const item of block.items) {
      const dash = `${' '.repeat(indent)}-${' '.repeat(item.gap)}`;
      if (item.kind === 'inline') line(`${dash}${item.text}${item.end}`);
      else lines.push(...render({ kind: 'mapping', entries: item.entries }, indent + 1 + item.gap, dash));
    }
    return lines;
  }
  block.entries.forEach((entry, i) => {
    const lead = i === 0 ? prefix : ' '.repeat(indent);
    const { value } = entry;
    if (value.kind === 'inline') {
      line(`${lead}${entry.key}:${value.gap}${value.text}${entry.end}`);
      return;
    }
    if (value.kind === 'scalar') {
      line(`${lead}${entry.key}:${value.gap}${value.header}`, true);
      for (const { extra, text } of value.lines) line(text === '' ? '' : `${' '.repeat(indent + value.offset + extra)}${text}`, true);
      return;
    }
    line(`${lead}${entry.key}:${entry.end}`);
    if (value.kind === 'block') lines.push(...render(value.node, indent + value.offset));
  });
  return lines;
}

/** An ignorable line: blank, or a comment, at any indentation. */
const ignorableArb = fc.oneof(blanks(0, 5), fc.tuple(blanks(0, 5), fc.constantFrom(...COMMENTS)).map(([spaces, comment]) => `${spaces}#${comment}`));

/**
 * A document of the grammar: a mapping at column 0, ignorable lines anywhere but inside or right
 * after a block scalar, LF or CRLF line ends, a final line end or not (a block scalar's last line keeps its own).
 */
const documentArb = fc
  .record({
    top: blocks(3).entries,
    ignorable: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), ignorableArb), { maxLength: 4 }),
    crlf: fc.constantFrom('none', 'all', 'some'),
    finalEnd: fc.boolean(),
  })
  .map(({ top, ignorable, crlf, finalEnd }) => {
    const lines = render({ kind: 'mapping', entries: top }, 0);
    for (const [where, text] of ignorable) {
      const at = Math.min(lines.length, Math.floor(where * (lines.length + 1)));
      if (at === 0 || !lines[at - 1]!.scalar) lines.splice(at, 0, { text, scalar: false });
    }
    const ends = lines.map((_, i) => (crlf === 'all' || (crlf === 'some' && i % 2 === 1) ? '\r\n' : '\n'));
    const last = lines.length - 1;
    return lines.map((line, i) => (i < last || finalEnd || line.scalar ? line.text + ends[i] : line.text)).join('');
  });

// ---- Mutations ---------------------------------------------------------------------------------

const ALPHABET = [
  ' #x', '#y', ' ', '  ', '\n', '\n  ', ':', ': ', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&a ', '*a', '!', '!!str ', '?', '? ', '%', '@', '`', '\\', '.', '~', '0', '1', 'x',
  'é', '\t', '\r\n', '\r', '<<: ', '---\n', '...\n', '\u2028', '\u0085', '\ufeff', '\u00a0', '\f', '\v', '\u3000', '\u0000', '\u007f', '\ud800', '\\x41', '\\U0001F600', '\\ ',
];

/** A random edit anywhere: insert, delete, replace, duplicate or re-indent a line, or cut the text. */
const editArb = fc.record({ kind: fc.integer({ min: 0, max: 5 }), at: fc.nat(), piece: fc.constantFrom(...ALPHABET), length: fc.integer({ min: 1, max: 4 }) });

function applyEdit(text: string, edit: { kind: number; at: number; piece: string; length: number }): string {
  const at = edit.at % (text.length + 1);
  const lines = text.split('\n');
  const line = edit.at % lines.length;
  switch (edit.kind) {
    case 0:
      return text.slice(0, at) + edit.piece + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + edit.length);
    case 2:
      return text.slice(0, at) + edit.piece + text.slice(at + 1);
    case 3:
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 4:
      lines[line] = edit.length % 2 === 0 ? ` ${lines[line]}` : lines[line]!.replace(/^ /, '');
      return lines.join('\n');
    default:
      return text.slice(0, at);
  }
}

/** Lines holding `key: value` (in a mapping or a compact sequence item), as [index, indentation, "- " part, key, value]. */
function entryLines(lines: readonly string[]): [number, string, string, string, string][] {
  const found: [number, string, string, string, string][] = [];
  lines.forEach((line, i) => {
    const match = /^( *)(- +)?([A-Za-z0-9_][A-Za-z0-9_-]*):( +)([^\s#][^\r]*)\r?$/.exec(line);
    if (match) found.push([i, match[1]!, match[2] ?? '', match[3]!, match[5]!]);
  });
  return found;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** The families in which a second reader disagreed with `yaml`; each edit plants one of them in a generated document. */
const FAMILIES: Record<string, (text: string, at: number, variant: number) => string> = {
  'indented --- first line': (text, _at, variant) => pick([' ---\n', '  ---\n', ' --- \n', ' ---\r\n', ' --- x\n', ' ...\n', '---\n', '--- \n'], variant) + text,
  'scalar after a sequence item': (text, at, variant) => {
    const lines = text.split('\n');
    const items = lines.map((line, i) => [line, i] as const).filter(([line]) => /^ *- /.test(line));
    const fragment = pick(["''d:", ' d:', "'x' y:", ' "k" z: x', '"kavya-iyer" communications_lead: x', "''", ' :', '"" e'], variant);
    if (items.length === 0) return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}k:\n- ${fragment}\n`;
    const [line, index] = pick(items, at);
    const cr = line.endsWith('\r') ? '\r' : '';
    lines[index] = `${line.slice(0, line.length - cr.length)}${fragment}${cr}`;
    return lines.join('\n');
  },
  'comment line between a key and its value': (text, at, variant) => {
    const lines = text.split('\n');
    const entries = entryLines(lines);
    if (entries.length === 0) return `${text}\nb:\n#t\n 8\nk:`;
    const [index, indent, dash, key, value] = pick(entries, at);
    const keyColumn = indent.length + dash.length;
    const between = pick(['#t', '#TODO', '# later', '', ' #t', `${' '.repeat(keyColumn + 1)}#t`], variant);
    lines.splice(index, 1, `${indent}${dash}${key}:`, between, `${' '.repeat(keyColumn + 1 + (variant % 2))}${value}`);
    return lines.join('\n');
  },
  'escape beyond U+10FFFF': (text, at, variant) => {
    const escape = pick(['\\U001F6003', '\\U00110000', '\\UFFFFFFFF', '\\U0001F600', '\\U0010FFFF', '\\x41', '\\u00e9', '\\uD800', '\\uDC00', '\\N', '\\_', '\\L', '\\P', '\\0', '\\a', '\\e', '\\q', '\\ '], variant);
    const quotes = [...text.matchAll(/"/g)].map((m) => m.index);
    if (quotes.length === 0) return `${text}${text.endsWith('\n') ? '' : '\n'}y: ["${escape}"]\n`;
    const quote = pick(quotes, at);
    return `${text.slice(0, quote + 1)}${escape}${text.slice(quote + 1)}`;
  },
  'block scalar with an indentation indicator and only blanks': (text, at, variant) => {
    const lines = text.split('\n');
    const entries = entryLines(lines);
    const header = pick(['|1', '|2', '|1-', '|2+', '>1', '>2-', '|-1', '|+1', '|9', '|', '>'], variant);
    const blankLines = pick(['  ', ' ', '   \n ', '\n  ', '    \n\n  ', ''], at);
    if (entries.length === 0) return `${text}\nk: ${header}\n${blankLines}`;
    const [index, indent, dash, key] = pick(entries, at);
    lines.splice(index, 1, `${indent}${dash}${key}: ${header}`, ...blankLines.split('\n'));
    return lines.join('\n');
  },
  'keep chomping with blanks at the end': (text, at, variant) => {
    const tail = pick(['e: |+\n\n ', 'e: |+\n  a\n\n ', 'e: >+\n\n  ', 'e: |+\n \n  ', 'e: |+1\n\n  ', 'e: |+\n\n', 'e: |+\r\n\r\n '], variant);
    const lines = text.replace(/\n+$/, '').split('\n');
    const entries = entryLines(lines);
    if (at % 2 === 0 || entries.length === 0) return `${lines.join('\n')}\n${tail}`;
    const [index, indent, dash, key] = entries[entries.length - 1]!;
    return [...lines.slice(0, index), `${indent}${dash}${key}: ${tail.slice('e: '.length)}`].join('\n');
  },
  'escaped line break before a blank line': (text, at, variant) => {
    const value = pick(['"a\\\n\n  b"', '"a\\\n\n\n b"', '"a\\\r\n\r\n  b"', '"a\\\n  \n  b"', '"a \\\n\n b"', '"\\\n\n"', '"a\\\n b"', '"a\n\n b"'], variant);
    const lines = text.split('\n');
    const entries = entryLines(lines);
    if (entries.length === 0) return `${text}\nk: ${value}\n`;
    const [index, indent, dash, key] = pick(entries, at);
    lines.splice(index, 1, ...`${indent}${dash}${key}: ${value}`.split('\n'));
    return lines.join('\n');
  },
};

const FAMILY_NAMES = Object.keys(FAMILIES);
const familyArb = fc.record({ family: fc.constantFrom(...FAMILY_NAMES), at: fc.nat(), variant: fc.nat() });

// ---- The property ------------------------------------------------------------------------------

/** Why the reader's answer for `text` is wrong, or undefined when it declined or gave `yaml`'s value. */
function wrongAnswer(text: string): string | undefined {
  const fast = plainYamlValue(text);
  if (fast === undefined) return undefined;
  const full = parseYaml(text, 'file.yaml');
  if (full.diagnostics.length > 0) {
    return `the reader read ${JSON.stringify(fast)}, but parseYaml reports ${JSON.stringify(full.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`))}\ntext: ${JSON.stringify(text)}`;
  }
  const difference = firstDifference(fast, full.value);
  if (!difference) return undefined;
  return `at ${JSON.stringify(difference.path)} the reader read ${JSON.stringify(difference.left)} (${typeof difference.left}), yaml ${JSON.stringify(difference.right)} (${typeof difference.right})\ntext: ${JSON.stringify(text)}`;
}

describe('the plain reader against the yaml package', () => {
  const grammarRuns = runsOf(0.5);
  it(`reads every document of its grammar exactly as yaml does (${grammarRuns} documents)`, () => {
    check('grammar', documentArb, grammarRuns, (text) => {
      const fast = plainYamlValue(text);
      if (fast === undefined) throw new Error(`the reader declined a document of its grammar:\n${JSON.stringify(text)}`);
      const wrong = wrongAnswer(text);
      if (wrong) throw new Error(wrong);
    });
  }, timeoutOf(grammarRuns));

  const mutationRuns = runsOf(1);
  it(`declines or agrees with yaml on mutated documents (${mutationRuns} documents, 1 to 3 edits each)`, () => {
    let read = 0;
    const mutated = fc.tuple(documentArb, fc.array(fc.oneof({ weight: 3, arbitrary: editArb.map((edit) => ({ edit })) }, { weight: 1, arbitrary: familyArb.map((family) => ({ family })) }), { minLength: 1, maxLength: 3 })).map(([text, edits]) =>
      edits.reduce((out, step) => ('edit' in step ? applyEdit(out, step.edit) : FAMILIES[step.family.family]!(out, step.family.at, step.family.variant)), text),
    );
    check('mutated documents', mutated, mutationRuns, (text) => {
      const wrong = wrongAnswer(text);
      if (wrong) throw new Error(wrong);
      if (plainYamlValue(text) !== undefined) read++;
    });
    // Not vacuous: many mutated documents are still in the subset and are compared value by value.
    expect(read).toBeGreaterThan(mutationRuns * 0.1);
  }, timeoutOf(mutationRuns));

  const familyRuns = runsOf(0.5);
  it(`declines or agrees with yaml on every family of past disagreements (${familyRuns} documents)`, () => {
    const seen = new Map<string, number>();
    check('family of past disagreements', fc.tuple(documentArb, familyArb), familyRuns, ([text, { family, at, variant }]) => {
      seen.set(family, (seen.get(family) ?? 0) + 1);
      const wrong = wrongAnswer(FAMILIES[family]!(text, at, variant));
      if (wrong) throw new Error(`${family}: ${wrong}`);
    });
    for (const family of FAMILY_NAMES) expect(seen.get(family) ?? 0, family).toBeGreaterThan(familyRuns / FAMILY_NAMES.length / 3);
  }, timeoutOf(familyRuns));
});

describe('the families of past disagreements, as minimal inputs', () => {
  // The inputs a second reader read differently from yaml: the plain reader declines each one, so yaml decides.
  it.each([
    ['indented --- first line', ' ---\ny:'],
    ['scalar after a sequence item', "k:\n- ''d:"],
    ['scalar after a quoted sequence item', 'k:\n- "kavya-iyer" communications_lead: x'],
    ['comment line between a key and its value', 'b:\n#t\n 8\nk:'],
    ['escape beyond U+10FFFF', 'y: ["\\U001F6003"]'],
    ['block scalar with an indentation indicator and only blanks', 'k: |1\n  '],
    ['keep chomping with blanks at the end', 'e: |+\n\n '],
    ['escaped line break before a blank line', 'k: "a\\\n\n  b"'],
  ])('%s: declined', (_name, text) => {
    expect(plainYamlValue(text)).toBeUndefined();
  });

  it('reads CRLF line ends, and declines a lone CR', () => {
    expect(plainYamlValue('a: 1\r\nb:\r\n  - x # c\r\n  - "y"\r\n')).toEqual({ a: 1, b: ['x', 'y'] });
    expect(plainYamlValue('a: 1\rb: 2\n')).toBeUndefined();
    expect(plainYamlValue('a: 1\r')).toBeUndefined();
  });

  it('keeps its own guards: long lines, deep indentation and deep brackets are declined', () => {
    expect(plainYamlValue(`k: ${'x'.repeat(2000)}\n`)).toBeUndefined();
    expect(plainYamlValue(`k: v\n${' '.repeat(200)}# deep comment\n`)).toBeUndefined();
    expect(plainYamlValue(`k: ${'['.repeat(80)}${']'.repeat(80)}\n`)).toBeUndefined();
    // parseYaml refuses brackets nested past its limit even inside plain text; so does the reader.
    expect(plainYamlValue(`k: x${'['.repeat(300)}\n`)).toBeUndefined();
    expect(parseYaml(`k: x${'['.repeat(300)}\n`, 'f.yaml').diagnostics.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
    // Within the guards the same shapes are read.
    expect(plainYamlValue(`k: ${'x'.repeat(900)}\n`)).toEqual({ k: 'x'.repeat(900) });
    expect(plainYamlValue(`k: ${'['.repeat(20)}${']'.repeat(20)}\n`)).toBeDefined();
  });
});
