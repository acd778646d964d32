/**
 * Validation of a whole repository, fast: the same findings as checkRepository over readRepository
 * (tests/cache proves it on the example data and every bad-input fixture), computed in parts that
 * can run in parallel and be cached.
 *
 * - The context (policy files and rotations) is read on the main thread, which also runs the rules
 *   that report only on it (the schedule checks; see rule-placement.ts).
 * - Records (incidents, sign-offs, post-mortems) are read in batches, on worker threads for a large
 *   repository: parse, schema and the document rules, each batch beside the context. A batch keeps
 *   nothing but plain results; what repository-wide rules need of a record travels as a payload.
 * - Repository-wide rules (sign-off histories, post-mortem deadlines, duplicate ids) run last, on the
 *   main thread, over the context and the records' payloads.
 *
 * With the cache (scripts/cache/validation-cache.ts), each part is reused while what it depends on
 * is unchanged:
 * - a file's read and schema results: its content hash (and the toolkit key of the whole cache);
 * - a record's document-rule findings: also the context key (the hashes of every policy and rotation
 *   file), the incident key when its rules looked up incident ids, and `now` when they read the time;
 * - the repository-wide findings: the world key (every file's path and hash) and `now` if read.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trustworthyStat, ValidationCache, type CacheEntry, type StatSignature } from '../cache/validation-cache.ts';
import { DEFAULT_DECODE_LIMITS } from '../repo/decode.ts';
import { toolkitKey } from '../cache/toolkit-key.ts';
import type { DefinitionIndex } from '../model/definitions.ts';
import { listDataFiles, readDataFileSync } from '../repo/read-repository.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { RULES } from '../rules/index.ts';
import type { Rule } from '../rules/rule.ts';
import { kindOfPath, type KindId } from '../schema/kinds.ts';
import { assembleModel, missingPolicyDiagnostics, type ModelEntry } from './build-model.ts';
import { diskBackedFile } from './disk-backed.ts';
import { checkDocumentBatch, contextEntry, contextFileOf, type BatchOutcome } from './document-batch.ts';
import { librariesFor, loadRuleLibraries } from './rule-libraries.ts';
import { contextPayloadOf, readContextFileWithValue } from './context-values.ts';
import { checkReadFile, compactResult, contentHash, valueOfPayload, type FileResult } from './file-result.ts';
import { definitionsOfIncidents, predictedIncidents, sameIncidents, type IncidentDefinition } from './incident-definitions.ts';
import { isContextKind, rulesPlaced } from './rule-placement.ts';
import { runRules } from './run-rules.ts';
import { mark } from './timeline.ts';
import { WorkerPool, defaultPoolSize, type Batch } from './worker-pool.ts';

export interface PipelineOptions {
  now: Date;
  /** Use and update the cache under .oncall-cache/ (default true). */
  cache?: boolean;
  /** Worker threads for records; 0 checks everything on this thread. Default: by the amount of work. */
  workers?: number;
  /** The rules (default all); another rule set is a different toolkit, with its own `toolkitKey`. Only without workers. */
  rules?: readonly Rule[];
  /** The key the cache is kept under (default: the toolkit's own, see toolkit-key.ts). */
  toolkitKey?: string;
  /** First-commit dates of post-mortems, read from git by the command (see RuleContext.firstCommits). */
  firstCommits?: ReadonlyMap<string, Date>;
}

export interface PipelineResult {
  diagnostics: Diagnostic[];
  /** Data files that are present (what the summary counts). */
  files: { path: string; kind: KindId }[];
}

/** Below this many records to check, worker threads cost more to start than they save. */
const WORKER_THRESHOLD = 3000;
/** Records per batch: large enough that the context is not re-walked too often, small enough for flat memory. */
const BATCH_SIZE: Partial<Record<KindId, number>> = { incident: 800, postmortem: 600, signoff: 2000 };

/** Everything known about one file in this run. */
interface FileState {
  path: string;
  kind: KindId;
  /** Content hash, when known (from the cache's stat check, or by hashing). */
  hash?: string;
  stat?: StatSignature;
  /** When the hash was computed in this run (for the cache's racy-stat rule). */
  hashedAt?: number;
  /** Whether the path is a regular file (links and others are always checked anew). */
  regular: boolean;
  size: number;
  result?: FileResult;
  payload?: Uint8Array;
  /** True when `payload` came from the cache, false when a batch made it this run. */
  payloadFromCache?: boolean;
  /** The SourceFile of a context file read in this run. */
  source?: SourceFile;
  /** Keys the record's document-rule findings depend on. */
  ruleKeys?: { incidents?: string; now?: number };
}


function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A path's stat identity, and whether it is a regular file small enough to be read. */
function fileInfo(absolute: string): { regular: boolean; stat: StatSignature } | undefined {
  try {
    const info = lstatSync(absolute);
    return {
      regular: info.isFile() && info.size <= DEFAULT_DECODE_LIMITS.maxBytes,
      stat: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino },
    };
  } catch {
    return undefined;
  }
}

function incidentsKeyOf(incidents: readonly IncidentDefinition[]): string {
  return sha1(incidents.map((i) => `${i.path}\0${i.valid}\0${i.definedId}`).join('\n'));
}

/** Splits records into batches of one kind each. */
function batchesOf(states: readonly FileState[]): Batch[] {
  const batches: Batch[] = [];
  const byKind = new Map<KindId, FileState[]>();
  for (const state of states) {
    const list = byKind.get(state.kind);
    if (list) list.push(state);
    else byKind.set(state.kind, [state]);
  }
  for (const [kind, list] of byKind) {
    const size = BATCH_SIZE[kind] ?? 2000;
    for (let i = 0; i < list.length; i += size) batches.push({ files: list.slice(i, i + size).map((s) => ({ path: s.path, kind: s.kind })) });
  }
  return batches;
}

/**
 * Validates the repository at `root` (see the module comment). Returns the same findings, in some
 * order, as checkRepository(readRepository(root)) plus the reader's own findings.
 */
export async function validateRepository(root: string, options: PipelineOptions): Promise<PipelineResult> {
  const now = options.now;
  const listing = await listDataFiles(root);
  mark('main: listed');
  const rules = options.rules ?? RULES;
  if (options.rules && (options.workers ?? 0) > 0) throw new Error('a custom rule set runs without worker threads');
  const key = options.toolkitKey ?? toolkitKey();
  const cache = options.cache === false ? undefined : ValidationCache.open(root, key);

  // 1. Every file's content hash: trusted from the cache while its stat identity is unchanged, else read.
  const states: FileState[] = listing.paths.map((path) => {
    const kind = kindOfPath(path)!;
    const absolute = join(root, path);
    const info = fileInfo(absolute);
    // Links, oversized and unreadable files are looked at anew every run (never read whole, never cached).
    const regular = info !== undefined && info.regular;
    const state: FileState = { path, kind, regular, size: info?.stat.size ?? 0 };
    if (!regular || !cache) return state;
    state.stat = info.stat;
    const trusted = cache.trustedHash(path, info.stat);
    if (trusted !== undefined) state.hash = trusted;
    // Context files are always hashed: every record's findings are keyed by them.
    else if (cache.entry(path) || isContextKind(kind)) {
      try {
        state.hashedAt = Date.now();
        state.hash = contentHash(readFileSync(absolute));
      } catch {
        state.hash = undefined;
      }
    }
    return state;
  });
  mark('main: hashed');
  const context = states.filter((s) => isContextKind(s.kind));
  const records = states.filter((s) => !isContextKind(s.kind));

  const contextKey = sha1(`${key}\n${context.map((s) => `${s.path}\0${s.regular ? (s.hash ?? '?') : 'special'}`).join('\n')}`);
  const contextKnown = context.every((s) => s.regular && s.hash !== undefined);
  // The repository-wide findings also depend on when post-mortems were first committed.
  const historyKey = firstCommitsKey(options.firstCommits);
  const worldKey = worldKeyAfter(contextKey, records, historyKey);
  const allKnown = contextKnown && records.every((s) => s.regular && s.hash !== undefined);

  // 2. What the cache still holds: file results (by content), record rule findings (by the keys).
  const cachedEntry = (state: FileState): CacheEntry | undefined => {
    const entry = cache?.entry(state.path);
    return entry && state.regular && state.hash !== undefined && entry.hash === state.hash && entry.result.kind === state.kind ? entry : undefined;
  };
  for (const state of context) {
    const entry = cachedEntry(state);
    if (entry) state.result = entry.result;
  }
  const repository = cache?.repository;
  const repositoryClean = allKnown && repository !== undefined && repository.worldKey === worldKey && (repository.now === undefined || repository.now === now.getTime());

  const recordClean = (state: FileState, incidentsKey: string | undefined): boolean => {
    const entry = cachedEntry(state);
    if (!entry || !contextKnown || entry.contextKey !== contextKey) return false;
    if (entry.now !== undefined && entry.now !== now.getTime()) return false;
    if (entry.incidentsKey !== undefined && entry.incidentsKey !== incidentsKey) return false;
    return true;
  };
  const useCached = (state: FileState) => {
    const entry = cachedEntry(state)!;
    state.result = entry.result;
    state.ruleKeys = { ...(entry.incidentsKey !== undefined ? { incidents: entry.incidentsKey } : {}), ...(entry.now !== undefined ? { now: entry.now } : {}) };
  };

  // The repository-wide rules read every valid record's payload: one missing or damaged in the
  // cache makes its record be checked again.
  const payloadMissing = new Set<string>();
  if (!repositoryClean) {
    for (const state of records) {
      const entry = cachedEntry(state);
      if (!entry?.result.valid) continue;
      const payload = cache!.payload(state.path);
      if (payload) {
        state.payload = payload;
        state.payloadFromCache = true;
      } else payloadMissing.add(state.path);
    }
  }
  const incidentStates = records.filter((s) => s.kind === 'incident');
  // Incident ids are predicted from the file names and confirmed once every incident is read.
  const predicted = predictedIncidents(incidentStates.map((s) => s.path));
  const predictedKey = incidentsKeyOf(predicted);
  const dirty: FileState[] = [];
  for (const state of records) {
    if (payloadMissing.has(state.path) || !recordClean(state, predictedKey)) dirty.push(state);
    else useCached(state);
  }

  // 3. The context, read when anything has to be checked beside it.
  // ONCALL_WORKERS (a whole number, 0 for none) overrides the choice, e.g. on a machine with more cores.
  const fromEnv = /^[0-9]{1,2}$/.test(process.env.ONCALL_WORKERS ?? '') ? Number(process.env.ONCALL_WORKERS) : undefined;
  const workerCount = dirty.length === 0 ? 0 : (options.workers ?? fromEnv ?? (dirty.length >= WORKER_THRESHOLD ? defaultPoolSize() : 0));
  // A worker holds the context's data and a few megabytes of records at a time; a tight heap keeps
  // the process small (V8 would otherwise let garbage grow to hundreds of megabytes per thread).
  const contextMb = context.reduce((sum, s) => sum + s.size, 0) / 1_048_576;
  let pool: WorkerPool | undefined = workerCount > 0 ? new WorkerPool(workerCount, { heapMb: Math.ceil(Math.max(64, 48 + 6 * contextMb)) }) : undefined;
  try {
    const needContext = !repositoryClean || dirty.length > 0 || context.some((s) => !s.result);
    const contextEntries: ModelEntry[] = [];
    if (needContext) {
      for (const state of context) {
        // The value the cache keeps for a context file whose bytes are unchanged, else the file read and checked now.
        const known = state.result && cache ? readContextFileWithValue(root, state.path, state.kind, state.result, cache.payload(state.path)) : undefined;
        const { result, file } = known ? { result: state.result!, file: known } : checkReadFile(readDataFileSync(root, state.path, state.kind));
        if (known) state.payloadFromCache = true;
        else {
          state.payload = contextPayloadOf(file, result);
          state.payloadFromCache = false;
        }
        state.result = result;
        if (result.hash !== null && result.hash !== state.hash) {
          state.hash = result.hash;
          state.hashedAt = Date.now();
        }
        if (file) {
          state.source = file;
          contextEntries.push({ file, valid: result.valid, loaded: true, ...(result.definedId === undefined ? {} : { definedId: result.definedId }) });
        }
      }
    }
    mark('main: context read');
    const contextFiles = context.filter((s) => s.source).map((s) => contextFileOf(s.source!, s.result!));
    // What the records' rules need loaded (rule-libraries.ts).
    const libraries = librariesFor(records.map((s) => s.kind));
    pool?.init({ root, now, context: contextFiles, incidents: predicted, libraries });

    // 4. Records, in batches; meanwhile the main thread runs the schedule checks, which read only the context.
    const failures: Diagnostic[] = [];
    const byPath = new Map(records.map((s) => [s.path, s]));
    let inlineContext: ModelEntry[] | undefined;
    const runBatches = async (batches: Batch[], incidentsKey: string, definitions: DefinitionIndex, whileWaiting?: () => void) => {
      const done: { batch: Batch; outcome: BatchOutcome }[] = [];
      const inline = (batch: Batch) => {
        inlineContext ??= contextFiles.map(contextEntry);
        done.push({ batch, outcome: checkDocumentBatch({ root, files: batch.files, context: inlineContext, definitions, now, rules }) });
      };
      if (pool) {
        let abandoned = false;
        const running = pool.run(batches, (index, outcome) => {
          if (!abandoned) done.push({ batch: batches[index]!, outcome });
        });
        // A worker's failure is handled below, once the main thread's own checks are done.
        running.catch(() => undefined);
        whileWaiting?.();
        try {
          await running;
        } catch {
          // A worker that fails (out of memory, killed) costs only time: what it did not finish is checked here.
          abandoned = true;
          await pool.close();
          pool = undefined;
          const finished = new Set(done.map((d) => d.batch));
          await loadRuleLibraries(libraries);
          for (const batch of batches) if (!finished.has(batch)) inline(batch);
        }
      } else {
        whileWaiting?.();
        await loadRuleLibraries(libraries);
        for (const batch of batches) inline(batch);
      }
      for (const { batch, outcome } of done) {
        failures.push(...outcome.failures);
        outcome.results.forEach((result, i) => {
          const state = byPath.get(batch.files[i]!.path)!;
          if (result.hash !== null && state.hash !== result.hash) {
            state.hash = result.hash;
            state.hashedAt = Date.now();
          }
          state.result = compactResult(result);
          state.payload = outcome.payloads[i];
          state.payloadFromCache = false;
          state.ruleKeys = { ...(outcome.incidentIdsRead ? { incidents: incidentsKey } : {}), ...(outcome.nowRead ? { now: now.getTime() } : {}) };
        });
      }
      return done;
    };

    let repositoryDiagnostics: Diagnostic[] = [];
    let repositoryNowRead = false;
    const noteNow = () => {
      repositoryNowRead = true;
    };
    const contextModel = needContext ? assembleModel(contextEntries) : undefined;
    const predictedDefinitions = definitionsOfIncidents(contextEntries, predicted);
    const round = await runBatches(batchesOf(dirty), predictedKey, predictedDefinitions, () => {
      if (!repositoryClean) repositoryDiagnostics.push(...runRules(rulesPlaced(rules, 'context'), contextModel!, now, undefined, { onNowRead: noteNow }));
      mark('main: context rules done');
    });

    mark('main: batches done');
    // A wrong prediction (an invalid or misnamed incident) means checking again what looked the ids up.
    const actual: IncidentDefinition[] = incidentStates.map((s, i) => ({ path: s.path, valid: s.result?.valid ?? false, definedId: s.result?.definedId ?? predicted[i]!.definedId }));
    const incidentsKey = incidentsKeyOf(actual);
    let definitions = predictedDefinitions;
    if (!sameIncidents(actual, predicted)) {
      definitions = definitionsOfIncidents(contextEntries, actual);
      const redoPaths = new Set<string>();
      for (const { batch, outcome } of round) if (outcome.incidentIdsRead) for (const f of batch.files) redoPaths.add(f.path);
      for (const state of records) if (state.ruleKeys?.incidents !== undefined && state.ruleKeys.incidents !== incidentsKey) redoPaths.add(state.path);
      if (redoPaths.size > 0) {
        if (!needContext) throw new Error('the context is needed to check records again');
        pool?.setIncidents(actual);
        await runBatches(batchesOf(records.filter((s) => redoPaths.has(s.path))), incidentsKey, definitions);
      }
    }

    // The workers are done: their memory goes back before the repository-wide rules and the cache.
    await pool?.close();
    pool = undefined;

    if (!repositoryClean) {
      // Document rules over the context alone give their findings on policy files and rotations.
      repositoryDiagnostics.push(...runRules(rulesPlaced(rules, 'document'), contextModel!, now, undefined, { definitions, onNowRead: noteNow }));
      repositoryDiagnostics.push(...repositoryRules(root, context, records, contextEntries, definitions, now, cache, noteNow, rules, options.firstCommits));
      repositoryDiagnostics = dedupeFailures([...repositoryDiagnostics, ...failures]);
    } else {
      repositoryDiagnostics = repository!.diagnostics;
    }

    mark('main: repository rules done');
    if (process.env.ONCALL_SNAPSHOT) (await import('node:v8')).writeHeapSnapshot(process.env.ONCALL_SNAPSHOT);
    // 5. The findings, and the cache for the next run.
    const present = states.filter((s) => s.result?.present ?? (s.regular && s.hash !== undefined));
    const diagnostics: Diagnostic[] = [...listing.diagnostics];
    for (const state of states) if (state.result) diagnostics.push(...state.result.readDiagnostics);
    diagnostics.push(...missingPolicyDiagnostics(states.filter((s) => s.result?.present)));
    for (const state of states) if (state.result) diagnostics.push(...state.result.schemaDiagnostics, ...state.result.ruleDiagnostics);
    diagnostics.push(...repositoryDiagnostics);

    if (cache) {
      for (const state of states) {
        if (!state.result || !state.regular || state.hash === undefined || state.result.hash === null) continue;
        const isRecord = !isContextKind(state.kind);
        const previous = cache.entry(state.path);
        const entry: CacheEntry = {
          hash: state.hash,
          result: state.result,
          ...(state.stat && trustworthyStat(state.stat, state.hashedAt ?? Date.now()) ? { stat: state.stat } : {}),
          ...(isRecord ? { contextKey } : {}),
          ...(isRecord && state.ruleKeys?.incidents !== undefined ? { incidentsKey: state.ruleKeys.incidents } : {}),
          ...(isRecord && state.ruleKeys?.now !== undefined ? { now: state.ruleKeys.now } : {}),
          // A payload checked out of the cache this run stays where it is.
          ...(previous?.hash === state.hash && previous.payload && state.payloadFromCache ? { payload: previous.payload } : {}),
        };
        const unchanged = previous && previous.hash === entry.hash && previous.result === state.result && state.payloadFromCache !== false && sameStat(previous.stat, entry.stat);
        if (!unchanged) cache.put(state.path, entry, state.payloadFromCache ? undefined : state.payload);
      }
      cache.keepOnly(new Set(listing.paths));
      if (!repositoryClean && allKnownAfter(states)) {
        cache.repository = { worldKey: worldKeyAfter(contextKey, records, historyKey), ...(repositoryNowRead ? { now: now.getTime() } : {}), diagnostics: repositoryDiagnostics };
      }
      cache.save();
      cache.close();
    }
    return { diagnostics, files: present.map((s) => ({ path: s.path, kind: s.kind })) };
  } finally {
    await pool?.close();
  }
}

function sameStat(a: CacheEntry['stat'], b: CacheEntry['stat']): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

function allKnownAfter(states: readonly FileState[]): boolean {
  return states.every((s) => !s.regular || s.hash !== undefined);
}

function worldKeyAfter(contextKey: string, records: readonly FileState[], historyKey: string): string {
  return sha1(`${contextKey}\n${historyKey}\n${records.map((s) => `${s.path}\0${s.regular ? (s.hash ?? '?') : 'special'}`).join('\n')}`);
}

function firstCommitsKey(firstCommits: ReadonlyMap<string, Date> | undefined): string {
  if (!firstCommits) return 'no git';
  return sha1([...firstCommits].map(([path, date]) => `${path}\0${date.getTime()}`).sort().join('\n'));
}

/** `rule-failed` findings from several batches of the same failure are one finding. */
function dedupeFailures(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.ruleId !== 'rule-failed') return true;
    const key = `${d.message}\0${d.hint ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The repository-wide rules over the context and every valid record's payload (full sign-offs and
 * post-mortems, incidents' projections). A record's text is read from disk again only for a finding.
 */
function repositoryRules(
  root: string,
  context: readonly FileState[],
  records: readonly FileState[],
  contextEntries: readonly ModelEntry[],
  definitions: DefinitionIndex,
  now: Date,
  cache: ValidationCache | undefined,
  onNowRead: () => void,
  rules: readonly Rule[],
  firstCommits: ReadonlyMap<string, Date> | undefined,
): Diagnostic[] {
  const entries: ModelEntry[] = [...contextEntries];
  for (const state of [...context.filter((s) => !s.source), ...records]) {
    const result = state.result;
    if (!result?.present) continue;
    const definedId = result.definedId;
    if (!result.valid) {
      entries.push({ file: { path: state.path, kind: state.kind, parsed: null }, valid: false, loaded: false, ...(definedId === undefined ? {} : { definedId }) });
      continue;
    }
    const payload = state.payload ?? cache?.payload(state.path);
    // Every valid record has a payload by now: fresh from its batch, or checked in the cache before.
    if (!payload) throw new Error(`no payload for ${state.path}`);
    entries.push({ file: diskBackedFile(root, state.path, state.kind, valueOfPayload(state.kind, payload)), valid: true, loaded: true, ...(definedId === undefined ? {} : { definedId }) });
  }
  entries.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  const model = assembleModel(entries);
  return runRules(rulesPlaced(rules, 'global'), model, now, undefined, { definitions, onNowRead, ...(firstCommits ? { firstCommits } : {}) });
}

