import { findSensitive, maskSecret, type SensitiveMatch } from '../incidents/sensitive.ts';
import { describeSpan, spanInValue } from '../incidents/text-positions.ts';
import type { Doc } from '../model/repo-model.ts';
import { formatPath, stringsIn } from '../util/paths.ts';
import type { Rule, RuleContext } from './rule.ts';

function finding(where: string, match: SensitiveMatch, span: string) {
  return {
    message: `${where}contains ${match.label} ("${maskSecret(match.text, match.kind)}", ${span}).`,
    hint: match.credential
      ? 'Remove it and rotate the credential: whatever is committed stays in the Git history. Never paste secrets, tokens or raw credentials into incident notes.'
      : 'Remove it or name the role instead (e.g. "the support lead"); contact details belong in policy/people.yaml, and e-mails and IDs are redacted outside engineering.',
  };
}

function scanYaml(ctx: RuleContext, doc: Doc): void {
  for (const { path, value } of stringsIn(doc.data)) {
    for (const match of findSensitive(value)) {
      const span = spanInValue(doc.parsed, path, match.text, match.index);
      ctx.reportAt(doc, span.line, span.column, finding(`${formatPath(path)}: `, match, describeSpan(span)));
    }
  }
}

/**
 * Support notes commonly say: never ask for or share secrets, tokens or raw credentials; redact
 * e-mails and IDs. Incident records, hand-off notes and post-mortems are read widely, so a token, key, password,
 * e-mail address or phone number in them is an error. The finding points at the exact characters
 * and the message shows only a masked form.
 */
export const sensitiveData: Rule = {
  id: 'sensitive-data',
  description: 'Incident records, hand-off notes and post-mortems hold no tokens, API keys, passwords, private keys, e-mail addresses or phone numbers; the finding points at the span and masks the secret.',
  severity: 'error',
  needs: [],
  check(ctx) {
    for (const doc of ctx.model.incidents) scanYaml(ctx, doc);
    for (const doc of ctx.model.handoffs) scanYaml(ctx, doc);
    for (const doc of ctx.model.postmortems) {
      scanYaml(ctx, doc);
      const body = doc.file.markdown;
      if (!body) continue;
      body.text.split('\n').forEach((line, i) => {
        for (const match of findSensitive(line)) {
          const span = { line: body.startLine + i, column: match.index + 1, endLine: body.startLine + i, endColumn: match.index + 1 + match.text.length };
          ctx.reportAt(doc, span.line, span.column, finding('', match, describeSpan(span)));
        }
      });
    }
  },
};
