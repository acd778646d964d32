/**
 * Reads the repository's data files as they were at a git revision (a pull request's base), so
 * rules can compare the change with what was there before: history must not be rewritten.
 */
import { listFilesAt, readFilesAt } from '../git/changed-files.ts';
import { DATA_ROOTS, kindOfPath } from '../schema/kinds.ts';
import { parseYamlFast } from './fast-yaml.ts';
import { parseSource } from './parse-source.ts';
import type { SourceFile } from './source-file.ts';

/**
 * The data files at `ref`, parsed; with `only`, just those of them that the predicate accepts
 * (history rules compare only what a change touched, and every rotation).
 */
export async function readRevision(root: string, ref: string, only?: (path: string) => boolean): Promise<SourceFile[]> {
  const paths = (await listFilesAt(root, ref, DATA_ROOTS)).filter((path) => kindOfPath(path) !== undefined && (only?.(path) ?? true));
  const contents = await readFilesAt(root, ref, paths);
  const files: SourceFile[] = [];
  for (const path of paths) {
    const bytes = contents.get(path);
    if (bytes === undefined) continue;
    files.push(parseSource(path, kindOfPath(path)!, bytes, { parseYaml: parseYamlFast }).file);
  }
  return files;
}
