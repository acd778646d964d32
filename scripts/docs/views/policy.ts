/**
 * Views of the policy pages: the policy file's data as the templates read it, plus what a reader
 * needs that the file only implies (matrix columns, the ladder's diagram, the rollback form).
 * Strings stay raw here; templates escape them through helpers.
 */
import type { RepoModel } from '../../model/repo-model.ts';
import { coverageLabel } from '../../schedule/business-hours.ts';
import { POLICY_KINDS } from '../../schema/kinds.ts';
import { reviewDue, reviewOf } from '../../time/reviews.ts';
import { holdingAt } from '../../roles/holding.ts';
import type { PolicyView } from '../../signoffs/holders.ts';
import { policyViewOf } from '../../signoffs/model-view.ts';
import type { SchemaTypes } from '../../types/schema-types.ts';
import { describeDuration } from '../../util/duration.ts';
import { flowchart, type FlowEdge, type FlowNode } from '../mermaid.ts';
import { calendarDate, localDateTime } from '../format.ts';
import type { Site } from '../site.ts';

type Escalation = SchemaTypes['escalation'];
type Ladder = Escalation['ladders'][number];

const SLA_ACTIVE: Record<string, string> = { none: 'No', 'best-effort': 'No (best-effort)', informal: 'Informal', active: 'Yes' };

function roleNames(site: Site, ids: readonly string[] | string | undefined): string {
  if (ids === 'anyone') return 'Anyone';
  if (ids === 'all-stakeholders') return 'All stakeholders';
  if (ids === undefined || ids.length === 0) return '';
  return (ids as readonly string[]).map((id) => site.roles.get(id)?.name ?? id).join(' + ');
}

export function lifecycleView(model: RepoModel, site: Site) {
  const data = model.policy.lifecycle!.data;
  const teamName = (id: string | undefined) => (id === undefined ? undefined : (site.teams.get(id)?.name ?? id));
  return {
    title: 'Support ownership',
    purpose: data.purpose,
    stages: data.stages.map((stage) => ({
      ...stage,
      ownerTeam: teamName(stage.owner_team),
      slaActive: SLA_ACTIVE[stage.sla] ?? stage.sla,
      noSla: stage.sla === 'none',
    })),
    productionSlas: data.production_slas ?? [],
    reporting: data.reporting ? { ...data.reporting, ownerTeam: teamName(data.reporting.owner) } : undefined,
    products: data.products.map((product) => ({
      ...product,
      stageName: data.stages.find((s) => s.id === product.stage)?.name ?? product.stage,
      rosterPath: site.paths.rosters.get(product.rotation),
      rolloutPath: site.paths.rollouts.get(product.id),
      launchedText: product.launched ? calendarDate(product.launched) : undefined,
      handoffText: product.handoff
        ? `${teamName(product.handoff.from_team)} to ${teamName(product.handoff.to_team)}${product.handoff.planned ? `, planned ${calendarDate(product.handoff.planned)}` : ''}`
        : undefined,
    })),
    maintenance: (data.maintenance ?? []).map((window) => ({
      ...window,
      productName: data.products.find((p) => p.id === window.product)?.name ?? window.product,
    })),
  };
}

/**
 * How a role is held at the instant the pages describe: the assignment in force and anyone acting
 * (never someone who has left), or the rotation, or per incident.
 */
function holding(site: Site, view: PolicyView | undefined, role: SchemaTypes['roles']['roles'][number], now: Date) {
  const holder = role.holder;
  if (holder && 'rotation' in holder) {
    const rotation = holder.rotation;
    return {
      rotation: true,
      rotationId: rotation,
      rosterPath: site.paths.rosters.get(rotation),
      tier: holder.tier,
      tierText: holder.tier === undefined ? 'any tier' : `${holder.tier} tier`,
    };
  }
  if (!role.holders || !view) return { perIncident: true };
  const now_ = holdingAt(view, role.id, now);
  const as = (kind: string) => now_.holders.filter((h) => h.as === kind).map((h) => h.person);
  return {
    named: true,
    primary: as('primary')[0],
    backup: as('backup')[0],
    others: as('holder'),
    acting: now_.holders.filter((h) => h.as === 'acting').map((h) => ({ person: h.person, reason: h.detail ?? '' })),
    vacated: now_.vacated.map((v) => ({ person: v.person, text: `${v.as}, left on ${v.left}` })),
    since: now_.assignment ? calendarDate(now_.assignment.from) : undefined,
    history: role.holders.length > 1 || (role.acting?.length ?? 0) > 0,
  };
}

const CATEGORY_TITLES: [string, string][] = [
  ['technical', 'Technical roles'],
  ['business', 'Business roles'],
  ['escalation', 'Escalation contacts'],
  ['lifecycle', 'Lifecycle owners'],
];

/** `now` picks who holds each role; `asOf` is the instant the page says it shows (see RenderOptions.asOf). */
export function rolesView(model: RepoModel, site: Site, now: Date, asOf: Date = now) {
  const roles = model.policy.roles!.data.roles;
  const view = policyViewOf(model);
  const contactOf = (personId: string | undefined, kind: string | undefined) => {
    if (personId === undefined || kind === undefined) return undefined;
    const contacts = site.people.get(personId)?.contacts as Record<string, string | undefined> | undefined;
    const value = contacts?.[kind];
    const label = kind === 'slack' ? 'Slack' : kind === 'email' ? 'Email' : kind === 'pager' ? 'Pager' : 'Phone';
    return value === undefined ? `${label}: not listed` : `${label}: ${value}`;
  };
  const all = roles.map((role) => ({ ...role, anchorId: `role-${role.id}`, holding: holding(site, view, role, now) }));
  return {
    title: 'Roles and assignments',
    asOf: `${localDateTime(asOf, site.zone)} (${site.zone})`,
    categories: CATEGORY_TITLES.map(([id, title]) => ({ id, title, roles: all.filter((r) => r.category === id) })).filter((c) => c.roles.length > 0),
    incidentRoles: all.filter((r) => r.category === 'incident'),
    assignments: all.filter((r) => !('perIncident' in r.holding)),
    history: roles
      .filter((role) => role.holders && (role.holders.length > 1 || (role.acting?.length ?? 0) > 0))
      .map((role) => ({
        id: role.id,
        entries: [
          ...role.holders!.map((a) => ({ from: calendarDate(a.from), to: undefined as string | undefined, primary: a.primary, backup: a.backup, others: a.others ?? [], what: a.note ?? 'Assignment' })),
          ...(role.acting ?? []).map((a) => ({ from: calendarDate(a.from), to: calendarDate(a.to), primary: a.person, backup: undefined, others: [], what: `Acting: ${a.reason}` })),
        ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
      })),
    contacts: all
      .filter((role) => role.contact !== undefined)
      .map((role) => {
        const h = role.holding;
        const primaryPerson = 'named' in h ? h.primary : undefined;
        const backupPerson = 'named' in h ? (h.backup ?? h.acting?.[0]?.person ?? h.primary) : undefined;
        return {
          ...role,
          primaryContact: 'rotation' in h ? `${labelOf(role.contact?.primary)} of whoever is on call` : contactOf(primaryPerson, role.contact?.primary),
          backupContact: 'rotation' in h ? `${labelOf(role.contact?.backup)} of whoever is on call` : contactOf(backupPerson, role.contact?.backup),
        };
      }),
  };
}

function labelOf(kind: string | undefined): string {
  return kind === undefined ? 'Contact' : kind === 'slack' ? 'Slack' : kind === 'email' ? 'Email' : kind === 'pager' ? 'Pager' : 'Phone';
}

export function raciView(model: RepoModel, site: Site) {
  const data = model.policy.raci!.data;
  return {
    title: data.title ? `RACI matrix: ${data.title}` : 'RACI matrix',
    columns: data.columns.map((id) => ({ id, name: site.roles.get(id)?.name ?? id })),
    columnNames: data.columns.map((id) => site.roles.get(id)?.name ?? id),
    stages: data.stages.map((stage) => ({
      ...stage,
      activities: stage.activities.map((activity) => ({ ...activity, letters: data.columns.map((column) => activity.assignments[column] ?? '') })),
    })),
  };
}

export function severitiesView(model: RepoModel) {
  const data = model.policy.severities!.data;
  const scales = [...new Set(data.levels.flatMap((level) => (level.equivalents ?? []).map((e) => e.scale)))];
  return {
    title: 'Severity levels',
    scaleNote: data.scale_note,
    levels: data.levels.map((level) => ({
      ...level,
      heading: `${level.id}: ${level.name}`,
      equivalentCells: scales.map((scale) => (level.equivalents ?? []).filter((e) => e.scale === scale).map((e) => e.level).join(', ') || '—'),
      postmortemText: level.postmortem.required
        ? `Required${level.postmortem.within ? `, within ${describeDuration(level.postmortem.within)} of resolution` : ''}`
        : 'Not required',
    })),
    scales,
    postmortemSections: data.postmortem_template.sections.map((section) => ({
      ...section,
      severitiesText: section.severities ? section.severities.join(', ') : 'All',
      fillText: section.fill ? POSTMORTEM_FILL_TEXT[section.fill] : '',
    })),
  };
}

/** What `new postmortem` writes into a section, as the severities page says it. */
const POSTMORTEM_FILL_TEXT: Record<NonNullable<SchemaTypes['severities']['postmortem_template']['sections'][number]['fill']>, string> = {
  summary: 'the incident summary from the record',
  impact: 'the impact from the record',
  'root-cause': 'the root cause from the record',
  timeline: 'the timeline from the record, as a table',
  'action-items': 'a pointer to the action items in the front matter',
};

/** A ladder as a flowchart: alert, then each step; each step either resolves or, if not, leads on. */
export function ladderDiagram(ladder: Ladder, site: Site, levelNames: ReadonlyMap<string, string>): string {
  const nodes: FlowNode[] = [{ id: 'alert', label: `Alert fires (${ladder.severity})`, shape: 'round' }];
  const edges: FlowEdge[] = [];
  ladder.steps.forEach((step, index) => {
    const who = [step.level ? levelNames.get(step.level) ?? step.level : undefined, step.roles?.length ? roleNames(site, step.roles) : undefined]
      .filter((part) => part !== undefined)
      .join(': ');
    nodes.push({ id: `s${index}`, label: `${describeDuration(step.after) === 'immediately' ? 'At once' : `After ${describeDuration(step.after)}`}: ${step.action}${who ? ` (${who})` : ''}` });
    if (index === 0) edges.push({ from: 'alert', to: 's0' });
    else edges.push({ from: `s${index - 1}`, to: `s${index}`, label: step.condition ?? 'not resolved' });
  });
  nodes.push({ id: 'done', label: 'Resolved: document and close', shape: 'round' });
  ladder.steps.forEach((_step, index) => edges.push({ from: `s${index}`, to: 'done', label: 'resolved' }));
  return flowchart(nodes, edges);
}

export function escalationView(model: RepoModel, site: Site) {
  const data = model.policy.escalation!.data;
  const severityIds = model.policy.severities?.data.levels.map((l) => l.id) ?? [
    ...new Set(data.levels.flatMap((level) => Object.keys(level.response ?? {}))),
  ];
  const levelNames = new Map(data.levels.map((level) => [level.id, level.name]));
  const productName = (id: string | undefined) => (id === undefined ? undefined : (model.policy.lifecycle?.data.products.find((p) => p.id === id)?.name ?? id));
  return {
    title: 'Escalation',
    levels: data.levels.map((level) => ({
      ...level,
      heading: `Level ${level.rank}: ${level.name}`,
      responses: severityIds.filter((id) => level.response?.[id] !== undefined).map((id) => ({ severity: id, within: level.response![id] })),
    })),
    matrixColumns: data.levels.map((level) => `Level ${level.rank}`),
    matrix: severityIds.map((severity) => ({ severity, cells: escalationMatrixRow(data, severity) })),
    responses: severityIds.map((severity) => ({
      severity,
      cells: data.levels.map((level) => {
        const within = level.response?.[severity];
        return within === undefined ? 'N/A' : timeCell(within);
      }),
    })),
    stopsAt: data.ladder_stops_at === 'mitigated' ? 'mitigated (service restored by a fix or workaround), or resolved when no mitigation is recorded' : 'resolved',
    ladders: data.ladders.map((ladder) => ({
      ...ladder,
      heading: ladder.product ? `${ladder.severity} for ${productName(ladder.product)}` : `${ladder.severity} (organisation-wide)`,
      steps: ladder.steps.map((step) => ({ ...step, levelName: step.level ? levelNames.get(step.level) : undefined })),
      diagram: ladderDiagram(ladder, site, levelNames),
    })),
    triggers: {
      ...data.triggers,
      automatic: data.triggers.automatic.map((trigger) => ({
        ...trigger,
        appliesText: triggerApplies(trigger, (id) => (data.scenarios ?? []).find((s) => s.id === id)?.name ?? id),
        dueText:
          trigger.unresolved_after !== undefined
            ? `${describeDuration(trigger.unresolved_after)} after detection`
            : trigger.within !== undefined
              ? trigger.within === '0m' ? 'At detection' : `Within ${describeDuration(trigger.within)} of detection`
              : 'When it applies',
        levelName: trigger.to_level
          ? levelNames.get(trigger.to_level)
          : trigger.scenarios
            ? "The scenario's start level"
            : undefined,
      })),
    },
    handoff: (data.handoff?.fields ?? []).map((field) => ({ ...field, requiredText: field.required ? 'Yes' : 'No' })),
    classification: (data.classification ?? []).map((c) => ({ ...c, teamName: site.teams.get(c.owner)?.name ?? c.owner })),
    choices: data.choices ?? [],
    scenarios: (data.scenarios ?? []).map((scenario) => ({
      ...scenario,
      startLevelName: levelNames.get(scenario.start_level) ?? scenario.start_level,
      postmortemText: scenario.postmortem_within
        ? `Within ${describeDuration(scenario.postmortem_within)}${scenario.postmortem_severities ? ` (${scenario.postmortem_severities.join(', ')} only)` : ''}`
        : undefined,
    })),
    process: data.process ?? [],
    customer: data.customer
      ? {
          ...data.customer,
          updateText: data.customer.update_every
            ? `Every ${describeDuration(data.customer.update_every)}${data.customer.update_severities ? ` (${data.customer.update_severities.join(', ')})` : ''}`
            : undefined,
        }
      : undefined,
    metrics: data.metrics
      ? {
          ...data.metrics,
          goals: [
            ...Object.entries(data.metrics.max_escalation_rate ?? {}).map(([severity, rate]) => ({ goal: `${severity} escalation`, target: `Less than ${rate}% of ${severity} incidents` })),
            ...(data.metrics.escalation_time_goal ? [{ goal: 'Escalation time', target: data.metrics.escalation_time_goal }] : []),
            ...(data.metrics.max_resolution_factor ? [{ goal: 'Resolution time', target: `Less than ${data.metrics.max_resolution_factor}x the normal resolution target` }] : []),
          ],
        }
      : undefined,
    practices: data.practices,
  };
}

/** A time in a matrix cell: "Immediate", "15 minutes", "2 hours". */
function timeCell(duration: string): string {
  const words = describeDuration(duration);
  return words === 'immediately' ? 'Immediate' : words;
}

/**
 * One severity's row of the escalation matrix: when each level is brought in, counted from
 * detection, read from the organisation-wide ladder of that severity (N/A where it never is).
 */
function escalationMatrixRow(data: Escalation, severity: string): string[] {
  const ladder = data.ladders.find((l) => l.severity === severity && l.product === undefined);
  return data.levels.map((level) => {
    const step = ladder?.steps.find((s) => s.level === level.id);
    return step ? timeCell(step.after) : 'N/A';
  });
}

function triggerApplies(trigger: Escalation['triggers']['automatic'][number], scenarioName: (id: string) => string): string {
  if (trigger.unresolved_after !== undefined) return `${trigger.severity ?? 'Any'} incident unresolved`;
  if (trigger.scenarios) return `Scenario: ${trigger.scenarios.map(scenarioName).join(' or ')}`;
  if (trigger.services_at_least !== undefined) return `At least ${trigger.services_at_least} services affected (impact.services)`;
  return 'Judged by the responder';
}

function notifyText(site: Site, notify: SchemaTypes['kill-switch']['actions'][number]['notify'] | undefined): string {
  if (!notify) return '';
  const who = roleNames(site, notify.who);
  if (notify.advance) return `${describeDuration(notify.advance)} in advance: ${who}`;
  if (notify.within !== undefined) return notify.within === '0m' ? `Immediate: ${who}` : `Within ${describeDuration(notify.within)}: ${who}`;
  if (notify.after) return `${who}, after the action`;
  return who;
}

export function killSwitchView(model: RepoModel, site: Site) {
  const data = model.policy['kill-switch']!.data;
  return {
    title: 'Kill-switch authority',
    actions: data.actions.map((action) => ({ ...action, notifyText: notifyText(site, action.notify) })),
    scenarios: data.scenarios.map((scenario) => ({
      ...scenario,
      approvalText:
        scenario.approval.roles.length === 0
          ? 'None (activate first)'
          : `${roleNames(site, scenario.approval.roles)}${scenario.approval.within ? ` (within ${describeDuration(scenario.approval.within)})` : ''}${scenario.approval.advance ? ` (${describeDuration(scenario.approval.advance)} in advance)` : ''}`,
      notifyText: notifyText(site, scenario.notify),
    })),
    log: data.log,
    resume: data.resume.map((scope) => ({
      ...scope,
      checksText: (scope.checks ?? []).map((id) => data.checks?.find((c) => c.id === id)?.name ?? id).join(' + '),
      appliesText: resumeApplies(scope, data),
    })),
    checks: data.checks ?? [],
    choices: data.choices ?? [],
    becomes: data.actions.flatMap((action) => {
      const longer = action.becomes ? data.actions.find((a) => a.id === action.becomes) : undefined;
      return longer && action.max_duration ? [{ name: action.name, limit: describeDuration(action.max_duration), becomes: longer.name }] : [];
    }),
  };
}

/** Which activations a resume scope covers, in words. */
function resumeApplies(scope: SchemaTypes['kill-switch']['resume'][number], data: SchemaTypes['kill-switch']): string {
  const applies = scope.applies_to;
  if (!applies) return '—';
  const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;
  const parts: string[] = [];
  if (applies.scenarios) parts.push(`Scenario ${applies.scenarios.map((id) => name(data.scenarios, id)).join(' or ')}`);
  if (applies.actions) {
    const bounds = [applies.longer_than ? `longer than ${describeDuration(applies.longer_than)}` : '', applies.up_to ? `at most ${describeDuration(applies.up_to)}` : ''].filter(Boolean).join(' and ');
    parts.push(`${applies.actions.map((id) => name(data.actions, id)).join(' or ')}${bounds ? `, lasting ${bounds}` : ''}`);
  }
  return parts.join('; ');
}

/** The rollback sign-off form, with the reasons the policy offers. */
function rollbackForm(approvals: SchemaTypes['approvals']): string {
  const phases = approvals.phases.map((p) => p.id).join(' / ');
  return [
    'ROLLBACK SIGN-OFF FORM',
    '──────────────────────',
    '',
    'Date: ____________',
    'Time: ____________',
    '',
    `Rolled back from: ____ (${phases})`,
    'Rolled back to: ____',
    '',
    'Reason:',
    ...approvals.rollback.reasons.map((reason) => `□ ${reason.name}${reason.needs_text ? ': _____________' : ''}`),
    '',
    'Authorized by: _____________ (Role: _________)',
    'Approved by: _____________ (Role: _________)',
    '',
    'Next steps:',
    '□ Investigation assigned to: _____________',
    '□ Re-ramp target date: _____________',
    '□ Client communication: □ Required □ Not required',
    '',
  ].join('\n');
}

export function approvalsView(model: RepoModel, site: Site) {
  const data = model.policy.approvals!.data;
  const phaseName = (id: string) => data.phases.find((p) => p.id === id)?.name ?? id;
  const ga = data.gates.find((gate) => gate.to === data.phases[data.phases.length - 1]?.id);
  return {
    title: 'Sign-off rules',
    phases: data.phases,
    gates: data.gates.map((gate) => ({
      ...gate,
      gateText: `${gate.from} → ${gate.to}${gate === ga ? ' (GA)' : ''}`,
      namesText: `${phaseName(gate.from)} to ${phaseName(gate.to)}`,
      vetoText: gate.veto === 'any-approver' ? 'Any approver' : 'None',
    })),
    ga: ga
      ? {
          ...ga,
          signoffs: ga.require.map((role) => ({ role, confirms: ga.confirms?.[role] ?? [] })),
          anyVeto: ga.veto === 'any-approver',
        }
      : undefined,
    rollbackTypes: data.rollback.types.map((type) => ({ ...type, notifyText: type.notify ? notifyText(site, type.notify) : '' })),
    rollbackForm: rollbackForm(data),
    nextStepsWithin: data.rollback.next_steps_within ? describeDuration(data.rollback.next_steps_within) : undefined,
    handoff: data.handoff,
    decisions: data.decisions ?? [],
    paths: data.paths,
    review: data.review,
    codeownersPath: site.paths.codeowners,
  };
}

export function communicationView(model: RepoModel, site: Site) {
  const data = model.policy.communication!.data;
  const templateName = (id: string | undefined) => (id === undefined ? undefined : (data.templates.find((t) => t.id === id)?.name ?? id));
  return {
    title: 'Communication',
    channels: data.channels.map((channel) => ({ ...channel, audience: channel.internal === false ? 'External' : channel.internal ? 'Internal' : '' })),
    pattern: data.incident_channel_pattern,
    updateEvery: data.update_every,
    leadership: data.leadership,
    internal: data.internal.map((event) => ({ ...event, templateName: templateName(event.template), templateAnchor: event.template ? `template-${event.template}` : undefined })),
    external: data.external.map((event) => ({ ...event, templateName: templateName(event.template), templateAnchor: event.template ? `template-${event.template}` : undefined })),
    externalRules: data.external_rules ?? [],
    templates: data.templates.map((template) => ({ ...template, anchorId: `template-${template.id}` })),
    sitePath: site.paths.communication,
  };
}

export function onCallView(model: RepoModel) {
  const data = model.policy.organisation!.data;
  const hours = data.business_hours;
  const limits: { limit: string; value: string }[] = [
    { limit: 'Respond to pages within', value: describeDuration(data.on_call.page_response) },
    ...(data.on_call.begin_investigation ? [{ limit: 'Begin investigating within', value: describeDuration(data.on_call.begin_investigation) }] : []),
    { limit: 'Longest run of consecutive on-call days', value: `${data.on_call.max_consecutive_days}` },
    { limit: 'Shortest rest between two shifts', value: describeDuration(data.on_call.min_rest_between_shifts) },
    {
      limit: 'On call in two rotations at once',
      value: data.on_call.allow_concurrent_rotations ? 'Allowed' : 'Not allowed',
    },
    ...(data.on_call.coverage_horizon ? [{ limit: 'Coverage checked ahead', value: describeDuration(data.on_call.coverage_horizon) }] : []),
  ];
  return {
    title: 'On-call expectations',
    organisation: data.name,
    zone: data.timezone,
    businessHours: {
      days: hours.days.map((d) => d[0]!.toUpperCase() + d.slice(1)).join(', '),
      start: hours.start,
      end: hours.end,
      zone: hours.timezone ?? data.timezone,
      holidays: (hours.holidays ?? []).map(calendarDate),
    },
    expectations: data.on_call.expectations ?? [],
    limits,
    support: data.on_call.support ?? [],
    rotationRequirements: rotationRequirementRows(model, data),
    triage: data.triage,
    reviews: reviewRows(model, data),
    grace: data.follow_up?.action_item_grace,
    documentControl: data.document_control ?? [],
  };
}

/** The organisation's rotation requirements as the on-call page lists them. */
function rotationRequirementRows(model: RepoModel, data: SchemaTypes['organisation']) {
  const products = new Map((model.policy.lifecycle?.data.products ?? []).map((p) => [p.id, p.name]));
  return (data.rotation_requirements ?? []).map((requirement) => {
    const every = requirement.cadence?.every ?? 1;
    const unit = requirement.cadence?.unit;
    const cadence = unit === undefined ? '' : every === 1 ? (unit === 'week' ? 'Weekly' : 'Daily') : `Every ${every} ${unit}s`;
    const weekday = requirement.handoff?.weekday;
    const handoff = [weekday ? weekday[0]!.toUpperCase() + weekday.slice(1) : undefined, requirement.handoff?.time ? `${requirement.handoff.time} local time` : undefined].filter(Boolean).join(' ');
    return {
      appliesTo: requirement.products ? requirement.products.map((id) => products.get(id) ?? id).join(', ') : 'Every rotation',
      cadence: [cadence, handoff ? `hand-off ${handoff}` : ''].filter(Boolean).join(', '),
      source: requirement.source,
      tiers: (requirement.tiers ?? []).map((tier) => ({
        id: tier.id,
        coverage: tier.coverage ? coverageLabel(tier.coverage) : '',
        response: tier.response ? `within ${describeDuration(tier.response)}` : '',
      })),
    };
  });
}

/** Each policy file's last review and when the next is due, by the most frequent review covering it. */
function reviewRows(model: RepoModel, data: SchemaTypes['organisation']) {
  const reviews = data.reviews ?? [];
  const files = POLICY_KINDS.map((kind) => {
    const path = `policy/${kind}.yaml`;
    const review = reviewOf(data, path);
    if (!review) return undefined;
    const last = (model.policy[kind]?.data as { last_reviewed?: string } | undefined)?.last_reviewed;
    const due = last ? reviewDue(last, review.every) : undefined;
    return { path, review: review.name, last, due };
  }).filter((row) => row !== undefined);
  return { reviews: reviews.map((r) => ({ ...r, everyText: { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' }[r.every] })), files };
}
