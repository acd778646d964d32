import { dayIn } from '../roles/holding.ts';
import { participantsOf } from '../schedule/layers.ts';
import { assignmentPeriods } from '../roles/periods.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import type { Rule } from './rule.ts';

/**
 * GitHub lets an account change its login and lets anyone register a login that is free again. The
 * approvals check matches a reviewer to a person by account id when people.yaml has one; without it,
 * only by login. Everyone whose approval can fill a role, now or later, should have an id.
 */
export const personGithubId: Rule = {
  id: 'person-github-id',
  description:
    "Everyone who holds or will hold a named role, acts in one, or is on a rotation that holds a role has a github_id, so approvals match their account and not just a login someone else could register.",
  severity: 'warning',
  needs: ['people', 'roles'],
  check(ctx) {
    const view = policyViewOf(ctx.model)!;
    const today = dayIn(ctx.now, view.zone ?? 'UTC');
    const roleOf = new Map<string, string>();
    const note = (person: string, role: string) => {
      if (!roleOf.has(person)) roleOf.set(person, role);
    };
    for (const role of view.roles.roles) {
      const holders = role.holders ?? [];
      for (const period of assignmentPeriods(holders)) {
        if (period.to !== undefined && period.to < today) continue;
        const assignment = holders[period.index]!;
        for (const person of [assignment.primary, assignment.backup, ...(assignment.others ?? [])]) if (person !== undefined) note(person, role.name);
      }
      for (const acting of role.acting ?? []) if (acting.to >= today) note(acting.person, role.name);
      const holder = role.holder;
      if (holder && 'rotation' in holder) {
        const rotation = view.rotations.find((r) => r.id === holder.rotation);
        for (const tier of rotation?.tiers ?? []) {
          if (holder.tier !== undefined && tier.id !== holder.tier) continue;
          for (const person of participantsOf(tier)) note(person, role.name);
        }
      }
    }
    const doc = ctx.model.policy.people!;
    const seen = new Set<string>();
    doc.data.people.forEach((person, index) => {
      // A second entry with the same id is unique-ids' finding, not another person to warn about.
      if (seen.has(person.id)) return;
      seen.add(person.id);
      const role = roleOf.get(person.id);
      if (role === undefined || person.github_id !== undefined) return;
      if (person.left !== undefined && person.left < today) return;
      ctx.report(doc, ['people', index, 'github'], {
        message: `people[${index}].github: ${person.name} can approve as ${role}, but has no github_id; approvals match them by the login "${person.github}" alone, which a renamed account gives up and anyone can register.`,
        hint: `Run npm run oncall -- github-ids to fill it in, or add github_id: <the id GitHub gives for /users/${person.github}>.`,
      });
    });
  },
};
