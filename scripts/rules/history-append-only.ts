import { historyChanges } from '../history/amendable.ts';
import { appendOnlyHint, describeHistoryChange, recordLabel } from '../history/describe.ts';
import type { Doc } from '../model/repo-model.ts';
import type { Rule } from './rule.ts';

/**
 * Sign-off and incident records and hand-off notes are the organisation's memory: once merged, a record is only
 * amended where its schema marks a field x-amendable, and never deleted. Compares the repository with
 * the base revision, so it runs under `validate --changed-since <ref>`.
 */
export const historyAppendOnly: Rule = {
  id: 'history-append-only',
  description:
    'With --changed-since, an existing sign-off record, incident record or hand-off note is neither deleted nor edited, except fields its schema marks x-amendable ("any", "append": entries added at the end or a value given once, also inside an existing list entry such as a kill-switch resume, "forward": an enum moving forward).',
  severity: 'error',
  needs: [],
  check(ctx) {
    const base = ctx.base;
    if (!base) return;
    const presentPaths = new Set(ctx.model.files.map((file) => file.path));
    const pairs: [readonly Doc<'signoff' | 'incident' | 'handoff'>[], readonly Doc<'signoff' | 'incident' | 'handoff'>[]][] = [
      [base.signoffs, ctx.model.signoffs],
      [base.incidents, ctx.model.incidents],
      [base.handoffs, ctx.model.handoffs],
    ];
    for (const [before, after] of pairs) {
      const current = new Map(after.map((doc) => [doc.file.path, doc]));
      for (const old of before) {
        const now = current.get(old.file.path);
        if (!now) {
          // An invalid new version is reported by the schema rules; only a missing file is a deletion.
          if (presentPaths.has(old.file.path)) continue;
          ctx.report(old, [], {
            message: `${old.file.path}: an existing ${recordLabel(old.kind)} was deleted (or renamed); records are append-only.`,
            hint: 'Restore the file. A decision is reversed by a new record (a rollback), an incident by a timeline entry.',
          });
          continue;
        }
        for (const change of historyChanges(old.kind, old.data, now.data)) {
          // A removed field or entry has no node left to point at; the field that held it does.
          const removed = change.change === 'removed';
          ctx.report(now, removed ? change.path.slice(0, -1) : change.path, {
            message: describeHistoryChange(old.kind, change),
            hint: appendOnlyHint(old.kind),
            ...(removed ? { target: 'key' as const } : {}),
          });
        }
      }
    }
  },
};
