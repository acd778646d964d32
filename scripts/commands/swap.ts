/**
 * `oncall swap <person> <other> --at <shift> [--back <shift>]`: the first person's turn goes to the
 * second and the second's (by default their next turn of the same tier) to the first, as a pair of
 * overrides in the rotation's zone, never in the past.
 */
import { planSwap, PlanError } from '../overrides/plan.ts';
import type { Interval } from '../schedule/types.ts';
import { parseInstant } from '../schedule/window.ts';
import { UsageError, type CommandIO } from './io.ts';
import { applyOverridePlans } from './override-change.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, organisationZone, usageOnWindowError } from './schedule.ts';

export interface SwapOptions {
  root?: string;
  now?: string;
  at?: string;
  back?: string;
  rotation?: string;
  tier?: string;
  reason?: string;
  author?: string;
  dryRun?: boolean;
}

/** A shift named on the command line: a date-time inside it, or a date (any shift overlapping that day). */
export function shiftWhen(option: string, text: string, zone: string): Interval {
  const start = usageOnWindowError(() => parseInstant(option, text, zone)).getTime();
  const end = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text) ? usageOnWindowError(() => parseInstant(option, text, zone, true)).getTime() : start + 1;
  return { start, end };
}

export function knownPerson(option: string, id: string, people: readonly { id: string }[]): void {
  if (!people.some((p) => p.id === id)) throw new UsageError(`${option}: "${id}" is not a person in policy/people.yaml.`);
}

/** Runs `oncall swap`; exit 0 when written (or a clean dry run), 1 when the change would bring errors, 2 for usage errors. */
export async function runSwap(first: string, second: string, options: SwapOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  if (options.at === undefined) throw new UsageError('--at <shift> is required: a date-time inside the first person\'s shift, or its date.');
  const data = await loadScheduleData(root, options.rotation);
  if (data.problems.length > 0) throw new UsageError('the rotation or policy files have errors; run oncall validate and fix them first.');
  const people = data.model.policy.people?.data.people ?? [];
  knownPerson('swap', first, people);
  knownPerson('swap', second, people);
  const zone = organisationZone(data.model);
  try {
    const plan = planSwap({
      rotations: data.rotations,
      names: new Map(people.map((p) => [p.id, p.name])),
      first,
      second,
      at: shiftWhen('--at', options.at, zone),
      ...(options.back !== undefined ? { back: shiftWhen('--back', options.back, zone) } : {}),
      scope: { ...(options.rotation !== undefined ? { rotation: options.rotation } : {}), ...(options.tier !== undefined ? { tier: options.tier } : {}) },
      now,
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
    });
    return await applyOverridePlans(root, data, [plan], { now, ...(options.dryRun ? { dryRun: true } : {}), ...(options.author !== undefined ? { author: options.author } : {}) }, io);
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
}
