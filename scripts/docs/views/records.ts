/**
 * Views of the record pages: the incident index, the action-item tracker and each rollout's sign-off
 * history. Deadlines and standings come from the incident and sign-off engines, so pages, `validate`
 * and `status` never disagree.
 */
import { amendedIncident } from '../../incidents/amended.ts';
import type { Doc, RepoModel } from '../../model/repo-model.ts';
import { describeMinutes, instantOf, minutesBetween } from '../../incidents/instants.ts';
import { postmortemRequirement } from '../../incidents/policy.ts';
import { actionItemStandings } from '../../postmortems/action-items.ts';
import { publishedInstant } from '../../postmortems/published.ts';
import { phaseHistories } from '../../signoffs/phase-history.ts';
import { calendarDate, localDateTime, monthOf } from '../format.ts';
import type { Site } from '../site.ts';

/** An incident's status as pages show it. */
export const STATUS_WORDS: Record<string, string> = {
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** Where an incident's post-mortem stands: linked when written, flagged when missing or late. */
function postmortemStanding(model: RepoModel, site: Site, incident: Doc<'incident'>, now: Date, written: Doc<'postmortem'> | undefined) {
  const data = incident.data;
  const requirement = postmortemRequirement(model, data);
  const expected = data.postmortem ?? `docs/incidents/${data.id}.md`;
  const path = written?.file.path ?? (site.files.has(expected) ? expected : undefined);
  const due = requirement.due;
  const dueText = due ? localDateTime(due, site.zone) : undefined;
  if (path) {
    const status = written?.data.status;
    const published = publishedInstant(written?.data.published, site.zone);
    const late = due !== undefined && (published ? published.getTime() > due.getTime() : status !== 'final' && now.getTime() >= due.getTime());
    return { path, status: status ?? 'unreadable', late, dueText, flag: late ? (published ? 'published late' : 'not final, overdue') : undefined };
  }
  if (!requirement.required) return { notRequired: true };
  const overdue = due !== undefined && now.getTime() >= due.getTime();
  return { missing: true, overdue, dueText, flag: overdue ? 'missing, overdue' : 'missing' };
}

export function incidentsView(model: RepoModel, site: Site, now: Date) {
  const zone = site.zone;
  const severityName = new Map((model.policy.severities?.data.levels ?? []).map((l) => [l.id, l.name]));
  // One lookup table rather than a search per incident: large organisations have thousands of each.
  const postmortems = new Map<string, Doc<'postmortem'>>();
  for (const doc of model.postmortems) if (!postmortems.has(doc.data.incident)) postmortems.set(doc.data.incident, doc);
  const rows = model.incidents.map((doc) => {
    // Pages show a closed incident's corrected values (amendments), not the ones first recorded.
    const data = amendedIncident(doc.data);
    const detected = instantOf(data.detected)!;
    const resolved = instantOf(data.resolved);
    const end = resolved ?? now;
    const month = monthOf(detected, zone);
    const postmortem = postmortemStanding(model, site, doc, now, postmortems.get(data.id));
    return {
      id: data.id,
      title: data.title,
      recordPath: doc.file.path,
      pagePath: site.paths.incidentPages.get(data.id) ?? doc.file.path,
      month,
      detectedAt: detected.getTime(),
      detected: localDateTime(detected, zone),
      severity: data.severity,
      severityText: severityName.has(data.severity) ? `${data.severity} (${severityName.get(data.severity)})` : data.severity,
      // An ongoing incident's length is left out: pages change when the incident does, not every minute.
      duration: resolved ? describeMinutes(minutesBetween(detected, end)) : 'ongoing',
      status: STATUS_WORDS[data.status] ?? data.status,
      postmortem,
    };
  });
  rows.sort((a, b) => b.detectedAt - a.detectedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const months: { key: string; name: string; incidents: typeof rows }[] = [];
  for (const row of rows) {
    let month = months[months.length - 1];
    if (month?.key !== row.month.key) months.push((month = { ...row.month, incidents: [] }));
    month.incidents.push(row);
  }
  const attention = rows.filter((row) => row.postmortem.flag !== undefined);
  return { title: 'Incidents', zone, months, attention, total: rows.length };
}

export function actionItemsView(model: RepoModel, site: Site, now: Date, asOf: Date = now) {
  const incidentTitle = new Map(model.incidents.map((doc) => [doc.data.id, doc.data.title]));
  const items = actionItemStandings(model, now).map((standing) => ({
    id: standing.item.id,
    title: standing.item.title,
    owner: standing.item.owner,
    due: calendarDate(standing.item.due),
    dueKey: standing.item.due,
    status: standing.item.status,
    done: standing.item.done ? calendarDate(standing.item.done) : undefined,
    link: standing.item.link,
    overdue: standing.overdue,
    daysOverdue: standing.daysOverdue,
    pastGrace: standing.pastGrace,
    incident: standing.postmortem.data.incident,
    incidentTitle: incidentTitle.get(standing.postmortem.data.incident) ?? standing.postmortem.data.title,
    postmortemPath: standing.postmortem.file.path,
  }));
  const order = (a: (typeof items)[number], b: (typeof items)[number]) =>
    (a.dueKey < b.dueKey ? -1 : a.dueKey > b.dueKey ? 1 : 0) || (a.incident < b.incident ? -1 : a.incident > b.incident ? 1 : 0) || (a.id < b.id ? -1 : 1);
  const overdue = items.filter((i) => i.overdue).sort(order);
  const open = items.filter((i) => !i.overdue && (i.status === 'open' || i.status === 'in-progress')).sort(order);
  const done = items.filter((i) => i.status === 'done').sort(order);
  const dropped = items.filter((i) => i.status === 'wont-do').sort(order);
  return { title: 'Action items', overdue, open, done, dropped, total: items.length, asOf: localDateTime(asOf, site.zone), zone: site.zone };
}

/** Every rollout's history with the decisions as the page shows them; empty without approvals policy. */
export function rolloutViews(model: RepoModel, site: Site) {
  const approvals = model.policy.approvals?.data;
  if (!approvals) return [];
  const phaseName = (id: string | undefined) => (id === undefined ? '' : (approvals.phases.find((p) => p.id === id)?.name ?? id));
  const products = model.policy.lifecycle?.data.products ?? [];
  const kindWords: Record<string, string> = {
    'phase-gate': 'Phase gate',
    ga: 'GA',
    rollback: 'Rollback',
    'kill-switch': 'Kill-switch',
    resume: 'Resume',
    handoff: 'Hand-off',
  };
  // By id, once: a large organisation has thousands of both.
  const incidentPaths = new Map<string, string>();
  for (const doc of model.incidents) if (!incidentPaths.has(doc.data.id)) incidentPaths.set(doc.data.id, doc.file.path);
  return phaseHistories(model.signoffs, approvals).map((history) => {
    const product = products.find((p) => p.id === history.rollout);
    const steps = history.steps.map((step) => {
      const data = step.record.data;
      const rollback = data.rollback;
      const signatures = data.signers
        ? data.signers.map((s) => ({ person: s.person, role: s.role, confirms: s.confirms ?? [] }))
        : rollback
          ? [
              { person: rollback.authorised_by.person, role: rollback.authorised_by.role, confirms: ['Authorised'] },
              { person: rollback.approved_by.person, role: rollback.approved_by.role, confirms: ['Approved'] },
            ]
          : [];
      const reasons = rollback?.reasons.map((id) => (id === 'other' && rollback.reason_other ? `Other: ${rollback.reason_other}` : (approvals.rollback.reasons.find((r) => r.id === id)?.name ?? id)));
      return {
        id: data.id,
        recordPath: step.record.file.path,
        when: localDateTime(data.at, site.zone),
        kind: kindWords[data.kind] ?? data.kind,
        phaseText: data.from && data.to ? `${data.from} → ${data.to}` : step.before === step.after ? `stays ${step.after}` : `${step.before} → ${step.after}`,
        summary: data.summary,
        signatures,
        vetoed: step.vetoed,
        veto: data.veto,
        incident: data.incident,
        incidentPath: data.incident ? incidentPaths.get(data.incident) : undefined,
        rollback: rollback
          ? {
              typeName: approvals.rollback.types.find((t) => t.id === rollback.type)?.name ?? rollback.type,
              reasons: reasons ?? [],
              authorisedBy: rollback.authorised_by,
              approvedBy: rollback.approved_by,
              investigation: rollback.next_steps?.investigation,
              reramp: rollback.next_steps?.reramp_target ? calendarDate(rollback.next_steps.reramp_target) : undefined,
              clientCommunication:
                rollback.next_steps?.client_communication === undefined ? undefined : rollback.next_steps.client_communication === 'required' ? 'Required' : 'Not required',
            }
          : undefined,
        isGa: data.kind === 'ga',
        notes: data.notes,
      };
    });
    const since = history.since?.data;
    return {
      path: site.paths.rollouts.get(history.rollout)!,
      rollout: history.rollout,
      title: `Rollout of ${product?.name ?? history.rollout}`,
      productName: product?.name ?? history.rollout,
      current: history.current,
      currentName: phaseName(history.current),
      since: since ? { when: localDateTime(since.at, site.zone), id: since.id, path: history.since!.file.path } : undefined,
      phases: approvals.phases.map((phase) => ({ ...phase, current: phase.id === history.current })),
      steps,
      zone: site.zone,
    };
  });
}
