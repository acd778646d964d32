/**
 * A sync plan for people and machines: a table for the terminal, JSON, and Markdown for a
 * workflow's job summary. Pure.
 */
import { escapeMarkdownInline } from '../report/markdown-escape.ts';
import { isoInZone } from '../schedule/local-time.ts';
import type { RequestStats } from './client.ts';
import { describeDrift, planIsEmpty, type Operation, type Plan } from './plan.ts';

export type PlanFormat = 'table' | 'json' | 'markdown';

function subject(op: Operation): string {
  if (op.object === 'override') return `override ${op.key}`;
  if (op.object === 'schedule') return `schedule ${op.key}`;
  return `escalation policy ${op.key}`;
}

/** One line per field that differs: `field: from -> to`. */
function details(op: Operation): string[] {
  if (op.object === 'override') {
    const who = op.person ?? op.user;
    return [`${who} from ${isoInZone(op.start, op.zone)} to ${isoInZone(op.end, op.zone)}${op.reason ? ` (${op.reason})` : ''}`];
  }
  return op.changes.map((c) => `${c.field}: ${c.from !== undefined ? `${c.from} -> ` : ''}${c.to ?? ''}`);
}

function counts(plan: Plan): string {
  const by = (action: string) => plan.operations.filter((op) => op.action === action).length;
  return `${by('create')} to create, ${by('update')} to update, ${by('delete')} to delete`;
}

function window(plan: Plan): string {
  return `${new Date(plan.now).toISOString()} to ${new Date(plan.horizon).toISOString()}`;
}

export function formatPlanTable(plan: Plan, stats?: RequestStats, title = 'PagerDuty plan'): string {
  const lines: string[] = [];
  lines.push(`${title}: ${planIsEmpty(plan) ? 'nothing to change' : counts(plan)} (compared ${window(plan)}).`);
  for (const op of plan.operations) {
    lines.push(`  ${op.action.padEnd(7)} ${subject(op)}${op.object !== 'override' && op.id ? ` (${op.id})` : op.object === 'override' && op.id ? ` (${op.id})` : ''}${op.object !== 'override' ? `: ${op.name}` : ''}`);
    for (const line of details(op)) lines.push(`            ${line}`);
  }
  if (plan.drift.length > 0) {
    lines.push('Rendered schedules that differ from the repository (first differing shift):');
    for (const d of plan.drift) lines.push(`  ${describeDrift(d)}`);
  }
  if (plan.verified.length > 0) lines.push(`Rendered by PagerDuty and identical shift by shift: ${plan.verified.length} schedule${plan.verified.length === 1 ? '' : 's'}.`);
  if (plan.leftAlone.length > 0) {
    lines.push(`Left alone (${plan.leftAlone.length}):`);
    for (const item of plan.leftAlone.slice(0, 50)) lines.push(`  ${item.object} ${item.id} ${item.name}: ${item.reason}`);
    if (plan.leftAlone.length > 50) lines.push(`  ... and ${plan.leftAlone.length - 50} more (--format json lists them all)`);
  }
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  if (stats) lines.push(`Requests to PagerDuty: ${stats.requests} (${stats.reads} reads, ${stats.writes} writes, ${stats.rateLimited} rate-limited, ${stats.retries} retried).`);
  return `${lines.join('\n')}\n`;
}

export function planJson(plan: Plan, stats?: RequestStats): unknown {
  return {
    empty: planIsEmpty(plan),
    window: { from: new Date(plan.now).toISOString(), to: new Date(plan.horizon).toISOString() },
    operations: plan.operations.map((op) =>
      op.object === 'override'
        ? { action: op.action, object: op.object, schedule: op.key, ...(op.id ? { id: op.id } : {}), person: op.person ?? null, user: op.user, start: isoInZone(op.start, op.zone), end: isoInZone(op.end, op.zone), ...(op.reason ? { reason: op.reason } : {}) }
        : { action: op.action, object: op.object, key: op.key, name: op.name, ...(op.id ? { id: op.id } : {}), changes: op.changes },
    ),
    drift: plan.drift.map((d) => ({ schedule: d.key, at: isoInZone(d.at, d.zone), pagerduty: d.pagerduty, repository: d.repository, explanation: d.explanation })),
    verified: plan.verified,
    left_alone: plan.leftAlone,
    notes: plan.notes,
    ...(stats ? { requests: stats } : {}),
  };
}

export function formatPlanMarkdown(plan: Plan, stats?: RequestStats, title = 'PagerDuty plan'): string {
  const lines: string[] = [`### ${title}`, ''];
  lines.push(planIsEmpty(plan) ? `PagerDuty follows the repository: nothing to change (compared ${window(plan)}).` : `${counts(plan)} (compared ${window(plan)}).`);
  if (plan.operations.length > 0) {
    lines.push('', '| action | object | what changes |', '| --- | --- | --- |');
    for (const op of plan.operations) lines.push(`| ${op.action} | ${escapeMarkdownInline(subject(op))} | ${details(op).map(escapeMarkdownInline).join('<br>')} |`);
  }
  if (plan.drift.length > 0) {
    lines.push('', '**Rendered schedules that differ from the repository** (first differing shift):', '');
    for (const d of plan.drift) lines.push(`- ${escapeMarkdownInline(describeDrift(d))}`);
  }
  if (plan.verified.length > 0) lines.push('', `${plan.verified.length} schedule${plan.verified.length === 1 ? '' : 's'} rendered by PagerDuty identical to the repository, shift by shift.`);
  if (plan.leftAlone.length > 0) {
    lines.push('', `<details><summary>Left alone (${plan.leftAlone.length})</summary>`, '');
    for (const item of plan.leftAlone) lines.push(`- ${item.object} \`${item.id}\` ${escapeMarkdownInline(item.name)}: ${escapeMarkdownInline(item.reason)}`);
    lines.push('', '</details>');
  }
  for (const note of plan.notes) lines.push('', `> ${escapeMarkdownInline(note)}`);
  if (stats) lines.push('', `Requests to PagerDuty: ${stats.requests} (${stats.reads} reads, ${stats.writes} writes).`);
  return `${lines.join('\n')}\n`;
}
