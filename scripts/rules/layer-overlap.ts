import { describeInterval } from '../schedule/describe.ts';
import { compileRotation, layerShifts } from '../schedule/expand.ts';
import { intersection, union } from '../schedule/intervals.ts';
import { horizonEnd } from '../schedule/policy.ts';
import type { LocatedShift } from '../schedule/types.ts';
import type { Rule } from './rule.ts';

/**
 * The layers of a follow-the-sun or day-and-night tier must meet without overlapping: where two
 * cover the same instant, two people believe they hold the tier and only one is paged. A layer
 * meant to sit above the others (PagerDuty's stacking) says so with on_top. Gaps between layers are
 * the coverage-gap rule's. Checked from now to the coverage horizon, with the exact interval, since
 * layers in different zones drift against each other when the clocks change.
 */
export const layerOverlap: Rule = {
  id: 'layer-overlap',
  description:
    "The layers of a tier have distinct ids and do not cover the same instant, unless the later one says on_top: true (it then holds the tier there, as a PagerDuty layer above others); checked from now to the coverage horizon with the exact interval.",
  severity: 'error',
  needs: [],
  check(ctx) {
    const from = ctx.now.getTime();
    const to = horizonEnd(ctx.model.policy.organisation?.data, ctx.now).getTime();
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      const compiled = compileRotation(rotation);
      for (const tier of compiled.tiers) {
        if (tier.layers.length < 2) continue;
        const seen = new Set<string>();
        for (const layer of tier.layers) {
          if (seen.has(layer.spec.id)) {
            ctx.report(doc, [...layer.spec.path, 'id'], {
              message: `tiers[${tier.index}].layers[${layer.spec.index}].id: tier "${tier.id}" already has a layer "${layer.spec.id}".`,
              hint: 'Give each layer of a tier its own id.',
            });
          }
          seen.add(layer.spec.id);
        }
        const shifts = tier.layers.map((layer) => layerShifts(rotation.id, tier, layer, from, to));
        tier.layers.forEach((upper, j) => {
          if (upper.spec.onTop) return;
          for (let i = 0; i < j; i++) {
            const overlaps = overlapsOf(shifts[i]!, shifts[j]!, from, to);
            if (overlaps.length === 0) continue;
            const first = overlaps[0]!;
            const lower = tier.layers[i]!;
            const more = overlaps.length - 1;
            ctx.report(doc, upper.spec.path, {
              message: `tiers[${tier.index}].layers[${j}]: layers "${lower.spec.id}" and "${upper.spec.id}" of tier "${tier.id}" both cover ${describeInterval(first.start, first.end, upper.spec.timezone)}${more > 0 ? `, and ${more} more ${more === 1 ? 'time' : 'times'} before the coverage horizon` : ''}; "${first.lower}" and "${first.upper}" would both think they hold the tier.`,
              hint: `Change the restrictions so the layers meet without overlapping (layers in different zones drift apart when the clocks change), or set on_top: true on layer "${upper.spec.id}" if it is meant to hold the tier wherever it overlaps an earlier layer.`,
            });
          }
        });
      }
    }
  },
};

/** The merged overlaps of two layers' shifts within [from, to), with who holds each side at its start. */
function overlapsOf(lower: readonly LocatedShift[], upper: readonly LocatedShift[], from: number, to: number): { start: number; end: number; lower: string; upper: string }[] {
  const pieces: { start: number; end: number; lower: string; upper: string }[] = [];
  for (const a of lower) {
    for (const b of upper) {
      const both = intersection({ start: a.start.getTime(), end: a.end.getTime() }, { start: b.start.getTime(), end: b.end.getTime() });
      const clipped = both && intersection(both, { start: from, end: to });
      if (clipped) pieces.push({ ...clipped, lower: a.person, upper: b.person });
    }
  }
  pieces.sort((x, y) => x.start - y.start);
  const merged = union(pieces);
  return merged.map((interval) => ({ ...interval, ...pick(pieces.find((p) => p.start === interval.start)!) }));
}

const pick = (piece: { lower: string; upper: string }) => ({ lower: piece.lower, upper: piece.upper });
