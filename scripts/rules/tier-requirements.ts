import { coverageLabel } from '../schedule/business-hours.ts';
import { coverageMeets, requirementsFor } from '../schedule/requirements.ts';
import { describeDuration, nominalMinutes, parseDuration } from '../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * The tiers a rotation must have, each covering at least what the organisation requires and
 * answering at least as fast: a secondary promised within 30 minutes that a rotation lets answer
 * in an hour is a promise nobody keeps.
 */
export const tierRequirements: Rule = {
  id: 'tier-requirements',
  description:
    'A rotation has every tier policy/organisation.yaml rotation_requirements lists for it, each with at least the required coverage and a response time no longer than the required one.',
  severity: 'error',
  needs: ['organisation'],
  check(ctx) {
    const organisation = ctx.model.policy.organisation!.data;
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      for (const { requirement, scope, where } of requirementsFor(organisation, rotation)) {
        for (const required of requirement.tiers ?? []) {
          const tierIndex = rotation.tiers.findIndex((t) => t.id === required.id);
          if (tierIndex < 0) {
            ctx.report(doc, ['tiers'], {
              message: `tiers: rotation "${rotation.id}" has no tier "${required.id}", which ${where} requires ${scope}.`,
              hint: `Add a tier with id: ${required.id}${required.coverage ? `, coverage: ${required.coverage}` : ''}${required.response ? ` and response: ${required.response}` : ''}.`,
            });
            continue;
          }
          const tier = rotation.tiers[tierIndex]!;
          if (required.coverage !== undefined && !coverageMeets(tier.coverage, required.coverage)) {
            ctx.report(doc, ['tiers', tierIndex, 'coverage'], {
              message: `tiers[${tierIndex}].coverage: tier "${tier.id}" of rotation "${rotation.id}" is covered "${coverageLabel(tier.coverage)}" (${tier.coverage}), less than the "${coverageLabel(required.coverage)}" (${required.coverage}) ${where} requires.`,
              hint: `Set coverage: ${required.coverage}.`,
            });
          }
          if (required.response === undefined) continue;
          const limit = parseDuration(required.response);
          const actual = tier.response === undefined ? undefined : parseDuration(tier.response);
          if (!limit) continue;
          if (!actual || nominalMinutes(actual) > nominalMinutes(limit)) {
            ctx.report(doc, tier.response === undefined ? ['tiers', tierIndex] : ['tiers', tierIndex, 'response'], {
              message:
                tier.response === undefined
                  ? `tiers[${tierIndex}]: tier "${tier.id}" of rotation "${rotation.id}" sets no response time; ${where} requires ${describeDuration(required.response)} at most.`
                  : `tiers[${tierIndex}].response: tier "${tier.id}" of rotation "${rotation.id}" responds within ${describeDuration(tier.response)}, longer than the ${describeDuration(required.response)} ${where} requires.`,
              hint: `Set response: ${required.response} (or less).`,
            });
          }
        }
      }
    }
  },
};
