/**
 * The monthly uptime and incident report, with the escalation metrics:
 * uptime per product, the month's incidents with duration, root cause and resolution, SLA compliance
 * per incident, escalation metrics against the policy's goals, open and overdue action items, and
 * upcoming maintenance. Pure: the model and two instants in, plain data out (rendered as Markdown or
 * printed as JSON by the command). It lists only what existed in the month: action items of incidents
 * detected by its end, maintenance announced by then.
 *
 * The month is the calendar month in the organisation's time zone (October 2026 in Berlin has 745
 * hours, since DST ends on the 25th). Figures that describe a state rather than the month (open
 * action items, upcoming maintenance) are taken "as of" the end of the month, or now for the
 * current month, so the report for a past month reads the same whenever it is produced.
 */
import { amendedIncident } from '../incidents/amended.ts';
import { DateTime } from 'luxon';
import { describeMinutes, formatInstant, instantOf } from '../incidents/instants.ts';
import { calendarOf, postmortemRequirement, postmortemsOf, severityLevel } from '../incidents/policy.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { isOpen, overdueFrom } from '../postmortems/action-items.ts';
import { completionOf } from '../postmortems/published.ts';
import { deadlineAfter, minutesAgainst, targetMinutes, type BusinessCalendar } from '../time/business-time.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { isBusinessTime, parseDuration } from '../util/duration.ts';

/** Whether one SLA target was met. */
export type SlaStatus = 'met' | 'breached' | 'pending' | 'no-clock';

/** One incident against one target (acknowledge or resolve). */
export interface SlaCheck {
  /** The target as policy writes it: 15m, 8bh, next-sprint. */
  target: string;
  /** Whether the target counts business time. */
  businessTime: boolean;
  /** Time taken, in the target's terms (business minutes for bh/bd), when the step happened. */
  elapsedMinutes?: number;
  elapsed?: string;
  /** The instant the target ran out, when it sets a clock. */
  deadline?: string;
  status: SlaStatus;
}

export interface DowntimeWindow {
  incident: string;
  start: string;
  end: string;
  /** Minutes counted against uptime: inside the period and outside excluded maintenance. */
  minutes: number;
}

export interface ProductUptime {
  product: string;
  name: string;
  stage: string;
  /** The stage's SLA status: none, best-effort, informal or active (SLAs apply after hand-off). */
  sla: string;
  periodMinutes: number;
  downtimeMinutes: number;
  /** Minutes of announced maintenance that overlapped downtime and were not counted. */
  excludedMaintenanceMinutes: number;
  /** Uptime over the period, rounded to 3 decimals. */
  uptimePercent: number;
  targetPercent?: number;
  targetMet?: boolean;
  windows: DowntimeWindow[];
}

export interface PostmortemStanding {
  required: boolean;
  within?: string;
  source: string;
  due?: string;
  path?: string;
  status?: string;
  published?: string;
  /** met: completed (published, else first committed) by the deadline; late: after it; missing: none by the deadline; pending: not due yet. */
  standing: 'met' | 'late' | 'missing' | 'draft-overdue' | 'pending' | 'not-required';
}

export interface IncidentRow {
  id: string;
  title: string;
  product: string;
  severity: string;
  severityName: string;
  status: string;
  detected: string;
  acknowledged?: string;
  resolved?: string;
  /** Detected to resolved (or to the as-of instant while open). */
  durationMinutes: number;
  duration: string;
  ongoing: boolean;
  downtimeMinutes: number;
  rootCause?: string;
  resolution?: string;
  customerFacing?: boolean;
  clients?: number;
  escalated: boolean;
  highestLevel?: string;
  /**
   * acknowledge: detection to acknowledgement against the severity's acknowledge target (the first
   * line); escalations: each escalation to its acknowledgement by those escalated to, against
   * escalation_acknowledge; resolve: detection to resolution.
   */
  sla: { acknowledge: SlaCheck; escalations: SlaCheck[]; resolve: SlaCheck };
  postmortem: PostmortemStanding;
}

export interface ComplianceSummary {
  met: number;
  breached: number;
  pending: number;
  noClock: number;
  /** met / (met + breached), rounded to 1 decimal; undefined when nothing was measured. */
  percent?: number;
}

export interface EscalationRate {
  severity: string;
  incidents: number;
  escalated: number;
  ratePercent: number;
  goalPercent?: number;
  goalMet?: boolean;
}

export interface EscalationTiming {
  incident: string;
  severity: string;
  firstEscalation: string;
  /** The level it reached; absent when it brought in people outside the levels (a product owner). */
  level?: string;
  /** Detection to first escalation (elapsed minutes). */
  timeToEscalateMinutes: number;
  /** Goal: escalate before the severity's resolution target runs out. */
  timeToEscalateGoal: string;
  timeToEscalateMet: boolean;
  /** First escalation to resolution, in the resolution target's terms; undefined while unresolved. */
  resolutionAfterEscalationMinutes?: number;
  /** max_resolution_factor x the resolution target, in the same terms. */
  resolutionGoalMinutes?: number;
  resolutionGoal?: string;
  resolutionMet?: boolean;
}

export interface ActionItemRow {
  incident: string;
  postmortem: string;
  id: string;
  title: string;
  owner: string;
  due: string;
  status: string;
  done?: string;
  overdue: boolean;
  daysOverdue: number;
}

export interface MaintenanceRow {
  id: string;
  product: string;
  start: string;
  end: string;
  announced: string;
  description: string;
  /** Hours of notice given. */
  noticeHours: number;
  /** Whether the notice met the policy's maintenance notice (e.g. 48h). */
  noticeMet?: boolean;
}

export interface MonthlyReport {
  month: string;
  organisation: string;
  timezone: string;
  period: { start: string; end: string; hours: number };
  /** The instant state figures are taken at: the end of the month, or now for the current month. */
  asOf: string;
  uptime: ProductUptime[];
  incidents: IncidentRow[];
  sla: { acknowledge: ComplianceSummary; escalationAcknowledge: ComplianceSummary; resolve: ComplianceSummary };
  escalation: {
    rates: EscalationRate[];
    timings: EscalationTiming[];
    maxResolutionFactor?: number;
  };
  actionItems: { open: ActionItemRow[]; overdue: ActionItemRow[] };
  maintenance: { inMonth: MaintenanceRow[]; upcoming: MaintenanceRow[] };
}

/** A `--month` value: YYYY-MM with a real month. */
export function isMonth(text: string): boolean {
  return /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(text);
}

interface Interval {
  start: number;
  end: number;
}

function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out[out.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else out.push({ ...interval });
  }
  return out;
}

function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Length of `intervals` (a union) outside `excluded` (a union). */
function lengthOutside(intervals: Interval[], excluded: Interval[]): number {
  let total = 0;
  for (const interval of intervals) {
    total += interval.end - interval.start - excluded.reduce((sum, e) => sum + overlap(interval, e), 0);
  }
  return total;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function slaCheck(calendar: BusinessCalendar, target: string, from: Date, done: Date | undefined, asOf: Date, zone: string): SlaCheck {
  const duration = parseDuration(target);
  const businessTime = duration !== undefined && isBusinessTime(duration);
  const deadline = duration ? deadlineAfter(calendar, from, duration) : undefined;
  const check: SlaCheck = { target, businessTime, status: 'no-clock' };
  if (done) {
    check.elapsedMinutes = round(minutesAgainst(calendar, from, done, target), 2);
    check.elapsed = `${describeMinutes(check.elapsedMinutes)}${businessTime ? ' (business time)' : ''}`;
  }
  if (!deadline) return check;
  check.deadline = formatInstant(deadline, zone);
  if (done) check.status = done.getTime() <= deadline.getTime() ? 'met' : 'breached';
  else check.status = asOf.getTime() >= deadline.getTime() ? 'breached' : 'pending';
  return check;
}

function summarise(checks: SlaCheck[]): ComplianceSummary {
  const count = (status: SlaStatus) => checks.filter((c) => c.status === status).length;
  const met = count('met');
  const breached = count('breached');
  return { met, breached, pending: count('pending'), noClock: count('no-clock'), ...(met + breached > 0 ? { percent: round((100 * met) / (met + breached), 1) } : {}) };
}

/** The impact window that counts against uptime, as elapsed instants. */
function downtimeInterval(incident: SchemaTypes['incident'], asOf: Date): Interval | undefined {
  if (!incident.impact.downtime) return undefined;
  const start = instantOf(incident.impact.start ?? incident.detected);
  const end = instantOf(incident.impact.end ?? incident.mitigated ?? incident.resolved) ?? asOf;
  if (!start) return undefined;
  return { start: start.getTime(), end: Math.max(start.getTime(), end.getTime()) };
}

/**
 * Builds the report for `month` (YYYY-MM). `now` bounds the figures of the current month (an
 * incident still open counts until now) and sets the as-of instant. `firstCommits` (post-mortems'
 * first-commit dates, read from git by the command) dates a final post-mortem without `published`,
 * as postmortem-due does.
 */
export function buildMonthlyReport(model: RepoModel, month: string, now: Date, firstCommits?: ReadonlyMap<string, Date>): MonthlyReport {
  const organisation = model.policy.organisation?.data;
  const zone = organisation?.timezone ?? 'UTC';
  const calendar = calendarOf(model);
  const startLocal = DateTime.fromISO(`${month}-01T00:00:00`, { zone });
  const endLocal = startLocal.plus({ months: 1 });
  const start = startLocal.toMillis();
  const end = endLocal.toMillis();
  const asOfMillis = Math.min(end, Math.max(start, now.getTime()));
  const asOf = new Date(asOfMillis);
  const measured: Interval = { start, end: asOfMillis };
  const lifecycle = model.policy.lifecycle?.data;
  const uptimeTarget = lifecycle?.production_slas?.find((s) => s.id === 'uptime')?.uptime_percent;
  const noticeText = lifecycle?.production_slas?.find((s) => s.id === 'maintenance-notice')?.notice;
  const noticeMinutes = noticeText ? targetMinutes(calendar, noticeText) : undefined;

  const maintenanceRow = (window: NonNullable<NonNullable<typeof lifecycle>['maintenance']>[number]): MaintenanceRow => {
    const noticeHours = round((instantOf(window.start)!.getTime() - instantOf(window.announced)!.getTime()) / 3_600_000, 1);
    return {
      id: window.id,
      product: window.product,
      start: window.start,
      end: window.end,
      announced: window.announced,
      description: window.description,
      noticeHours,
      ...(noticeMinutes !== undefined ? { noticeMet: noticeHours * 60 >= noticeMinutes } : {}),
    };
  };
  const maintenance = lifecycle?.maintenance ?? [];
  // Only windows announced with the policy's notice are scheduled maintenance; others count as downtime.
  const excludedFor = (product: string): Interval[] =>
    union(
      maintenance
        .filter((w) => w.product === product)
        .map(maintenanceRow)
        .filter((row) => row.noticeMet !== false)
        .map((row) => ({ start: instantOf(row.start)!.getTime(), end: instantOf(row.end)!.getTime() })),
    );

  const uptime: ProductUptime[] = (lifecycle?.products ?? []).map((product) => {
    const stage = lifecycle?.stages.find((s) => s.id === product.stage);
    const windows: DowntimeWindow[] = [];
    const raw: Interval[] = [];
    const excluded = excludedFor(product.id);
    for (const doc of model.incidents) {
      if (doc.data.product !== product.id) continue;
      const interval = downtimeInterval(amendedIncident(doc.data), asOf);
      if (!interval) continue;
      const clipped = { start: Math.max(interval.start, measured.start), end: Math.min(interval.end, measured.end) };
      if (clipped.end <= clipped.start) continue;
      raw.push(clipped);
      windows.push({
        incident: doc.data.id,
        start: formatInstant(new Date(clipped.start), zone),
        end: formatInstant(new Date(clipped.end), zone),
        minutes: round(lengthOutside([clipped], excluded) / 60_000, 2),
      });
    }
    const downtime = union(raw);
    const total = downtime.reduce((sum, i) => sum + (i.end - i.start), 0);
    const counted = lengthOutside(downtime, excluded);
    const periodMinutes = (measured.end - measured.start) / 60_000;
    const downtimeMinutes = round(counted / 60_000, 2);
    const uptimePercent = periodMinutes > 0 ? round((100 * (periodMinutes - counted / 60_000)) / periodMinutes, 3) : 100;
    return {
      product: product.id,
      name: product.name,
      stage: stage?.name ?? product.stage,
      sla: stage?.sla ?? 'none',
      periodMinutes,
      downtimeMinutes,
      excludedMaintenanceMinutes: round((total - counted) / 60_000, 2),
      uptimePercent,
      ...(uptimeTarget !== undefined ? { targetPercent: uptimeTarget, targetMet: uptimePercent >= uptimeTarget } : {}),
      windows,
    };
  });

  const inMonth = model.incidents
    .filter((doc) => {
      const detected = instantOf(amendedIncident(doc.data).detected)?.getTime();
      return detected !== undefined && detected >= start && detected < end;
    })
    .sort((a, b) => instantOf(amendedIncident(a.data).detected)!.getTime() - instantOf(amendedIncident(b.data).detected)!.getTime() || (a.data.id < b.data.id ? -1 : 1));

  const ranks = new Map((model.policy.escalation?.data.levels ?? []).map((l) => [l.id, l.rank]));
  const incidents: IncidentRow[] = inMonth.map((doc) => {
    const incident = amendedIncident(doc.data);
    const level = severityLevel(model, incident.severity);
    const detected = instantOf(incident.detected)!;
    const resolved = instantOf(incident.resolved);
    const until = resolved ?? asOf;
    const durationMinutes = Math.max(0, (until.getTime() - detected.getTime()) / 60_000);
    const window = downtimeInterval(incident, asOf);
    const escalations = incident.escalations ?? [];
    const highest = escalations.reduce<string | undefined>(
      (best, e) => (e.level !== undefined && (best === undefined || (ranks.get(e.level) ?? 0) > (ranks.get(best) ?? 0)) ? e.level : best),
      undefined,
    );
    return {
      id: incident.id,
      title: incident.title,
      product: incident.product,
      severity: incident.severity,
      severityName: level?.name ?? incident.severity,
      status: incident.status,
      detected: incident.detected,
      ...(incident.acknowledged ? { acknowledged: incident.acknowledged } : {}),
      ...(incident.resolved ? { resolved: incident.resolved } : {}),
      durationMinutes: round(durationMinutes, 2),
      duration: describeMinutes(durationMinutes),
      ongoing: !resolved,
      downtimeMinutes: window ? round(Math.max(0, Math.min(window.end, asOfMillis) - window.start) / 60_000, 2) : 0,
      ...(incident.root_cause ? { rootCause: incident.root_cause } : {}),
      ...(incident.resolution ? { resolution: incident.resolution } : {}),
      ...(incident.customer_facing !== undefined ? { customerFacing: incident.customer_facing } : {}),
      ...(incident.impact.clients !== undefined ? { clients: incident.impact.clients } : {}),
      escalated: escalations.length > 0,
      ...(highest ? { highestLevel: highest } : {}),
      sla: {
        acknowledge: slaCheck(calendar, level?.targets.acknowledge ?? 'next-sprint', detected, instantOf(incident.acknowledged), asOf, zone),
        escalations: escalations.flatMap((e) => {
          const at = instantOf(e.at);
          return at ? [slaCheck(calendar, level?.targets.escalation_acknowledge ?? 'next-sprint', at, instantOf(e.acknowledged), asOf, zone)] : [];
        }),
        resolve: slaCheck(calendar, level?.targets.resolve ?? 'next-sprint', detected, resolved, asOf, zone),
      },
      postmortem: postmortemStanding(model, incident, asOf, zone, firstCommits, now),
    };
  });

  const metrics = model.policy.escalation?.data.metrics;
  const severities = model.policy.severities?.data.levels.map((l) => l.id) ?? [];
  const rates: EscalationRate[] = severities
    .map((severity) => {
      const rows = incidents.filter((row) => row.severity === severity);
      const escalated = rows.filter((row) => row.escalated).length;
      const ratePercent = rows.length > 0 ? round((100 * escalated) / rows.length, 1) : 0;
      const goal = metrics?.max_escalation_rate?.[severity];
      return { severity, incidents: rows.length, escalated, ratePercent, ...(goal !== undefined ? { goalPercent: goal, goalMet: ratePercent <= goal } : {}) };
    })
    .filter((rate) => rate.incidents > 0);

  const factor = metrics?.max_resolution_factor;
  const timings: EscalationTiming[] = inMonth.flatMap((doc) => {
    const incident = amendedIncident(doc.data);
    const first = [...(incident.escalations ?? [])].sort((a, b) => instantOf(a.at)!.getTime() - instantOf(b.at)!.getTime())[0];
    const level = severityLevel(model, incident.severity);
    if (!first || !level) return [];
    const detected = instantOf(incident.detected)!;
    const escalatedAt = instantOf(first.at)!;
    const resolveTarget = level.targets.resolve;
    const escalationDeadline = deadlineAfter(calendar, detected, resolveTarget);
    const timing: EscalationTiming = {
      incident: incident.id,
      severity: incident.severity,
      firstEscalation: first.at,
      ...(first.level !== undefined ? { level: first.level } : {}),
      timeToEscalateMinutes: round((escalatedAt.getTime() - detected.getTime()) / 60_000, 2),
      timeToEscalateGoal: resolveTarget,
      timeToEscalateMet: escalationDeadline ? escalatedAt.getTime() <= escalationDeadline.getTime() : true,
    };
    const resolved = instantOf(incident.resolved);
    const goal = targetMinutes(calendar, resolveTarget);
    if (resolved) timing.resolutionAfterEscalationMinutes = round(minutesAgainst(calendar, escalatedAt, resolved, resolveTarget), 2);
    if (factor !== undefined && goal !== undefined) {
      timing.resolutionGoalMinutes = factor * goal;
      timing.resolutionGoal = `${factor} x ${resolveTarget}`;
      if (timing.resolutionAfterEscalationMinutes !== undefined) timing.resolutionMet = timing.resolutionAfterEscalationMinutes <= timing.resolutionGoalMinutes;
    }
    return [timing];
  });

  const asOfDate = DateTime.fromJSDate(asOf, { zone }).minus({ milliseconds: 1 }).toISODate()!;
  // Only what existed by the as-of instant: the items of incidents detected by then.
  const detectedBy = new Map(model.incidents.map((doc) => [doc.data.id, instantOf(doc.data.detected)?.getTime()]));
  const existed = (incidentId: string) => {
    const detected = detectedBy.get(incidentId) ?? DateTime.fromISO(incidentId.slice(0, 10), { zone }).toMillis();
    return Number.isFinite(detected) && detected < asOfMillis;
  };
  const open: ActionItemRow[] = [];
  for (const doc of model.postmortems) {
    if (!existed(doc.data.incident)) continue;
    for (const item of doc.data.action_items) {
      const openAtAsOf = isOpen(item) || (item.status === 'done' && item.done !== undefined && item.done > asOfDate);
      if (!openAtAsOf) continue;
      const from = overdueFrom(item.due, zone);
      const overdue = asOf.getTime() >= from.getTime();
      open.push({
        incident: doc.data.incident,
        postmortem: doc.file.path,
        id: item.id,
        title: item.title,
        owner: item.owner,
        due: item.due,
        status: item.status,
        ...(item.done ? { done: item.done } : {}),
        overdue,
        daysOverdue: overdue ? Math.floor((asOf.getTime() - from.getTime()) / 86_400_000) + 1 : 0,
      });
    }
  }
  open.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.incident < b.incident ? -1 : a.incident > b.incident ? 1 : a.id < b.id ? -1 : 1));

  const rows = maintenance.map(maintenanceRow);
  return {
    month,
    organisation: organisation?.name ?? '',
    timezone: zone,
    period: { start: formatInstant(new Date(start), zone), end: formatInstant(new Date(end), zone), hours: (end - start) / 3_600_000 },
    asOf: formatInstant(asOf, zone),
    uptime,
    incidents,
    sla: {
      acknowledge: summarise(incidents.map((i) => i.sla.acknowledge)),
      escalationAcknowledge: summarise(incidents.flatMap((i) => i.sla.escalations)),
      resolve: summarise(incidents.map((i) => i.sla.resolve)),
    },
    escalation: { rates, timings, ...(factor !== undefined ? { maxResolutionFactor: factor } : {}) },
    actionItems: { open, overdue: open.filter((row) => row.overdue) },
    maintenance: {
      inMonth: rows.filter((row) => overlap({ start: instantOf(row.start)!.getTime(), end: instantOf(row.end)!.getTime() }, { start, end }) > 0),
      // Upcoming: announced by the as-of instant (a window announced later was not known then).
      upcoming: rows
        .filter((row) => instantOf(row.start)!.getTime() >= asOfMillis && instantOf(row.announced)!.getTime() <= asOfMillis)
        .sort((a, b) => instantOf(a.start)!.getTime() - instantOf(b.start)!.getTime()),
    },
  };
}

function postmortemStanding(
  model: RepoModel,
  incident: SchemaTypes['incident'],
  asOf: Date,
  zone: string,
  firstCommits: ReadonlyMap<string, Date> | undefined,
  now: Date,
): PostmortemStanding {
  const requirement = postmortemRequirement(model, incident);
  const doc = postmortemsOf(model, incident.id)[0];
  const base = {
    required: requirement.required,
    source: requirement.source,
    ...(requirement.within ? { within: requirement.within } : {}),
    ...(requirement.due ? { due: formatInstant(requirement.due, zone) } : {}),
    ...(doc ? { path: doc.file.path, status: doc.data.status } : {}),
    ...(doc?.data.published ? { published: doc.data.published } : {}),
  };
  if (!requirement.required) return { ...base, standing: 'not-required' };
  const due = requirement.due?.getTime();
  const completed = doc && completionOf({ path: doc.file.path, ...doc.data }, zone, firstCommits, now)?.at.getTime();
  if (completed !== undefined) return { ...base, standing: due === undefined || completed <= due ? 'met' : 'late' };
  if (due === undefined || asOf.getTime() < due) return { ...base, standing: 'pending' };
  if (!doc) return { ...base, standing: 'missing' };
  // Final, but when it was completed is unknown (no git history): taken as in time.
  return { ...base, standing: doc.data.status === 'final' ? 'met' : 'draft-overdue' };
}
