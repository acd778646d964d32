/**
 * Who holds shift k of a tier, from its participant lists. A list takes effect at the first hand-off
 * on or after its `from` date and continues the turn order: the first shift under the new list goes
 * to the person after the one who held the last shift under the old list (in the new order), so a
 * change never moves an earlier shift and never gives anyone two shifts in a row.
 */
import type { SchemaTypes } from '../types/schema-types.ts';
import type { HandoffClock } from './handoffs.ts';
import { parseLocalDate } from './local-time.ts';

type Roster = SchemaTypes['rotation']['tiers'][number]['rosters'][number];

/** One participant list and the shifts it governs. */
export interface RosterSegment {
  /** Index of the roster in the tier's `rosters` (for diagnostics). */
  rosterIndex: number;
  /** First shift index the list governs. */
  firstShift: number;
  participants: readonly string[];
  /** Position in `participants` of the person holding `firstShift`. */
  startPosition: number;
}

/** Where a shift's person comes from: the list and the position in it. */
export interface RosterTurn {
  segment: RosterSegment;
  position: number;
  person: string;
}

/**
 * The tier's lists in the order they take effect, each with the position it starts at. A list
 * overtaken before it governs any shift (two lists effective at the same hand-off) is dropped;
 * of those, the one with the later `from` (then the later in the file) wins.
 */
export function rosterPlan(rosters: readonly Roster[], clock: HandoffClock): RosterSegment[] {
  const effective = rosters
    .map((roster, rosterIndex) => ({ roster, rosterIndex, firstShift: Math.max(0, clock.firstIndexOnOrAfter(parseLocalDate(roster.from))) }))
    .sort((a, b) => a.firstShift - b.firstShift || (a.roster.from < b.roster.from ? -1 : a.roster.from > b.roster.from ? 1 : 0) || a.rosterIndex - b.rosterIndex);
  const kept = effective.filter((entry, i) => effective[i + 1]?.firstShift !== entry.firstShift);

  const plan: RosterSegment[] = [];
  for (const { roster, rosterIndex, firstShift } of kept) {
    const participants = roster.participants;
    const previous = plan.at(-1);
    let startPosition = (roster.offset ?? 0) % participants.length;
    if (previous) {
      const last = turnIn(previous, firstShift - 1);
      const continued = continuation(previous.participants, last.position, participants);
      if (continued !== undefined) startPosition = continued;
    }
    plan.push({ rosterIndex, firstShift, participants, startPosition });
  }
  return plan;
}

/**
 * Where the new list continues after `lastPosition` in the old one: after the same person if they
 * stay, else at the first person following them in the old order who is in the new list. Undefined
 * when the lists share nobody (the new list then starts at its offset).
 */
function continuation(old: readonly string[], lastPosition: number, next: readonly string[]): number | undefined {
  for (let step = 0; step < old.length; step++) {
    const person = old[(lastPosition + step) % old.length]!;
    const at = next.indexOf(person);
    if (at >= 0) return step === 0 ? (at + 1) % next.length : at;
  }
  return undefined;
}

function turnIn(segment: RosterSegment, k: number): RosterTurn {
  const n = segment.participants.length;
  const position = (((segment.startPosition + k - segment.firstShift) % n) + n) % n;
  return { segment, position, person: segment.participants[position]! };
}

/** Who holds shift k under the plan, or undefined before the first list takes effect. */
export function turnAt(plan: readonly RosterSegment[], k: number): RosterTurn | undefined {
  let segment: RosterSegment | undefined;
  // Plans are short (a handful of lists), so a scan costs nothing next to the date arithmetic.
  for (const candidate of plan) {
    if (candidate.firstShift <= k) segment = candidate;
    else break;
  }
  return segment ? turnIn(segment, k) : undefined;
}
