/**
 * Checks a batch of record files on their own, beside the context (the policy files and the
 * rotations): read, parse, schema, and the document rules that report on records of the batch's
 * kinds. Worker threads run batches; a small repository runs them on the main thread. Nothing of a
 * batch outlives it except the plain results, so memory stays flat however large the repository.
 */
import type { DefinitionIndex } from '../model/definitions.ts';
import { dataOnlyParsed } from '../model/data-only.ts';
import { readDataFileSync } from '../repo/read-repository.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { RULES } from '../rules/index.ts';
import type { Rule } from '../rules/rule.ts';
import type { KindId } from '../schema/kinds.ts';
import { assembleModel, type ModelEntry } from './build-model.ts';
import { checkReadFile, payloadOf, type FileResult } from './file-result.ts';
import { documentRulesFor } from './rule-placement.ts';
import { runRules } from './run-rules.ts';

/** A context file as handed to a batch: its data, without its text. */
export interface ContextFile {
  path: string;
  kind: KindId;
  /** Whether the file was parsed at all (false when it could not be decoded or read). */
  parsed: boolean;
  value: unknown;
  valid: boolean;
  definedId?: string;
}

/** The context file of a checked SourceFile. */
export function contextFileOf(file: SourceFile, result: FileResult): ContextFile {
  return {
    path: file.path,
    kind: file.kind,
    parsed: file.parsed !== null,
    value: file.parsed?.value ?? null,
    valid: result.valid,
    ...(result.definedId === undefined ? {} : { definedId: result.definedId }),
  };
}

/**
 * The model entry of a context file beside a batch of records. A batch reports only on its records
 * (the main thread reports on the context, once), so the rules get the context's data but not its
 * text: rules that walk every document's text skip the context instead of reading it again for
 * every batch, and no YAML Document of it is ever built here.
 */
export function contextEntry(context: ContextFile): ModelEntry {
  const parsed = context.parsed ? dataOnlyParsed(context.path, context.value) : null;
  return {
    file: { path: context.path, kind: context.kind, parsed },
    valid: context.valid,
    loaded: true,
    ...(context.definedId === undefined ? {} : { definedId: context.definedId }),
  };
}

/**
 * The definition index, with every refKind read noted: a batch that looked up incident ids depends
 * on every incident file of the repository (see the pipeline's check of predicted ids).
 */
export function trackingDefinitions(index: DefinitionIndex, onRead: (refKind: string) => void): DefinitionIndex {
  const tracking: DefinitionIndex = new Map(index);
  const get = tracking.get.bind(tracking);
  const has = tracking.has.bind(tracking);
  tracking.get = (refKind: string) => {
    onRead(refKind);
    return get(refKind);
  };
  tracking.has = (refKind: string) => {
    onRead(refKind);
    return has(refKind);
  };
  return tracking;
}

/** What a batch gives back: one result (and payload) per file, and what its rules depended on. */
export interface BatchOutcome {
  results: FileResult[];
  /** Per result: what the main thread keeps of the document (see payloadOf). */
  payloads: (Uint8Array | undefined)[];
  /** Whether any rule read the current time: the findings hold only for this `now`. */
  nowRead: boolean;
  /** Whether any rule looked up incident ids, which depend on every incident file. */
  incidentIdsRead: boolean;
  /** Rules that failed on this batch (`rule-failed`); the main thread reports each failure once. */
  failures: Diagnostic[];
}

export interface BatchInput {
  root: string;
  files: readonly { path: string; kind: KindId }[];
  context: readonly ModelEntry[];
  definitions: DefinitionIndex;
  now: Date;
  /** The rules (default all). */
  rules?: readonly Rule[];
}

/** Bytes of records checked together: enough to spread the cost of walking the context, few enough to keep memory flat. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** Reads and checks a batch of record files (see the module comment), a few megabytes at a time. */
export function checkDocumentBatch(input: BatchInput): BatchOutcome {
  const outcome: BatchOutcome = { results: [], payloads: [], nowRead: false, incidentIdsRead: false, failures: [] };
  const definitions = trackingDefinitions(input.definitions, (refKind) => {
    if (refKind === 'incident') outcome.incidentIdsRead = true;
  });
  let entries: ModelEntry[] = [];
  let chunk: FileResult[] = [];
  let bytes = 0;
  const checkChunk = () => {
    const kinds = new Set(chunk.map((r) => r.kind));
    const model = assembleModel([...input.context, ...entries]);
    // The main thread reports on the context, once.
    model.checkOnly = new Set(chunk.map((r) => r.path));
    const diagnostics = runRules(documentRulesFor(input.rules ?? RULES, kinds), model, input.now, undefined, {
      definitions,
      onNowRead: () => {
        outcome.nowRead = true;
      },
    });
    const byPath = new Map<string, Diagnostic[]>(chunk.map((r) => [r.path, r.ruleDiagnostics]));
    for (const diagnostic of diagnostics) {
      if (diagnostic.ruleId === 'rule-failed') outcome.failures.push(diagnostic);
      // Findings on the context are the main thread's to report, once.
      else byPath.get(diagnostic.file)?.push(diagnostic);
    }
    entries = [];
    chunk = [];
    bytes = 0;
  };
  for (const { path, kind } of input.files) {
    const read = readDataFileSync(input.root, path, kind);
    const { result, file } = checkReadFile(read);
    outcome.results.push(result);
    outcome.payloads.push(result.valid ? payloadOf(kind, file!.parsed!.value) : undefined);
    chunk.push(result);
    if (file) entries.push({ file, valid: result.valid, loaded: true, ...(result.definedId === undefined ? {} : { definedId: result.definedId }) });
    bytes += read.bytes?.length ?? 0;
    if (bytes >= CHUNK_BYTES) checkChunk();
  }
  if (chunk.length > 0) checkChunk();
  return outcome;
}
