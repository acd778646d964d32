import type { Rule } from './rule.ts';
import { suggestion } from '../util/suggest.ts';

/** Tiers are local to a rotation, so the schema cannot say which ids are valid; this rule can. */
export const tierExists: Rule = {
  id: 'tier-exists',
  description: "A tier named by a role holder, a tier's escalation or an override exists in that rotation, and a tier does not escalate to itself.",
  severity: 'error',
  needs: [],
  check(ctx) {
    const tiersOf = new Map(ctx.model.rotations.map((doc) => [doc.data.id, doc.data.tiers.map((t) => t.id)]));
    for (const doc of ctx.model.rotations) {
      const tiers = tiersOf.get(doc.data.id) ?? [];
      doc.data.tiers.forEach((tier, t) => {
        const target = tier.escalates_to?.tier;
        if (target === undefined) return;
        if (target === tier.id) {
          ctx.report(doc, ['tiers', t, 'escalates_to', 'tier'], { message: `tiers[${t}].escalates_to.tier: tier "${tier.id}" escalates to itself.`, hint: 'Name the next tier, or a role.' });
        } else if (!tiers.includes(target)) {
          ctx.report(doc, ['tiers', t, 'escalates_to', 'tier'], { message: `tiers[${t}].escalates_to.tier: "${target}" is not a tier of rotation ${doc.data.id}.`, hint: suggestion(target, tiers) });
        }
      });
      (doc.data.overrides ?? []).forEach((override, o) => {
        if (!tiers.includes(override.tier)) {
          ctx.report(doc, ['overrides', o, 'tier'], { message: `overrides[${o}].tier: "${override.tier}" is not a tier of rotation ${doc.data.id}.`, hint: suggestion(override.tier, tiers) });
        }
      });
    }
    const roles = ctx.model.policy.roles;
    if (!roles) return;
    roles.data.roles.forEach((role, r) => {
      const holder = role.holder;
      if (!holder || !('rotation' in holder) || holder.tier === undefined) return;
      const tiers = tiersOf.get(holder.rotation);
      if (tiers && !tiers.includes(holder.tier)) {
        ctx.report(roles, ['roles', r, 'holder', 'tier'], { message: `roles[${r}].holder.tier: "${holder.tier}" is not a tier of rotation ${holder.rotation}.`, hint: suggestion(holder.tier, tiers) });
      }
    });
  },
};
