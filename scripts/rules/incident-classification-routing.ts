import { DateTime } from 'luxon';
import { isPastTriage } from '../incidents/escalation.ts';
import { organisationZone } from '../incidents/policy.ts';
import { handoffDate } from '../signoffs/handoff-date.ts';
import type { Rule } from './rule.ts';

/**
 * The class decides who resolves it. Before a product's hand-off the team that built it
 * handles everything; from the day after it, each class belongs to its owner team (policy/escalation.yaml
 * classification): an issue the operating team owns (infrastructure, configuration) is not escalated
 * to the team that built the product, and an issue the building team owns (application) is escalated
 * to it once it is past triage. The hand-off day is the signed hand-off's, else the planned one.
 */
export const incidentClassificationRouting: Rule = {
  id: 'incident-classification-routing',
  description:
    "After a product's hand-off (its signed hand-off, else handoff.planned in policy/lifecycle.yaml), an incident's escalations go to the team that owns its classification: an issue owned by the operating team (infrastructure, configuration) is not escalated to the handing-off team, and one the handing-off team owns (application) is escalated to it.",
  severity: 'error',
  needs: ['escalation', 'lifecycle', 'people', 'signoff'],
  check(ctx) {
    const classes = ctx.model.policy.escalation!.data.classification ?? [];
    if (classes.length === 0) return;
    const people = ctx.model.policy.people!.data;
    const teamOf = new Map(people.people.map((p) => [p.id, p.team]));
    const teamName = (id: string) => people.teams.find((t) => t.id === id)?.name ?? id;
    const zone = organisationZone(ctx.model);
    const products = ctx.model.policy.lifecycle!.data.products;
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      const escalations = incident.escalations ?? [];
      if (incident.classification === undefined) continue;
      const cls = classes.find((c) => c.id === incident.classification);
      const handoff = products.find((p) => p.id === incident.product)?.handoff;
      if (!cls || !handoff) continue;
      const date = handoffDate(ctx.model, incident.product, zone);
      const detectedDay = DateTime.fromISO(incident.detected, { setZone: true }).setZone(zone).toISODate();
      if (date === undefined || detectedDay === null || detectedDay <= date) continue;
      const after = `after product "${incident.product}" was handed off to ${teamName(handoff.to_team)} on ${date}`;
      if (cls.owner !== handoff.from_team) {
        escalations.forEach((escalation, i) => {
          (escalation.to ?? []).forEach((person, j) => {
            if (teamOf.get(person) !== handoff.from_team) return;
            ctx.report(doc, ['escalations', i, 'to', j], {
              message: `escalations[${i}].to[${j}]: "${person}" of ${teamName(handoff.from_team)} is brought in for ${aOrAn(cls.name)} ${cls.name.toLowerCase()} issue ${after}; ${teamName(cls.owner)} resolves ${cls.name.toLowerCase()} issues, and they are not escalated to the team that built the product.`,
              hint: `Escalate within ${teamName(cls.owner)}; if the fix needs a code change, the issue is an application issue: change classification: and escalate it as one.`,
            });
          });
        });
        continue;
      }
      const pastTriage = isPastTriage(incident) || escalations.length > 0;
      const reached = escalations.some((escalation) => (escalation.to ?? []).some((person) => teamOf.get(person) === cls.owner));
      if (!pastTriage || reached) continue;
      ctx.report(doc, ['classification'], {
        message: `classification: ${aOrAn(cls.name)} ${cls.name.toLowerCase()} issue ${after} is escalated to ${teamName(cls.owner)}, and no escalation brought anyone from ${teamName(cls.owner)} in.`,
        hint: `Record the escalation to ${teamName(cls.owner)} under escalations (at, to, reason, handoff), or reclassify the issue if ${teamName(handoff.to_team)} owns it.`,
      });
    }
  },
};

function aOrAn(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
