/**
 * `oncall new incident` and `oncall new postmortem`: write a prefilled record that validates as
 * written. Neither replaces an existing file (exit 1, nothing written); writes are atomic.
 */
import { join } from 'node:path';
import { loadModel } from '../incidents/load-model.ts';
import { NewRecordError, planNewIncident } from '../incidents/new-incident.ts';
import { postmortemPolicy, postmortemRequirement, severityLevel } from '../incidents/policy.ts';
import { FileExistsError, writeNewFile } from '../incidents/write-new-file.ts';
import { formatInstant } from '../incidents/instants.ts';
import { planNewPostmortem } from '../postmortems/new-postmortem.ts';
import { onCallAt } from '../schedule/on-call.ts';
import { describeDuration } from '../util/duration.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';

export interface NewIncidentOptions {
  root?: string;
  now?: string;
  severity?: string;
  title?: string;
  product?: string;
  slug?: string;
  commander?: string;
  communicationsLead?: string;
}

export interface NewPostmortemOptions {
  root?: string;
  incident?: string;
}

async function write(root: string, path: string, text: string, io: CommandIO, advice: string): Promise<boolean> {
  try {
    await writeNewFile(join(root, path), text);
    return true;
  } catch (error) {
    if (error instanceof FileExistsError) {
      io.stderr(`oncall: ${path} already exists; nothing was written. ${advice}\n`);
      return false;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new UsageError(`could not write ${path}: ${code}.`);
    throw error;
  }
}

function rethrow(error: unknown): never {
  if (error instanceof NewRecordError) throw new UsageError(error.message);
  throw error;
}

/** `new incident --severity <id> --title <text>`: writes incidents/YYYY/<id>.yaml. */
export async function runNewIncident(options: NewIncidentOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  if (options.severity === undefined) throw new UsageError('new incident: --severity <id> is required (e.g. --severity P1).');
  if (options.title === undefined) throw new UsageError('new incident: --title <text> is required.');
  const model = await loadModel(root, ['severities', 'lifecycle', 'people', 'communication']);
  let plan;
  try {
    plan = planNewIncident(
      model,
      {
        severity: options.severity,
        title: options.title,
        now,
        ...(options.product !== undefined ? { product: options.product } : {}),
        ...(options.slug !== undefined ? { slug: options.slug } : {}),
        ...(options.commander !== undefined ? { commander: options.commander } : {}),
        ...(options.communicationsLead !== undefined ? { communicationsLead: options.communicationsLead } : {}),
      },
      onCallAt,
    );
  } catch (error) {
    rethrow(error);
  }
  if (!(await write(root, plan.path, plan.text, io, 'Edit the existing record, or give the new one another --title or --slug.'))) return 1;
  const how = { option: 'as given', schedule: 'on call now', roster: 'first on the roster' }[plan.commanderSource];
  io.stdout(`Wrote ${plan.path}\n`);
  io.stdout(`  incident commander: ${plan.commander} (${how})\n`);
  if (plan.communicationsLead) io.stdout(`  communications lead: ${plan.communicationsLead}\n`);
  const level = severityLevel(model, options.severity)!;
  const next: string[] = ['describe the impact (impact.summary, impact.downtime) and keep the timeline up to date'];
  for (const notify of level.notify ?? []) {
    if (notify.within === undefined) continue;
    const who = notify.who === 'all-stakeholders' ? 'all stakeholders' : notify.who.join(', ');
    next.push(`tell ${who} within ${describeDuration(notify.within)} and record it in leadership_notified`);
  }
  const requirement = postmortemPolicy(model, level.id);
  if (requirement.required && requirement.within) {
    next.push(`after resolution, write the post-mortem within ${describeDuration(requirement.within)}: npm run oncall -- new postmortem --incident ${plan.id}`);
  }
  io.stdout(`Next: ${next.join('; ')}.\n`);
  if (plan.messages.length > 0) {
    io.stdout('\nMessages (policy/communication.yaml templates, filled in from the record; {{...}} is yours to fill):\n');
    for (const message of plan.messages) {
      io.stdout(`\n${message.name}${message.channel ? ` (${message.channel})` : ''}:\n${message.text.split('\n').map((line) => `  ${line}`).join('\n')}\n`);
    }
  }
  return 0;
}

/** `new postmortem --incident <id>`: writes docs/incidents/<id>.md from the template. */
export async function runNewPostmortem(options: NewPostmortemOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  if (options.incident === undefined) throw new UsageError('new postmortem: --incident <id> is required.');
  const model = await loadModel(root, ['severities', 'people']);
  let plan;
  try {
    plan = planNewPostmortem(model, options.incident);
  } catch (error) {
    rethrow(error);
  }
  if (!(await write(root, plan.path, plan.text, io, 'Edit the existing post-mortem.'))) return 1;
  io.stdout(`Wrote ${plan.path}\n`);
  const incident = model.incidents.find((d) => d.data.id === options.incident)!.data;
  const requirement = postmortemRequirement(model, incident);
  if (requirement.due) {
    const zone = model.policy.organisation?.data.timezone ?? 'UTC';
    io.stdout(`  due by ${formatInstant(requirement.due, zone)} (within ${describeDuration(requirement.within!)} of resolution, ${requirement.source})\n`);
  }
  io.stdout('Next: write what went well and what could be improved, add action items with owners and due dates to the front matter, then set status: final and published:.\n');
  return 0;
}
