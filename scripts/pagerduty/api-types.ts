/**
 * The parts of PagerDuty's REST API v2 objects the sync reads and writes (names as in PagerDuty's
 * OpenAPI description: Schedule, ScheduleLayer, Restriction, Override, EscalationPolicy,
 * EscalationRule, User), and the checks that turn an answer from the network into them. Every field
 * the sync relies on is checked, so an odd answer fails with a clear message instead of being read
 * as "no layers" or "nobody on call".
 */
import { PagerDutyAnswerError } from './client.ts';

export interface PdReference {
  id: string;
  type: string;
  summary?: string;
}

export interface PdUser {
  id: string;
  name: string;
  email: string;
  /** The user's own time zone, when PagerDuty gives it. */
  time_zone?: string;
}

export interface PdRestriction {
  type: 'daily_restriction' | 'weekly_restriction';
  /** `HH:mm:ss` in the schedule's time zone. */
  start_time_of_day: string;
  duration_seconds: number;
  /** ISO weekday (1 = Monday), weekly restrictions only. */
  start_day_of_week?: number;
}

export interface PdEntry {
  start: string;
  end: string;
  user?: PdReference;
}

export interface PdLayer {
  id?: string;
  name?: string;
  start: string;
  end?: string | null;
  rotation_virtual_start: string;
  rotation_turn_length_seconds: number;
  users: { user: PdReference }[];
  restrictions?: PdRestriction[];
  /** What PagerDuty renders of this layer alone for the window asked for (read only). */
  rendered_schedule_entries?: PdEntry[];
}

export interface PdSchedule {
  id: string;
  name: string;
  time_zone: string;
  description: string;
  /**
   * Lowest first (PagerDuty's Layer 1 first), the order a request sends them in and a later layer
   * wins over an earlier one. PagerDuty's answers list them the other way round, highest first;
   * {@link parseSchedule} turns them round.
   */
  schedule_layers: PdLayer[];
  final_schedule?: PdEntry[];
  overrides_subschedule?: PdEntry[];
}

export interface PdOverride {
  id: string;
  start: string;
  end: string;
  user: PdReference;
}

export interface PdEscalationRule {
  escalation_delay_in_minutes: number;
  targets: PdReference[];
}

export interface PdEscalationPolicy {
  id: string;
  name: string;
  description: string;
  num_loops: number;
  escalation_rules: PdEscalationRule[];
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PagerDutyAnswerError(`${what}: PagerDuty answered with something that is not an object.`);
  return value as Json;
}

function text(record: Json, key: string, what: string, optional = false): string {
  const value = record[key];
  if ((value === undefined || value === null) && optional) return '';
  if (typeof value !== 'string') throw new PagerDutyAnswerError(`${what}: "${key}" is missing or not text in PagerDuty's answer.`);
  return value;
}

function instant(record: Json, key: string, what: string): string {
  const value = text(record, key, what);
  if (!Number.isFinite(Date.parse(value))) throw new PagerDutyAnswerError(`${what}: "${key}" is "${value.slice(0, 40)}", not a date-time, in PagerDuty's answer.`);
  return value;
}

function integer(record: Json, key: string, what: string, fallback?: number): number {
  const value = record[key];
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new PagerDutyAnswerError(`${what}: "${key}" is missing or not a whole number in PagerDuty's answer.`);
  return value;
}

function list(record: Json, key: string, what: string, optional = false): unknown[] {
  const value = record[key];
  if ((value === undefined || value === null) && optional) return [];
  if (!Array.isArray(value)) throw new PagerDutyAnswerError(`${what}: "${key}" is missing or not a list in PagerDuty's answer.`);
  return value;
}

function reference(value: unknown, what: string): PdReference {
  const record = object(value, what);
  const out: PdReference = { id: text(record, 'id', what), type: text(record, 'type', what) };
  if (typeof record.summary === 'string') out.summary = record.summary;
  return out;
}

export function parseUser(value: unknown): PdUser {
  const record = object(value, 'a user');
  const what = `user ${String(record.id ?? '?')}`;
  const user: PdUser = { id: text(record, 'id', what), name: text(record, 'name', what, true), email: text(record, 'email', what, true) };
  if (typeof record.time_zone === 'string' && record.time_zone !== '') user.time_zone = record.time_zone;
  return user;
}

function parseEntries(value: unknown, what: string): PdEntry[] {
  if (value === undefined || value === null) return [];
  const record = object(value, what);
  return list(record, 'rendered_schedule_entries', what, true).map((entry, i) => {
    const item = object(entry, `${what} entry ${i}`);
    const out: PdEntry = { start: instant(item, 'start', `${what} entry ${i}`), end: instant(item, 'end', `${what} entry ${i}`) };
    if (item.user !== undefined && item.user !== null) out.user = reference(item.user, `${what} entry ${i} user`);
    return out;
  });
}

function parseRestriction(value: unknown, what: string): PdRestriction {
  const record = object(value, what);
  const type = text(record, 'type', what);
  if (type !== 'daily_restriction' && type !== 'weekly_restriction') throw new PagerDutyAnswerError(`${what}: restriction type "${type.slice(0, 40)}" is not one PagerDuty documents.`);
  const out: PdRestriction = { type, start_time_of_day: text(record, 'start_time_of_day', what), duration_seconds: integer(record, 'duration_seconds', what) };
  if (type === 'weekly_restriction') out.start_day_of_week = integer(record, 'start_day_of_week', what);
  return out;
}

export function parseLayer(value: unknown, what: string): PdLayer {
  const record = object(value, what);
  const out: PdLayer = {
    start: instant(record, 'start', what),
    end: record.end === undefined || record.end === null ? null : instant(record, 'end', what),
    rotation_virtual_start: instant(record, 'rotation_virtual_start', what),
    rotation_turn_length_seconds: integer(record, 'rotation_turn_length_seconds', what),
    users: list(record, 'users', what).map((u, i) => ({ user: reference(object(u, `${what} user ${i}`).user, `${what} user ${i}`) })),
    restrictions: list(record, 'restrictions', what, true).map((r, i) => parseRestriction(r, `${what} restriction ${i}`)),
  };
  if (typeof record.id === 'string') out.id = record.id;
  if (typeof record.name === 'string') out.name = record.name;
  if (Array.isArray(record.rendered_schedule_entries)) out.rendered_schedule_entries = parseEntries(record, what);
  if (out.rotation_turn_length_seconds <= 0) throw new PagerDutyAnswerError(`${what}: rotation_turn_length_seconds must be positive in PagerDuty's answer.`);
  return out;
}

export function parseSchedule(value: unknown): PdSchedule {
  const record = object(value, 'a schedule');
  const what = `schedule ${String(record.id ?? '?')}`;
  const out: PdSchedule = {
    id: text(record, 'id', what),
    name: text(record, 'name', what, true),
    time_zone: text(record, 'time_zone', what),
    description: text(record, 'description', what, true),
    schedule_layers: list(record, 'schedule_layers', what, true)
      .map((layer, i) => parseLayer(layer, `${what} layer ${i}`))
      .reverse(),
  };
  if (record.final_schedule !== undefined) out.final_schedule = parseEntries(record.final_schedule, `${what} final_schedule`);
  if (record.overrides_subschedule !== undefined) out.overrides_subschedule = parseEntries(record.overrides_subschedule, `${what} overrides_subschedule`);
  return out;
}

export function parseOverride(value: unknown, what = 'an override'): PdOverride {
  const record = object(value, what);
  return { id: text(record, 'id', what), start: instant(record, 'start', what), end: instant(record, 'end', what), user: reference(record.user, `${what} user`) };
}

export function parseEscalationPolicy(value: unknown): PdEscalationPolicy {
  const record = object(value, 'an escalation policy');
  const what = `escalation policy ${String(record.id ?? '?')}`;
  return {
    id: text(record, 'id', what),
    name: text(record, 'name', what, true),
    description: text(record, 'description', what, true),
    num_loops: integer(record, 'num_loops', what, 0),
    escalation_rules: list(record, 'escalation_rules', what).map((rule, i) => {
      const item = object(rule, `${what} rule ${i}`);
      return {
        escalation_delay_in_minutes: integer(item, 'escalation_delay_in_minutes', `${what} rule ${i}`),
        targets: list(item, 'targets', `${what} rule ${i}`).map((t, j) => reference(t, `${what} rule ${i} target ${j}`)),
      };
    }),
  };
}

/** `{key: object}` from a single-object answer (`{"schedule": {...}}`). */
export function unwrap(value: unknown, key: string, what: string): unknown {
  return object(value, what)[key];
}
