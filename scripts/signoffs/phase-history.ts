/**
 * A rollout's phase is not stored anywhere: it is derived from its sign-off records, replayed in
 * the order of their `at` times from the first phase in policy/approvals.yaml. Each step checks the
 * transition (from equals the current phase, gates are not skipped, a rollback goes back, GA is the
 * last gate), so `validate` and `status` agree on one history.
 */
import type { DocPath } from '../repo/locate.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { SignoffData } from './requirements.ts';

/** Something wrong with one transition, at a path in its record. */
export interface TransitionProblem {
  path: DocPath;
  message: string;
  hint?: string;
}

/** One record in a rollout's history. */
export interface HistoryStep<R> {
  record: R;
  /** The phase before the record. */
  before: string;
  /** The phase after it (equal to `before` for decisions that move no phase, and for vetoed records). */
  after: string;
  /** Vetoed decisions are recorded but change nothing. */
  vetoed: boolean;
  problems: TransitionProblem[];
}

export interface RolloutHistory<R> {
  rollout: string;
  /** The phase now, after every step. */
  current: string;
  /** The record that put the rollout in its current phase; undefined when it never left the first phase. */
  since?: R;
  steps: HistoryStep<R>[];
}

const MOVES_PHASE = new Set(['phase-gate', 'ga', 'rollback']);

/** Records in decision order: by instant, then id (two decisions at the same minute keep a stable order). */
export function byDecisionTime<R extends { data: SignoffData }>(records: readonly R[]): R[] {
  return [...records].sort((a, b) => Date.parse(a.data.at) - Date.parse(b.data.at) || (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0));
}

/** Every rollout's history, by rollout id. Unknown phases are left to the reference rule and change nothing. */
export function phaseHistories<R extends { data: SignoffData }>(records: readonly R[], approvals: SchemaTypes['approvals']): RolloutHistory<R>[] {
  const phases = approvals.phases.map((p) => p.id);
  const first = phases[0]!;
  const last = phases[phases.length - 1]!;
  const index = (phase: string | undefined) => (phase === undefined ? -1 : phases.indexOf(phase));
  const byRollout = new Map<string, RolloutHistory<R>>();

  for (const record of byDecisionTime(records)) {
    const data = record.data;
    let history = byRollout.get(data.rollout);
    if (!history) byRollout.set(data.rollout, (history = { rollout: data.rollout, current: first, steps: [] }));
    const before = history.current;
    const step: HistoryStep<R> = { record, before, after: before, vetoed: data.veto !== undefined, problems: [] };
    history.steps.push(step);
    if (!MOVES_PHASE.has(data.kind) || data.from === undefined || data.to === undefined) continue;
    const from = index(data.from);
    const to = index(data.to);
    if (from < 0 || to < 0) continue;

    if (data.from !== before) {
      const since = history.since ? `since ${history.since.data.id}` : 'from the start (no earlier sign-off moved it)';
      step.problems.push({
        path: ['from'],
        message: `from: "${data.from}" is not the current phase of ${data.rollout}; it is in ${before} ${since}.`,
        hint: `Set from: ${before}, or add the sign-off that moves ${data.rollout} to ${data.from} first.`,
      });
    }
    if (data.kind === 'rollback') {
      if (to >= from) {
        step.problems.push({ path: ['to'], message: `to: a rollback goes back to an earlier phase; "${data.to}" is not before "${data.from}".`, hint: 'Use kind: phase-gate (or ga) to move forward.' });
      }
    } else if (to <= from) {
      step.problems.push({ path: ['to'], message: `to: a ${data.kind === 'ga' ? 'GA sign-off' : 'phase gate'} moves forward; "${data.to}" is not after "${data.from}".`, hint: 'Use kind: rollback to go back.' });
    } else if (to > from + 1) {
      const skipped = phases.slice(from + 1, to);
      step.problems.push({
        path: ['to'],
        message: `to: "${data.from}" to "${data.to}" skips the ${skipped.map((p) => `${p}`).join(', ')} gate${skipped.length > 1 ? 's' : ''}; gates are signed one at a time.`,
        hint: `Sign ${data.from} to ${phases[from + 1]} first.`,
      });
    } else if (data.kind === 'ga' && data.to !== last) {
      step.problems.push({ path: ['kind'], message: `kind: GA is the last gate (into ${last}); ${data.from} to ${data.to} is a phase gate.`, hint: 'Use kind: phase-gate.' });
    } else if (data.kind === 'phase-gate' && data.to === last) {
      step.problems.push({ path: ['kind'], message: `kind: ${data.from} to ${data.to} is the last gate, which is GA.`, hint: 'Use kind: ga, with the GA sign-offs.' });
    } else if (!approvals.gates.some((g) => g.from === data.from && g.to === data.to)) {
      step.problems.push({ path: ['to'], message: `to: policy/approvals.yaml has no gate from ${data.from} to ${data.to}.`, hint: `Gates: ${approvals.gates.map((g) => `${g.from} to ${g.to}`).join(', ')}.` });
    }

    // A vetoed decision did not happen; a wrong one is reported but still moves the phase, so one
    // mistake is reported once rather than again at every later record.
    if (!step.vetoed) {
      step.after = data.to;
      history.current = data.to;
      history.since = record;
    }
  }
  return [...byRollout.values()].sort((a, b) => (a.rollout < b.rollout ? -1 : 1));
}
