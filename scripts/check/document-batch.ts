/**
 * Checks a batch of record files on their own, beside the context (the policy files and the
 * rotations): read, parse, schema, and the document rules that report on records of the batch's
 * kinds. Worker threads run batches; a small repository runs them on the main thread. Nothing of a
 * batch outlives it except the plain results, so memory stays flat however large the repository.
 */
import type { DefinitionIndex } from '../model/definitions.ts';
import { lazyParsedYaml } from '../repo/fast-yaml.ts';
import { readDataFileSync } from '../repo/read-repository.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { RULES } from '../rules/index.ts';
import type { KindId } from '../schema/kinds.ts';
import { assembleModel, type ModelEntry } from './build-model.ts';
import { checkReadFile, payloadOf, type FileResult } from './file-result.ts';
import { documentRulesFor } from './rule-placement.ts';
import { runRules } from './run-rules.ts';

/** A context file as handed to a batch: enough to rebuild its document without parsing it again. */
export interface ContextFile {
  path: string;
  kind: KindId;
  /** The YAML text, or null when the file could not be decoded (or was not read). */
  text: string | null;
  value: unknown;
  valid: boolean;
  definedId?: string;
}

/** The context file of a checked SourceFile. */
export function contextFileOf(file: SourceFile, result: FileResult): ContextFile {
  return {
    path: file.path,
    kind: file.kind,
    text: file.parsed?.text ?? null,
    value: file.parsed?.value ?? null,
    valid: result.valid,
    ...(result.definedId === undefined ? {} : { definedId: result.definedId }),
  };
}

/** The model entry of a context file; its Document is built only if a rule asks for a position in it. */
export function contextEntry(context: ContextFile): ModelEntry {
  const parsed = context.text === null ? null : lazyParsedYaml(context.text, context.path, context.value);
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
}

/** Reads and checks a batch of record files (see the module comment). */
export function checkDocumentBatch(input: BatchInput): BatchOutcome {
  const results: FileResult[] = [];
  const payloads: (Uint8Array | undefined)[] = [];
  const entries: ModelEntry[] = [];
  for (const { path, kind } of input.files) {
    const { result, file } = checkReadFile(readDataFileSync(input.root, path, kind));
    results.push(result);
    payloads.push(result.valid ? payloadOf(kind, file!.parsed!.value) : undefined);
    if (file) entries.push({ file, valid: result.valid, loaded: true, ...(result.definedId === undefined ? {} : { definedId: result.definedId }) });
  }
  let nowRead = false;
  let incidentIdsRead = false;
  const kinds = new Set(input.files.map((f) => f.kind));
  const model = assembleModel([...input.context, ...entries]);
  const diagnostics = runRules(documentRulesFor(RULES, kinds), model, input.now, undefined, {
    definitions: trackingDefinitions(input.definitions, (refKind) => {
      if (refKind === 'incident') incidentIdsRead = true;
    }),
    onNowRead: () => {
      nowRead = true;
    },
  });
  const byPath = new Map<string, Diagnostic[]>(results.map((r) => [r.path, r.ruleDiagnostics]));
  const failures: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.ruleId === 'rule-failed') failures.push(diagnostic);
    // Findings on the context are the main thread's to report, once.
    else byPath.get(diagnostic.file)?.push(diagnostic);
  }
  return { results, payloads, nowRead, incidentIdsRead, failures };
}
