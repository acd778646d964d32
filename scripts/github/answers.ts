/**
 * GitHub's answers are data from the network: every field the toolkit relies on is checked before
 * use, so an odd answer (a string where a list belongs, a missing SHA) fails with a clear message
 * instead of being read as "no reviews" or "no files".
 */
import type { GitHubClient } from './client.ts';

/** GitHub answered, but not in the shape its API describes. */
export class GitHubAnswerError extends Error {
  override readonly name = 'GitHubAnswerError';
}

/** Most pages any list is read to (100 items each); a longer list is refused rather than cut short. */
export const MAX_PAGES = 200;

type Json = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value === '' ? 'an empty body' : 'text that is not JSON';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Checks that `value` is a JSON object. */
export function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GitHubAnswerError(`${what}: GitHub answered with ${describe(value)}, not an object.`);
  return value as Json;
}

export function string(record: Json, key: string, what: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') throw new GitHubAnswerError(`${what}: "${key}" is missing or not text in GitHub's answer.`);
  return value;
}

export function optionalString(record: Json, key: string, what: string): string | null {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new GitHubAnswerError(`${what}: "${key}" is not text in GitHub's answer.`);
  return value;
}

export function integer(record: Json, key: string, what: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new GitHubAnswerError(`${what}: "${key}" is missing or not a count in GitHub's answer.`);
  return value;
}

export function sha(record: Json, key: string, what: string): string {
  const value = string(record, key, what);
  if (!/^[0-9a-f]{40}$/i.test(value)) throw new GitHubAnswerError(`${what}: "${key}" is not a commit SHA in GitHub's answer.`);
  return value.toLowerCase();
}

/**
 * A user (simple-user) or null for a deleted account ("ghost"). The numeric `id` stays with the
 * account when its login changes, and a new account that takes a freed login gets a new one.
 */
export function account(value: unknown, what: string): { login: string; id?: number; type?: string } | null {
  if (value === null || value === undefined) return null;
  const user = object(value, what);
  const login = string(user, 'login', what);
  const type = optionalString(user, 'type', what);
  const id = user.id;
  if (id !== undefined && id !== null && (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)) throw new GitHubAnswerError(`${what}: "id" is not an account id in GitHub's answer.`);
  return { login, ...(typeof id === 'number' ? { id } : {}), ...(type === null ? {} : { type }) };
}

/** A boolean field; `what` names the answer for the message. */
export function boolean(record: Json, key: string, what: string): boolean {
  const value = record[key];
  if (typeof value !== 'boolean') throw new GitHubAnswerError(`${what}: "${key}" is missing or not true/false in GitHub's answer.`);
  return value;
}

function nextLink(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  return /<([^<>]+)>;\s*rel="next"/.exec(header)?.[1];
}

/**
 * Every item of a paginated list: 100 per page, following the `Link` header's next page until there
 * is none. A page that is not a list, a next link to another host, a link back to a page already read,
 * or more than {@link MAX_PAGES} pages fails the whole read.
 */
export async function listAll(client: GitHubClient, route: string, params: Record<string, unknown>, what: string): Promise<unknown[]> {
  const origin = new URL(client.request.endpoint.DEFAULTS.baseUrl).origin;
  const seen = new Set<string>();
  const items: unknown[] = [];
  let response = await client.request(route, { ...params, per_page: 100 });
  for (let page = 1; ; page++) {
    if (!Array.isArray(response.data)) throw new GitHubAnswerError(`${what}: GitHub answered page ${page} with ${describe(response.data)}, not a list.`);
    items.push(...(response.data as unknown[]));
    const next = nextLink(response.headers.link);
    if (next === undefined) return items;
    let url: URL;
    try {
      url = new URL(next);
    } catch {
      throw new GitHubAnswerError(`${what}: GitHub's next-page link "${next}" is not a URL.`);
    }
    // The token goes with every request; never send it anywhere but the API we were given.
    if (url.origin !== origin) throw new GitHubAnswerError(`${what}: GitHub's next-page link points to ${url.origin}, not ${origin}; refusing to follow it.`);
    if (seen.has(url.href)) throw new GitHubAnswerError(`${what}: GitHub's next-page link leads back to a page already read (${url.href}); the list cannot be read to its end.`);
    if (page >= MAX_PAGES) throw new GitHubAnswerError(`${what}: more than ${MAX_PAGES} pages; refusing to read further.`);
    seen.add(url.href);
    response = await client.request(`GET ${url.href}`);
  }
}
