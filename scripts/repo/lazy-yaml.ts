/**
 * `parseYaml` with the plain reader (plain-yaml.ts) in front. A text in the reader's subset is read
 * without a `yaml` Document; the Document, which only positions need, is built by `parseYaml` the
 * first time anything asks for it (a finding). Every other text goes to `parseYaml` at once.
 *
 * A safety net that costs nothing: when the Document is built for a text whose value was read
 * without it (by the plain reader, or known from the cache), the two values are compared, and a
 * difference becomes a `yaml-reader-mismatch` finding, which whoever positioned the findings takes
 * (`takeMismatch`: the schema check and the rule runner).
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import { formatPath } from '../util/paths.ts';
import { firstDifference } from './first-difference.ts';
import { diagnosticAt } from './locate.ts';
import { parseYaml, type ParsedYaml, type ParseYamlOptions } from './parse-yaml.ts';
import { plainYamlValue, type CommentFacts } from './plain-yaml.ts';

/** The rule id of the safety net's finding. */
export const READER_MISMATCH = 'yaml-reader-mismatch';

const MISMATCH_HINT = 'This is a bug in the toolkit: please report it with this file. Until it is fixed, writing the value another way (quoted, or on one line) may avoid it.';

/** A value as a message shows it: short, quoted where it is text, types visible. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The finding for a text whose Document (`full`) reads differently from `value`, the value used
 * until then; undefined when they agree.
 */
function mismatchOf(full: ParsedYaml, value: unknown): Diagnostic | undefined {
  const reported = full.diagnostics[0];
  if (reported) {
    return {
      ruleId: READER_MISMATCH,
      severity: 'error',
      file: full.file,
      line: reported.line,
      column: reported.column,
      message: `The fast YAML reader read this file, but the yaml package reports: ${reported.message} So findings in this file may be wrong.`,
      hint: MISMATCH_HINT,
    };
  }
  const difference = firstDifference(value, full.value);
  if (!difference) return undefined;
  const what =
    difference.what === 'keys'
    ? `the fast YAML reader read the keys ${listed(difference.left as string[])} where the yaml package reads ${listed(difference.right as string[])}`
    : `the fast YAML reader read ${shown(difference.left)} where the yaml package reads ${shown(difference.right)}`;
  return diagnosticAt(full, difference.path, {
    ruleId: READER_MISMATCH,
    severity: 'error',
    message: `${formatPath(difference.path)}: ${what}, so findings in this file may be wrong.`,
    hint: MISMATCH_HINT,
  });
}

function listed(keys: readonly string[]): string {
  return keys.length === 0 ? '(none)' : keys.map((key) => JSON.stringify(key)).join(', ');
}

/**
 * A ParsedYaml holding a value read from its text without a Document; the Document and the line
 * index are built on first use, and the value is then compared with the Document's. A class, not
 * closures: tens of thousands are made in a run, and each should cost no more than its fields.
 */
class LazyParsedYaml implements ParsedYaml {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  readonly lineOffset: number;
  readonly diagnostics: Diagnostic[] = [];
  /** Whether the text may have a comment whose text starts right after its "#" (see mayHoldTightComment). */
  readonly tightComment: boolean;
  private full: ParsedYaml | undefined;
  /** undefined: not compared yet, or in agreement; null: the finding was taken. */
  private mismatch: Diagnostic | null | undefined;

  constructor(text: string, file: string, value: unknown, lineOffset: number, tightComment: boolean) {
    this.text = text;
    this.file = file;
    this.value = value;
    this.lineOffset = lineOffset;
    this.tightComment = tightComment;
  }

  private document(): ParsedYaml {
    if (!this.full) {
      this.full = parseYaml(this.text, this.file, { lineOffset: this.lineOffset });
      this.mismatch = mismatchOf(this.full, this.value);
    }
    return this.full;
  }

  get doc(): ParsedYaml['doc'] {
    return this.document().doc;
  }

  get lineCounter(): ParsedYaml['lineCounter'] {
    return this.document().lineCounter;
  }

  takeMismatch(): Diagnostic | undefined {
    const taken = this.mismatch ?? undefined;
    if (taken) this.mismatch = null;
    return taken;
  }
}

/**
 * A ParsedYaml holding `value`, read from `text` without a Document (see LazyParsedYaml);
 * `tightComment` as mayHoldTightComment answers it (true: not known).
 */
export function lazyParsedYaml(text: string, file: string, value: unknown, lineOffset = 0, tightComment = true): ParsedYaml {
  return new LazyParsedYaml(text, file, value, lineOffset, tightComment);
}

/**
 * False when the text certainly has no comment whose text starts right after the "#" (the plain
 * reader saw every comment, or the cache kept what it saw); true when it may have one.
 */
export function mayHoldTightComment(parsed: ParsedYaml): boolean {
  return !(parsed instanceof LazyParsedYaml) || parsed.tightComment;
}

/**
 * A ParsedYaml for a text whose value is already known (read from it before, by content hash), with
 * what was learnt of its comments; the Document is built on first use, as for the plain reader.
 */
export function knownParsedYaml(text: string, file: string, value: unknown, tightComment: boolean, lineOffset = 0): ParsedYaml {
  return new LazyParsedYaml(text, file, value, lineOffset, tightComment);
}

/** `parseYaml` with the plain reader in front: the same results, the Document built only when needed. */
export function parseYamlFast(text: string, file: string, opts: ParseYamlOptions = {}): ParsedYaml {
  const facts: CommentFacts = { tightComment: false };
  const value = plainYamlValue(text, facts);
  if (value === undefined) return parseYaml(text, file, opts);
  return new LazyParsedYaml(text, file, value, opts.lineOffset ?? 0, facts.tightComment);
}
