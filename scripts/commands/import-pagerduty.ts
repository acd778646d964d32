/**
 * `oncall import pagerduty`: writes rotations/ and the people mapping from an existing PagerDuty
 * account's schedules and escalation policies (scripts/pagerduty/import-account.ts); with
 * `--overrides`, only the overrides made in PagerDuty's web UI, into the rotation files they belong
 * to (scripts/pagerduty/import-overrides.ts). Rotation files are only ever created, never
 * replaced; policy/people.yaml is edited in place, keeping its comments. Exit 0 (everything
 * imported, or nothing to import), 1 (written, but some objects could not be: see the report), 2 on
 * a usage, data or PagerDuty error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPagerDutyClient, describePagerDutyError, PagerDutyAnswerError, PagerDutyError, type PagerDutyClient } from '../pagerduty/client.ts';
import { importAccount, type ImportResult } from '../pagerduty/import-account.ts';
import { appendOverrides, overridesToImport } from '../pagerduty/import-overrides.ts';
import { withPagerDutyUsers } from '../pagerduty/import-people.ts';
import { readAccount, readOverrides, readUsers } from '../pagerduty/read.ts';
import { syncPass } from '../pagerduty/sync.ts';
import { horizonEnd } from '../schedule/policy.ts';
import { FileExistsError, writeNewFile } from '../incidents/write-new-file.ts';
import type { CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, reportProblems, type ScheduleData } from './schedule.ts';
import { printProblems } from './sync-pagerduty.ts';
import { writeAtomically } from './write-atomically.ts';

export interface ImportOptions {
  root?: string;
  now?: string;
  overrides?: boolean;
  rotation?: string;
  dryRun?: boolean;
}

/** Overrides are read this far ahead: every one already made, however far off. */
const OVERRIDES_AHEAD_MS = 2 * 366 * 86_400_000;

export async function runImportPagerDuty(options: ImportOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  const data = await loadScheduleData(root, options.overrides ? options.rotation : undefined);
  if (data.problems.length > 0) {
    reportProblems(data, io);
    io.stderr('oncall: import pagerduty works only from valid data; nothing was written.\n');
    return 2;
  }
  const client = createPagerDutyClient(io.env, { log: (message) => io.stderr(`oncall: ${message}\n`) });
  try {
    if (options.overrides) return await importOverrides(client, data, root, now, io);
    return await importWholeAccount(client, data, root, now, Boolean(options.dryRun), io);
  } catch (error) {
    if (error instanceof PagerDutyError || error instanceof PagerDutyAnswerError) {
      io.stderr(`oncall: import pagerduty: ${describePagerDutyError(error)} Nothing was written.\n`);
      return 2;
    }
    throw error;
  }
}

async function importOverrides(client: PagerDutyClient, data: ScheduleData, root: string, now: Date, io: CommandIO): Promise<number> {
  const result = await syncPass(client, data.model, data.rotations, now);
  if (!result.pass) {
    printProblems(result.problems, io);
    return 2;
  }
  const { overrides, unknown } = overridesToImport(result.pass.plan, result.pass.state, result.pass.current);
  for (const line of unknown) io.stderr(`oncall: ${line}\n`);
  const byRotation = new Map<string, typeof overrides>();
  for (const o of overrides) byRotation.set(o.rotation, [...(byRotation.get(o.rotation) ?? []), o]);
  for (const [rotation, additions] of byRotation) {
    const path = join(root, 'rotations', `${rotation}.yaml`);
    await writeAtomically(path, appendOverrides(readFileSync(path, 'utf8'), additions));
    for (const o of additions) io.stdout(`rotations/${rotation}.yaml: added override ${o.tier} ${o.person} ${o.start} to ${o.end}\n`);
  }
  if (overrides.length === 0) io.stdout('No overrides made in PagerDuty to import.\n');
  else io.stdout(`Imported ${overrides.length} override${overrides.length === 1 ? '' : 's'}; run \`oncall validate\` and open a pull request.\n`);
  return unknown.length > 0 ? 2 : 0;
}

async function importWholeAccount(client: PagerDutyClient, data: ScheduleData, root: string, now: Date, dryRun: boolean, io: CommandIO): Promise<number> {
  const horizon = horizonEnd(data.model.policy.organisation?.data, now).getTime();
  const users = await readUsers(client);
  const account = await readAccount(client, { since: now.getTime(), until: horizon }, users);
  const overrides = await readOverrides(client, account.schedules.map((s) => s.id), { since: now.getTime(), until: now.getTime() + OVERRIDES_AHEAD_MS });
  const result = importAccount({
    now: now.getTime(),
    horizon,
    account: { ...account, overrides },
    people: data.model.policy.people?.data.people ?? [],
    rotations: data.model.rotations.map((d) => d.data),
  });

  const written: string[] = [];
  for (const rotation of result.rotations) {
    const file = `rotations/${rotation.id}.yaml`;
    const what = `${rotation.policy ? `escalation policy ${rotation.policy.id} "${rotation.policy.name}", ` : ''}${rotation.schedules.map((s) => `schedule ${s.id} "${s.name}" (tier ${s.tier})`).join(', ')}`;
    if (dryRun) {
      io.stdout(`Would write ${file}: ${what}.\n${rotation.text}\n`);
      continue;
    }
    try {
      await writeNewFile(join(root, file), rotation.text);
      written.push(file);
      io.stdout(`Wrote ${file}: ${what}.\n`);
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      result.notImported.push({ object: 'schedule', id: rotation.schedules.map((s) => s.id).join(', '), name: rotation.schedules.map((s) => s.name).join(', '), reason: `${file} already exists and is not the import's to replace; it was left as it is. Rename it, or move it aside and import again.` });
    }
  }
  if (result.peopleMapping.length > 0) {
    const path = join(root, 'policy', 'people.yaml');
    const mapping = result.peopleMapping.map((m) => `${m.person} (${m.user}, matched by name)`).join(', ');
    if (dryRun) io.stdout(`Would write policy/people.yaml: contacts.pagerduty_user for ${mapping}.\n`);
    else {
      await writeAtomically(path, withPagerDutyUsers(readFileSync(path, 'utf8'), result.peopleMapping));
      io.stdout(`Wrote policy/people.yaml: contacts.pagerduty_user for ${mapping}.\n`);
    }
  }
  printReport(result, io);
  if (result.rotations.length === 0 && result.notImported.length === 0) io.stdout('Nothing in PagerDuty to import: every schedule and escalation policy is already in the repository.\n');
  else if (!dryRun && written.length > 0) io.stdout('Run `oncall validate`, then `oncall sync pagerduty --plan` (it finds nothing to change), and open a pull request.\n');
  return result.notImported.length > 0 ? 1 : 0;
}

function printReport(result: ImportResult, io: CommandIO): void {
  for (const note of result.notes) io.stdout(`Note: ${note}\n`);
  if (result.alreadyThere.length > 0) io.stdout(`Already in the repository (left as they are): ${result.alreadyThere.join(', ')}.\n`);
  if (result.notImported.length === 0) return;
  io.stdout(`Not imported (${result.notImported.length}):\n`);
  for (const item of result.notImported) io.stdout(`  ${item.object.replace('_', ' ')} ${item.id} "${item.name}": ${item.reason}\n`);
  if (result.newPeople.length > 0) {
    io.stdout('Add these people to policy/people.yaml (their GitHub login and team are not in PagerDuty), then import again:\n');
    for (const entry of result.newPeople) io.stdout(`${entry}\n`);
  }
}
