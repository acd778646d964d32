/**
 * `oncall import pagerduty --overrides`: writes the overrides made in PagerDuty's web UI into the
 * rotation files they belong to (see scripts/pagerduty/import-overrides.ts). Exit 0 (written, or
 * nothing to import), 2 on a usage, data or PagerDuty error.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPagerDutyClient, describePagerDutyError, PagerDutyAnswerError, PagerDutyError } from '../pagerduty/client.ts';
import { appendOverrides, overridesToImport } from '../pagerduty/import-overrides.ts';
import { syncPass } from '../pagerduty/sync.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, reportProblems } from './schedule.ts';
import { printProblems } from './sync-pagerduty.ts';

export interface ImportOptions {
  root?: string;
  now?: string;
  overrides?: boolean;
  rotation?: string;
}

export async function runImportPagerDuty(options: ImportOptions, io: CommandIO): Promise<number> {
  if (!options.overrides) {
    throw new UsageError('import pagerduty: only --overrides is available: it writes the overrides made in PagerDuty into the rotation files. Importing whole schedules and escalation policies is not done yet.');
  }
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  const data = await loadScheduleData(root, options.rotation);
  if (data.problems.length > 0) {
    reportProblems(data, io);
    return 2;
  }
  const client = createPagerDutyClient(io.env, { log: (message) => io.stderr(`oncall: ${message}\n`) });
  try {
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
      const text = appendOverrides(readFileSync(path, 'utf8'), additions);
      writeFileSync(`${path}.tmp`, text);
      renameSync(`${path}.tmp`, path);
      for (const o of additions) io.stdout(`rotations/${rotation}.yaml: added override ${o.tier} ${o.person} ${o.start} to ${o.end}\n`);
    }
    if (overrides.length === 0) io.stdout('No overrides made in PagerDuty to import.\n');
    else io.stdout(`Imported ${overrides.length} override${overrides.length === 1 ? '' : 's'}; run \`oncall validate\` and open a pull request.\n`);
    return unknown.length > 0 ? 2 : 0;
  } catch (error) {
    if (error instanceof PagerDutyError || error instanceof PagerDutyAnswerError) {
      io.stderr(`oncall: import pagerduty: ${describePagerDutyError(error)}\n`);
      return 2;
    }
    throw error;
  }
}
