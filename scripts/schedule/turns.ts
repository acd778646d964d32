/**
 * Turn counting for restricted layers, which is what keeps them fair. A layer's clock hands off at
 * every period, but its restrictions may leave some shifts without any on-call time: the Saturday
 * and Sunday of a weekday-only daily layer. If such a shift used up a turn, the same people would
 * draw the empty days week after week (with seven people on a daily weekday-only layer, two of them
 * would never be on call). So by default an empty shift is skipped: it goes to nobody, and the next
 * shift with on-call time goes to the next person in the list. (`empty_shifts: take-turn` keeps
 * PagerDuty's behaviour, where a turn passes at every hand-off.)
 *
 * Whether shift k is empty depends only on local dates and times, so it repeats every
 * lcm(period, 7 days): counting turns is arithmetic on k, as cheap as the hand-off clock.
 */
import type { HandoffClock } from './handoffs.ts';
import { hasWindowIn, naiveMinutes, type CompiledRestrictions } from './restrictions.ts';

/** Maps hand-off indexes to turns. */
export interface TurnCounter {
  /** Number of turns given by shifts [0, k) (negative for k < 0). */
  before(k: number): number;
  /** Whether shift k has no on-call time and gives no turn. */
  isEmpty(k: number): boolean;
}

/** Every shift is a turn: an unrestricted layer, or `empty_shifts: take-turn`. */
export const EVERY_SHIFT: TurnCounter = { before: (k) => k, isEmpty: () => false };

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The turn counter of a restricted layer whose empty shifts are skipped. */
export function skippingEmptyShifts(clock: HandoffClock, restrictions: CompiledRestrictions): TurnCounter {
  // Hand-offs k and k + m fall on the same weekday at the same time.
  const m = 7 / gcd(clock.periodDays, 7);
  const full: boolean[] = [];
  for (let i = 0; i < m; i++) {
    const start = naiveMinutes(clock.handoffDate(i), clock.hour, clock.minute);
    full.push(hasWindowIn(restrictions, start, start + clock.periodDays * 1440));
  }
  const prefix = [0];
  for (const f of full) prefix.push(prefix.at(-1)! + (f ? 1 : 0));
  const perCycle = prefix[m]!;
  if (perCycle === 0) return EVERY_SHIFT;
  const mod = (k: number) => ((k % m) + m) % m;
  return {
    before: (k) => Math.floor(k / m) * perCycle + prefix[mod(k)]!,
    isEmpty: (k) => !full[mod(k)],
  };
}
