import { DateTime } from 'luxon';
import { describeInterval } from '../schedule/describe.ts';
import { shiftsOnwards } from '../schedule/onwards.ts';
import { handoffDate } from '../signoffs/handoff-date.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * After the formal hand-off the operating team runs the on-call rotation and the building
 * team's engineers "are not on-call after handoff is complete, but are available for escalation
 * during business hours". So from the day after the hand-off, the handing-off team is off the 24/7
 * front-line tiers (coverage: always) of the product's rotation; a tier covered in business hours,
 * with or without on call outside them (an owner who is the escalation point), may keep them. The
 * hand-off date is the signed hand-off decision's date if there is one, else the planned date.
 */
export const postHandoffOnCall: Rule = {
  id: 'post-handoff-on-call',
  description:
    "After a product's hand-off date (its signed hand-off, else handoff.planned in policy/lifecycle.yaml), no one from the handing-off team holds a 24/7 tier of the product's rotation.",
  severity: 'error',
  needs: ['lifecycle', 'people'],
  check(ctx) {
    const teamOf = new Map(ctx.model.policy.people!.data.people.map((p) => [p.id, p.team]));
    for (const product of ctx.model.policy.lifecycle!.data.products) {
      const handoff = product.handoff;
      if (!handoff) continue;
      for (const doc of ctx.model.rotations.filter((r) => r.data.id === product.rotation || r.data.product === product.id)) {
      const rotation = doc.data;
      const date = handoffDate(ctx.model, product.id, rotation.timezone);
      if (date === undefined) continue;
      const from = DateTime.fromISO(date, { zone: rotation.timezone }).plus({ days: 1 });
      const always = new Map(rotation.tiers.filter((t) => t.coverage === 'always').map((t) => [t.id, t.name]));
      const reported = new Set<string>();
      for (const shift of shiftsOnwards(rotation, from.toJSDate())) {
        if (!always.has(shift.tier) || teamOf.get(shift.person) !== handoff.from_team) continue;
        if (shift.end.getTime() <= from.toMillis()) continue;
        const where = formatPath(shift.path);
        if (reported.has(where)) continue;
        reported.add(where);
        ctx.report(doc, shift.path, {
          message: `${where}: "${shift.person}" of ${handoff.from_team} holds ${always.get(shift.tier)} ${describeInterval(shift.start, shift.end, rotation.timezone)}, after product "${product.id}" is handed off to ${handoff.to_team} on ${date}.`,
          hint: `From the hand-off on, staff the 24/7 tiers with ${handoff.to_team}: add a roster whose "from" is ${date} listing their people.`,
        });
      }
      }
    }
  },
};
