/**
 * Documents the main thread knows by value only (sent by a worker, or kept in the cache): the text,
 * the YAML Document and the Markdown body are read from disk again only if a rule reports a finding
 * in the document and needs a position.
 */
import { parseYaml, type ParsedYaml } from '../repo/parse-yaml.ts';
import { readDataFileSync } from '../repo/read-repository.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { KindId } from '../schema/kinds.ts';

/** A SourceFile holding `value`, whose positions come from the file on disk when asked for. */
export function diskBackedFile(root: string, path: string, kind: KindId, value: unknown): SourceFile {
  let loaded: SourceFile | undefined;
  const load = (): SourceFile => {
    if (!loaded) {
      const read = readDataFileSync(root, path, kind).file;
      // The file went away since it was read: positions fall back to the top of the file.
      loaded = read?.parsed ? read : { path, kind, parsed: parseYaml('', path) };
    }
    return loaded;
  };
  const parsed: ParsedYaml = {
    file: path,
    value,
    get text() {
      return load().parsed!.text;
    },
    get doc() {
      return load().parsed!.doc;
    },
    get lineCounter() {
      return load().parsed!.lineCounter;
    },
    get diagnostics() {
      return load().parsed!.diagnostics;
    },
    get lineOffset() {
      return load().parsed!.lineOffset;
    },
  };
  const file: SourceFile = { path, kind, parsed };
  if (kind === 'postmortem') {
    Object.defineProperty(file, 'markdown', { enumerable: true, get: () => load().markdown });
  }
  return file;
}
