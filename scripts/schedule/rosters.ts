/**
 * Who holds shift k of a layer, from its participant lists. A list takes effect at the first hand-off
 * on or after its `from` date and continues the turn order: the first turn under the new list goes
 * to the person after the one who held the last turn under the old list (in the new order), so a
 * change never moves an earlier shift and never gives anyone two turns in a row. Turns are counted
 * by turns.ts: every shift, or only the shifts a restricted layer is on call in.
 */
import type { HandoffClock } from './handoffs.ts';
import type { Roster } from './layers.ts';
import { parseLocalDate } from './local-time.ts';
import { EVERY_SHIFT, type TurnCounter } from './turns.ts';

/** One participant list and the shifts it governs. */
export interface RosterSegment {
  /** Index of the roster in its `rosters` list (for diagnostics). */
  rosterIndex: number;
  /** First shift index the list governs. */
  firstShift: number;
  /** Number of the first turn the list gives (equal to firstShift when every shift is a turn). */
  firstTurn: number;
  participants: readonly string[];
  /** Position in `participants` of the person holding the first turn. */
  startPosition: number;
}

/** Where a shift's person comes from: the list and the position in it. */
export interface RosterTurn {
  segment: RosterSegment;
  position: number;
  person: string;
}

/**
 * The lists in the order they take effect, each with the position it starts at. A list overtaken
 * before it gives any turn (two lists effective at the same hand-off) is dropped; of those, the one
 * with the later `from` (then the later in the file) wins.
 */
export function rosterPlan(rosters: readonly Roster[], clock: HandoffClock, turns: TurnCounter = EVERY_SHIFT): RosterSegment[] {
  const effective = rosters
    .map((roster, rosterIndex) => {
      const firstShift = Math.max(0, clock.firstIndexOnOrAfter(parseLocalDate(roster.from)));
      return { roster, rosterIndex, firstShift, firstTurn: turns.before(firstShift) };
    })
    .sort((a, b) => a.firstShift - b.firstShift || (a.roster.from < b.roster.from ? -1 : a.roster.from > b.roster.from ? 1 : 0) || a.rosterIndex - b.rosterIndex);
  const kept = effective.filter((entry, i) => effective[i + 1]?.firstTurn !== entry.firstTurn);

  const plan: RosterSegment[] = [];
  for (const { roster, rosterIndex, firstShift, firstTurn } of kept) {
    const participants = roster.participants;
    const previous = plan.at(-1);
    let startPosition = (roster.offset ?? 0) % participants.length;
    if (previous) {
      const last = positionIn(previous, firstTurn - 1);
      const continued = continuation(previous.participants, last, participants);
      if (continued !== undefined) startPosition = continued;
    }
    plan.push({ rosterIndex, firstShift, firstTurn, participants, startPosition });
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

function positionIn(segment: RosterSegment, turn: number): number {
  const n = segment.participants.length;
  return (((segment.startPosition + turn - segment.firstTurn) % n) + n) % n;
}

/** Who holds shift k under the plan; undefined before the first list takes effect, or for an empty shift. */
export function turnAt(plan: readonly RosterSegment[], k: number, turns: TurnCounter = EVERY_SHIFT): RosterTurn | undefined {
  let segment: RosterSegment | undefined;
  // Plans are short (a handful of lists), so a scan costs nothing next to the date arithmetic.
  for (const candidate of plan) {
    if (candidate.firstShift <= k) segment = candidate;
    else break;
  }
  if (!segment || turns.isEmpty(k)) return undefined;
  const position = positionIn(segment, turns.before(k));
  return { segment, position, person: segment.participants[position]! };
}
