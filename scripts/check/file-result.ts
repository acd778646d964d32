/**
 * What validation learns about one data file on its own: how it read, whether its document is
 * schema-valid, what it defines, and what the repository-wide rules need to know of it. A result is
 * plain data, so it can cross between threads and be kept in the cache.
 */
import { contentHash } from '../repo/content-hash.ts';
import { guardFields } from '../util/field-guard.ts';
import { deserialize, serialize } from 'node:v8';
import type { ReadFile } from '../repo/read-repository.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import type { KindId } from '../schema/kinds.ts';
import { checkFileSchema, definedIdOfValid, unverifiedIdOf } from './build-model.ts';

/** What other files' checks read of a record: ids and the links between records. */
export interface RecordFacts {
  /** Sign-offs: the rollout they decide and their kind (phase histories, hand-offs). */
  rollout?: string;
  signoffKind?: string;
  /** Post-mortems: the incident they review. */
  incident?: string;
}

export interface FileResult {
  path: string;
  kind: KindId;
  /** sha1 of the file's bytes; null when it was not read (a link, an oversized or unreadable file). */
  hash: string | null;
  /** Whether the file counts as present (a link or an oversized file does; an unreadable one does not). */
  present: boolean;
  /** Findings of reading and parsing (encoding, YAML, front matter, links, size). */
  readDiagnostics: Diagnostic[];
  /** Findings of the schema. */
  schemaDiagnostics: Diagnostic[];
  /** Whether its document is in the model. */
  valid: boolean;
  /** Rotations and incidents: the id the file defines (valid or not). */
  definedId?: string;
  facts: RecordFacts;
  /** Findings of the document rules on this file (records only; see rule-placement.ts). */
  ruleDiagnostics: Diagnostic[];
}

export { contentHash };

/** The facts of a valid record. */
function factsOf(file: SourceFile, valid: boolean): RecordFacts {
  if (!valid) return {};
  const value = file.parsed!.value as Record<string, unknown>;
  switch (file.kind) {
    case 'signoff':
      return { rollout: value.rollout as string, signoffKind: value.kind as string };
    case 'postmortem':
      return { incident: value.incident as string };
    default:
      return {};
  }
}

/** A file read from disk, checked against its schema: its result and, when present, its SourceFile. */
export function checkReadFile(read: ReadFile): { result: FileResult; file?: SourceFile } {
  const file = read.file;
  const check = file ? checkFileSchema(file) : { valid: false, diagnostics: [] };
  const definedId = file ? (check.valid ? definedIdOfValid(file) : unverifiedIdOf(file)) : undefined;
  const result: FileResult = {
    path: read.path,
    kind: read.kind,
    hash: read.bytes ? contentHash(read.bytes) : null,
    present: file !== undefined,
    readDiagnostics: read.diagnostics,
    schemaDiagnostics: check.diagnostics,
    valid: check.valid,
    ...(definedId === undefined ? {} : { definedId }),
    facts: file ? factsOf(file, check.valid) : {},
    ruleDiagnostics: [],
  };
  return file ? { result, file } : { result };
}

/**
 * The fields of each record kind that the repository-wide rules read (see rule-placement.ts): post-
 * mortem deadlines, sign-off histories and hand-offs, who an incident after a hand-off was escalated
 * to, duplicate ids. The main thread keeps only these of each record; reading any other field there
 * fails loudly (a `rule-failed` finding), so a rule that starts reading more cannot silently get
 * wrong answers, and tests/cache checks the rules against the example data and every bad-input fixture.
 */
export const FIELDS_FOR_REPOSITORY_RULES: Partial<Record<KindId, readonly string[]>> = {
  incident: ['id', 'product', 'severity', 'scenario', 'classification', 'status', 'detected', 'resolved', 'escalations', 'postmortem', 'amendments'],
  signoff: ['id', 'kind', 'rollout', 'at', 'from', 'to', 'veto'],
  postmortem: ['incident', 'severity', 'published', 'status'],
  // No repository-wide rule reads a hand-off note; the id keeps it in the model like every record.
  handoff: ['id'],
};

/** What the main thread keeps of a valid record: the fields the repository-wide rules read. */
export function payloadOf(kind: KindId, value: unknown): Uint8Array | undefined {
  const fields = FIELDS_FOR_REPOSITORY_RULES[kind];
  if (!fields) return undefined;
  const record = value as Record<string, unknown>;
  const projection: Record<string, unknown> = {};
  for (const field of fields) if (Object.hasOwn(record, field)) projection[field] = record[field];
  return serialize(projection);
}

/** The projection a payload holds; it refuses to give fields it does not hold. */
export function valueOfPayload(kind: KindId, payload: Uint8Array): unknown {
  return guardFields(`payload ${kind}`, deserialize(payload) as Record<string, unknown>, FIELDS_FOR_REPOSITORY_RULES[kind] ?? [], (field) => `the ${kind} field "${field}" is not available to repository-wide rules (see FIELDS_FOR_REPOSITORY_RULES)`);
}

const NONE: readonly never[] = Object.freeze([]);
const NO_FACTS: RecordFacts = Object.freeze({});

/**
 * A result as the main thread keeps it for the rest of the run: empty lists and facts shared, so
 * tens of thousands of clean files cost little memory.
 */
export function compactResult(result: FileResult): FileResult {
  if (result.readDiagnostics.length === 0) result.readDiagnostics = NONE as never;
  if (result.schemaDiagnostics.length === 0) result.schemaDiagnostics = NONE as never;
  if (result.ruleDiagnostics.length === 0) result.ruleDiagnostics = NONE as never;
  if (Object.keys(result.facts).length === 0) result.facts = NO_FACTS;
  return result;
}
