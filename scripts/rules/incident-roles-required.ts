import { amendedIncident } from '../incidents/amended.ts';
import { severityLevel } from '../incidents/policy.ts';
import type { Rule } from './rule.ts';

/**
 * Clear ownership: someone is in charge, always (the schema requires a commander), and a major incident
 * has a communications lead so the commander can focus on resolution.
 */
export const incidentRolesRequired: Rule = {
  id: 'incident-roles-required',
  description: 'An incident names the roles its severity requires: an incident commander always, and for a major severity a communications lead who is not also the commander.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['severities'],
  check(ctx) {
    for (const doc of ctx.model.incidents) {
      const level = severityLevel(ctx.model, amendedIncident(doc.data).severity);
      if (!level?.major) continue;
      const roles = doc.data.roles;
      if (roles.communications_lead === undefined) {
        ctx.report(doc, ['roles'], {
          message: `roles: a ${level.id} (${level.name}) incident is a major incident and needs a communications lead.`,
          hint: 'Add roles.communications_lead: the person who drafts status updates and fields stakeholder questions, so the commander can focus on resolution.',
          target: 'key',
        });
      } else if (roles.communications_lead === roles.commander) {
        ctx.report(doc, ['roles', 'communications_lead'], {
          message: `roles.communications_lead: "${roles.communications_lead}" is also the incident commander.`,
          hint: 'Name someone else as communications lead: the role exists so the commander can focus on resolution.',
          severity: 'warning',
        });
      }
    }
  },
};
