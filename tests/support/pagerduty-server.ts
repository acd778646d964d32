/**
 * A small PagerDuty REST API v2 on 127.0.0.1 for tests: the toolkit's real client talks to it over
 * HTTP, so authentication, pagination (offset/limit/more), rate limits (429 with Retry-After),
 * errors and timeouts are exercised for real. Shapes follow PagerDuty's OpenAPI description
 * (PagerDuty/api-schema, reference/REST/openapiv3.json): Schedule, ScheduleLayer, Restriction,
 * Override, EscalationPolicy, EscalationRule, User, Pagination, and the error body
 * `{error: {message, code, errors}}`.
 *
 * It renders schedules as PagerDuty documents them: a layer hands the turn on every
 * `rotation_turn_length_seconds` seconds counted from `rotation_virtual_start`, to the next of its
 * `users` (the same user may appear more than once), also in a shift its restrictions leave empty;
 * its entries are cut to the layer's `start` and `end`, and to its restrictions (a
 * `daily_restriction` opens a window every day, a `weekly_restriction` on its `start_day_of_week`,
 * 1 = Monday, each at `start_time_of_day` on the wall clock of the schedule's `time_zone`, lasting
 * `duration_seconds`; a daily one is shorter than a day, a weekly one than a week). Where layers
 * overlap, the higher layer wins ("the lowest layer always takes precedence": Layer 2, below
 * Layer 1 on the page, holds the schedule where they overlap). A request lists the layers Layer 1
 * first; PagerDuty's answers list them the other way round, highest first. Overrides win over every
 * layer, the last created first; the final schedule is cut to `since`/`until` unless
 * `overflow=true`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DateTime } from 'luxon';

export interface FakeUser {
  id: string;
  name: string;
  email: string;
}

export interface FakeRestriction {
  type: 'daily_restriction' | 'weekly_restriction';
  start_time_of_day: string;
  duration_seconds: number;
  start_day_of_week?: number;
}

export interface FakeLayer {
  id: string;
  name: string;
  start: string;
  end: string | null;
  rotation_virtual_start: string;
  rotation_turn_length_seconds: number;
  users: string[];
  restrictions: FakeRestriction[];
}

export interface FakeSchedule {
  id: string;
  name: string;
  time_zone: string;
  description: string;
  /** Layer 1 first, as a request sends them: a later layer wins where they overlap. */
  layers: FakeLayer[];
}

export interface FakeOverride {
  id: string;
  schedule: string;
  start: string;
  end: string;
  user: string;
  /** Creation order: the latest wins where overrides overlap. */
  created: number;
}

export interface FakePolicy {
  id: string;
  name: string;
  description: string;
  num_loops: number;
  rules: { delay: number; targets: { id: string; type: 'user_reference' | 'schedule_reference' }[] }[];
}

export interface PagerDutyState {
  /** The token requests must carry (`Authorization: Token token=<t>`). */
  token: string;
  /** A token that may read but not write (403 on writes). */
  readOnlyToken?: string;
  /** The server's clock, for "past override" rules. */
  now: number;
  users: FakeUser[];
  schedules: FakeSchedule[];
  overrides: FakeOverride[];
  policies: FakePolicy[];
  /** Requests allowed per window (PagerDuty: 960 a minute), and the window. */
  rateLimit: { limit: number; windowMs: number };
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  status: number;
  body: unknown;
}

/** A fault for the next request matching a route key (`GET /schedules`, `POST /schedules/{id}/overrides`). */
export type Fault = number | 'reset' | { delayMs: number } | { retryAfter: number };

export interface PagerDutyServer {
  readonly url: string;
  readonly state: PagerDutyState;
  readonly requests: LoggedRequest[];
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  /** Queues faults for a route key; each matching request takes the next one. */
  fault(key: string, faults: readonly Fault[]): void;
  /** After this many more successful writes (any route), every write fails with 500 until cleared. */
  failWritesAfter(count: number | undefined): void;
  /** Starts a new rate-limit window (after seeding, so a measured run starts with a full minute). */
  resetRateLimit(): void;
  /** Renders a schedule's final entries in [since, until) as the API would. */
  render(scheduleId: string, since: number, until: number): { start: number; end: number; user: string }[];
  close(): Promise<void>;
}

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 25;

function error(status: number, message: string, errors: string[] = [], code = 2001): { status: number; body: unknown } {
  return { status, body: { error: { message, code, ...(errors.length > 0 ? { errors } : {}) } } };
}

function validZone(zone: unknown): zone is string {
  return typeof zone === 'string' && DateTime.local().setZone(zone).isValid;
}

const parseTime = (text: unknown): number => (typeof text === 'string' ? Date.parse(text) : NaN);

interface Piece {
  start: number;
  end: number;
  user: string;
}

/** Restriction windows of a layer overlapping [from, to), as instants. */
function restrictionWindows(restrictions: readonly FakeRestriction[], zone: string, from: number, to: number): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  let day = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 8 });
  const last = DateTime.fromMillis(to, { zone }).startOf('day').plus({ days: 1 });
  while (day <= last) {
    for (const r of restrictions) {
      if (r.type === 'weekly_restriction' && day.weekday !== r.start_day_of_week) continue;
      const [h = 0, m = 0, s = 0] = r.start_time_of_day.split(':').map(Number);
      const start = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: h, minute: m, second: s }, { zone }).toMillis();
      const end = start + r.duration_seconds * 1000;
      if (end > from && start < to) windows.push({ start, end });
    }
    day = day.plus({ days: 1 });
  }
  return windows;
}

function layerPieces(layer: FakeLayer, zone: string, from: number, to: number): Piece[] {
  const a = Math.max(from, parseTime(layer.start));
  const b = Math.min(to, layer.end === null ? Infinity : parseTime(layer.end));
  if (!(b > a) || layer.users.length === 0) return [];
  const vs = parseTime(layer.rotation_virtual_start);
  const length = layer.rotation_turn_length_seconds * 1000;
  const pieces: Piece[] = [];
  for (let i = Math.floor((a - vs) / length); vs + i * length < b; i++) {
    const n = layer.users.length;
    const user = layer.users[((i % n) + n) % n]!;
    const start = Math.max(a, vs + i * length);
    const end = Math.min(b, vs + (i + 1) * length);
    if (end > start) pieces.push({ start, end, user });
  }
  if (layer.restrictions.length === 0) return pieces;
  const windows = restrictionWindows(layer.restrictions, zone, a, b);
  return pieces.flatMap((p) => windows.map((w) => ({ start: Math.max(p.start, w.start), end: Math.min(p.end, w.end), user: p.user })).filter((p) => p.end > p.start));
}

/** Stacks pieces by priority (earlier lists win: overrides, then the highest layer down) into one timeline. */
function stack(levels: readonly Piece[][], from: number, to: number): Piece[] {
  const points = [...new Set([from, to, ...levels.flat().flatMap((p) => [p.start, p.end])])].filter((t) => t >= from && t <= to).sort((x, y) => x - y);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let user: string | undefined;
    for (const level of levels) {
      const hit = level.find((p) => p.start <= start && end <= p.end);
      if (hit) {
        user = hit.user;
        break;
      }
    }
    if (user === undefined) continue;
    const last = out.at(-1);
    if (last && last.user === user && last.end === start) last.end = end;
    else out.push({ start, end, user });
  }
  return out;
}

export async function startPagerDutyServer(initial: Partial<PagerDutyState> = {}): Promise<PagerDutyServer> {
  const state: PagerDutyState = {
    token: 'pd-test-token',
    now: Date.now(),
    users: [],
    schedules: [],
    overrides: [],
    policies: [],
    rateLimit: { limit: 960, windowMs: 60_000 },
    ...initial,
  };
  const requests: LoggedRequest[] = [];
  const faults = new Map<string, Fault[]>();
  let writesLeft: number | undefined;
  let windowStart = Date.now();
  let windowCount = 0;
  let nextId = 1;
  let created = 0;
  const newId = (prefix: string) => `${prefix}${String(nextId++).padStart(6, '0')}`;
  const sockets = new Set<Socket>();

  const userRef = (id: string) => {
    const user = state.users.find((u) => u.id === id);
    return { id, type: 'user_reference', summary: user?.name ?? id, self: `${url}/users/${id}`, html_url: null };
  };
  const iso = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;

  const render = (scheduleId: string, since: number, until: number): Piece[] => {
    const schedule = state.schedules.find((s) => s.id === scheduleId);
    if (!schedule) return [];
    const layers = [...schedule.layers].reverse().map((l) => layerPieces(l, schedule.time_zone, since, until));
    const overrides = state.overrides
      .filter((o) => o.schedule === scheduleId)
      .sort((a, b) => b.created - a.created)
      .map((o) => [{ start: Math.max(since, parseTime(o.start)), end: Math.min(until, parseTime(o.end)), user: o.user }].filter((p) => p.end > p.start));
    return stack([...overrides, ...layers], since, until);
  };

  const scheduleJson = (schedule: FakeSchedule, query: URLSearchParams, includes: ReadonlySet<string>) => {
    const zone = validZone(query.get('time_zone')) ? query.get('time_zone')! : schedule.time_zone;
    const sinceText = query.get('since');
    const untilText = query.get('until');
    const since = sinceText ? parseTime(sinceText) : untilText ? parseTime(untilText) - 14 * 86_400_000 : NaN;
    const until = untilText ? parseTime(untilText) : sinceText ? since + 14 * 86_400_000 : NaN;
    const rendered = Number.isFinite(since) && Number.isFinite(until);
    const entries = (pieces: Piece[]) => pieces.map((p) => ({ start: iso(p.start, zone), end: iso(p.end, zone), user: userRef(p.user) }));
    const out: Record<string, unknown> = {
      id: schedule.id,
      type: 'schedule',
      summary: schedule.name,
      self: `${url}/schedules/${schedule.id}`,
      html_url: null,
      name: schedule.name,
      time_zone: schedule.time_zone,
      description: schedule.description,
      users: [...new Set(schedule.layers.flatMap((l) => l.users))].map(userRef),
      escalation_policies: state.policies.filter((p) => p.rules.some((r) => r.targets.some((t) => t.id === schedule.id))).map((p) => ({ id: p.id, type: 'escalation_policy_reference', summary: p.name })),
      teams: [],
    };
    if (includes.has('schedule_layers')) {
      out.schedule_layers = [...schedule.layers].reverse().map((l) => ({
        id: l.id,
        name: l.name,
        start: l.start,
        end: l.end,
        rotation_virtual_start: l.rotation_virtual_start,
        rotation_turn_length_seconds: l.rotation_turn_length_seconds,
        users: l.users.map((u) => ({ user: userRef(u) })),
        restrictions: l.restrictions,
        ...(rendered ? { rendered_schedule_entries: entries(layerPieces(l, schedule.time_zone, since, until)), rendered_coverage_percentage: null } : {}),
      }));
    }
    if (includes.has('final_schedule')) out.final_schedule = { name: 'Final Schedule', rendered_schedule_entries: rendered ? entries(render(schedule.id, since, until)) : [], rendered_coverage_percentage: null };
    if (includes.has('overrides_subschedule')) {
      const pieces = rendered ? stack(state.overrides.filter((o) => o.schedule === schedule.id).sort((a, b) => b.created - a.created).map((o) => [{ start: Math.max(since, parseTime(o.start)), end: Math.min(until, parseTime(o.end)), user: o.user }].filter((p) => p.end > p.start)), since, until) : [];
      out.overrides_subschedule = { name: 'Overrides', rendered_schedule_entries: entries(pieces), rendered_coverage_percentage: null };
    }
    return out;
  };

  const policyJson = (p: FakePolicy) => ({
    id: p.id,
    type: 'escalation_policy',
    summary: p.name,
    self: `${url}/escalation_policies/${p.id}`,
    html_url: null,
    name: p.name,
    description: p.description,
    num_loops: p.num_loops,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: p.rules.map((r, i) => ({ id: `${p.id}R${i}`, escalation_delay_in_minutes: r.delay, targets: r.targets.map((t) => ({ ...t, summary: t.id })) })),
    services: [],
    teams: [],
  });

  /** One page of a list; only the page's items are turned into JSON (and rendered). */
  const paginate = <T>(key: string, items: readonly T[], query: URLSearchParams, toJson: (item: T) => unknown) => {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Number(query.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
    const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
    const page = items.slice(offset, offset + limit).map(toJson);
    return { status: 200, body: { [key]: page, limit, offset, more: offset + limit < items.length, total: query.get('total') === 'true' ? items.length : null } };
  };

  /** Checks a schedule from a request body; returns the problems PagerDuty would list. */
  const readSchedule = (body: unknown, existing?: FakeSchedule): FakeSchedule | { errors: string[] } => {
    const schedule = (typeof body === 'object' && body !== null ? (body as { schedule?: unknown }).schedule : undefined) as Record<string, unknown> | undefined;
    if (!schedule || typeof schedule !== 'object') return { errors: ['Schedule must be an object.'] };
    const errors: string[] = [];
    if (!validZone(schedule.time_zone)) errors.push('Time zone is not a valid time zone.');
    const layers = Array.isArray(schedule.schedule_layers) ? schedule.schedule_layers : [];
    if (!Array.isArray(schedule.schedule_layers) || layers.length === 0) errors.push('Schedule layers must be a non-empty list.');
    const out: FakeLayer[] = [];
    layers.forEach((raw: Record<string, unknown>, i: number) => {
      const where = `Schedule layer ${i + 1}`;
      if (!Number.isFinite(parseTime(raw.start))) errors.push(`${where}: start is not a date-time.`);
      if (raw.end !== null && raw.end !== undefined && !(parseTime(raw.end) > parseTime(raw.start))) errors.push(`${where}: end must be after start.`);
      if (!Number.isFinite(parseTime(raw.rotation_virtual_start))) errors.push(`${where}: rotation_virtual_start is not a date-time.`);
      const turn = raw.rotation_turn_length_seconds;
      if (typeof turn !== 'number' || !Number.isInteger(turn) || turn < 3600) errors.push(`${where}: rotation_turn_length_seconds must be a whole number of at least 3600.`);
      const users = Array.isArray(raw.users) ? raw.users.map((u: { user?: { id?: unknown } }) => u?.user?.id) : [];
      if (users.length === 0) errors.push(`${where}: users must not be empty.`);
      for (const id of users) if (typeof id !== 'string' || !state.users.some((u) => u.id === id)) errors.push(`${where}: user ${String(id)} does not exist.`);
      const restrictions = Array.isArray(raw.restrictions) ? (raw.restrictions as FakeRestriction[]) : [];
      for (const r of restrictions) {
        if (r.type !== 'daily_restriction' && r.type !== 'weekly_restriction') errors.push(`${where}: restriction type is invalid.`);
        if (r.type === 'weekly_restriction' && !(Number.isInteger(r.start_day_of_week) && r.start_day_of_week! >= 1 && r.start_day_of_week! <= 7)) errors.push(`${where}: start_day_of_week must be 1 to 7.`);
        if (typeof r.start_time_of_day !== 'string' || !/^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/.test(r.start_time_of_day)) errors.push(`${where}: start_time_of_day must be HH:mm:ss.`);
        const longest = r.type === 'daily_restriction' ? 86_400 : 7 * 86_400;
        if (!(Number.isInteger(r.duration_seconds) && r.duration_seconds > 0 && r.duration_seconds < longest)) errors.push(`${where}: duration_seconds must be a whole number shorter than ${r.type === 'daily_restriction' ? 'a day' : 'a week'}.`);
      }
      const id = typeof raw.id === 'string' && existing?.layers.some((l) => l.id === raw.id) ? raw.id : newId('L');
      out.push({
        id,
        name: typeof raw.name === 'string' ? raw.name : `Layer ${i + 1}`,
        start: String(raw.start),
        end: raw.end === null || raw.end === undefined ? null : String(raw.end),
        rotation_virtual_start: String(raw.rotation_virtual_start),
        rotation_turn_length_seconds: Number(turn),
        users: users as string[],
        restrictions: restrictions.map((r) => ({ ...r })),
      });
    });
    if (errors.length > 0) return { errors };
    return {
      id: existing?.id ?? newId('PS'),
      name: typeof schedule.name === 'string' ? schedule.name : '',
      time_zone: schedule.time_zone as string,
      description: typeof schedule.description === 'string' ? schedule.description : '',
      layers: out,
    };
  };

  const readPolicy = (body: unknown, existing?: FakePolicy): FakePolicy | { errors: string[] } => {
    const policy = (typeof body === 'object' && body !== null ? (body as { escalation_policy?: unknown }).escalation_policy : undefined) as Record<string, unknown> | undefined;
    if (!policy || typeof policy !== 'object') return { errors: ['Escalation policy must be an object.'] };
    const errors: string[] = [];
    if (typeof policy.name !== 'string' || policy.name === '') errors.push('Name cannot be empty.');
    const rules = Array.isArray(policy.escalation_rules) ? policy.escalation_rules : [];
    if (rules.length === 0) errors.push('Escalation rules must not be empty.');
    const out: FakePolicy['rules'] = rules.map((r: { escalation_delay_in_minutes?: unknown; targets?: { id?: unknown; type?: unknown }[] }, i: number) => {
      if (typeof r.escalation_delay_in_minutes !== 'number' || r.escalation_delay_in_minutes < 1) errors.push(`Escalation rule ${i + 1}: delay must be at least 1 minute.`);
      const targets = (Array.isArray(r.targets) ? r.targets : []).map((t) => {
        const type = t.type === 'user' || t.type === 'user_reference' ? 'user_reference' : 'schedule_reference';
        const known = type === 'user_reference' ? state.users.some((u) => u.id === t.id) : state.schedules.some((s) => s.id === t.id);
        if (!known) errors.push(`Escalation rule ${i + 1}: target ${String(t.id)} does not exist.`);
        return { id: String(t.id), type } as const;
      });
      if (targets.length === 0 || targets.length > 10) errors.push(`Escalation rule ${i + 1}: targets must hold 1 to 10 entries.`);
      return { delay: Number(r.escalation_delay_in_minutes), targets };
    });
    if (errors.length > 0) return { errors };
    return { id: existing?.id ?? newId('PE'), name: policy.name as string, description: typeof policy.description === 'string' ? policy.description : '', num_loops: typeof policy.num_loops === 'number' ? policy.num_loops : 0, rules: out };
  };

  const handle = (method: string, segments: string[], query: URLSearchParams, body: unknown): { key: string; result: { status: number; body?: unknown } } => {
    const [a, b, c, d] = segments;
    const includes = new Set(query.getAll('include[]'));
    if (a === 'users' && b === undefined && method === 'GET') return { key: 'GET /users', result: paginate('users', state.users, query, (u) => ({ id: u.id, type: 'user', summary: u.name, name: u.name, email: u.email, time_zone: 'UTC', role: 'user' })) };
    if (a === 'schedules' && b === undefined) {
      if (method === 'GET') return { key: 'GET /schedules', result: paginate('schedules', state.schedules, query, (s) => scheduleJson(s, query, includes)) };
      if (method === 'POST') {
        const schedule = readSchedule(body);
        if ('errors' in schedule) return { key: 'POST /schedules', result: error(400, 'Invalid Input Provided', schedule.errors) };
        state.schedules.push(schedule);
        return { key: 'POST /schedules', result: { status: 201, body: { schedule: scheduleJson(schedule, query, new Set(['schedule_layers'])) } } };
      }
    }
    if (a === 'schedules' && b !== undefined && c === undefined) {
      const key = `${method} /schedules/{id}`;
      const schedule = state.schedules.find((s) => s.id === b);
      if (!schedule) return { key, result: error(404, 'Not Found', [], 2100) };
      if (method === 'GET') return { key, result: { status: 200, body: { schedule: scheduleJson(schedule, query, new Set(['schedule_layers', 'final_schedule', 'overrides_subschedule'])) } } };
      if (method === 'PUT') {
        const next = readSchedule(body, schedule);
        if ('errors' in next) return { key, result: error(400, 'Invalid Input Provided', next.errors) };
        Object.assign(schedule, next);
        return { key, result: { status: 200, body: { schedule: scheduleJson(schedule, query, new Set(['schedule_layers'])) } } };
      }
      if (method === 'DELETE') {
        state.schedules = state.schedules.filter((s) => s !== schedule);
        return { key, result: { status: 204 } };
      }
    }
    if (a === 'schedules' && b !== undefined && c === 'overrides') {
      const schedule = state.schedules.find((s) => s.id === b);
      const key = d === undefined ? `${method} /schedules/{id}/overrides` : `${method} /schedules/{id}/overrides/{override_id}`;
      if (!schedule) return { key, result: error(404, 'Not Found', [], 2100) };
      if (d === undefined && method === 'GET') {
        const since = parseTime(query.get('since'));
        const until = parseTime(query.get('until'));
        const list = state.overrides.filter((o) => o.schedule === b && (!Number.isFinite(since) || parseTime(o.end) > since) && (!Number.isFinite(until) || parseTime(o.start) < until));
        return { key, result: { status: 200, body: { overrides: list.map((o) => ({ id: o.id, start: o.start, end: o.end, user: userRef(o.user) })) } } };
      }
      if (d === undefined && method === 'POST') {
        const items = typeof body === 'object' && body !== null && Array.isArray((body as { overrides?: unknown }).overrides) ? (body as { overrides: Record<string, unknown>[] }).overrides : undefined;
        if (!items) return { key, result: error(400, 'Invalid Input Provided', ['overrides must be a list.']) };
        const results = items.map((item) => {
          const user = (item.user as { id?: unknown } | undefined)?.id;
          const start = parseTime(item.start);
          const end = parseTime(item.end);
          const errors: string[] = [];
          if (!(end > start)) errors.push('Override must end after its start');
          if (typeof user !== 'string' || !state.users.some((u) => u.id === user)) errors.push('User not found');
          if (errors.length > 0) return { status: 400, errors, override: { start: item.start, end: item.end, user: item.user } };
          const override: FakeOverride = { id: newId('Q'), schedule: b, start: String(item.start), end: String(item.end), user: user as string, created: created++ };
          state.overrides.push(override);
          return { status: 201, override: { id: override.id, start: override.start, end: override.end, user: userRef(override.user) } };
        });
        return { key, result: { status: 201, body: results } };
      }
      if (d !== undefined && method === 'DELETE') {
        const override = state.overrides.find((o) => o.id === d && o.schedule === b);
        if (!override) return { key, result: error(404, 'Not Found', [], 2100) };
        if (parseTime(override.end) <= state.now) return { key, result: error(400, 'Invalid Input Provided', ['You cannot remove a past override.']) };
        if (parseTime(override.start) < state.now) {
          override.end = new Date(state.now).toISOString();
          return { key, result: { status: 200 } };
        }
        state.overrides = state.overrides.filter((o) => o !== override);
        return { key, result: { status: 204 } };
      }
    }
    if (a === 'escalation_policies' && b === undefined) {
      if (method === 'GET') return { key: 'GET /escalation_policies', result: paginate('escalation_policies', state.policies, query, policyJson) };
      if (method === 'POST') {
        const policy = readPolicy(body);
        if ('errors' in policy) return { key: 'POST /escalation_policies', result: error(400, 'Invalid Input Provided', policy.errors) };
        state.policies.push(policy);
        return { key: 'POST /escalation_policies', result: { status: 201, body: { escalation_policy: policyJson(policy) } } };
      }
    }
    if (a === 'escalation_policies' && b !== undefined && c === undefined) {
      const key = `${method} /escalation_policies/{id}`;
      const policy = state.policies.find((p) => p.id === b);
      if (!policy) return { key, result: error(404, 'Not Found', [], 2100) };
      if (method === 'GET') return { key, result: { status: 200, body: { escalation_policy: policyJson(policy) } } };
      if (method === 'PUT') {
        const next = readPolicy(body, policy);
        if ('errors' in next) return { key, result: error(400, 'Invalid Input Provided', next.errors) };
        Object.assign(policy, next);
        return { key, result: { status: 200, body: { escalation_policy: policyJson(policy) } } };
      }
      if (method === 'DELETE') {
        state.policies = state.policies.filter((p) => p !== policy);
        return { key, result: { status: 204 } };
      }
    }
    return { key: `${method} ?`, result: error(404, 'Not Found', [], 2100) };
  };

  const routeKey = (method: string, segments: string[]): string =>
    `${method} /${segments.map((s, i) => (i % 2 === 1 ? (segments[i - 1] === 'overrides' ? '{override_id}' : '{id}') : s)).join('/')}`;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
        const method = req.method ?? 'GET';
        const segments = parsed.pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = text;
        }
        const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
          requests.push({ method, path: parsed.pathname, query: parsed.searchParams, status, body });
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'ratelimit-limit': String(state.rateLimit.limit), 'ratelimit-remaining': String(Math.max(0, state.rateLimit.limit - windowCount)), ...headers });
          res.end(payload === undefined ? '' : JSON.stringify(payload));
        };
        const key = routeKey(method, segments);
        const fault = faults.get(key)?.shift();
        if (fault === 'reset') {
          requests.push({ method, path: parsed.pathname, query: parsed.searchParams, status: 0, body });
          req.socket.destroy();
          return;
        }
        if (typeof fault === 'object' && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (typeof fault === 'object' && 'retryAfter' in fault) return send(429, error(429, 'Rate Limit Exceeded', [], 2020).body, { 'retry-after': String(fault.retryAfter), 'ratelimit-reset': String(fault.retryAfter) });
        if (typeof fault === 'number') return send(fault, fault >= 400 ? error(fault, fault >= 500 ? 'Internal Server Error' : 'Error').body : {});

        const auth = req.headers.authorization ?? '';
        const token = /^Token token=(.+)$/.exec(auth)?.[1];
        if (token !== state.token && token !== state.readOnlyToken) return send(401, error(401, 'Unauthorized', [], 2006).body);
        if (token === state.readOnlyToken && method !== 'GET') return send(403, error(403, 'Access Denied', ['This token is read-only.'], 2010).body);
        if (req.headers.accept !== 'application/vnd.pagerduty+json;version=2') return send(400, error(400, 'Invalid Input Provided', ['Accept must be application/vnd.pagerduty+json;version=2.']).body);

        const clock = Date.now();
        if (clock - windowStart >= state.rateLimit.windowMs) {
          windowStart = clock;
          windowCount = 0;
        }
        windowCount += 1;
        if (windowCount > state.rateLimit.limit) {
          const wait = Math.max(1, Math.ceil((windowStart + state.rateLimit.windowMs - clock) / 1000));
          return send(429, error(429, 'Rate Limit Exceeded', [], 2020).body, { 'retry-after': String(wait), 'ratelimit-reset': String(wait) });
        }
        if (method !== 'GET' && writesLeft !== undefined) {
          if (writesLeft <= 0) return send(500, error(500, 'Internal Server Error').body);
          writesLeft -= 1;
        }
        const { result } = handle(method, segments, parsed.searchParams, body);
        send(result.status, result.body);
      })();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    state,
    requests,
    env: (extra = {}) => ({ PAGERDUTY_API_URL: url, PAGERDUTY_TOKEN: state.token, ...extra }),
    fault: (key, list) => faults.set(key, [...(faults.get(key) ?? []), ...list]),
    failWritesAfter: (count) => {
      writesLeft = count;
    },
    render,
    resetRateLimit: () => {
      windowStart = Date.now();
      windowCount = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
