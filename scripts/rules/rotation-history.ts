import { isDeepStrictEqual } from 'node:util';
import type { DocPath, LocateTarget } from '../repo/locate.ts';
import { describeInterval } from '../schedule/describe.ts';
import { shortIsoInZone } from '../schedule/local-time.ts';
import { formatPath } from '../util/paths.ts';
import { firstRewrittenShift, type RewrittenShift } from '../schedule/diff.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { Rule } from './rule.ts';

type Rotation = SchemaTypes['rotation'];

/** The entry most likely to have caused the rewrite, for the diagnostic's position. */
function culprit(before: Rotation, after: Rotation, rewrite: RewrittenShift): { path: DocPath; target?: LocateTarget } {
  if (before.timezone !== after.timezone) return { path: ['timezone'] };
  if (before.start !== after.start) return { path: ['start'] };
  for (const key of ['unit', 'every'] as const) if (before.cadence[key] !== after.cadence[key]) return { path: ['cadence', key] };
  for (const key of ['weekday', 'time'] as const) if (before.handoff[key] !== after.handoff[key]) return { path: ['handoff', key] };
  if (rewrite.afterLocated?.source === 'override') return { path: rewrite.afterLocated.path.slice(0, 2) };
  const tierIndex = after.tiers.findIndex((t) => t.id === rewrite.tier);
  if (tierIndex < 0) return { path: ['tiers'], target: 'key' };
  // Someone from a past override is gone: the overrides list lost or moved an entry.
  if (rewrite.beforeLocated?.source === 'override') return { path: ['overrides'], target: 'key' };
  if (rewrite.afterLocated) return { path: rewrite.afterLocated.path.slice(0, 4) };
  return { path: ['tiers', tierIndex, 'rosters'], target: 'key' };
}

/**
 * Nothing is lost: who was on call is a record, like an incident's timeline. A pull request may
 * change the future (new rosters, new overrides) but not who held a tier at any instant before
 * now. Only runs with `validate --changed-since <ref>`, comparing each rotation with the base
 * revision's; a rotation new in the change has no history to rewrite.
 */
export const rotationHistory: Rule = {
  id: 'rotation-history',
  description:
    'With validate --changed-since, a change to a rotation does not alter who was on call at any instant before now (participants, start, hand-off, time zone or overrides); the first rewritten shift is shown.',
  severity: 'error',
  needs: [],
  check(ctx) {
    if (!ctx.base) return;
    for (const doc of ctx.model.rotations) {
      const base = ctx.base.rotations.find((b) => b.data.id === doc.data.id);
      if (!base || isDeepStrictEqual(base.data, doc.data)) continue;
      const rewrite = firstRewrittenShift(base.data, doc.data, ctx.now);
      if (!rewrite) continue;
      const zone = doc.data.timezone;
      const was = rewrite.before ? `"${rewrite.before.person}" was on call` : 'nobody was on call';
      const becomes = rewrite.after ? `"${rewrite.after.person}"` : 'nobody';
      const { path, target } = culprit(base.data, doc.data, rewrite);
      ctx.report(doc, path, {
        ...(target ? { target } : {}),
        message: `${formatPath(path)}: this change rewrites history: ${describeInterval(rewrite.start, rewrite.end, zone)} ${was} as "${rewrite.tier}" of rotation "${doc.data.id}", and the change makes it ${becomes}. Who was on call before now (${shortIsoInZone(ctx.now, zone)}) cannot change.`,
        hint: 'Leave past rosters, overrides, start, hand-off and time zone as they were; change only the future with a roster whose "from" is after today, or an override that starts after now.',
      });
    }
  },
};
