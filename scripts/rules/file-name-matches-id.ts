import { expectedId } from '../repo/source-file.ts';
import type { Doc } from '../model/repo-model.ts';
import type { Rule, RuleContext } from './rule.ts';

function checkRecord(ctx: RuleContext, doc: Doc, id: string, field: string, folder: string): void {
  const path = doc.file.path;
  const expected = expectedId(path);
  if (id !== expected) {
    ctx.report(doc, [field], {
      message: `${field}: "${id}" differs from the file name "${expected}".`,
      hint: `Rename the file to ${path.slice(0, path.lastIndexOf('/') + 1)}${id}${path.slice(path.lastIndexOf('.'))}, or change ${field} to "${expected}".`,
    });
    return;
  }
  if (folder === '') return;
  const year = path.split('/')[1];
  if (year !== id.slice(0, 4)) {
    ctx.report(doc, [field], {
      message: `${field}: "${id}" is dated ${id.slice(0, 4)} but the file is in ${folder}/${year}/.`,
      hint: `Move the file to ${folder}/${id.slice(0, 4)}/.`,
    });
  }
}

/** The file name is the id, so a record can be found from a reference without searching. */
export const fileNameMatchesId: Rule = {
  id: 'file-name-matches-id',
  description: 'A rotation, incident, sign-off or hand-off note file is named after its id (incidents, sign-offs and hand-off notes in the folder of their year); a post-mortem is named after its incident.',
  severity: 'error',
  needs: [],
  check(ctx) {
    for (const doc of ctx.model.rotations) checkRecord(ctx, doc, doc.data.id, 'id', '');
    for (const doc of ctx.model.incidents) checkRecord(ctx, doc, doc.data.id, 'id', 'incidents');
    for (const doc of ctx.model.signoffs) checkRecord(ctx, doc, doc.data.id, 'id', 'signoffs');
    for (const doc of ctx.model.handoffs) checkRecord(ctx, doc, doc.data.id, 'id', 'handoffs');
    for (const doc of ctx.model.postmortems) checkRecord(ctx, doc, doc.data.incident, 'incident', '');
  },
};
