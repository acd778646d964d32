import { describeMinutes, formatInstant, instantOf, minutesBetween } from '../incidents/instants.ts';
import { organisationZone } from '../incidents/policy.ts';
import type { Doc } from '../model/repo-model.ts';
import type { DocPath } from '../repo/locate.ts';
import { describeDuration, nominalMinutes, parseDuration } from '../util/duration.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule, RuleContext } from './rule.ts';

type Incident = Doc<'incident'>['data'];

/** One cadence to check: which timeline entries count as updates, and how often they are due. */
interface Cadence {
  every: string;
  /** What the updates are called in messages. */
  what: string;
  /** Where the cadence is set. */
  source: string;
  counts: (entry: Incident['timeline'][number]) => boolean;
  hint: string;
}

/**
 * Stakeholders know what is happening without having to ask: while an incident is open, the
 * incident channel hears from the responders at least every `update_every` (internal updates are
 * the timeline's entries), and customers of a customer-facing incident at least every
 * `customer.update_every` (timeline entries with `audience: customers`). A gap that has ended is a
 * warning, since the record states what happened; a gap still running at an open incident is an
 * error: post an update now.
 */
export const incidentUpdateCadence: Rule = {
  id: 'incident-update-cadence',
  description:
    'While an incident is open (or until it is mitigated, per policy/communication.yaml update_until), its timeline has an update at least every update_every for the severities in update_severities, and a customer-facing one a customer update (audience: customers) at least every policy/escalation.yaml customer.update_every for customer.update_severities.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['communication'],
  check(ctx) {
    const communication = ctx.model.policy.communication!.data;
    const customer = ctx.model.policy.escalation?.data.customer;
    for (const doc of ctx.model.incidents) {
      const incident = doc.data;
      const cadences: Cadence[] = [];
      if (communication.update_severities === undefined || communication.update_severities.includes(incident.severity)) {
        cadences.push({
          every: communication.update_every,
          what: 'incident update',
          source: 'policy/communication.yaml update_every',
          counts: (entry) => entry.audience !== 'customers',
          hint: 'Post an update in the incident channel at least that often, and record each in the timeline.',
        });
      }
      const customerSeverity = customer?.update_severities === undefined || customer.update_severities.includes(incident.severity);
      if (customer?.update_every !== undefined && incident.customer_facing === true && customerSeverity) {
        cadences.push({
          every: customer.update_every,
          what: 'customer update',
          source: 'policy/escalation.yaml customer.update_every',
          counts: (entry) => entry.audience === 'customers',
          hint: 'Update customers (status page, e-mail) at least that often, and record each update in the timeline with audience: customers.',
        });
      }
      for (const cadence of cadences) checkCadence(ctx, doc, cadence, communication.update_until ?? 'resolved');
    }
  },
};

function checkCadence(ctx: RuleContext, doc: Doc<'incident'>, cadence: Cadence, until: 'resolved' | 'mitigated'): void {
  const incident = doc.data;
  const limit = parseDuration(cadence.every);
  const detected = instantOf(incident.detected);
  if (!limit || !detected) return;
  const limitMinutes = nominalMinutes(limit);
  const closedAt = instantOf(until === 'mitigated' ? (incident.mitigated ?? incident.resolved) : incident.resolved);
  const open = closedAt === undefined;
  const end = open ? ctx.now : closedAt;
  if (end.getTime() <= detected.getTime()) return;
  const zone = organisationZone(ctx.model);
  const updates = incident.timeline
    .map((entry, index) => ({ entry, index, at: instantOf(entry.at) }))
    .filter((u): u is { entry: Incident['timeline'][number]; index: number; at: Date } => u.at !== undefined && cadence.counts(u.entry))
    .filter((u) => u.at.getTime() > detected.getTime() && u.at.getTime() <= end.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const endPath: DocPath = open ? ['status'] : until === 'mitigated' && incident.mitigated !== undefined ? ['mitigated'] : ['resolved'];
  let from = detected;
  const stops = [...updates.map((u) => ({ at: u.at, path: ['timeline', u.index, 'at'] as DocPath })), { at: end, path: endPath }];
  for (const stop of stops) {
    const gap = minutesBetween(from, stop.at);
    if (gap > limitMinutes) {
      const running = open && stop.at === end;
      const window = `from ${formatInstant(from, zone)} to ${running ? `now (${formatInstant(end, zone)})` : formatInstant(stop.at, zone)}`;
      ctx.report(doc, stop.path, {
        message: `${formatPath(stop.path)}: no ${cadence.what} for ${describeMinutes(gap)}, ${window}, longer than the ${describeDuration(cadence.every)} ${cadence.source} allows for a ${incident.severity} incident.`,
        hint: running ? `The incident is open: post one now. ${cadence.hint}` : cadence.hint,
        ...(running ? {} : { severity: 'warning' as const }),
      });
    }
    from = stop.at;
  }
}
