import type { Diagnostic } from '../report/diagnostic.ts';
import { expectedId, type SourceFile } from '../repo/source-file.ts';
import { buildDefinitionIndex, type Definition, type DefinitionIndex } from '../model/definitions.ts';
import { emptyModel, type Doc, type RepoModel } from '../model/repo-model.ts';
import { POLICY_KINDS, type KindId, type PolicyKindId } from '../schema/kinds.ts';
import { translateAjvErrors } from '../schema/translate-errors.ts';
import { validateValue } from '../schema/validators.ts';
import { allSchemas, schemaFile, schemaFileName } from '../schema/schemas.ts';

/** The validated schema first, then the documents it may $ref, as the error translator expects. */
function schemasFor(kind: KindId): unknown[] {
  return [schemaFile(schemaFileName(kind)), ...allSchemas().map((s) => s.schema)];
}

/** Which defined kind of thing a record file's `id` names, for unverified-id bookkeeping. */
const RECORD_REF_KIND: Partial<Record<KindId, string>> = { rotation: 'rotation', incident: 'incident' };

/** One file's schema check: whether its document enters the model, and what is wrong with it. */
export interface FileCheck {
  valid: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Validates one parsed file against its schema. A file that did not parse (or holds no data) is not
 * valid and gets no schema findings: its parse findings say what is wrong. Pure.
 */
export function checkFileSchema(file: SourceFile): FileCheck {
  const parsed = file.parsed;
  if (!parsed || parsed.value === null || parsed.value === undefined || parsed.diagnostics.some((d) => d.severity === 'error')) {
    return { valid: false, diagnostics: [] };
  }
  const errors = validateValue(file.kind, parsed.value);
  if (errors.length > 0) {
    const diagnostics = translateAjvErrors(errors, parsed, { kindName: file.kind, schema: schemasFor(file.kind) });
    // Positioning the findings built the Document: the value checked is compared with its value.
    const mismatch = parsed.takeMismatch?.();
    return { valid: false, diagnostics: mismatch ? [...diagnostics, mismatch] : diagnostics };
  }
  return { valid: true, diagnostics: [] };
}

/**
 * The id an unverified (unparsable or schema-invalid) rotation or incident file still defines: its
 * `id` when it has a textual one, else its file name. Undefined for other kinds.
 */
export function unverifiedIdOf(file: SourceFile): string | undefined {
  if (!RECORD_REF_KIND[file.kind]) return undefined;
  const value = file.parsed?.value;
  const declared = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  return typeof declared === 'string' ? declared : expectedId(file.path);
}

/** A file as the model assembly sees it: loaded (its document at hand) or known only by what it defines. */
export interface ModelEntry {
  file: SourceFile;
  valid: boolean;
  /** False for a file not loaded in this run: it counts for completeness and ids, but is not in the model. */
  loaded: boolean;
  /** For rotations and incidents: the id the file defines (valid or not). */
  definedId?: string;
}

/**
 * The model of a repository from files already checked. Every file counts for what is missing,
 * incomplete and which ids exist; only loaded, valid files are in the model's collections. With
 * every file loaded this is exactly {@link buildModel}'s model.
 */
export function assembleModel(entries: readonly ModelEntry[]): RepoModel {
  const model = emptyModel(entries.map((e) => e.file));
  for (const entry of entries) {
    const { file } = entry;
    if (!entry.valid) {
      noteUnverified(model, file, entry.definedId);
      continue;
    }
    if (!entry.loaded) continue;
    const parsed = file.parsed!;
    const doc = { kind: file.kind, file, parsed, data: parsed.value } as Doc;
    switch (file.kind) {
      case 'rotation':
        model.rotations.push(doc as Doc<'rotation'>);
        break;
      case 'incident':
        model.incidents.push(doc as Doc<'incident'>);
        break;
      case 'signoff':
        model.signoffs.push(doc as Doc<'signoff'>);
        break;
      case 'handoff':
        model.handoffs.push(doc as Doc<'handoff'>);
        break;
      case 'postmortem':
        model.postmortems.push(doc as Doc<'postmortem'>);
        break;
      default:
        (model.policy as Record<string, Doc>)[file.kind] = doc;
    }
  }
  for (const kind of POLICY_KINDS) if (!model.policy[kind]) model.unavailablePolicy.add(kind);
  return model;
}

/**
 * The definition index of a model assembled from part of the repository: rotations and incidents
 * that were not loaded still define their ids, in file order, as if every file had been loaded.
 */
export function definitionsFor(model: RepoModel, entries: readonly ModelEntry[]): DefinitionIndex {
  const index = buildDefinitionIndex(model);
  for (const refKind of ['rotation', 'incident'] as const) {
    const kindEntries = entries.filter((e) => e.file.kind === refKind && e.valid);
    if (kindEntries.every((e) => e.loaded)) continue;
    const known = index.get(refKind);
    if (!known) continue;
    const loaded = new Map<string, Definition>();
    for (const definition of known.ids.values()) loaded.set(definition.doc.file.path, definition);
    const ids = new Map<string, Definition>();
    for (const entry of kindEntries) {
      const id = entry.definedId;
      if (id === undefined || ids.has(id)) continue;
      const definition = loaded.get(entry.file.path) ?? { id, doc: { kind: refKind, file: entry.file, parsed: entry.file.parsed, data: { id } } as unknown as Doc, path: ['id'] };
      ids.set(id, definition);
    }
    index.set(refKind, { ...known, ids });
  }
  return index;
}

/**
 * Validates every parsed file against its schema and assembles the model from the valid ones.
 * Pure: the files were read before, and nothing here touches the disk.
 */
export function buildModel(files: readonly SourceFile[]): { model: RepoModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries = files.map((file) => {
    const check = checkFileSchema(file);
    diagnostics.push(...check.diagnostics);
    const definedId = check.valid ? definedIdOfValid(file) : unverifiedIdOf(file);
    return { file, valid: check.valid, loaded: true, ...(definedId === undefined ? {} : { definedId }) };
  });
  return { model: assembleModel(entries), diagnostics };
}

/** The id a valid rotation or incident defines. */
export function definedIdOfValid(file: SourceFile): string | undefined {
  if (!RECORD_REF_KIND[file.kind]) return undefined;
  const id = (file.parsed?.value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

function noteUnverified(model: RepoModel, file: SourceFile, definedId: string | undefined): void {
  if ((POLICY_KINDS as readonly string[]).includes(file.kind)) {
    if (file.parsed?.value !== null && file.parsed?.value !== undefined) model.invalidPolicyValues.set(file.kind as PolicyKindId, file.parsed.value);
    return;
  }
  model.incompleteKinds.add(file.kind);
  const refKind = RECORD_REF_KIND[file.kind];
  if (!refKind) return;
  // A record's id is its file name (a rule checks that), so even an unparsable record defines it.
  const id = definedId ?? unverifiedIdOf(file) ?? expectedId(file.path);
  let ids = model.unverifiedIds.get(refKind);
  if (!ids) model.unverifiedIds.set(refKind, (ids = new Set()));
  ids.add(id);
}

/** Policy files that must exist in every repository. */
export function missingPolicyDiagnostics(files: readonly { kind: KindId }[]): Diagnostic[] {
  const present = new Set(files.map((f) => f.kind));
  return POLICY_KINDS.filter((kind) => !present.has(kind)).map((kind) => ({
    ruleId: 'policy-file-missing',
    severity: 'error' as const,
    file: `policy/${kind}.yaml`,
    line: 1,
    column: 1,
    message: `The policy file policy/${kind}.yaml is missing.`,
    hint: 'Every repository has one file per policy kind; `npm run oncall -- init` writes empty ones.',
  }));
}
