/**
 * When each assignment of a named role is in force, as whole days in the organisation's time zone:
 * from its `from` to the day before the next assignment's (open-ended for the newest). Pure.
 */
import { DateTime } from 'luxon';

export interface AssignmentPeriod {
  index: number;
  /** First day in force. */
  from: string;
  /** Last day in force; undefined while no later assignment follows. */
  to?: string;
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

/** The day before `day` (YYYY-MM-DD). */
export function previousDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!;
}

/**
 * The period of every assignment, in file order. Assignments are meant to be in order of `from`
 * (a rule checks that); an assignment that never comes into force (a later one starts the same day
 * or earlier) gets an empty period (`to` before `from`).
 */
export function assignmentPeriods(assignments: readonly { from: string }[]): AssignmentPeriod[] {
  return assignments.map((assignment, index) => {
    const later = assignments.filter((other, j) => j !== index && (other.from > assignment.from || (other.from === assignment.from && j > index)));
    const next = later.reduce<string | undefined>((min, other) => (min === undefined || other.from < min ? other.from : min), undefined);
    return { index, from: assignment.from, ...(next !== undefined ? { to: previousDay(next) } : {}) };
  });
}
