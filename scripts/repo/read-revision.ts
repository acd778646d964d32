/**
 * Reads the repository's data files as they were at a git revision (a pull request's base), so
 * rules can compare the change with what was there before: history must not be rewritten.
 */
import { listFilesAt, readFileAt } from '../git/changed-files.ts';
import { DATA_ROOTS, kindOfPath } from '../schema/kinds.ts';
import { parseSource } from './parse-source.ts';
import type { SourceFile } from './source-file.ts';

export async function readRevision(root: string, ref: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const path of await listFilesAt(root, ref, DATA_ROOTS)) {
    const kind = kindOfPath(path);
    if (!kind) continue;
    const bytes = await readFileAt(root, ref, path);
    if (bytes === undefined) continue;
    files.push(parseSource(path, kind, bytes).file);
  }
  return files;
}
