/**
 * The one place that builds a GitHub client. Everything that talks to GitHub goes through an Octokit
 * made here, so retries, rate-limit waits and timeouts are bounded the same way for every command.
 */
import { randomUUID } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { UsageError } from '../commands/io.ts';

const OctokitWithPlugins = Octokit.plugin(retry, throttling);

/** An Octokit REST client with the retry and throttling plugins. */
export type GitHubClient = InstanceType<typeof OctokitWithPlugins>;

/** `owner/repo` split in two, as the REST API's path parameters want it. */
export interface Repository {
  owner: string;
  repo: string;
}

/** How the client retries and waits; production uses the defaults, tests shrink them. */
export interface GitHubClientOptions {
  /** Milliseconds one request (headers and the whole body) may take before it is aborted. Default 30 000. */
  timeoutMs?: number;
  /** How often a failed request (5xx, network error, timeout) is retried. Default 3. */
  retries?: number;
  /**
   * Milliseconds that stand for one second of any retry or rate-limit wait, and of the spacing
   * GitHub asks between writes (1 s; 3 s for writes that notify people, such as a new issue).
   * Default 1 000; tests use less.
   */
  secondMs?: number;
  /** The longest rate-limit wait, in seconds, the client accepts; a longer one fails at once. Default 60. */
  maxRateLimitWaitSeconds?: number;
  /** How many times the client waits for a rate limit before it gives up. Default 2. */
  rateLimitRetries?: number;
  /** Where warnings (rate-limit waits) go; default nowhere. */
  log?: (message: string) => void;
  /** The fetch implementation; default the global one. */
  fetch?: typeof globalThis.fetch;
  /**
   * Who needs the token and what it must be allowed to do, for the message when it is missing:
   * the command as typed, what it does on GitHub, and the workflow permissions that grant that.
   */
  purpose?: { command: string; does: string; permissions: string };
}

const DEFAULT_PURPOSE = { command: 'approvals', does: 'read pull requests and write commit statuses', permissions: 'pull-requests: read, statuses: write' };

/** Requests one at a time, at least `minTime` milliseconds apart. */
function spacedGroup(minTime: number): Bottleneck.Group {
  return new Bottleneck.Group({ maxConcurrent: 1, minTime });
}

/** The GitHub environment is incomplete or wrong (no token, no repository): exit 2. */
export class GitHubConfigError extends UsageError {}

/** The default API address, used when `GITHUB_API_URL` is not set (outside Actions). */
export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

const REPOSITORY_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** `GITHUB_REPOSITORY` ("owner/repo", as GitHub Actions sets it) as {owner, repo}. */
export function repositoryFromEnv(env: Readonly<Record<string, string | undefined>>): Repository {
  const value = env.GITHUB_REPOSITORY?.trim();
  if (!value) throw new GitHubConfigError('GITHUB_REPOSITORY is not set: set it to "owner/repo" (GitHub Actions sets it for you).');
  const match = REPOSITORY_PATTERN.exec(value);
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new GitHubConfigError(`GITHUB_REPOSITORY: "${value}" is not "owner/repo".`);
  }
  return { owner: match[1]!, repo: match[2]! };
}

/** `GITHUB_API_URL` without a trailing slash, checked to be an http(s) address. */
export function apiUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const value = env.GITHUB_API_URL?.trim() || DEFAULT_GITHUB_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GitHubConfigError(`GITHUB_API_URL: "${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new GitHubConfigError(`GITHUB_API_URL: "${value}" is not an http(s) URL.`);
  return value.replace(/\/+$/, '');
}

/**
 * An Octokit for the repository in `env`: base URL from `GITHUB_API_URL` (default
 * https://api.github.com), token from `GITHUB_TOKEN`. Failed requests are retried a bounded number
 * of times; a rate limit is waited out only when the wait is short, otherwise the request fails with
 * GitHub's answer; every request is aborted after `timeoutMs`. Throws {@link GitHubConfigError} when the
 * token or repository is missing, so a command exits 2 with a clear message.
 */
export function createGitHubClient(env: Readonly<Record<string, string | undefined>>, options: GitHubClientOptions = {}): GitHubClient {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) {
    const { command, does, permissions } = options.purpose ?? DEFAULT_PURPOSE;
    throw new GitHubConfigError(
      `${command}: GITHUB_TOKEN is not set. ${command} needs a token that can ${does}, in GITHUB_TOKEN, and the repository as "owner/repo" in GITHUB_REPOSITORY ` +
        `(GitHub Actions sets GITHUB_REPOSITORY; pass the token with env: GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }} and grant permissions: ${permissions}).`,
    );
  }
  repositoryFromEnv(env);
  const baseUrl = apiUrlFromEnv(env);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const secondMs = options.secondMs ?? 1_000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const warn = options.log ?? (() => {});

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
      warn(`GitHub ${kind} reached for ${request.method} ${request.url}; waiting ${retryAfter}s before retrying.`);
      return true;
    }
    // Returning false lets the 403/429 through; describeGitHubError turns it into a clear message.
    return false;
  };

  return new OctokitWithPlugins({
    auth: token,
    baseUrl,
    userAgent: 'oncall-as-code',
    // Failed requests are reported by the caller, in words; Octokit's own request log would repeat them.
    log: { debug: () => {}, info: () => {}, warn: (message: string) => warn(message), error: () => {} },
    request: { fetch: fetchWithTimeout(options.fetch ?? globalThis.fetch, timeoutMs) },
    // 429 is the throttling plugin's to wait out (it honours retry-after, up to the limits above); the
    // retry plugin would otherwise send it again after a second, into a rate limit of ten minutes,
    // and multiply the two plugins' attempts.
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: secondMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      // Each client gets its own limiter key so unrelated clients (and tests) do not queue behind each other.
      id: `oncall-as-code-${randomUUID()}`,
      retryAfterBaseValue: secondMs,
      fallbackSecondaryRateRetryAfter: Math.min(60, maxWait),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      // The plugin's own spacing, in this client's seconds (GitHub's guidance for integrations).
      write: spacedGroup(1 * secondMs),
      search: spacedGroup(2 * secondMs),
      notifications: spacedGroup(3 * secondMs),
    },
  });
}

/** The request took longer than the client's timeout. */
export class GitHubTimeoutError extends Error {
  override readonly name = 'GitHubTimeoutError';
}

/**
 * A fetch that aborts after `timeoutMs` and reads the whole body inside that time, so a server that
 * stalls mid-body or drops the connection fails the request (and the retry plugin sees it) instead of
 * handing Octokit a truncated body it would silently treat as text.
 */
function fetchWithTimeout(fetchImpl: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await fetchImpl(input, { ...init, signal });
      const nullBody = response.status === 204 || response.status === 205 || response.status === 304;
      const body = nullBody ? null : await response.arrayBuffer();
      const contentType = response.headers.get('content-type') ?? '';
      if (body && /\bjson\b/i.test(contentType) && response.status < 400) {
        const text = new TextDecoder().decode(body);
        try {
          JSON.parse(text);
        } catch {
          throw new Error(`GitHub answered ${init?.method ?? 'GET'} ${String(input)} with malformed JSON (HTTP ${response.status}).`);
        }
      }
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (timeout.aborted) throw new GitHubTimeoutError(`GitHub did not answer ${init?.method ?? 'GET'} ${String(input)} within ${timeoutMs} ms.`);
      throw error;
    }
  };
}

/**
 * A GitHub failure as one sentence a user can act on: which request, what GitHub said, and for
 * 401/403/404/rate limits what usually causes it.
 */
export function describeGitHubError(error: unknown): string {
  if (!(error instanceof Error)) return `GitHub request failed: ${String(error)}`;
  const failure = error as Error & {
    status?: number;
    request?: { method?: string; url?: string };
    response?: { headers?: Record<string, string | undefined> };
  };
  const where = failure.request?.method && failure.request.url ? `${failure.request.method} ${failure.request.url}` : 'a GitHub request';
  const status = failure.status;
  const headers = failure.response?.headers ?? {};
  if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(failure.message))) {
    const reset = Number(headers['x-ratelimit-reset']);
    const until = headers['retry-after'] !== undefined
      ? ` for ${headers['retry-after']}s`
      : Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return `GitHub's API rate limit is exhausted${until} (HTTP ${status} on ${where}); try again later or use a token with a higher limit.`;
  }
  if (status === 401) return `GitHub rejected the token (HTTP 401 on ${where}): check GITHUB_TOKEN.`;
  if (status === 403) return `GitHub refused ${where} (HTTP 403: ${failure.message}): the token may lack the permission this needs.`;
  if (status === 404) return `GitHub has no such resource (HTTP 404 on ${where}): check GITHUB_REPOSITORY, the pull request number and the token's access.`;
  if (typeof status === 'number' && status >= 500 && status < 600 && failure.response) {
    return `GitHub failed with HTTP ${status} on ${where} after retries: ${failure.message}`;
  }
  // Our own fetch wrapper's failures (timeout, malformed JSON) already say what happened.
  if (/^GitHub (did not answer|answered)/.test(failure.message)) return failure.message;
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error && cause.message && !failure.message.includes(cause.message) ? ` (${cause.message})` : '';
  return `GitHub request failed on ${where}: ${failure.message}${detail}`;
}
