/**
 * The one place that talks to PagerDuty's REST API v2: a small wrapper around fetch with the retry,
 * pagination and rate-limit policy in one place. Everything else in scripts/pagerduty/ goes through it.
 *
 * - Reads page at the largest page size PagerDuty accepts (100) and follow `more` with `offset`.
 * - 429 (rate limit) is waited out, any method, for `Retry-After` seconds (else `ratelimit-reset`),
 *   a bounded number of times and never longer than `maxWaitSeconds`: PagerDuty did not act on it.
 * - A 5xx, a dropped connection or a timeout is retried with backoff only for GET, PUT and DELETE,
 *   which are idempotent. A POST is never sent twice: it may have been carried out, and the next
 *   plan, reading PagerDuty again, sees the object it made (its marker) instead of making another.
 * - 401 and 403 fail at once with a sentence that says what to check.
 */
import { UsageError } from '../commands/io.ts';

/** PagerDuty's default REST API address; EU accounts use https://api.eu.pagerduty.com. */
export const DEFAULT_PAGERDUTY_API_URL = 'https://api.pagerduty.com';

/** The largest `limit` PagerDuty's classic pagination accepts. */
export const PAGE_SIZE = 100;

/** Most pages any list is read to; a longer list is refused rather than cut short. */
const MAX_PAGES = 1_000;

/** How the client retries and waits; production uses the defaults, tests shrink them. */
export interface PagerDutyClientOptions {
  /** Milliseconds one request (headers and body) may take before it is aborted. Default 30 000. */
  timeoutMs?: number;
  /** How often a failed idempotent request (5xx, network error, timeout) is retried. Default 3. */
  retries?: number;
  /** How often a 429 is waited out before the request fails. Default 5. */
  rateLimitRetries?: number;
  /** The longest wait, in seconds, a 429 may ask for; a longer one fails at once. Default 60. */
  maxWaitSeconds?: number;
  /** Milliseconds that stand for one second of any wait. Default 1 000; tests use less. */
  secondMs?: number;
  /** Where warnings (waits, retries) go; default nowhere. */
  log?: (message: string) => void;
  fetch?: typeof globalThis.fetch;
}

/** What the client sent, for the plan's report and the benchmark. */
export interface RequestStats {
  /** Requests sent, retries included. */
  requests: number;
  reads: number;
  writes: number;
  retries: number;
  rateLimited: number;
  /** Seconds spent waiting for rate limits and retries. */
  waitedSeconds: number;
}

/** A PagerDuty request that failed, with what PagerDuty said. */
export class PagerDutyError extends Error {
  override readonly name = 'PagerDutyError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly details: readonly string[];
  constructor(message: string, init: { status: number; method: string; path: string; details?: readonly string[] }) {
    super(message);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.details = init.details ?? [];
  }
}

/** PagerDuty answered with something that is not what its API describes. */
export class PagerDutyAnswerError extends Error {
  override readonly name = 'PagerDutyAnswerError';
}

/** The PagerDuty environment is incomplete (no token, a bad URL): exit 2. */
export class PagerDutyConfigError extends UsageError {}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface PagerDutyClient {
  readonly baseUrl: string;
  readonly stats: RequestStats;
  get(path: string, query?: Query): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
  put(path: string, body: unknown): Promise<unknown>;
  delete(path: string): Promise<void>;
  /** Every item of a paginated list (`key` is the list's field, e.g. `schedules`). */
  list(path: string, key: string, query?: Query): Promise<unknown[]>;
}

/** `PAGERDUTY_API_URL` without a trailing slash, checked to be an http(s) address. */
export function pagerDutyApiUrl(env: Readonly<Record<string, string | undefined>>): string {
  const value = env.PAGERDUTY_API_URL?.trim() || DEFAULT_PAGERDUTY_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PagerDutyConfigError(`PAGERDUTY_API_URL: "${value}" is not a URL. Set it to ${DEFAULT_PAGERDUTY_API_URL} (or https://api.eu.pagerduty.com for an EU account).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PagerDutyConfigError(`PAGERDUTY_API_URL: "${value}" is not an http(s) URL.`);
  return value.replace(/\/+$/, '');
}

class TimeoutError extends Error {}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** PagerDuty's error body (`{error: {message, code, errors}}`) as text, tolerating anything else. */
function errorDetails(body: unknown): { message?: string; details: string[] } {
  if (typeof body !== 'object' || body === null) return { details: [] };
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return { details: [] };
  const { message, errors } = error as { message?: unknown; errors?: unknown };
  return {
    ...(typeof message === 'string' ? { message: message.slice(0, 300) } : {}),
    details: Array.isArray(errors) ? errors.filter((e): e is string => typeof e === 'string').map((e) => e.slice(0, 300)).slice(0, 10) : [],
  };
}

function seconds(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = Number(header);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * A client for `PAGERDUTY_TOKEN` (a REST API token, account or user) at `PAGERDUTY_API_URL`.
 * Throws {@link PagerDutyConfigError} when the token is missing.
 */
export function createPagerDutyClient(env: Readonly<Record<string, string | undefined>>, options: PagerDutyClientOptions = {}): PagerDutyClient {
  const token = env.PAGERDUTY_TOKEN?.trim();
  if (!token) throw new PagerDutyConfigError('PAGERDUTY_TOKEN is not set: give the command a PagerDuty REST API token (read-only is enough for --plan).');
  const baseUrl = pagerDutyApiUrl(env);
  // Environment knobs: a slower network (PAGERDUTY_TIMEOUT_MS), and tests that shrink every wait.
  const fromEnv = (name: string) => {
    const value = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const timeoutMs = options.timeoutMs ?? fromEnv('PAGERDUTY_TIMEOUT_MS') ?? 30_000;
  const retries = options.retries ?? 3;
  const rateLimitRetries = options.rateLimitRetries ?? 5;
  const maxWait = options.maxWaitSeconds ?? 60;
  const secondMs = options.secondMs ?? fromEnv('ONCALL_PAGERDUTY_SECOND_MS') ?? 1_000;
  const log = options.log ?? (() => {});
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const stats: RequestStats = { requests: 0, reads: 0, writes: 0, retries: 0, rateLimited: 0, waitedSeconds: 0 };

  const wait = async (s: number) => {
    stats.waitedSeconds += s;
    await new Promise((resolve) => setTimeout(resolve, s * secondMs));
  };

  /** One HTTP exchange: status, headers and the parsed body (undefined when empty). */
  async function exchange(method: string, url: string, body: unknown): Promise<{ status: number; headers: Headers; json: unknown }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    stats.requests += 1;
    if (method === 'GET') stats.reads += 1;
    else stats.writes += 1;
    try {
      const response = await fetchImpl(url, {
        method,
        headers: {
          Accept: 'application/vnd.pagerduty+json;version=2',
          Authorization: `Token token=${token}`,
          'User-Agent': 'oncall-as-code',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: timeout,
      });
      const text = await response.text();
      let json: unknown;
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          if (response.status < 400) throw new PagerDutyAnswerError(`PagerDuty answered ${method} ${url} with a body that is not JSON (HTTP ${response.status}).`);
        }
      }
      return { status: response.status, headers: response.headers, json };
    } catch (error) {
      if (timeout.aborted) throw new TimeoutError(`PagerDuty did not answer ${method} ${url} within ${timeoutMs} ms.`);
      throw error;
    }
  }

  async function request(method: string, path: string, query?: Query, body?: unknown): Promise<unknown> {
    const url = `${baseUrl}${path}${queryString(query)}`;
    let failures = 0;
    let limited = 0;
    for (;;) {
      let answer: { status: number; headers: Headers; json: unknown };
      try {
        answer = await exchange(method, url, body);
      } catch (error) {
        if (error instanceof PagerDutyAnswerError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        if (IDEMPOTENT.has(method) && failures < retries) {
          failures += 1;
          stats.retries += 1;
          log(`PagerDuty: ${message}; retrying (${failures} of ${retries}).`);
          await wait(2 ** (failures - 1));
          continue;
        }
        if (error instanceof TimeoutError) throw new PagerDutyError(message, { status: 0, method, path });
        throw new PagerDutyError(`PagerDuty could not be reached for ${method} ${path}: ${message}`, { status: 0, method, path });
      }
      const { status, headers, json } = answer;
      if (status === 429) {
        stats.rateLimited += 1;
        const after = seconds(headers.get('retry-after')) ?? seconds(headers.get('ratelimit-reset')) ?? 1;
        if (limited < rateLimitRetries && after <= maxWait) {
          limited += 1;
          log(`PagerDuty's rate limit was reached on ${method} ${path}; waiting ${after}s as it asked.`);
          await wait(after);
          continue;
        }
        throw new PagerDutyError(`PagerDuty's rate limit is still reached after ${limited} wait${limited === 1 ? '' : 's'} (HTTP 429 on ${method} ${path}, retry after ${after}s). Try again in a minute, or use a token of its own for this job.`, { status, method, path });
      }
      if (status >= 500 && IDEMPOTENT.has(method) && failures < retries) {
        failures += 1;
        stats.retries += 1;
        log(`PagerDuty failed with HTTP ${status} on ${method} ${path}; retrying (${failures} of ${retries}).`);
        await wait(2 ** (failures - 1));
        continue;
      }
      // A DELETE retried after a failure may find the object already gone: that is the goal reached.
      if (status === 404 && method === 'DELETE' && failures > 0) return undefined;
      if (status >= 400) throw describeFailure(status, method, path, json);
      return json;
    }
  }

  async function list(path: string, key: string, query: Query = {}): Promise<unknown[]> {
    const items: unknown[] = [];
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await request('GET', path, { ...query, limit: PAGE_SIZE, offset });
      if (typeof answer !== 'object' || answer === null) throw new PagerDutyAnswerError(`PagerDuty answered GET ${path} with ${answer === undefined ? 'an empty body' : 'something that is not an object'}.`);
      const values = (answer as Record<string, unknown>)[key];
      if (!Array.isArray(values)) throw new PagerDutyAnswerError(`PagerDuty's answer to GET ${path} has no "${key}" list.`);
      items.push(...values);
      const more = (answer as { more?: unknown }).more;
      if (more !== true) return items;
      if (values.length === 0) throw new PagerDutyAnswerError(`PagerDuty's answer to GET ${path} says there is more but gave an empty page at offset ${offset}.`);
      offset += values.length;
    }
    throw new PagerDutyAnswerError(`GET ${path} has more than ${MAX_PAGES} pages of ${PAGE_SIZE}; refusing to read on.`);
  }

  return {
    baseUrl,
    stats,
    get: (path, query) => request('GET', path, query),
    post: (path, body) => request('POST', path, undefined, body),
    put: (path, body) => request('PUT', path, undefined, body),
    delete: async (path) => {
      await request('DELETE', path);
    },
    list,
  };
}

function describeFailure(status: number, method: string, path: string, body: unknown): PagerDutyError {
  const { message, details } = errorDetails(body);
  const said = message ? `: ${message}${details.length > 0 ? ` (${details.join('; ')})` : ''}` : '';
  const where = `${method} ${path}`;
  let text: string;
  if (status === 401) text = `PagerDuty rejected the token (HTTP 401 on ${where}${said}). Check PAGERDUTY_TOKEN: it must be a REST API token of this account (and PAGERDUTY_API_URL the account's region).`;
  else if (status === 403) text = `PagerDuty refused ${where} (HTTP 403${said}). The token lacks the permission: --apply needs a read-write REST API token, --plan a read-only one is enough.`;
  else if (status === 404) text = `PagerDuty has no such object (HTTP 404 on ${where}${said}). An id named in rotations/ may be wrong, or the object was deleted in PagerDuty.`;
  else if (status >= 500) text = `PagerDuty failed with HTTP ${status} on ${where}${said}${IDEMPOTENT.has(method) ? ' after retries' : ''}. Nothing after this was sent; run the command again.`;
  else text = `PagerDuty refused ${where} (HTTP ${status}${said}).`;
  return new PagerDutyError(text, { status, method, path, details });
}

/** A PagerDuty failure as one sentence for the user (errors of other kinds keep their message). */
export function describePagerDutyError(error: unknown): string {
  if (error instanceof PagerDutyError || error instanceof PagerDutyAnswerError) return error.message;
  return `PagerDuty request failed: ${error instanceof Error ? error.message : String(error)}`;
}
