import type { KindId } from '../schema/kinds.ts';
import type { ParsedYaml } from './parse-yaml.ts';

/** One data file as read from the repository, before schema validation. */
export interface SourceFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  kind: KindId;
  /** The YAML (or a post-mortem's front matter) with source positions; null when the file could not be decoded. */
  parsed: ParsedYaml | null;
  /** For Markdown files: the body after the front matter, and the file line it starts on. */
  markdown?: { text: string; startLine: number };
}

/** The id a file must carry: its name without the extension. */
export function expectedId(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(ya?ml|md)$/, '');
}
