/**
 * `oncall cover <person> --from <time> --to <time> [--by <person>]`: someone else takes every shift
 * the person holds in the period, as overrides in each rotation's zone, never in the past. Without
 * --by, each shift goes to the first person free for it in the roster's order (not away, not on
 * call elsewhere then, not taken past the on-call limits).
 */
import { planCover, PlanError } from '../overrides/plan.ts';
import { durationMillis } from '../schedule/policy.ts';
import { timeOffByPerson } from '../schedule/time-off.ts';
import { parseWindow } from '../schedule/window.ts';
import { businessCalendar } from '../time/business-time.ts';
import { UsageError, type CommandIO } from './io.ts';
import { applyOverridePlans } from './override-change.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, organisationZone, usageOnWindowError } from './schedule.ts';
import { knownPerson } from './swap.ts';

export interface CoverOptions {
  root?: string;
  now?: string;
  from?: string;
  to?: string;
  by?: string;
  rotation?: string;
  tier?: string;
  reason?: string;
  author?: string;
  dryRun?: boolean;
}

/** Runs `oncall cover`; exit 0 when written (or a clean dry run), 1 when the change would bring errors, 2 for usage errors. */
export async function runCover(person: string, options: CoverOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  if (options.from === undefined || options.to === undefined) throw new UsageError('--from and --to are required: the period to cover (dates, --to included, or date-times with offsets).');
  const data = await loadScheduleData(root, options.rotation);
  if (data.problems.length > 0) throw new UsageError('the rotation or policy files have errors; run oncall validate and fix them first.');
  const people = data.model.policy.people?.data.people ?? [];
  knownPerson('cover', person, people);
  if (options.by !== undefined) knownPerson('--by', options.by, people);
  const zone = organisationZone(data.model);
  const { from, to } = usageOnWindowError(() => parseWindow(options, zone, { from: now, days: 1 }));
  const organisation = data.model.policy.organisation?.data;
  try {
    const plans = planCover({
      rotations: data.rotations,
      names: new Map(people.map((p) => [p.id, p.name])),
      person,
      from,
      to,
      ...(options.by !== undefined ? { by: options.by } : {}),
      scope: { ...(options.rotation !== undefined ? { rotation: options.rotation } : {}), ...(options.tier !== undefined ? { tier: options.tier } : {}) },
      now,
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
      context: {
        rotations: data.model.rotations.map((d) => d.data),
        people: new Map(people.map((p) => [p.id, p])),
        timeOff: timeOffByPerson(people),
        ...(organisation ? { businessHours: businessCalendar(organisation) } : {}),
        allowConcurrentRotations: organisation?.on_call.allow_concurrent_rotations === true,
        ...(organisation ? { limits: { maxConsecutiveDays: organisation.on_call.max_consecutive_days, minRestMillis: durationMillis(organisation.on_call.min_rest_between_shifts) ?? 0 } } : {}),
      },
    });
    return await applyOverridePlans(root, data, plans, { now, ...(options.dryRun ? { dryRun: true } : {}), ...(options.author !== undefined ? { author: options.author } : {}) }, io);
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
}
