import { isScalar, visit } from 'yaml';
import { documentsToCheck, type Doc, type RepoModel } from '../model/repo-model.ts';
import { mayHoldTightComment } from '../repo/lazy-yaml.ts';
import type { Rule } from './rule.ts';

/**
 * Whether the text has a comment whose text starts right after the "#" (a "#" at a line start or
 * after a blank, followed by a non-blank): only such text can trip this rule, so the rest needs no Document.
 */
function mayHoldCommentInText(text: string): boolean {
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    const before = i === 0 ? '\n' : text[i - 1]!;
    const after = text[i + 1];
    if ((before === ' ' || before === '\t' || before === '\n' || before === '\r') && after !== undefined && /\S/.test(after)) return true;
  }
  return false;
}

function yamlDocs(model: RepoModel): Doc[] {
  return documentsToCheck(model);
}

/**
 * In YAML, " #" starts a comment even in the middle of unquoted text, so
 * `- Update #ingestion-rollout with status` silently becomes "Update". A comment that begins
 * right after the "#" (no space) is almost always a channel name or tag that was cut off.
 */
export const yamlCommentInText: Rule = {
  id: 'yaml-comment-in-text',
  description: 'Unquoted text does not lose its end to a "#": " #channel" in a plain value starts a YAML comment, so the rest of the line is silently dropped.',
  severity: 'warning',
  needs: [],
  check(ctx) {
    for (const doc of yamlDocs(ctx.model)) {
      if (!mayHoldTightComment(doc.parsed) || !mayHoldCommentInText(doc.parsed.text)) continue;
      const yaml = doc.parsed.doc;
      if (!yaml) continue;
      visit(yaml, {
        Scalar(_key, node) {
          if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.comment !== 'string') return;
          if (node.comment === '' || /^\s/.test(node.comment)) return;
          const offset = node.range?.[0] ?? 0;
          const { line, col } = doc.parsed.lineCounter.linePos(offset);
          ctx.reportAt(doc, line + doc.parsed.lineOffset, col, {
            message: `"${String(node.value)}" is followed by "#${node.comment}", which YAML reads as a comment and drops.`,
            hint: `Quote the whole value: "${String(node.value)} #${node.comment}".`,
          });
        },
      });
    }
  },
};
