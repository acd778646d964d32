/**
 * Generated records: incidents (a timeline of 5 to 30 entries, about 3 KB each), the post-mortems of
 * the major ones, and each product's rollout history of sign-offs. Every record satisfies the rules
 * the example's records satisfy: times in order, leadership told in time, escalations one level at
 * a time, post-mortems published before their deadline, signers holding their roles.
 */
import { DateTime } from 'luxon';
import { zoneAbbreviation } from '../../time/zone-abbreviation.ts';
import type { Random } from '../prng.ts';
import { addDays, dateInZone, isoInZone, wallClock } from './instants.ts';
import {
  ACTION_ITEM_TITLES,
  ACTIONS,
  FINDINGS,
  IMPROVEMENTS,
  ROOT_CAUSES,
  SERVICES,
  SYMPTOMS,
  WENT_WELL,
} from './vocabulary.ts';
import { modeline, scalar } from './yaml-text.ts';

/** Records are written in the organisation's zone, as the example's are. */
export const RECORD_ZONE = 'Europe/Berlin';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface TimelineEntry {
  at: number;
  event: string;
  by?: string;
  audience?: 'customers';
}

export interface SyntheticIncident {
  id: string;
  path: string;
  product: string;
  severity: 'P0' | 'P1' | 'P2' | 'P3';
  status: 'acknowledged' | 'resolved' | 'closed';
  classification: string;
  scenario?: string;
  customerFacing: boolean;
  detected: number;
  acknowledged: number;
  mitigated?: number;
  resolved?: number;
  summary: string;
  /** The service the alert named (escalations hand it over as the affected system). */
  service: string;
  downtime: boolean;
  clients: number;
  commander: string;
  technicalLeads: string[];
  communicationsLead?: string;
  leadershipNotified?: number;
  timeline: TimelineEntry[];
  escalations: { at: number; level: string; to: string[]; reason: string; status: string; acknowledged: number }[];
  /** A pause by whoever was on call for the shared kill switch (the example's On-Call role) then. */
  killSwitch?: { at: number; severity: string; by: string };
  rootCause?: string;
  resolution?: string;
  postmortem?: string;
}

export interface IncidentPlan {
  count: number;
  /** How many are major (P0 or P1) and resolved, each with a post-mortem. */
  major: number;
  products: readonly { id: string; staff: readonly string[] }[];
  /** Active people for roles outside the product's rotation. */
  people: readonly string[];
  /** The instant the data is valid at (`--now` of the benchmark). */
  now: number;
  /** Ids already used by the example's records. */
  takenIds: ReadonlySet<string>;
  /** Who holds the On-Call role at an instant (the kill switch's activating role), if anyone. */
  onCallAt?: (at: number) => string | undefined;
}

/** The organisation-wide ladders of the example (policy/escalation.yaml), in minutes after detection. */
const LADDER: Record<SyntheticIncident['severity'], { after: number; level: string }[]> = {
  P0: [{ after: 15, level: 'l2' }, { after: 30, level: 'l3' }, { after: 60, level: 'l4' }],
  P1: [{ after: 30, level: 'l2' }, { after: 120, level: 'l3' }, { after: 240, level: 'l4' }],
  P2: [{ after: 120, level: 'l2' }, { after: 1440, level: 'l3' }],
  P3: [{ after: 1440, level: 'l2' }, { after: 10080, level: 'l3' }],
};
const LEVEL_CONTACT: Record<string, string> = { l2: 'noah-fischer', l3: 'olivia-grant', l4: 'paul-dubois' };

const SLUGS = ['latency', 'errors', 'queue-backlog', 'disk-full', 'outage', 'timeouts', 'replication-lag', 'cert-expiry'] as const;
const CLASSES = ['infrastructure', 'application', 'configuration'] as const;

/** Incidents spread from January 2024 to a few days before now, oldest first. */
export function generateIncidents(random: Random, plan: IncidentPlan): SyntheticIncident[] {
  const first = Date.parse('2024-01-08T00:00:00Z');
  const last = plan.now - 2 * DAY;
  const starts = Array.from({ length: plan.count }, () => first + Math.floor(random.next() * (last - first))).sort((a, b) => a - b);
  // The most recent one in a hundred are still open (and minor); the major ones are picked among the rest.
  const openFrom = plan.count - Math.max(1, Math.floor(plan.count / 100));
  const majors = new Set(random.sample(Array.from({ length: openFrom }, (_, i) => i), Math.min(plan.major, openFrom)));
  const ids = new Set(plan.takenIds);
  return starts.map((detected, i) => {
    const product = random.pick(plan.products);
    const open = i >= openFrom;
    const major = majors.has(i);
    const severity = major ? (random.chance(1 / 3) ? 'P0' : 'P1') : random.chance(0.5) ? 'P2' : 'P3';
    const date = dateInZone(detected, RECORD_ZONE);
    let id = `${date}-${product.id}-${random.pick(SLUGS)}`;
    for (let n = 2; ids.has(id); n++) id = `${date}-${product.id}-${random.pick(SLUGS)}-${n}`;
    ids.add(id);

    const [commander, ...others] = random.sample(product.staff, 3);
    const technicalLeads = random.chance(0.5) ? [commander!, others[0]!] : [commander!];
    const service = random.pick(SERVICES);
    const symptom = random.pick(SYMPTOMS);

    // 5 to 30 entries, most incidents near the short end (about 13 on average, some 3 KB a record).
    const entries = open ? random.int(3, 6) : 5 + Math.floor(26 * random.next() ** 2);
    const timeline: TimelineEntry[] = [];
    let at = detected;
    for (let e = 0; e < entries; e++) {
      if (e > 0) at += random.int(2, 14) * MINUTE;
      timeline.push(timelineEntry(random, e, entries, open, service, symptom, e === 0 ? undefined : random.pick([commander!, ...others])));
      timeline[e]!.at = at;
    }
    const incident: SyntheticIncident = {
      id,
      path: `incidents/${date.slice(0, 4)}/${id}.yaml`,
      product: product.id,
      severity,
      status: open ? 'acknowledged' : random.chance(0.7) ? 'closed' : 'resolved',
      classification: random.pick(CLASSES),
      customerFacing: severity === 'P0' || severity === 'P1' || random.chance(0.3),
      detected,
      acknowledged: timeline[1]?.at ?? detected,
      summary: `${capitalise(service)} showed ${symptom}; ${random.int(1, 40)} clients saw failed or slow requests for ${Math.round((at - detected) / MINUTE)} minutes.`,
      service,
      downtime: severity === 'P0',
      clients: random.int(1, 40),
      commander: commander!,
      technicalLeads,
      timeline,
      escalations: [],
    };
    // Customers of a major customer-facing incident hear from the team at least every 100 minutes
    // (within policy/escalation.yaml customer.update_every); entries are at most 14 minutes apart,
    // so the internal updates around each one stay within update_every too.
    if (incident.customerFacing && (severity === 'P0' || severity === 'P1')) {
      let last: number | undefined;
      for (const entry of timeline.slice(1)) {
        if (last !== undefined && entry.at - last < 100 * MINUTE) continue;
        entry.audience = 'customers';
        entry.event = `Customer update: ${entry.event}`;
        last = entry.at;
      }
    }
    if (!open) {
      incident.mitigated = timeline[entries - 2]!.at;
      incident.resolved = timeline[entries - 1]!.at;
      incident.rootCause = random.pick(ROOT_CAUSES);
      incident.resolution = `The on-call engineer ${random.pick(ACTIONS)}.`;
    }
    if (major) {
      incident.communicationsLead = random.pick(plan.people.filter((p) => p !== commander));
      incident.leadershipNotified = detected + (severity === 'P0' ? 10 : 30) * MINUTE;
      incident.postmortem = `docs/incidents/${id}.md`;
      if (severity === 'P0' && random.chance(0.3)) incident.scenario = 'service-outage';
    }
    // Escalated as the organisation's ladder says, at each step the incident is still unresolved by
    // (mitigation stops the ladder); now and then a minor one reaches the team lead earlier.
    const stop = incident.mitigated ?? incident.resolved ?? plan.now;
    const ladder = incident.customerFacing || severity !== 'P3' ? LADDER[severity] : [];
    const early = (severity === 'P2' || severity === 'P3') && random.chance(0.3) ? timeline[Math.min(3, timeline.length - 1)]!.at : undefined;
    if (early !== undefined && (ladder.length === 0 || early < detected + ladder[0]!.after * MINUTE)) {
      incident.escalations.push({ at: early, level: 'l2', to: [LEVEL_CONTACT.l2!], reason: 'Problem is outside on-call expertise', status: 'Investigating', acknowledged: early + 4 * MINUTE });
    }
    for (const step of ladder) {
      const at = detected + step.after * MINUTE;
      if (at >= stop) break;
      incident.escalations.push({ at, level: step.level, to: [LEVEL_CONTACT[step.level]!], reason: `Not resolved in ${step.after < 120 ? `${step.after} minutes` : `${step.after / 60} hours`}`, status: `Unresolved; ${random.pick(FINDINGS)}`, acknowledged: at + 4 * MINUTE });
    }
    if (!open && random.chance(0.04)) {
      // Only someone on call then may activate it; before the example's rotation starts, nobody is.
      const at = timeline[1]!.at + 3 * MINUTE;
      const by = plan.onCallAt?.(at);
      if (by !== undefined) incident.killSwitch = { at, severity, by };
    }
    return incident;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function timelineEntry(random: Random, index: number, count: number, open: boolean, service: string, symptom: string, by: string | undefined): TimelineEntry {
  let event: string;
  if (index === 0) event = `Alert: ${symptom} on ${service}`;
  else if (index === 1) event = 'On-call primary acknowledges and opens the incident channel';
  else if (!open && index === count - 1) event = 'Metrics back to normal for thirty minutes; incident resolved';
  else if (!open && index === count - 2) event = `Impact stopped after the team ${random.pick(ACTIONS)}`;
  else event = random.chance(0.5) ? `Investigation ${random.pick(FINDINGS)}` : `Mitigation attempt: the team ${random.pick(ACTIONS)}, with partial effect on ${service}`;
  return by === undefined ? { at: 0, event } : { at: 0, event, by };
}

/** The incident file, in the example's style. */
export function incidentYaml(incident: SyntheticIncident): string {
  const t = (ms: number) => isoInZone(ms, RECORD_ZONE);
  const lines = [
    modeline(incident.path, 'incident'),
    `id: ${incident.id}`,
    `title: ${scalar(`${capitalise(incident.summary.split(';')[0]!)}`)}`,
    `product: ${incident.product}`,
    `severity: ${incident.severity}`,
    `status: ${incident.status}`,
    `classification: ${incident.classification}`,
  ];
  if (incident.scenario) lines.push(`scenario: ${incident.scenario}`);
  lines.push(`customer_facing: ${incident.customerFacing}`, `detected: ${t(incident.detected)}`, `acknowledged: ${t(incident.acknowledged)}`);
  if (incident.mitigated !== undefined) lines.push(`mitigated: ${t(incident.mitigated)}`);
  if (incident.resolved !== undefined) lines.push(`resolved: ${t(incident.resolved)}`);
  lines.push(`channel: "#incident-${incident.id}"`, 'impact:', `  summary: ${scalar(incident.summary)}`, `  downtime: ${incident.downtime}`, `  start: ${t(incident.detected)}`);
  if (incident.mitigated !== undefined) lines.push(`  end: ${t(incident.mitigated)}`);
  lines.push(`  clients: ${incident.clients}`, 'roles:', `  commander: ${incident.commander}`, `  technical_leads: [${incident.technicalLeads.join(', ')}]`);
  if (incident.communicationsLead) lines.push(`  communications_lead: ${incident.communicationsLead}`);
  if (incident.leadershipNotified !== undefined) lines.push(`leadership_notified: ${t(incident.leadershipNotified)}`);
  lines.push('timeline:');
  for (const entry of incident.timeline) {
    lines.push(`  - { at: ${t(entry.at)}, event: ${scalar(entry.event, true)}${entry.by ? `, by: ${entry.by}` : ''}${entry.audience ? `, audience: ${entry.audience}` : ''} }`);
  }
  if (incident.escalations.length > 0) {
    lines.push('escalations:');
    for (const e of incident.escalations) {
      lines.push(
        `  - at: ${t(e.at)}`,
        `    level: ${e.level}`,
        `    to: [${e.to.join(', ')}]`,
        `    reason: ${scalar(e.reason)}`,
        `    acknowledged: ${t(e.acknowledged)}`,
        '    handoff:',
        `      summary: ${scalar(incident.summary.split(';')[0]!)}`,
        `      status: ${scalar(e.status)}`,
        `      severity: ${incident.severity}`,
        `      impact: ${scalar(`${incident.clients} clients see failed or slow requests`)}`,
        `      affected_systems: [${scalar(incident.service, true)}]`,
        `      actions_taken: [${scalar(`Investigated ${incident.service}`, true)}]`,
        `      evidence: [${scalar(`Dashboards and logs of ${incident.service}`, true)}]`,
      );
    }
  }
  if (incident.killSwitch) {
    const at = incident.killSwitch.at;
    lines.push(
      'kill_switch:',
      `  - at: ${t(at)}`,
      '    action: pause-short',
      '    scenario: error-rate-over-20',
      `    activated_by: { person: ${incident.killSwitch.by}, role: on-call }`,
      '    reason: Error rate above 20% for all workspaces',
      `    severity: ${incident.killSwitch.severity}`,
      '    scope: global',
      '    approval: none',
      '    notified:',
      `      - { who: ingestion-owner, at: ${t(at + 3 * MINUTE)} }`,
    );
  }
  if (incident.rootCause) lines.push(`root_cause: ${scalar(incident.rootCause)}`);
  if (incident.resolution) lines.push(`resolution: ${scalar(incident.resolution)}`);
  if (incident.postmortem) lines.push(`postmortem: ${incident.postmortem}`);
  return `${lines.join('\n')}\n`;
}

/** The post-mortem of a major incident: front matter and every template section. */
export function postmortemMarkdown(random: Random, incident: SyntheticIncident, people: readonly string[], now: number): string {
  const resolved = incident.resolved!;
  const published = resolved + 6 * 3_600_000;
  const resolvedDate = dateInZone(resolved, RECORD_ZONE);
  const today = dateInZone(now, RECORD_ZONE);
  const items = Array.from({ length: random.int(1, 4) }, (_, i) => {
    const due = addDays(resolvedDate, random.int(14, 60));
    const lines = [`  - id: AI-${i + 1}`, `    title: ${scalar(random.pick(ACTION_ITEM_TITLES))}`, `    owner: ${random.pick(people)}`, `    due: ${due}`];
    // Items whose due date has passed are done; the others are still being worked on.
    if (due < today) lines.push('    status: done', `    done: ${addDays(due, -random.int(0, 10))}`);
    else lines.push('    status: in-progress');
    return lines.join('\n');
  });
  // As `new postmortem` writes it: times alone within one day and one offset, else each with its
  // date and zone name, so a night across a DST change stays in order.
  const local = incident.timeline.map((e) => DateTime.fromMillis(e.at, { zone: RECORD_ZONE }));
  const oneDay = new Set(local.map((d) => d.toISODate())).size === 1 && new Set(local.map((d) => d.offset)).size === 1;
  const t = (d: DateTime) => (oneDay ? d.toFormat('HH:mm') : `${d.toFormat('yyyy-MM-dd HH:mm')} ${zoneAbbreviation(d)}`);
  const clock = (ms: number) => isoInZone(ms, RECORD_ZONE).slice(11, 16);
  const title = `Post-mortem: ${incident.summary.split(';')[0]}`;
  const table = incident.timeline.map((e, i) => `| ${t(local[i]!)} | ${e.event.replace(/\|/g, '/')} |`);
  return [
    '---',
    `incident: ${incident.id}`,
    `title: ${scalar(title)}`,
    `authors: [${[...new Set([incident.commander, ...incident.technicalLeads])].join(', ')}]`,
    'status: final',
    `published: ${isoInZone(published, RECORD_ZONE)}`,
    'action_items:',
    ...items,
    '---',
    '',
    `# ${title}`,
    '',
    '## Incident summary',
    '',
    `${incident.summary} The incident was detected at ${clock(incident.detected)} and resolved at ${clock(resolved)} (${RECORD_ZONE} time).`,
    '',
    '## Impact',
    '',
    `${incident.clients} clients were affected. ${incident.downtime ? 'The product was unavailable for part of the window, which counts against the monthly uptime.' : 'The product stayed available, with degraded performance for part of the window.'}`,
    '',
    '## Root cause',
    '',
    incident.rootCause!,
    'Nothing in the deployment pipeline or the monitoring caught the condition before it reached production traffic.',
    '',
    '## Timeline',
    '',
    `| Time (${RECORD_ZONE}) | Event |`,
    '| --- | --- |',
    ...table,
    '',
    '## What went well',
    '',
    ...random.sample(WENT_WELL, 3).map((line) => `- ${line}`),
    '',
    '## What could be improved',
    '',
    ...random.sample(IMPROVEMENTS, 3).map((line) => `- ${line}`),
    '',
    '## Action items',
    '',
    'See the action items in the front matter: each has an owner, a due date and a status, and the',
    'generated tracker follows them to completion.',
    '',
  ].join('\n');
}

export interface SyntheticSignoff {
  id: string;
  path: string;
  text: string;
  rollout: string;
  at: number;
}

const OWNERS = ['amara-okafor', 'ben-schultz'];
const MANAGERS = ['grace-lin', 'hugo-martin'];
const SRE_LEADS = ['chen-wei', 'dana-reyes'];
const REASONS = ['error-rate', 'data-integrity', 'client-reported', 'infrastructure'];

type Step =
  | { kind: 'phase-gate' | 'ga'; from: string; to: string }
  | { kind: 'rollback'; from: string; to: string }
  | { kind: 'resume' };

/** A rollout's decisions: the gates in order, rollbacks and re-ramps in between, then resumes. */
function rolloutSteps(count: number): Step[] {
  const cycles = Math.max(0, Math.min(6, Math.floor((count - 4) / 2)));
  const steps: Step[] = [
    { kind: 'phase-gate', from: 'P0', to: 'P1' },
    { kind: 'phase-gate', from: 'P1', to: 'P2' },
  ];
  for (let c = 0; c < cycles; c++) steps.push({ kind: 'rollback', from: 'P2', to: 'P1' }, { kind: 'phase-gate', from: 'P1', to: 'P2' });
  steps.push({ kind: 'phase-gate', from: 'P2', to: 'P3' }, { kind: 'ga', from: 'P3', to: 'P4' });
  while (steps.length < count) steps.push({ kind: 'resume' });
  return steps.slice(0, count);
}

/** One sign-off record's text. */
export function signoffYaml(random: Random, rollout: string, step: Step, at: number, incident: string | undefined, id: string): SyntheticSignoff {
  const path = `signoffs/${id.slice(0, 4)}/${id}.yaml`;
  const lines = [modeline(path, 'signoff'), `id: ${id}`, `kind: ${step.kind}`, `rollout: ${rollout}`, `at: ${isoInZone(at, RECORD_ZONE)}`];
  const owner = random.pick(OWNERS);
  const manager = random.pick(MANAGERS);
  if (step.kind === 'resume') {
    lines.push(
      'summary: Test upload and metrics check pass; resume after the long pause.',
      'kill_switch:',
      '  action: resume',
      '  scenario: error-rate-over-10',
      '  scope: global',
      '  resume_scope: pause-over-1h',
      '  verification: Test upload and metrics check',
      'signers:',
      `  - { person: ${owner}, role: ingestion-owner }`,
    );
  } else if (step.kind === 'rollback') {
    lines.push(
      `summary: ${scalar(`Roll ${rollout} back to ${step.to} while a bug found in ${step.from} is fixed.`)}`,
      `from: ${step.from}`,
      `to: ${step.to}`,
    );
    if (incident) lines.push(`incident: ${incident}`);
    lines.push(
      'rollback:',
      '  type: planned',
      `  reasons: [${random.pick(REASONS)}]`,
      `  authorised_by: { person: ${owner}, role: ingestion-owner }`,
      `  approved_by: { person: ${manager}, role: product-manager }`,
      '  next_steps:',
      `    investigation: ${random.pick(SRE_LEADS)}`,
      `    reramp_target: ${addDays(dateInZone(at, RECORD_ZONE), 7)}`,
      '    client_communication: required',
    );
  } else {
    lines.push(`summary: ${scalar(`${rollout}: criteria for ${step.to} met; open the next phase.`)}`, `from: ${step.from}`, `to: ${step.to}`, 'signers:');
    // GA signers confirm what the form asks of their role (policy/approvals.yaml gates P3 to P4).
    const confirms = (items: string) => (step.kind === 'ga' ? `, confirms: [${items}]` : '');
    lines.push(`  - { person: ${owner}, role: ingestion-owner${confirms('Technical criteria met, System stable')} }`);
    if (step.from !== 'P0') lines.push(`  - { person: ${manager}, role: product-manager${confirms('Client feedback acceptable, No blockers')} }`);
    if (step.kind === 'ga') lines.push(`  - { person: ${random.pick(SRE_LEADS)}, role: sre-lead${confirms('Infra stable, Monitoring adequate, On-call trained')} }`);
  }
  return { id, path, text: `${lines.join('\n')}\n`, rollout, at };
}

/** Every product's rollout history, `total` sign-offs in all, all before now. */
export function generateSignoffs(random: Random, products: readonly string[], total: number, incidentsOf: (product: string) => readonly string[], now: number): SyntheticSignoff[] {
  const out: SyntheticSignoff[] = [];
  products.forEach((product, p) => {
    const count = Math.floor(total / products.length) + (p < total % products.length ? 1 : 0);
    const steps = rolloutSteps(count);
    const latestStart = now - (steps.length * 9 + 10) * DAY;
    let at = wallClock(addDays('2024-02-01', random.int(0, Math.max(0, Math.floor((latestStart - Date.parse('2024-02-01')) / DAY)))), `${random.int(10, 15)}:00`, RECORD_ZONE);
    const incidents = incidentsOf(product);
    steps.forEach((step, s) => {
      if (s > 0) at += random.int(3, 9) * DAY;
      const slug = step.kind === 'resume' ? 'resume' : step.kind === 'rollback' ? `rollback-${step.from}-${step.to}` : step.kind === 'ga' ? 'ga' : `${step.from}-${step.to}`;
      const id = `${dateInZone(at, RECORD_ZONE)}-${product}-${slug.toLowerCase()}`;
      out.push(signoffYaml(random, product, step, at, incidents.length > 0 ? random.pick(incidents) : undefined, id));
    });
  });
  return out;
}

/** A resume appended to a rollout (part of the benchmark's change). */
export function resumeSignoff(random: Random, rollout: string, at: number): SyntheticSignoff {
  return signoffYaml(random, rollout, { kind: 'resume' }, at, undefined, `${dateInZone(at, RECORD_ZONE)}-${rollout}-resume`);
}
