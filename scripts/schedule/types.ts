/**
 * The shapes the schedule engine hands out. Instants are JavaScript Dates (absolute time); every
 * local (wall-clock) computation happens inside the engine with luxon, in the rotation's zone.
 */
import type { DocPath } from '../repo/locate.ts';

/** One person holding one tier of a rotation for an interval of time. */
export interface Shift {
  /** Rotation id. */
  rotation: string;
  /** Tier id (primary, secondary, ...). */
  tier: string;
  /** Person id from policy/people.yaml. */
  person: string;
  /** First instant of the shift. */
  start: Date;
  /** First instant after the shift (exclusive). */
  end: Date;
  /** Whether the rotation's roster or an override put the person there. */
  source: 'roster' | 'override';
  /** The layer of the tier the shift comes from, for tiers covered by several layers (follow-the-sun). */
  layer?: string;
  /** The override's reason. */
  reason?: string;
}

/** A shift together with the place in the rotation file that put the person there (for diagnostics). */
export interface LocatedShift extends Shift {
  /**
   * `['tiers', t, 'rosters', r, 'participants', p]` for a roster shift (with `'layers', l` after the
   * tier for a layered tier),
   * `['overrides', o, 'person']` for an override.
   */
  path: DocPath;
}

/** A half-open interval of absolute time, in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}
