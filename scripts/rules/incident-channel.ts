import { DateTime } from 'luxon';
import { organisationZone } from '../incidents/policy.ts';
import type { Rule } from './rule.ts';

/** The pattern as a regular expression: `{date}` a YYYY-MM-DD date, `{slug}` lower-case words joined by hyphens. */
function channelRegex(pattern: string): RegExp {
  const parts = pattern.split(/(\{date\}|\{slug\})/);
  const source = parts
    .map((part) => (part === '{date}' ? '(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})' : part === '{slug}' ? '[a-z0-9][a-z0-9-]*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * A dedicated incident channel is found by its name: everyone looks for `#incident-<date>-...`
 * when an alert fires. So the channel follows the organisation's pattern, and its date is the day
 * the incident was detected, in the organisation's time zone (the day its id starts with).
 */
export const incidentChannel: Rule = {
  id: 'incident-channel',
  description:
    "An incident's channel follows policy/communication.yaml incident_channel_pattern (e.g. #incident-{date}-{slug}), and its date is the day the incident was detected, in the organisation's time zone.",
  severity: 'error',
  needs: ['communication'],
  check(ctx) {
    const pattern = ctx.model.policy.communication!.data.incident_channel_pattern;
    const regex = channelRegex(pattern);
    const zone = organisationZone(ctx.model);
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      if (incident.channel === undefined) continue;
      const detected = DateTime.fromISO(incident.detected, { setZone: true }).setZone(zone).toISODate();
      const expected = detected ? pattern.replace('{date}', detected).replace('{slug}', incident.id.slice(11)) : undefined;
      const match = regex.exec(incident.channel);
      if (!match) {
        ctx.report(doc, ['channel'], {
          message: `channel: "${incident.channel}" does not follow the pattern "${pattern}" of policy/communication.yaml.`,
          hint: expected ? `Name the channel "${expected}".` : `Name the channel after the pattern "${pattern}".`,
        });
        continue;
      }
      const date = match.groups?.date;
      if (date !== undefined && detected && date !== detected) {
        ctx.report(doc, ['channel'], {
          message: `channel: "${incident.channel}" is dated ${date}, but the incident was detected on ${detected} (${zone}).`,
          hint: `Name the channel "${expected}", the date of detection.`,
        });
      }
    }
  },
};
