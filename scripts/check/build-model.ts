import type { Diagnostic } from '../report/diagnostic.ts';
import { expectedId, type SourceFile } from '../repo/source-file.ts';
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

/**
 * Validates every parsed file against its schema and assembles the model from the valid ones.
 * Pure: the files were read before, and nothing here touches the disk.
 */
export function buildModel(files: readonly SourceFile[]): { model: RepoModel; diagnostics: Diagnostic[] } {
  const model = emptyModel(files);
  const diagnostics: Diagnostic[] = [];
  const seenPolicy = new Set<PolicyKindId>();
  for (const file of files) {
    const parsed = file.parsed;
    if (!parsed || parsed.value === null || parsed.value === undefined || parsed.diagnostics.some((d) => d.severity === 'error')) {
      noteUnverified(model, file);
      continue;
    }
    const errors = validateValue(file.kind, parsed.value);
    if (errors.length > 0) {
      diagnostics.push(...translateAjvErrors(errors, parsed, { kindName: file.kind, schema: schemasFor(file.kind) }));
      noteUnverified(model, file);
      continue;
    }
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
      case 'postmortem':
        model.postmortems.push(doc as Doc<'postmortem'>);
        break;
      default: {
        const kind = file.kind as PolicyKindId;
        seenPolicy.add(kind);
        (model.policy as Record<string, Doc>)[kind] = doc;
      }
    }
  }
  for (const kind of POLICY_KINDS) if (!model.policy[kind]) model.unavailablePolicy.add(kind);
  return { model, diagnostics };
}

function noteUnverified(model: RepoModel, file: SourceFile): void {
  if ((POLICY_KINDS as readonly string[]).includes(file.kind)) {
    if (file.parsed?.value !== null && file.parsed?.value !== undefined) model.invalidPolicyValues.set(file.kind as PolicyKindId, file.parsed.value);
    return;
  }
  model.incompleteKinds.add(file.kind);
  const refKind = RECORD_REF_KIND[file.kind];
  if (!refKind) return;
  // A record's id is its file name (a rule checks that), so even an unparsable record defines it.
  const value = file.parsed?.value;
  const declared = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  const id = typeof declared === 'string' ? declared : expectedId(file.path);
  let ids = model.unverifiedIds.get(refKind);
  if (!ids) model.unverifiedIds.set(refKind, (ids = new Set()));
  ids.add(id);
}

/** Policy files that must exist in every repository. */
export function missingPolicyDiagnostics(files: readonly SourceFile[]): Diagnostic[] {
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
