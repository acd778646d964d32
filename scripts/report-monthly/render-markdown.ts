/**
 * The monthly report as GitHub-flavoured Markdown, for the repository, an issue or the client portal.
 * Pure; every text that comes from the data is escaped.
 */
import { DateTime } from 'luxon';
import { markdownTable } from 'markdown-table';
import { describeMinutes } from '../incidents/instants.ts';
import { escapeMarkdownInline as esc } from '../report/markdown-escape.ts';
import { describeDuration } from '../util/duration.ts';
import type { ComplianceSummary, MonthlyReport, SlaCheck } from './monthly-report.ts';

const table = (rows: string[][]) => `${markdownTable(rows, { alignDelimiters: false })}\n`;

function when(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

const STATUS_WORDS: Record<SlaCheck['status'], string> = { met: 'met', breached: '**breached**', pending: 'pending', 'no-clock': 'no clock' };

function slaCell(check: SlaCheck): string {
  const target = check.target === 'next-sprint' ? 'next sprint' : describeDuration(check.target);
  const taken = check.elapsed ?? 'not yet';
  return `${taken} / ${target}: ${STATUS_WORDS[check.status]}`;
}

function compliance(name: string, summary: ComplianceSummary): string {
  const measured = summary.met + summary.breached;
  const parts = [`${name}: ${summary.met} of ${measured} within target${summary.percent !== undefined ? ` (${summary.percent}%)` : ''}`];
  if (summary.pending > 0) parts.push(`${summary.pending} pending`);
  if (summary.noClock > 0) parts.push(`${summary.noClock} without a clock (next sprint)`);
  return `${parts.join(', ')}.`;
}

const goal = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : '**not met**');

/** Renders the report. */
export function renderMonthlyReportMarkdown(report: MonthlyReport): string {
  const zone = report.timezone;
  const monthName = DateTime.fromISO(`${report.month}-01`, { zone }).setLocale('en-GB').toFormat('LLLL yyyy');
  const out: string[] = [];
  out.push(`# Uptime and incident report: ${monthName}`, '');
  out.push(
    `${esc(report.organisation)}. Period ${when(report.period.start, zone)} to ${when(report.period.end, zone)} (${zone}, ${report.period.hours} hours); open items and maintenance as of ${when(report.asOf, zone)}.`,
    '',
  );

  out.push('## Uptime', '');
  if (report.uptime.length === 0) out.push('No products are listed in policy/lifecycle.yaml.', '');
  else {
    out.push(
      table([
        ['Product', 'Stage', 'SLAs', 'Downtime', 'Uptime', 'Target'],
        ...report.uptime.map((u) => [
          esc(u.name),
          esc(u.stage),
          u.sla,
          u.downtimeMinutes > 0 ? describeMinutes(u.downtimeMinutes) : 'none',
          `${u.uptimePercent.toFixed(3)}%`,
          u.targetPercent !== undefined ? `${u.targetPercent}%: ${goal(u.targetMet)}` : '',
        ]),
      ]),
    );
    out.push('Uptime counts impact windows with downtime over the calendar month; maintenance announced with the required notice is not counted.', '');
  }

  out.push('## Incidents', '');
  if (report.incidents.length === 0) out.push('No incidents this month.', '');
  else {
    out.push(
      table([
        ['Incident', 'Severity', 'Detected', 'Duration', 'Downtime', 'Root cause', 'Resolution'],
        ...report.incidents.map((i) => [
          `${esc(i.id)}: ${esc(i.title)}`,
          `${esc(i.severity)} (${esc(i.severityName)})`,
          when(i.detected, zone),
          `${i.duration}${i.ongoing ? ' (ongoing)' : ''}`,
          i.downtimeMinutes > 0 ? describeMinutes(i.downtimeMinutes) : 'none',
          i.rootCause ? esc(i.rootCause) : 'not recorded',
          i.resolution ? esc(i.resolution) : i.ongoing ? 'not resolved' : 'not recorded',
        ]),
      ]),
    );
  }

  out.push('## SLA compliance', '');
  if (report.incidents.length > 0) {
    out.push(
      table([
        ['Incident', 'Severity', 'Acknowledged (taken / target)', 'Escalations acknowledged (taken / target)', 'Resolved (taken / target)'],
        ...report.incidents.map((i) => [
          esc(i.id),
          esc(i.severity),
          slaCell(i.sla.acknowledge),
          i.sla.escalations.length === 0 ? 'no escalation' : i.sla.escalations.map(slaCell).join('; '),
          slaCell(i.sla.resolve),
        ]),
      ]),
    );
  }
  out.push(
    compliance('Acknowledged', report.sla.acknowledge),
    '',
    compliance('Escalations acknowledged', report.sla.escalationAcknowledge),
    '',
    compliance('Resolved', report.sla.resolve),
    '',
  );

  out.push('## Escalation', '');
  if (report.escalation.rates.length === 0) out.push('No incidents this month.', '');
  else {
    out.push(
      table([
        ['Severity', 'Incidents', 'Escalated', 'Rate', 'Goal'],
        ...report.escalation.rates.map((r) => [
          esc(r.severity),
          String(r.incidents),
          String(r.escalated),
          `${r.ratePercent}%`,
          r.goalPercent !== undefined ? `at most ${r.goalPercent}%: ${goal(r.goalMet)}` : '',
        ]),
      ]),
    );
  }
  if (report.escalation.timings.length > 0) {
    out.push(
      table([
        ['Incident', 'First escalation', 'Time to escalate (goal: before the resolution target)', 'Resolution after escalation (goal)'],
        ...report.escalation.timings.map((t) => [
          esc(t.incident),
          t.level !== undefined ? `${esc(t.level)} at ${when(t.firstEscalation, zone)}` : `at ${when(t.firstEscalation, zone)}`,
          `${describeMinutes(t.timeToEscalateMinutes)} / ${describeDuration(t.timeToEscalateGoal)}: ${goal(t.timeToEscalateMet)}`,
          t.resolutionAfterEscalationMinutes === undefined
            ? 'not resolved'
            : `${describeMinutes(t.resolutionAfterEscalationMinutes)}${t.resolutionGoalMinutes !== undefined ? ` / ${describeMinutes(t.resolutionGoalMinutes)} (${t.resolutionGoal}): ${goal(t.resolutionMet)}` : ''}`,
        ]),
      ]),
    );
  }

  out.push('## Post-mortems', '');
  const reviewed = report.incidents.filter((i) => i.postmortem.required);
  if (reviewed.length === 0) out.push('No incident this month needs a post-mortem.', '');
  else {
    const words = { met: 'on time', late: '**late**', missing: '**missing**', 'draft-overdue': '**overdue (draft)**', pending: 'not due yet', 'not-required': 'not required' };
    out.push(
      table([
        ['Incident', 'Due', 'Post-mortem', 'Standing'],
        ...reviewed.map((i) => [
          esc(i.id),
          i.postmortem.due ? when(i.postmortem.due, zone) : 'after resolution',
          i.postmortem.path ? `${esc(i.postmortem.path)} (${i.postmortem.status})` : 'none',
          words[i.postmortem.standing],
        ]),
      ]),
    );
  }

  out.push('## Action items', '');
  const { open, overdue } = report.actionItems;
  out.push(`${open.length} open, ${overdue.length} overdue.`, '');
  if (open.length > 0) {
    out.push(
      table([
        ['Incident', 'Item', 'Owner', 'Due', 'Status', 'Overdue'],
        ...open.map((a) => [
          esc(a.incident),
          `${esc(a.id)}: ${esc(a.title)}`,
          esc(a.owner),
          a.due,
          a.done ? `open then; done ${a.done}` : a.status,
          a.overdue ? `**${a.daysOverdue} day${a.daysOverdue === 1 ? '' : 's'}**` : 'no',
        ]),
      ]),
    );
  }

  out.push('## Upcoming maintenance', '');
  if (report.maintenance.upcoming.length === 0) out.push('None scheduled.', '');
  else {
    out.push(
      table([
        ['Window', 'Product', 'Start', 'End', 'Announced', 'Notice'],
        ...report.maintenance.upcoming.map((m) => [
          `${esc(m.id)}: ${esc(m.description)}`,
          esc(m.product),
          when(m.start, zone),
          when(m.end, zone),
          when(m.announced, zone),
          `${m.noticeHours} h${m.noticeMet === undefined ? '' : m.noticeMet ? '' : ' (**short notice**)'}`,
        ]),
      ]),
    );
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
