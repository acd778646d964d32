import { documentsToCheck, type Doc, type RepoModel } from '../model/repo-model.ts';
import type { Rule } from './rule.ts';

/** The first line an editor needs to validate a data file as it is typed. */
export function expectedModeline(path: string, kind: string): string {
  const depth = path.split('/').length - 1;
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/${kind}.schema.json`;
}

function yamlDocs(model: RepoModel): Doc[] {
  return documentsToCheck(model).filter((doc) => doc.kind !== 'postmortem');
}

/**
 * Editors (VS Code's YAML extension and others using yaml-language-server) read this line to
 * validate and complete the file against its schema while it is written.
 */
export const schemaModeline: Rule = {
  id: 'schema-modeline',
  description: 'Every YAML data file starts with a `# yaml-language-server: $schema=...` line naming its schema, so editors validate it as it is typed.',
  severity: 'error',
  needs: [],
  check(ctx) {
    for (const doc of yamlDocs(ctx.model)) {
      const expected = expectedModeline(doc.file.path, doc.kind);
      const first = doc.parsed.text.split(/\r?\n/, 1)[0] ?? '';
      if (first.trim() === expected) continue;
      ctx.reportAt(doc, 1, 1, {
        message: first.startsWith('# yaml-language-server:')
          ? `The schema line names the wrong schema: "${first.trim()}".`
          : 'The file does not start with its schema line.',
        hint: `Make the first line: ${expected}`,
      });
    }
  },
};
