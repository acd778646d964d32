import { documentsToCheck } from '../model/repo-model.ts';
import { formatPath, stringsIn } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/** Blanks the source documents use for "fill this in". Data that still holds one is not done. */
const PLACEHOLDERS: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /_{3,}/, name: 'a blank (____)' },
  { pattern: /\[PLACEHOLDER[^\]]*\]/i, name: 'a [PLACEHOLDER] marker' },
  { pattern: /\[Contact Info\]/i, name: 'a [Contact Info] marker' },
  { pattern: /\bTBD\b/, name: 'TBD' },
];

function findPlaceholder(text: string): { name: string; index: number; match: string } | undefined {
  // Every placeholder holds "_", "[" or "TBD"; most text holds none, so skip the patterns for it.
  if (!text.includes('_') && !text.includes('[') && !text.includes('TBD')) return undefined;
  for (const { pattern, name } of PLACEHOLDERS) {
    const match = pattern.exec(text);
    if (match) return { name, index: match.index, match: match[0] };
  }
  return undefined;
}

export const noPlaceholders: Rule = {
  id: 'no-placeholders',
  description: 'No placeholder is left in data: blanks (____), [PLACEHOLDER ...], [Contact Info] or TBD, in YAML values and post-mortem text.',
  severity: 'error',
  needs: [],
  check(ctx) {
    const m = ctx.model;
    for (const doc of documentsToCheck(m)) {
      for (const { path, value } of stringsIn(doc.data)) {
        const found = findPlaceholder(value);
        if (!found) continue;
        ctx.report(doc, path, {
          message: `${formatPath(path)}: "${found.match}" is ${found.name} left from a template.`,
          hint: 'Fill in the real value, or remove the field if it does not apply.',
        });
      }
    }
    for (const doc of m.postmortems) {
      const body = doc.file.markdown;
      if (!body) continue;
      body.text.split('\n').forEach((line, i) => {
        const found = findPlaceholder(line);
        if (!found) return;
        ctx.reportAt(doc, body.startLine + i, found.index + 1, {
          message: `"${found.match}" is ${found.name} left from the template.`,
          hint: 'Write the real content, or remove the line.',
        });
      });
    }
  },
};
