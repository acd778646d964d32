import { describeInterval } from '../schedule/describe.ts';
import { instantOf } from '../schedule/expand.ts';
import type { Rule } from './rule.ts';

/**
 * Two overrides of one tier at the same time would put two people on it at once; which one the
 * pager follows would depend on file order, so the data must say.
 */
export const overrideOverlap: Rule = {
  id: 'override-overlap',
  description: 'Each override ends after it starts, and no two overrides of the same tier of a rotation overlap (two people would hold the tier at once).',
  severity: 'error',
  needs: [],
  check(ctx) {
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      const overrides = (rotation.overrides ?? []).map((o, index) => ({ ...o, index, from: instantOf(o.start), to: instantOf(o.end) }));
      for (const o of overrides) {
        if (!(o.to > o.from)) {
          ctx.report(doc, ['overrides', o.index, 'end'], {
            message: `overrides[${o.index}].end: "${o.end}" is not after its start "${o.start}".`,
            hint: 'An override covers a tier from its start (inclusive) to its end (exclusive); put the end after the start.',
          });
        }
      }
      const valid = overrides.filter((o) => o.to > o.from);
      for (const [j, later] of valid.entries()) {
        const earlier = valid.slice(0, j).find((o) => o.tier === later.tier && o.from < later.to && later.from < o.to);
        if (!earlier) continue;
        const start = Math.max(earlier.from, later.from);
        const end = Math.min(earlier.to, later.to);
        ctx.report(doc, ['overrides', later.index], {
          message: `overrides[${later.index}]: overlaps overrides[${earlier.index}] on tier "${later.tier}" of rotation "${rotation.id}" ${describeInterval(start, end, rotation.timezone)}; "${earlier.person}" and "${later.person}" would both hold it.`,
          hint: 'Make one override end where the other starts, or merge them into one.',
        });
      }
    }
  },
};
