/**
 * Validation of a selection of files (`validate <paths>`, `validate --changed-since <ref>`): the
 * findings in those files, exactly as a whole-repository run reports them, from only what they can
 * be affected by. Every rule runs over a model holding:
 *
 * - the context (policy files and rotations), which every rule may read;
 * - the selected records, and the records linked to them: every sign-off of the same rollout (phase
 *   histories), an incident's post-mortems and a post-mortem's incident (deadlines), records with
 *   the same id (duplicates), and every hand-off sign-off when a rotation is selected;
 * - and, for every other file, only what it defines: its id and whether it is valid (from the
 *   cache, by content hash), so references, completeness and duplicates are judged as in a full run.
 *
 * History rules compare the selected files with the base revision, read in one git process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statSignature, trustworthyStat, ValidationCache } from '../cache/validation-cache.ts';
import { toolkitKey } from '../cache/toolkit-key.ts';
import { trustedBlobIdsAt } from '../git/blob-ids.ts';
import { librariesFor, loadRuleLibraries } from './rule-libraries.ts';
import { DEFAULT_DECODE_LIMITS } from '../repo/decode.ts';
import { listDataFiles, readDataFileSync } from '../repo/read-repository.ts';
import { readRevision } from '../repo/read-revision.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { RULES } from '../rules/index.ts';
import { DATA_ROOTS, kindOfPath, type KindId } from '../schema/kinds.ts';
import { assembleModel, buildModel, definitionsFor, missingPolicyDiagnostics, type ModelEntry } from './build-model.ts';
import { checkReadFile, contentHash, type FileResult } from './file-result.ts';
import { contextPayloadOf, readContextFileWithValue } from './context-values.ts';
import { validateRepository, type PipelineResult } from './pipeline.ts';
import { isContextKind, rulesPlaced } from './rule-placement.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { stringsIn } from '../util/paths.ts';
import { runRules } from './run-rules.ts';

export interface SelectionOptions {
  now: Date;
  /** Use and update the cache (default true). */
  cache?: boolean;
  /** Whether findings in a repository-relative path are wanted. */
  selected: (path: string) => boolean;
  /** The base revision, for the history rules, and what changed since it. */
  base?: {
    ref: string;
    changed: readonly string[];
    deleted: readonly string[];
    /** trustedBlobIdsAt(root, ref, DATA_ROOTS), when the caller started it already. */
    blobIds?: Promise<Map<string, string> | undefined>;
  };
  /** First-commit dates of post-mortems, read from git by the command (see RuleContext.firstCommits). */
  firstCommits?: ReadonlyMap<string, Date>;
}

/** More files than this without a usable cache entry: a whole-repository run reads them faster. */
const FULL_RUN_THRESHOLD = 2000;
/** The cache is written when a run learned about more files than this (new hashes or trusted stats). */
const SAVE_THRESHOLD = 100;

interface Known {
  path: string;
  kind: KindId;
  result: FileResult;
  source?: SourceFile;
}

/**
 * The model the context rules (rule-placement.ts) need to give every finding they give on the
 * selected files: all of it when a policy file is selected; else the selected rotations and every
 * rotation that can bear on them: one they name, or one naming any person or rotation they name
 * (the checks across rotations — double bookings, on-call limits — are per person); undefined when
 * no context file is selected, as these rules report only on context files.
 */
function contextModelFor(model: RepoModel, selected: (path: string) => boolean): RepoModel | undefined {
  if (model.files.some((file) => isContextKind(file.kind) && file.kind !== 'rotation' && selected(file.path))) return model;
  const chosen = model.rotations.filter((doc) => selected(doc.file.path));
  if (chosen.length === 0) return model.files.some((file) => file.kind === 'rotation' && selected(file.path)) ? model : undefined;
  const people = new Set<string>();
  for (const person of model.policy.people?.data.people ?? []) people.add(person.id);
  const invalidPeople = (model.invalidPolicyValues.get('people') as { people?: { id?: unknown }[] } | undefined)?.people;
  if (Array.isArray(invalidPeople)) for (const person of invalidPeople) if (typeof person?.id === 'string') people.add(person.id);
  const rotationIds = new Set(model.rotations.map((doc) => doc.data.id));
  const names = new Set<string>();
  for (const doc of chosen) {
    names.add(doc.data.id);
    for (const { value } of stringsIn(doc.data)) if (people.has(value) || rotationIds.has(value)) names.add(value);
  }
  const related = model.rotations.filter((doc) => selected(doc.file.path) || names.has(doc.data.id) || stringsIn(doc.data).some(({ value }) => names.has(value)));
  if (related.length === model.rotations.length) return model;
  return { ...model, rotations: related };
}

/**
 * The content hash of every data file a change since `base` did not touch (its blob id there), or
 * undefined when that cannot be known without reading the files (no base; git may convert files
 * on checkout; git fails).
 */
async function unchangedBlobIds(root: string, base: SelectionOptions['base']): Promise<Map<string, string> | undefined> {
  if (!base) return undefined;
  const ids = await (base.blobIds ?? trustedBlobIdsAt(root, base.ref, DATA_ROOTS));
  if (!ids) return undefined;
  const unchanged = new Map(ids);
  for (const path of [...base.changed, ...base.deleted]) unchanged.delete(path);
  return unchanged;
}

/**
 * The model the document rules need to give every finding they give on the selected files: the
 * context, and of the records only the selected ones; rules check the selected files alone.
 */
function documentModelFor(entries: readonly ModelEntry[], selected: (path: string) => boolean): RepoModel {
  const model = assembleModel(entries.map((entry) => (entry.loaded && !isContextKind(entry.file.kind) && !selected(entry.file.path) ? { ...entry, loaded: false } : entry)));
  model.checkOnly = new Set(entries.filter((entry) => selected(entry.file.path)).map((entry) => entry.file.path));
  return model;
}

/** The findings in the selected files (see the module comment). */
export async function validateSelection(root: string, options: SelectionOptions): Promise<PipelineResult> {
  const listed = Promise.all([listDataFiles(root), options.cache === false ? undefined : unchangedBlobIds(root, options.base)]);
  // Opened while git and the directory listing run.
  let cache = options.cache === false ? undefined : ValidationCache.open(root, toolkitKey());
  const [listing, unchanged] = await listed;

  // 1. What every file is and defines: from the cache by content hash, else read now.
  let learned = 0;
  const lookup = (path: string): FileResult | undefined => {
    if (!cache) return undefined;
    // A file the change did not touch has its blob id at the base as its content hash.
    const blobId = unchanged?.get(path);
    if (blobId !== undefined) {
      const result = cache.resultFor(path, blobId);
      return result?.kind === kindOfPath(path) ? result : undefined;
    }
    const entry = cache.entry(path);
    if (!entry) return undefined;
    const absolute = join(root, path);
    const stat = statSignature(absolute);
    // An oversized file is never read whole; its entry cannot be checked, so it is looked at anew.
    if (!stat || stat.size > DEFAULT_DECODE_LIMITS.maxBytes) return undefined;
    let hash = cache!.trustedHash(path, stat);
    if (hash === undefined) {
      try {
        hash = contentHash(readFileSync(absolute));
      } catch {
        return undefined;
      }
      if (hash === entry.hash && stat && trustworthyStat(stat, Date.now())) {
        cache!.put(path, { ...entry, stat });
        learned++;
      }
    }
    return hash === entry.hash && entry.result.kind === kindOfPath(path) ? entry.result : undefined;
  };
  let results = new Map<string, FileResult | undefined>(listing.paths.map((path) => [path, lookup(path)]));
  const unknown = listing.paths.filter((path) => results.get(path) === undefined);
  if (cache && unknown.length > FULL_RUN_THRESHOLD) {
    // A cold cache: one whole-repository run (in parallel, and cached) tells what every file defines.
    await validateRepository(root, { now: options.now, ...(options.firstCommits ? { firstCommits: options.firstCommits } : {}) });
    cache = ValidationCache.open(root, toolkitKey());
    results = new Map(listing.paths.map((path) => [path, lookup(path)]));
  }
  const known = new Map<string, Known>();
  const read = (path: string): Known => {
    const kind = kindOfPath(path)!;
    const { result, file } = checkReadFile(readDataFileSync(root, path, kind));
    const entry: Known = { path, kind, result, ...(file ? { source: file } : {}) };
    known.set(path, entry);
    const cached = cache?.entry(path);
    const stat = statSignature(join(root, path));
    // A context file's value is kept too (context-values.ts), for the next run to read it faster.
    const payload = isContextKind(kind) ? contextPayloadOf(file, result) : undefined;
    if (cache && result.hash !== null && (cached?.hash !== result.hash || (payload && !cached.payload))) {
      cache.put(path, { hash: result.hash, result, ...(stat && trustworthyStat(stat, Date.now()) ? { stat } : {}) }, payload);
      learned++;
    }
    return entry;
  };
  /** A context file known by content hash, read with the value the cache keeps for it; undefined when that cannot be done. */
  const readWithValue = (path: string): Known | undefined => {
    const kind = kindOfPath(path)!;
    const result = results.get(path);
    if (!cache || !result || !isContextKind(kind)) return undefined;
    const source = readContextFileWithValue(root, path, kind, result, cache.payload(path));
    if (!source) return undefined;
    const entry: Known = { path, kind, result, source };
    known.set(path, entry);
    return entry;
  };
  for (const path of listing.paths) {
    const result = results.get(path);
    if (result) known.set(path, { path, kind: result.kind, result });
    else read(path);
  }

  // 2. The files the selected ones can be affected by.
  const selected = listing.paths.filter((path) => options.selected(path));
  const load = new Set<string>([...listing.paths.filter((path) => isContextKind(kindOfPath(path)!)), ...selected]);
  const all = [...known.values()];
  const validOf = (kind: KindId) => all.filter((k) => k.kind === kind && k.result.valid);
  const selectedKnown = selected.map((path) => known.get(path)!);
  const signoffs = validOf('signoff');
  const incidents = validOf('incident');
  const postmortems = validOf('postmortem');
  for (const entry of selectedKnown) {
    const { result } = entry;
    if (entry.kind === 'signoff' && result.valid) for (const s of signoffs) if (s.result.facts.rollout === result.facts.rollout) load.add(s.path);
    if (entry.kind === 'incident' && result.definedId !== undefined) {
      for (const p of postmortems) if (p.result.facts.incident === result.definedId) load.add(p.path);
      for (const i of incidents) if (i.result.definedId === result.definedId) load.add(i.path);
    }
    if (entry.kind === 'postmortem' && result.valid) for (const i of incidents) if (i.result.definedId === result.facts.incident) load.add(i.path);
    if (entry.kind === 'rotation') for (const s of signoffs) if (s.result.facts.signoffKind === 'handoff') load.add(s.path);
  }
  for (const path of load) if (!known.get(path)?.source && !readWithValue(path)) read(path);

  // 3. The model: loaded files in full, every other file by what it defines.
  const entries: ModelEntry[] = [];
  for (const path of listing.paths) {
    const entry = known.get(path)!;
    if (!entry.result.present) continue;
    const definedId = entry.result.definedId;
    const file = load.has(path) ? entry.source! : { path, kind: entry.kind, parsed: null };
    entries.push({ file, valid: entry.result.valid, loaded: load.has(path), ...(definedId === undefined ? {} : { definedId }) });
  }
  const model = assembleModel(entries);
  const definitions = definitionsFor(model, entries);
  let base;
  if (options.base) {
    // What the change touched, and every rotation (the history rules look rotations up by id), as
    // they were at the base; a rotation the change did not touch is the same there as here, so
    // its file here stands for it.
    const touched = new Set([...options.base.changed, ...options.base.deleted]);
    const baseFiles = await readRevision(root, options.base.ref, (path) => touched.has(path) || kindOfPath(path) === 'rotation', {
      // Listing only what can be wanted (as git pathspecs; a long list is not worth its length).
      ...(touched.size <= 500 ? { within: ['rotations', ...[...touched].filter((path) => kindOfPath(path) !== undefined && !path.startsWith('rotations/'))] } : {}),
      same: (path) => (touched.has(path) ? undefined : known.get(path)?.source),
    });
    base = buildModel(baseFiles).model;
  }

  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  for (const entry of known.values()) diagnostics.push(...entry.result.readDiagnostics);
  diagnostics.push(...missingPolicyDiagnostics(entries.map((e) => e.file)));
  for (const entry of known.values()) diagnostics.push(...entry.result.schemaDiagnostics);
  // The schedule checks report only on the context: they run over the rotations that can bear on
  // a selected one, or not at all when no context file is selected.
  const contextRules = rulesPlaced(RULES, 'context');
  const documentRules = rulesPlaced(RULES, 'document');
  diagnostics.push(
    ...runRules(RULES.filter((rule) => !contextRules.includes(rule) && !documentRules.includes(rule)), model, options.now, base, {
      definitions,
      ...(options.firstCommits ? { firstCommits: options.firstCommits } : {}),
    }),
  );
  // The document rules report on a document from it and the context alone (rule-placement.ts):
  // they run over the selected documents, beside the context's data.
  const documentModel = documentModelFor(entries, options.selected);
  // What the selected records' rules need loaded (rule-libraries.ts).
  await loadRuleLibraries(librariesFor([...documentModel.incidents, ...documentModel.postmortems].map((doc) => doc.kind)));
  diagnostics.push(...runRules(documentRules, documentModel, options.now, undefined, { definitions }));
  const contextModel = contextModelFor(model, options.selected);
  if (contextModel) diagnostics.push(...runRules(contextRules, contextModel, options.now, base, { definitions }));

  if (cache) {
    // A few files learned are cheaper to learn again than the whole index is to rewrite.
    if (learned > SAVE_THRESHOLD) cache.save();
    cache.close();
  }
  const files = entries.map((e) => ({ path: e.file.path, kind: e.file.kind }));
  return { diagnostics, files };
}
