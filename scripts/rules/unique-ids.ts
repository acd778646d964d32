import { DEFINITION_KINDS } from '../model/definitions.ts';
import type { Rule } from './rule.ts';

/** Two things of one kind with the same id make every reference to that id ambiguous. */
export const uniqueIds: Rule = {
  id: 'unique-ids',
  description: 'Ids are unique within their kind (people, roles, severities, rotations, incidents, ...), across files.',
  severity: 'error',
  needs: [],
  check(ctx) {
    for (const kind of DEFINITION_KINDS) {
      if (!ctx.definitions.has(kind.refKind)) continue;
      const first = new Map<string, { path: string }>();
      for (const definition of kind.list(ctx.model)) {
        const earlier = first.get(definition.id);
        if (!earlier) {
          first.set(definition.id, { path: definition.doc.file.path });
          continue;
        }
        ctx.report(definition.doc, definition.path, {
          message: `"${definition.id}" is already the id of ${kind.label.replace(/^an? /, 'another ')}${earlier.path === definition.doc.file.path ? '' : ` (${earlier.path})`}.`,
          hint: 'Give each one its own id; references would otherwise be ambiguous.',
        });
      }
    }
  },
};
