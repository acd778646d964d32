import { findSensitive, findSensitiveInValues, maskSecret, type SensitiveMatch, type SensitiveOptions } from '../incidents/sensitive.ts';
import { sensitiveOptionsOf } from '../incidents/sensitive-options.ts';
import { describeSpan, spanInValue, type TextSpan } from '../incidents/text-positions.ts';
import type { Doc } from '../model/repo-model.ts';
import { formatPath, stringsIn } from '../util/paths.ts';
import type { Rule, RuleContext } from './rule.ts';

function finding(where: string, match: SensitiveMatch, span: string) {
  return {
    message: `${where}contains ${match.label} ("${maskSecret(match.text, match.kind)}", ${span}).`,
    hint: match.credential
      ? 'Remove it and rotate the credential: whatever is committed stays in the Git history. Never paste secrets, tokens or raw credentials into incident notes.'
      : 'Remove it or name the role instead (e.g. "the support lead"); contact details belong in policy/people.yaml, and e-mails and IDs are redacted outside engineering. A public mailbox may be listed in policy/organisation.yaml sensitive_data.allowed_emails.',
  };
}

function scanYaml(ctx: RuleContext, doc: Doc, options: SensitiveOptions): void {
  const strings = stringsIn(doc.data);
  const found = findSensitiveInValues(
    strings.map((s) => s.value),
    options,
  );
  strings.forEach(({ path }, i) => {
    for (const match of found[i]!) {
      const span = spanInValue(doc.parsed, path, match.text, match.index);
      ctx.reportAt(doc, span.line, span.column, finding(`${formatPath(path)}: `, match, describeSpan(span)));
    }
  });
}

/** File span of `length` characters at `index` of a Markdown body that starts on file line `startLine`. */
function spanInBody(lineStarts: readonly number[], startLine: number, index: number, length: number): TextSpan {
  const at = (offset: number) => {
    let line = lineStarts.length - 1;
    while (line > 0 && lineStarts[line]! > offset) line--;
    return { line: startLine + line, column: offset - lineStarts[line]! + 1 };
  };
  const from = at(index);
  const to = at(index + length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/**
 * Never ask for or share secrets, tokens or raw credentials; redact e-mails and IDs. Incident
 * records and post-mortems are read widely, so a token, key, password, e-mail address or phone
 * number in them is an error. The finding points at the exact characters and the message shows only
 * a masked form. Which detector finds what: scripts/incidents/sensitive.ts and the README.
 */
export const sensitiveData: Rule = {
  id: 'sensitive-data',
  description:
    "Incident records, hand-off notes and post-mortems hold no tokens, API keys, passwords, private keys, e-mail addresses or phone numbers (credentials found by secretlint's recommended preset and by key-name patterns, phone numbers by libphonenumber-js in the organisation's regions); the finding points at the span and masks the secret.",
  severity: 'error',
  needs: [],
  check(ctx) {
    if (ctx.model.incidents.length === 0 && ctx.model.handoffs.length === 0 && ctx.model.postmortems.length === 0) return;
    // Read only when there are records: the phone library is loaded only for runs that check some.
    const options = sensitiveOptionsOf(ctx.model);
    for (const doc of ctx.model.incidents) scanYaml(ctx, doc, options);
    for (const doc of ctx.model.handoffs) scanYaml(ctx, doc, options);
    for (const doc of ctx.model.postmortems) {
      scanYaml(ctx, doc, options);
      const body = doc.file.markdown;
      if (!body) continue;
      const lineStarts = [0];
      for (let i = body.text.indexOf('\n'); i >= 0; i = body.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      for (const match of findSensitive(body.text, options)) {
        const span = spanInBody(lineStarts, body.startLine, match.index, match.text.length);
        ctx.reportAt(doc, span.line, span.column, finding('', match, describeSpan(span)));
      }
    }
  },
};
