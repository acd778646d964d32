import { requirementsFor } from '../schedule/requirements.ts';
import type { Rule } from './rule.ts';

/**
 * A rotation hands off when the organisation says its rotations hand off: the same cadence, weekday
 * and local time, so people know when their week starts whatever rotation they are in. Moving an
 * existing rotation's hand-off rewrites its past shifts, which `rotation-history` refuses; such a
 * rotation is changed by a new roster from a future date, or the requirement is changed.
 */
export const rotationHandoffPolicy: Rule = {
  id: 'rotation-handoff-policy',
  description:
    "A rotation's cadence, hand-off weekday and hand-off time are those policy/organisation.yaml rotation_requirements set for the rotations of its product (or for every rotation).",
  severity: 'error',
  needs: ['organisation'],
  check(ctx) {
    const organisation = ctx.model.policy.organisation!.data;
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      for (const { requirement, scope, where } of requirementsFor(organisation, rotation)) {
        const cadence = requirement.cadence;
        if (cadence && (cadence.unit !== rotation.cadence.unit || (cadence.every ?? 1) !== (rotation.cadence.every ?? 1))) {
          const describe = (c: { unit: string; every?: number }) => `every ${c.every ?? 1} ${c.unit}${(c.every ?? 1) === 1 ? '' : 's'}`;
          ctx.report(doc, ['cadence'], {
            message: `cadence: rotation "${rotation.id}" changes hands ${describe(rotation.cadence)}, but ${where} requires ${describe(cadence)} ${scope}.`,
            hint: `Set cadence to { unit: ${cadence.unit}, every: ${cadence.every ?? 1} }, or change the requirement in policy/organisation.yaml.`,
          });
        }
        const weekday = requirement.handoff?.weekday;
        if (weekday !== undefined && rotation.handoff.weekday !== weekday) {
          const actual = rotation.handoff.weekday;
          ctx.report(doc, actual === undefined ? ['handoff'] : ['handoff', 'weekday'], {
            message: `handoff.weekday: rotation "${rotation.id}" hands off ${actual === undefined ? 'on no set weekday' : `on "${actual}"`}, but ${where} requires "${weekday}" ${scope}.`,
            hint: `Set handoff.weekday: ${weekday}, or change the requirement in policy/organisation.yaml.`,
          });
        }
        const time = requirement.handoff?.time;
        if (time !== undefined && rotation.handoff.time !== time) {
          ctx.report(doc, ['handoff', 'time'], {
            message: `handoff.time: rotation "${rotation.id}" hands off at "${rotation.handoff.time}" (${rotation.timezone}), but ${where} requires "${time}" local time ${scope}.`,
            hint: `Set handoff.time: "${time}", or change the requirement in policy/organisation.yaml.`,
          });
        }
      }
    }
  },
};
