/**
 * Reads the repository's data files as they were at a git revision (a pull request's base), so
 * rules can compare the change with what was there before: history must not be rewritten.
 */
import { listFilesAt, readFilesAt } from '../git/changed-files.ts';
import { DATA_ROOTS, kindOfPath } from '../schema/kinds.ts';
import { parseYamlFast } from './lazy-yaml.ts';
import { parseSource } from './parse-source.ts';
import type { SourceFile } from './source-file.ts';

/** What a caller of readRevision knows already. */
export interface RevisionHints {
  /** Paths (or folders) outside which `only` accepts nothing: only they are listed. */
  within?: readonly string[];
  /**
   * For a path at `ref`, a file already read that is known to be the same there (unchanged since
   * `ref`), used instead of reading it again.
   */
  same?: (path: string) => SourceFile | undefined;
}

/**
 * The data files at `ref`, parsed; with `only`, just those of them that the predicate accepts
 * (history rules compare only what a change touched, and every rotation).
 */
export async function readRevision(root: string, ref: string, only?: (path: string) => boolean, hints: RevisionHints = {}): Promise<SourceFile[]> {
  const same = hints.same;
  const paths = (await listFilesAt(root, ref, hints.within ?? DATA_ROOTS)).filter((path) => kindOfPath(path) !== undefined && (only?.(path) ?? true));
  const reused = new Map<string, SourceFile>();
  for (const path of paths) {
    const file = same?.(path);
    if (file) reused.set(path, file);
  }
  const contents = await readFilesAt(
    root,
    ref,
    paths.filter((path) => !reused.has(path)),
  );
  const files: SourceFile[] = [];
  for (const path of paths) {
    const file = reused.get(path);
    if (file) {
      files.push(file);
      continue;
    }
    const bytes = contents.get(path);
    if (bytes === undefined) continue;
    files.push(parseSource(path, kindOfPath(path)!, bytes, { parseYaml: parseYamlFast }).file);
  }
  return files;
}
