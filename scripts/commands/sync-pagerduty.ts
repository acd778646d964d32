/**
 * `oncall sync pagerduty --plan | --apply`: makes PagerDuty follow the repository (see
 * scripts/pagerduty/). Exit codes: 0 nothing to do or applied and verified; 1 differences found
 * (--plan with --exit-code); 2 a usage, data or PagerDuty error, or an apply that stopped.
 */
import { appendFileSync } from 'node:fs';
import { ApplyStopped, applyPlan } from '../pagerduty/apply.ts';
import { createPagerDutyClient, describePagerDutyError, PagerDutyAnswerError, PagerDutyError, type PagerDutyClientOptions } from '../pagerduty/client.ts';
import type { SyncProblem } from '../pagerduty/desired.ts';
import { formatPlanMarkdown, formatPlanTable, planJson, type PlanFormat } from '../pagerduty/format.ts';
import { planIsEmpty, type Plan } from '../pagerduty/plan.ts';
import { syncPass } from '../pagerduty/sync.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, reportProblems } from './schedule.ts';

export interface SyncOptions {
  root?: string;
  now?: string;
  plan?: boolean;
  apply?: boolean;
  format?: string;
  exitCode?: boolean;
  rotation?: string;
}

/** Seams for tests: client options (shorter waits). */
export interface SyncDependencies {
  clientOptions?: PagerDutyClientOptions;
}

export function resolvePlanFormat(format: string | undefined): PlanFormat {
  if (format === undefined || format === 'pretty') return 'table';
  if (format === 'json' || format === 'markdown') return format;
  throw new UsageError(`--format: "${format}" is not one of pretty, json, markdown.`);
}

export function printProblems(problems: readonly SyncProblem[], io: CommandIO): void {
  for (const p of problems) io.stderr(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);
  io.stderr(`oncall: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the repository; nothing was sent to PagerDuty.\n`);
}

/** A rendered difference that no planned change and no override made in PagerDuty accounts for. */
function unexplained(plan: Plan): boolean {
  return plan.drift.some((d) => !d.explanation.startsWith('an override made in PagerDuty'));
}

export async function runSyncPagerDuty(options: SyncOptions, io: CommandIO, dependencies: SyncDependencies = {}): Promise<number> {
  if (Boolean(options.plan) === Boolean(options.apply)) throw new UsageError('sync pagerduty: pass --plan (show what would change) or --apply (change it).');
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  const format = resolvePlanFormat(options.format);
  const data = await loadScheduleData(root, options.rotation);
  if (data.problems.length > 0) {
    reportProblems(data, io);
    io.stderr('oncall: sync pagerduty works only from valid data; nothing was sent to PagerDuty.\n');
    return 2;
  }
  const client = createPagerDutyClient(io.env, { log: (message) => io.stderr(`oncall: ${message}\n`), ...dependencies.clientOptions });
  const print = (plan: Parameters<typeof formatPlanTable>[0], title: string) => {
    if (format === 'json') io.stdout(`${JSON.stringify({ title, ...(planJson(plan, client.stats) as object) }, null, 2)}\n`);
    else if (format === 'markdown') io.stdout(formatPlanMarkdown(plan, client.stats, title));
    else io.stdout(formatPlanTable(plan, client.stats, title));
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, formatPlanMarkdown(plan, client.stats, title));
  };

  try {
    const first = await syncPass(client, data.model, data.rotations, now);
    if (!first.pass) {
      printProblems(first.problems, io);
      return 2;
    }
    if (options.plan) {
      print(first.pass.plan, 'PagerDuty plan');
      return options.exitCode && !planIsEmpty(first.pass.plan) ? 1 : 0;
    }
    const { plan, state, current } = first.pass;
    if (plan.operations.length === 0 && plan.ledgers.length === 0) {
      print(plan, 'PagerDuty apply');
      return unexplained(plan) ? 2 : 0;
    }
    print(plan, 'PagerDuty apply');
    const report = await applyPlan(plan, state, current, client);
    io.stdout(`Applied ${report.applied.length} change${report.applied.length === 1 ? '' : 's'}${report.ledgersWritten > 0 ? ` (and recorded override ownership on ${report.ledgersWritten} schedule${report.ledgersWritten === 1 ? '' : 's'})` : ''}.\n`);
    const after = await syncPass(client, data.model, data.rotations, now);
    if (!after.pass) {
      printProblems(after.problems, io);
      return 2;
    }
    print(after.pass.plan, 'PagerDuty after apply');
    if (after.pass.plan.operations.length > 0 || unexplained(after.pass.plan)) {
      io.stderr('oncall: PagerDuty still differs from the repository after apply (see above); run apply again, and report it if it persists.\n');
      return 2;
    }
    return 0;
  } catch (error) {
    if (error instanceof ApplyStopped) {
      io.stderr(`oncall: sync pagerduty: apply stopped after ${error.applied} of ${error.total} changes: ${describePagerDutyError(error.cause)} What was sent stays in PagerDuty; run apply again to finish (nothing is made twice).\n`);
      return 2;
    }
    if (error instanceof PagerDutyError || error instanceof PagerDutyAnswerError) {
      io.stderr(`oncall: sync pagerduty: ${describePagerDutyError(error)}\n`);
      return 2;
    }
    throw error;
  }
}
