import type { Diagnostic } from '../report/diagnostic.ts';
import type { KindId } from '../schema/kinds.ts';
import { decodeSource } from './decode.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseYaml } from './parse-yaml.ts';
import type { SourceFile } from './source-file.ts';

/** How parseSource reads YAML: `parseYaml`, or a reader that gives the same results (parseYamlFast, lazy-yaml.ts). */
export interface ParseSourceOptions {
  parseYaml?: typeof parseYaml;
}

/**
 * Turns a data file's bytes into a {@link SourceFile}: decode, then YAML with positions, or for a
 * post-mortem, front matter as YAML plus the Markdown body. Pure; never throws.
 */
export function parseSource(path: string, kind: KindId, bytes: Uint8Array, options: ParseSourceOptions = {}): { file: SourceFile; diagnostics: Diagnostic[] } {
  const readYaml = options.parseYaml ?? parseYaml;
  const decoded = decodeSource(bytes, path);
  if ('diagnostic' in decoded) return { file: { path, kind, parsed: null }, diagnostics: [decoded.diagnostic] };
  const text = decoded.text;
  if (kind !== 'postmortem') {
    const parsed = readYaml(text, path);
    return { file: { path, kind, parsed }, diagnostics: parsed.diagnostics };
  }
  const split = splitFrontMatter(text);
  if (split.frontMatter === null) {
    const diagnostic: Diagnostic = {
      ruleId: 'postmortem-front-matter',
      severity: 'error',
      file: path,
      line: 1,
      column: 1,
      message: split.unclosed
        ? 'The front matter opened with "---" on line 1 is never closed.'
        : 'The post-mortem has no YAML front matter.',
      hint: split.unclosed
        ? 'End the front matter with a line holding only "---".'
        : 'Start the file with a "---" line, the fields incident, title, authors, status and action_items, and a closing "---" line (`npm run oncall -- new postmortem` writes one).',
    };
    return { file: { path, kind, parsed: null, markdown: { text: split.body, startLine: split.bodyStartLine } }, diagnostics: [diagnostic] };
  }
  const parsed = readYaml(split.frontMatter, path, { lineOffset: split.frontMatterStartLine - 1 });
  return {
    file: { path, kind, parsed, markdown: { text: split.body, startLine: split.bodyStartLine } },
    diagnostics: parsed.diagnostics,
  };
}
