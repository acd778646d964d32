/**
 * The repository's model for work that needs values alone (generated pages): files read, parsed
 * and checked against their schemas one at a time, each kept as a copy of its value. Every string
 * a parser gives is a slice of the file's text and keeps all of it alive; a copy
 * (structuredClone) has strings of its own, so each text is free as soon as its file is checked,
 * and memory holds the values alone (about half of what values and texts take).
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import { dataOnlyParsed } from '../model/data-only.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { listDataFiles, readDataFileSync, unknownFileDiagnostic } from '../repo/read-repository.ts';
import { kindOfPath, type KindId } from '../schema/kinds.ts';
import { assembleModel, checkFileSchema, definedIdOfValid, unverifiedIdOf, type ModelEntry } from './build-model.ts';

/** The model (documents with values, no texts) and the findings of reading and schemas, as buildModel gives them. */
export async function loadDataOnlyModel(
  root: string,
  options: {
    /** What to keep of a valid file's value (default: a copy of all of it); it must not share strings with the value. */
    keep?: (kind: KindId, value: unknown) => unknown;
  } = {},
): Promise<{ model: RepoModel; diagnostics: Diagnostic[] }> {
  const listed = await listDataFiles(root);
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const entries: ModelEntry[] = [];
  for (const path of listed.paths) {
    const kind = kindOfPath(path);
    if (!kind) {
      diagnostics.push(unknownFileDiagnostic(path));
      continue;
    }
    const read = readDataFileSync(root, path, kind);
    diagnostics.push(...read.diagnostics);
    const file = read.file;
    if (!file) continue;
    const check = checkFileSchema(file);
    diagnostics.push(...check.diagnostics);
    const definedId = check.valid ? definedIdOfValid(file) : unverifiedIdOf(file);
    const value = file.parsed ? (check.valid && options.keep ? options.keep(kind, file.parsed.value) : structuredClone(file.parsed.value)) : null;
    const parsed = file.parsed ? dataOnlyParsed(path, value) : null;
    entries.push({ file: { path, kind, parsed }, valid: check.valid, loaded: true, ...(definedId === undefined ? {} : { definedId }) });
  }
  return { model: assembleModel(entries), diagnostics };
}
