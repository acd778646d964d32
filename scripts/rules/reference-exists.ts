import { collectRefs } from '../schema/refs.ts';
import { formatPath } from '../util/paths.ts';
import { suggestion } from '../util/suggest.ts';
import { documentsToCheck } from '../model/repo-model.ts';
import type { Rule } from './rule.ts';

/**
 * Every reference names something that exists. The schemas mark references with `x-ref`, so a new
 * field is checked as soon as its schema says what it refers to.
 */
export const referenceExists: Rule = {
  id: 'reference-exists',
  description: 'Every reference resolves: people, teams, roles, severities, escalation levels, products, rotations, incidents, phases, kill-switch actions and scenarios, rollback types and reasons, templates.',
  severity: 'error',
  needs: [],
  check(ctx) {
    for (const doc of documentsToCheck(ctx.model)) {
      for (const site of collectRefs(doc.kind, doc.data)) {
        const known = ctx.definitions.get(site.refKind);
        if (!known || known.ids.has(site.value) || known.unverified.has(site.value)) continue;
        ctx.report(doc, site.path, {
          message: `${formatPath(site.path)}: "${site.value}" is not ${known.kind.label}.`,
          hint: suggestion(site.value, [...known.ids.keys(), ...known.unverified]),
          target: site.isKey ? 'key' : 'value',
        });
      }
    }
  },
};
