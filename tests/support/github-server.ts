/**
 * A small GitHub REST API on 127.0.0.1 for tests: the real Octokit client talks to it over HTTP, so
 * retries, pagination (Link headers), rate-limit headers and error statuses are exercised for real.
 *
 * Answers come from an in-memory {@link GitHubServerState}; JSON shapes follow GitHub's OpenAPI
 * description (full-repository, branch-with-protection, pull-request, pull-request-simple,
 * diff-entry, pull-request-review, commit, issue-event, activity, repository-collaborator-permission,
 * git-tree, public-user, content-file, status). Routes are keyed like Octokit's (`GET /repos/{owner}/{repo}/pulls/{pull_number}`), so
 * tests add or override routes with {@link GitHubServer.route} and inject faults per route with
 * {@link GitHubServer.fault}. A route parameter named `path` takes the rest of the URL (contents API).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A GitHub account as the API shows it (simple-user). `type: 'Bot'` for apps. */
export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

/** One changed file of a pull request (diff-entry). */
export interface FakePullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  additions?: number;
  deletions?: number;
}

/** A pull request review. A dismissed review has state DISMISSED, as on GitHub. */
export interface FakeReview {
  id?: number;
  user: FakeUser | null;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit_id: string | null;
  submitted_at?: string;
  body?: string;
  /** GitHub's author_association for the reviewer; MEMBER when not given. */
  author_association?: string;
}

/** A commit on the pull request: who authored and committed it (null when no GitHub account matches). */
export interface FakeCommit {
  sha: string;
  author: FakeUser | null;
  committer: FakeUser | null;
  message?: string;
}

/** An issue event on the pull request's issue, e.g. `review_dismissed` with `dismissed_review`. */
export interface FakeIssueEvent {
  id?: number;
  actor: FakeUser | null;
  event: string;
  created_at?: string;
  commit_id?: string | null;
  dismissed_review?: { state: string; review_id: number; dismissal_message: string | null; dismissal_commit_id?: string | null };
}

/** A pull request with everything the endpoints under it answer. */
export interface FakePullRequest {
  number: number;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  draft?: boolean;
  user: FakeUser | null;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  files: FakePullFile[];
  reviews: FakeReview[];
  commits: FakeCommit[];
  events: FakeIssueEvent[];
  /** Overrides `changed_files` in the pull request object (GitHub's count can exceed what the files list returns). */
  changed_files?: number;
  /** When it was opened (ISO 8601); default 2026-11-20T10:00:00Z. */
  created_at?: string;
  merged?: boolean;
  /** The repository the head branch lives in: this one by default, a fork's, or null for a deleted fork. */
  headRepo?: { owner: string; name: string } | null;
}

/** One entry of the repository activity API: who pushed to which ref. */
export interface FakeActivity {
  id?: number;
  ref: string;
  activity_type: 'push' | 'force_push' | 'branch_creation' | 'branch_deletion' | 'pr_merge' | 'merge_queue_merge';
  actor: FakeUser | null;
  before?: string;
  after?: string;
  timestamp?: string;
}

/** A commit status as posted (status). */
export interface FakeStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  target_url: string | null;
  context: string;
  created_at: string;
}

/** Everything the server answers from; tests build it and read it back (e.g. `statuses`). */
export interface GitHubServerState {
  owner: string;
  repo: string;
  /** The token requests must carry (`Authorization: token <t>` or `Bearer <t>`); undefined accepts any. */
  token?: string;
  defaultBranch: string;
  pulls: Record<number, FakePullRequest>;
  /** File contents (UTF-8 text) by ref (commit SHA or branch name), then by path. */
  contents: Record<string, Record<string, string>>;
  /** Statuses posted with POST /repos/{owner}/{repo}/statuses/{sha}, oldest first. */
  statuses: FakeStatus[];
  /** Branch name -> the commit it points at. */
  branches: Record<string, string>;
  /** Repository activity (pushes and the like), newest first as GitHub lists it. */
  activity: FakeActivity[];
  /** Permission on the repository by lower-case login; others get `defaultPermission`. */
  permissions: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'>;
  /** The permission of a login not in `permissions`; `missing` answers 404 as for an unknown account. */
  defaultPermission: 'admin' | 'write' | 'read' | 'none' | 'missing';
  /** Accounts GET /users/{username} knows, by lower-case login. */
  users: Record<string, FakeUser>;
  /** The rate limit reported in x-ratelimit-* headers on every answer. */
  rateLimit: { limit: number; remaining: number; resetEpochSeconds: number };
}

/** One request the server received, for assertions. */
export interface LoggedRequest {
  method: string;
  /** The decoded path without the query, e.g. /repos/o/r/pulls/7/reviews. */
  path: string;
  /** Path and query as sent. */
  url: string;
  query: Record<string, string>;
  /** The route key that answered, e.g. `GET /repos/{owner}/{repo}/pulls/{pull_number}`; undefined for 404s. */
  route?: string;
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** The status sent (0 when the connection was dropped). */
  status: number;
  /** The fault applied to this request, if any. */
  fault?: string;
}

/** What a route handler answers. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route handler gets. */
export interface RouteContext<S extends GitHubServerState = GitHubServerState> {
  state: S;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The server's base URL (http://127.0.0.1:<port>), for building `url` fields and Link headers. */
  baseUrl: string;
  /** The request path and query as received. */
  url: string;
  method: string;
}

export type RouteHandler<S extends GitHubServerState = GitHubServerState> = (ctx: RouteContext<S>) => RouteResult | Promise<RouteResult>;

/**
 * An injected fault, applied to the next matching request:
 * - a number: a 2xx lets the route answer normally; any other status answers with GitHub's error body;
 * - `{ rateLimit: 'primary' }`: 403 (or `status`) with x-ratelimit-remaining: 0 and a reset `resetInSeconds` away;
 * - `{ rateLimit: 'secondary' }`: 429 (or `status`) with retry-after `retryAfter` and GitHub's secondary-limit message;
 * - `'reset'`: sends the headers and half the body, then destroys the connection;
 * - `'malformed-json'`: 200 with a JSON content type and a body that is not JSON;
 * - `{ delayMs }`: waits that long before answering normally (longer than the client's timeout: a timeout);
 * - `'link-loop'`: answers normally but the Link header's next points back at the first page.
 */
export type Fault =
  | number
  | 'reset'
  | 'malformed-json'
  | 'link-loop'
  | { delayMs: number }
  | { rateLimit: 'primary'; status?: 403 | 429; resetInSeconds?: number }
  | { rateLimit: 'secondary'; status?: 403 | 429; retryAfter?: number };

interface FaultQueue {
  sequence: Fault[];
  persist: boolean;
}

interface RouteEntry<S extends GitHubServerState> {
  key: string;
  method: string;
  segments: string[];
  handler: RouteHandler<S>;
}

/** A running fake GitHub. */
export interface GitHubServer<S extends GitHubServerState = GitHubServerState> {
  /** http://127.0.0.1:<port>: pass as GITHUB_API_URL. */
  readonly url: string;
  readonly state: S;
  /** Every request received, oldest first. */
  readonly requests: LoggedRequest[];
  /** GITHUB_API_URL, GITHUB_TOKEN and GITHUB_REPOSITORY for this server, plus `extra`. */
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  /** Adds a route, or replaces the one with the same key (`METHOD /path/{param}`). */
  route(key: string, handler: RouteHandler<S>): void;
  /** Queues faults for a route key; each request takes the next one. `persist` repeats the last one forever. */
  fault(key: string, sequence: readonly Fault[], options?: { persist?: boolean }): void;
  /** Requests answered by a route key. */
  requestsTo(key: string): LoggedRequest[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

/** The error body GitHub sends with a status. */
export function githubError(status: number, message?: string): RouteResult {
  const defaults: Record<number, string> = {
    400: 'Bad Request',
    401: 'Bad credentials',
    403: 'Forbidden',
    404: 'Not Found',
    422: 'Validation Failed',
    500: 'Internal Server Error',
    502: 'Server Error',
    503: 'Service Unavailable',
  };
  return { status, body: { message: message ?? defaults[status] ?? 'Error', documentation_url: DOCS, status: String(status) } };
}

let nextId = 1000;
/** A GitHub user (or bot, for logins ending in [bot]) with a stable id per login. */
export function fakeUser(login: string, type?: FakeUser['type']): FakeUser {
  return { login, id: idForLogin(login), type: type ?? (login.toLowerCase().endsWith('[bot]') ? 'Bot' : 'User') };
}

function idForLogin(login: string): number {
  let hash = 0;
  for (const char of login.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 10_000 + (hash % 9_000_000);
}

/** An empty repository state to start from. */
export function emptyState(overrides: Partial<GitHubServerState> = {}): GitHubServerState {
  return {
    owner: 'egi',
    repo: 'oncall',
    token: 'test-token',
    defaultBranch: 'main',
    pulls: {},
    contents: {},
    statuses: [],
    branches: {},
    activity: [],
    permissions: {},
    defaultPermission: 'none',
    users: {},
    rateLimit: { limit: 5000, remaining: 4999, resetEpochSeconds: Math.floor(Date.now() / 1000) + 3600 },
    ...overrides,
  };
}

/** JSON shape of a simple-user. */
export function userJson(user: FakeUser | null, baseUrl: string): Record<string, unknown> | null {
  if (!user) return null;
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: `${baseUrl}/users/${encodeURIComponent(user.login)}`,
    html_url: `https://github.com/${user.login}`,
    type: user.type,
    site_admin: false,
  };
}

/**
 * The items of `page` (1-based, `per_page` default 30, at most 100) with GitHub's Link header
 * (first, prev, next, last), built from the request URL so other parameters are kept.
 */
export function paginate(ctx: Pick<RouteContext, 'query' | 'baseUrl' | 'url'>, items: readonly unknown[]): RouteResult {
  const perPage = Math.min(100, Math.max(1, Number.parseInt(ctx.query.get('per_page') ?? '30', 10) || 30));
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (target: number) => {
    const url = new URL(ctx.url, ctx.baseUrl);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return url.toString();
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`);
  if (page < lastPage) rels.push(`<${link(lastPage)}>; rel="last"`);
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
  return { status: 200, body: slice, headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
}

function repoJson(state: GitHubServerState, baseUrl: string): Record<string, unknown> {
  const owner = fakeUser(state.owner, 'Organization');
  return {
    id: idForLogin(`${state.owner}/${state.repo}`),
    node_id: 'R_repo',
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner: userJson(owner, baseUrl),
    private: true,
    html_url: `https://github.com/${state.owner}/${state.repo}`,
    url: `${baseUrl}/repos/${state.owner}/${state.repo}`,
    default_branch: state.defaultBranch,
  };
}

function pullJson(state: GitHubServerState, pull: FakePullRequest, baseUrl: string): Record<string, unknown> {
  const repoUrl = `${baseUrl}/repos/${state.owner}/${state.repo}`;
  const repo = repoJson(state, baseUrl);
  const ref = (side: { sha: string; ref: string }, where: { owner: string; name: string } | null = { owner: state.owner, name: state.repo }) => ({
    label: `${where?.owner ?? 'unknown'}:${side.ref}`,
    ref: side.ref,
    sha: side.sha,
    user: userJson(fakeUser(where?.owner ?? state.owner, 'Organization'), baseUrl),
    repo: where === null ? null : where.owner === state.owner && where.name === state.repo ? repo : forkJson(where, baseUrl),
  });
  return {
    url: `${repoUrl}/pulls/${pull.number}`,
    id: 500_000 + pull.number,
    node_id: `PR_${pull.number}`,
    html_url: `https://github.com/${state.owner}/${state.repo}/pull/${pull.number}`,
    issue_url: `${repoUrl}/issues/${pull.number}`,
    commits_url: `${repoUrl}/pulls/${pull.number}/commits`,
    statuses_url: `${repoUrl}/statuses/${pull.head.sha}`,
    number: pull.number,
    state: pull.state ?? 'open',
    locked: false,
    title: pull.title ?? `Pull request ${pull.number}`,
    user: userJson(pull.user, baseUrl),
    body: pull.body ?? null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.created_at ?? '2026-11-20T10:00:00Z',
    updated_at: '2026-11-21T10:00:00Z',
    closed_at: (pull.state ?? 'open') === 'closed' ? '2026-11-21T12:00:00Z' : null,
    merged_at: pull.merged ? '2026-11-21T12:00:00Z' : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: ref(pull.head, pull.headRepo === undefined ? { owner: state.owner, name: state.repo } : pull.headRepo),
    base: ref(pull.base),
    _links: { self: { href: `${repoUrl}/pulls/${pull.number}` } },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: pull.draft ?? false,
    merged: pull.merged ?? false,
    mergeable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits.length,
    additions: pull.files.reduce((sum, file) => sum + (file.additions ?? 1), 0),
    deletions: pull.files.reduce((sum, file) => sum + (file.deletions ?? 0), 0),
    changed_files: pull.changed_files ?? pull.files.length,
  };
}

/** A fork's repository (minimal-repository) for a pull request's head. */
function forkJson(where: { owner: string; name: string }, baseUrl: string): Record<string, unknown> {
  return {
    id: idForLogin(`${where.owner}/${where.name}`),
    node_id: 'R_fork',
    name: where.name,
    full_name: `${where.owner}/${where.name}`,
    owner: userJson(fakeUser(where.owner), baseUrl),
    private: false,
    fork: true,
    html_url: `https://github.com/${where.owner}/${where.name}`,
    url: `${baseUrl}/repos/${where.owner}/${where.name}`,
  };
}

/** The fields of pull-request-simple (the list endpoint): the full object without the counts and merge state. */
function pullSimpleJson(state: GitHubServerState, pull: FakePullRequest, baseUrl: string): Record<string, unknown> {
  const { merged: _m, mergeable: _a, mergeable_state: _s, merged_by: _b, comments: _c, review_comments: _r, maintainer_can_modify: _x, commits: _n, additions: _p, deletions: _d, changed_files: _f, ...simple } =
    pullJson(state, pull, baseUrl);
  return simple;
}

function findPull(ctx: RouteContext): FakePullRequest | undefined {
  return ctx.state.pulls[Number(ctx.params.pull_number ?? ctx.params.issue_number)];
}

function isThisRepo(ctx: RouteContext): boolean {
  return ctx.params.owner?.toLowerCase() === ctx.state.owner.toLowerCase() && ctx.params.repo?.toLowerCase() === ctx.state.repo.toLowerCase();
}

/** The routes every server answers; tests and other support files add more with `route()`. */
export function defaultRoutes(): Array<[string, RouteHandler]> {
  return [
    [
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      (ctx) => {
        const pull = findPull(ctx);
        return pull ? { status: 200, body: pullJson(ctx.state, pull, ctx.baseUrl) } : githubError(404);
      },
    ],
    [
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
      (ctx) => {
        const pull = findPull(ctx);
        if (!pull) return githubError(404);
        // GitHub lists at most 3000 files of a pull request.
        const files = pull.files.slice(0, 3000).map((file, index) => ({
          sha: `f${String(index).padStart(39, '0')}`,
          filename: file.filename,
          status: file.status,
          additions: file.additions ?? 1,
          deletions: file.deletions ?? 0,
          changes: (file.additions ?? 1) + (file.deletions ?? 0),
          blob_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/blob/${pull.head.sha}/${file.filename}`,
          raw_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/raw/${pull.head.sha}/${file.filename}`,
          contents_url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/contents/${file.filename}?ref=${pull.head.sha}`,
          ...(file.previous_filename !== undefined ? { previous_filename: file.previous_filename } : {}),
        }));
        return paginate(ctx, files);
      },
    ],
    [
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      (ctx) => {
        const pull = findPull(ctx);
        if (!pull) return githubError(404);
        const repoUrl = `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`;
        const reviews = pull.reviews.map((review, index) => {
          const id = review.id ?? 80_000 + index;
          return {
            id,
            node_id: `PRR_${id}`,
            user: userJson(review.user, ctx.baseUrl),
            body: review.body ?? '',
            state: review.state,
            html_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/pull/${pull.number}#pullrequestreview-${id}`,
            pull_request_url: `${repoUrl}/pulls/${pull.number}`,
            author_association: review.author_association ?? 'MEMBER',
            _links: { html: { href: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/pull/${pull.number}#pullrequestreview-${id}` }, pull_request: { href: `${repoUrl}/pulls/${pull.number}` } },
            ...(review.state === 'PENDING' ? {} : { submitted_at: review.submitted_at ?? new Date(Date.UTC(2026, 10, 21, 10, 0, index)).toISOString() }),
            commit_id: review.commit_id,
          };
        });
        return paginate(ctx, reviews);
      },
    ],
    [
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
      (ctx) => {
        const pull = findPull(ctx);
        if (!pull) return githubError(404);
        // GitHub lists at most 250 commits of a pull request.
        const commits = pull.commits.slice(0, 250).map((commit) => ({
          sha: commit.sha,
          node_id: `C_${commit.sha.slice(0, 10)}`,
          url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/commits/${commit.sha}`,
          html_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/commit/${commit.sha}`,
          commit: {
            author: { name: commit.author?.login ?? 'someone', email: 'someone@example.com', date: '2026-11-20T10:00:00Z' },
            committer: { name: commit.committer?.login ?? 'someone', email: 'someone@example.com', date: '2026-11-20T10:00:00Z' },
            message: commit.message ?? 'Change',
            tree: { sha: '0'.repeat(40), url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/git/trees/${'0'.repeat(40)}` },
            url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/git/commits/${commit.sha}`,
            comment_count: 0,
          },
          author: userJson(commit.author, ctx.baseUrl),
          committer: userJson(commit.committer, ctx.baseUrl),
          parents: [],
        }));
        return paginate(ctx, commits);
      },
    ],
    [
      'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
      (ctx) => {
        const pull = findPull(ctx);
        if (!pull) return githubError(404);
        const events = pull.events.map((event, index) => ({
          id: event.id ?? 90_000 + index,
          node_id: `E_${index}`,
          url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/issues/events/${event.id ?? 90_000 + index}`,
          actor: userJson(event.actor, ctx.baseUrl),
          event: event.event,
          commit_id: event.commit_id ?? null,
          commit_url: null,
          created_at: event.created_at ?? new Date(Date.UTC(2026, 10, 21, 11, 0, index)).toISOString(),
          performed_via_github_app: null,
          ...(event.dismissed_review ? { dismissed_review: { dismissal_commit_id: null, ...event.dismissed_review } } : {}),
        }));
        return paginate(ctx, events);
      },
    ],
    [
      'GET /repos/{owner}/{repo}/contents/{path}',
      (ctx) => {
        const ref = ctx.query.get('ref') ?? ctx.state.defaultBranch;
        const path = ctx.params.path ?? '';
        const text = ctx.state.contents[ref]?.[path];
        if (text === undefined) return githubError(404);
        const content = Buffer.from(text, 'utf8');
        const name = path.split('/').pop() ?? path;
        const url = `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
        return {
          status: 200,
          body: {
            type: 'file',
            encoding: 'base64',
            size: content.length,
            name,
            path,
            // GitHub wraps base64 content at 60 characters.
            content: (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n'),
            sha: `b${String(content.length).padStart(39, '0')}`,
            url,
            git_url: null,
            html_url: null,
            download_url: null,
            _links: { self: url, git: null, html: null },
          },
        };
      },
    ],
    [
      'POST /repos/{owner}/{repo}/statuses/{sha}',
      (ctx) => {
        const input = (ctx.body ?? {}) as Record<string, unknown>;
        const states = ['error', 'failure', 'pending', 'success'];
        if (typeof input.state !== 'string' || !states.includes(input.state)) {
          return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Status', field: 'state', code: 'custom', message: 'state is not included in the list' }], documentation_url: DOCS } };
        }
        if (typeof input.description === 'string' && input.description.length > 140) {
          return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Status', field: 'description', code: 'custom', message: 'description is too long (maximum is 140 characters)' }], documentation_url: DOCS } };
        }
        const status: FakeStatus = {
          id: ++nextId,
          sha: ctx.params.sha ?? '',
          state: input.state as FakeStatus['state'],
          description: typeof input.description === 'string' ? input.description : null,
          target_url: typeof input.target_url === 'string' ? input.target_url : null,
          context: typeof input.context === 'string' ? input.context : 'default',
          created_at: new Date().toISOString(),
        };
        ctx.state.statuses.push(status);
        return {
          status: 201,
          body: {
            url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/statuses/${status.sha}`,
            avatar_url: null,
            id: status.id,
            node_id: `SC_${status.id}`,
            state: status.state,
            description: status.description,
            target_url: status.target_url,
            context: status.context,
            created_at: status.created_at,
            updated_at: status.created_at,
            creator: userJson(fakeUser('github-actions[bot]'), ctx.baseUrl),
          },
        };
      },
    ],
    [
      'GET /repos/{owner}/{repo}',
      (ctx) => ({ status: 200, body: repoJson(ctx.state, ctx.baseUrl) }),
    ],
    [
      'GET /repos/{owner}/{repo}/branches/{branch}',
      (ctx) => {
        const name = ctx.params.branch ?? '';
        const sha = ctx.state.branches[name];
        if (sha === undefined) return githubError(404, 'Branch not found');
        const repoUrl = `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`;
        return {
          status: 200,
          body: {
            name,
            commit: { sha, node_id: `C_${sha.slice(0, 10)}`, url: `${repoUrl}/commits/${sha}`, html_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/commit/${sha}`, parents: [] },
            _links: { self: `${repoUrl}/branches/${name}`, html: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/tree/${name}` },
            protected: true,
            protection_url: `${repoUrl}/branches/${name}/protection`,
          },
        };
      },
    ],
    [
      'GET /repos/{owner}/{repo}/pulls',
      (ctx) => {
        const wanted = ctx.query.get('state') ?? 'open';
        const base = ctx.query.get('base');
        const pulls = Object.values(ctx.state.pulls)
          .filter((pull) => wanted === 'all' || (pull.state ?? 'open') === wanted)
          .filter((pull) => base === null || pull.base.ref === base)
          .sort((a, b) => b.number - a.number)
          .map((pull) => pullSimpleJson(ctx.state, pull, ctx.baseUrl));
        return paginate(ctx, pulls);
      },
    ],
    [
      'GET /repos/{owner}/{repo}/activity',
      (ctx) => {
        const ref = ctx.query.get('ref');
        const type = ctx.query.get('activity_type');
        const full = (r: string) => (r.startsWith('refs/') ? r : `refs/heads/${r}`);
        const items = ctx.state.activity
          .filter((a) => ref === null || full(a.ref) === full(ref))
          .filter((a) => type === null || a.activity_type === type)
          .map((a, index) => ({
            id: a.id ?? 70_000 + index,
            node_id: `A_${a.id ?? 70_000 + index}`,
            before: a.before ?? '0'.repeat(40),
            after: a.after ?? 'f'.repeat(40),
            ref: full(a.ref),
            timestamp: a.timestamp ?? new Date(Date.UTC(2026, 10, 20, 9, 0, index)).toISOString(),
            activity_type: a.activity_type,
            actor: userJson(a.actor, ctx.baseUrl),
          }));
        return paginate(ctx, items);
      },
    ],
    [
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      (ctx) => {
        const login = ctx.params.username ?? '';
        const granted = ctx.state.permissions[login.toLowerCase()] ?? ctx.state.defaultPermission;
        if (granted === 'missing') return githubError(404);
        // `permission` is the legacy level: maintain reads as write, triage as read.
        const permission = granted === 'maintain' ? 'write' : granted === 'triage' ? 'read' : granted;
        const user = ctx.state.users[login.toLowerCase()] ?? fakeUser(login);
        return { status: 200, body: { permission, role_name: granted, user: { ...userJson(user, ctx.baseUrl), permissions: { admin: granted === 'admin', maintain: granted === 'admin' || granted === 'maintain', push: ['admin', 'maintain', 'write'].includes(granted), triage: granted !== 'read' && granted !== 'none', pull: granted !== 'none' }, role_name: granted } } };
      },
    ],
    [
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
      (ctx) => {
        const files = ctx.state.contents[ctx.params.tree_sha ?? ''];
        if (files === undefined) return githubError(404, 'Not Found');
        const recursive = ctx.query.get('recursive') !== null;
        const paths = Object.keys(files).filter((path) => recursive || !path.includes('/')).sort();
        const tree = paths.map((path) => ({ path, mode: '100644', type: 'blob', sha: `b${String(files[path]!.length).padStart(39, '0')}`, size: Buffer.byteLength(files[path]!), url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/git/blobs/x` }));
        return { status: 200, body: { sha: ctx.params.tree_sha, url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/git/trees/${ctx.params.tree_sha}`, tree, truncated: false } };
      },
    ],
    [
      'GET /users/{username}',
      (ctx) => {
        const user = ctx.state.users[(ctx.params.username ?? '').toLowerCase()];
        if (!user) return githubError(404);
        return { status: 200, body: { ...userJson(user, ctx.baseUrl), name: null, company: null, blog: '', location: null, email: null, bio: null, public_repos: 0, followers: 0, following: 0, created_at: '2020-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' } };
      },
    ],
    [
      'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
      (ctx) => {
        const statuses = ctx.state.statuses
          .filter((status) => status.sha === ctx.params.ref)
          .reverse()
          .map((status) => ({ id: status.id, state: status.state, description: status.description, target_url: status.target_url, context: status.context, created_at: status.created_at, updated_at: status.created_at }));
        return paginate(ctx, statuses);
      },
    ],
  ];
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchRoute<S extends GitHubServerState>(route: RouteEntry<S>, method: string, rawSegments: string[]): Record<string, string> | undefined {
  if (route.method !== method) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < route.segments.length; index++) {
    const pattern = route.segments[index]!;
    const param = /^\{(\w+)\}$/.exec(pattern)?.[1];
    if (param === 'path' && index === route.segments.length - 1) {
      if (rawSegments.length <= index) return undefined;
      params.path = rawSegments.slice(index).map(safeDecode).join('/');
      return params;
    }
    const segment = rawSegments[index];
    if (segment === undefined) return undefined;
    if (param) params[param] = safeDecode(segment);
    else if (pattern !== segment) return undefined;
  }
  return rawSegments.length === route.segments.length ? params : undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function faultName(fault: Fault): string {
  if (typeof fault === 'number' || typeof fault === 'string') return String(fault);
  if ('delayMs' in fault) return `delay ${fault.delayMs}ms`;
  return `rate-limit ${fault.rateLimit}`;
}

/** Starts a fake GitHub on 127.0.0.1 with a random port. Close it in `afterEach`/`afterAll`. */
export async function startGitHubServer<S extends GitHubServerState = GitHubServerState>(state: S): Promise<GitHubServer<S>> {
  const routes: Array<RouteEntry<S>> = [];
  const faults = new Map<string, FaultQueue>();
  const requests: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let baseUrl = '';

  const addRoute = (key: string, handler: RouteHandler<S>) => {
    const [method, path] = key.split(' ');
    if (!method || !path) throw new Error(`Route key "${key}" is not "METHOD /path".`);
    const existing = routes.findIndex((route) => route.key === key);
    const entry: RouteEntry<S> = { key, method: method.toUpperCase(), segments: splitPath(path), handler };
    if (existing >= 0) routes[existing] = entry;
    else routes.push(entry);
  };
  for (const [key, handler] of defaultRoutes()) addRoute(key, handler as RouteHandler<S>);

  const nextFault = (key: string): Fault | undefined => {
    const queue = faults.get(key);
    if (!queue || queue.sequence.length === 0) return undefined;
    if (queue.sequence.length === 1 && queue.persist) return queue.sequence[0];
    return queue.sequence.shift();
  };

  const rateHeaders = (): Record<string, string> => ({
    'x-ratelimit-limit': String(state.rateLimit.limit),
    'x-ratelimit-remaining': String(state.rateLimit.remaining),
    'x-ratelimit-reset': String(state.rateLimit.resetEpochSeconds),
    'x-ratelimit-used': String(state.rateLimit.limit - state.rateLimit.remaining),
    'x-ratelimit-resource': 'core',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `REQ-${requests.length}`,
  });

  const send = (response: ServerResponse, log: LoggedRequest, result: RouteResult) => {
    if (response.destroyed || response.writableEnded) return;
    log.status = result.status;
    const headers: Record<string, string> = { ...rateHeaders(), ...(result.headers ?? {}) };
    if (result.status === 204 || result.body === undefined) {
      response.writeHead(result.status, headers);
      response.end();
      return;
    }
    const text = JSON.stringify(result.body);
    response.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    response.end(text);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    const parsed = new URL(url, baseUrl);
    const rawSegments = splitPath(parsed.pathname);
    const method = (request.method ?? 'GET').toUpperCase();
    const bodyText = await readBody(request).catch(() => '');
    let body: unknown = undefined;
    if (bodyText) {
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = bodyText;
      }
    }
    const log: LoggedRequest = {
      method,
      path: safeDecode(parsed.pathname),
      url,
      query: Object.fromEntries(parsed.searchParams),
      params: {},
      headers: request.headers,
      body,
      status: 0,
    };
    requests.push(log);

    const authorization = request.headers.authorization ?? '';
    if (state.token !== undefined && authorization !== `token ${state.token}` && authorization !== `Bearer ${state.token}` && authorization !== `bearer ${state.token}`) {
      send(response, log, githubError(401));
      return;
    }

    let matched: { route: RouteEntry<S>; params: Record<string, string> } | undefined;
    for (let index = routes.length - 1; index >= 0 && !matched; index--) {
      const params = matchRoute(routes[index]!, method, rawSegments);
      if (params) matched = { route: routes[index]!, params };
    }
    if (!matched) {
      send(response, log, githubError(404));
      return;
    }
    log.route = matched.route.key;
    log.params = matched.params;
    const ctx: RouteContext<S> = { state, params: matched.params, query: parsed.searchParams, body, baseUrl, url, method };
    if (!isThisRepo(ctx as unknown as RouteContext) && matched.params.owner !== undefined) {
      send(response, log, githubError(404));
      return;
    }

    const fault = nextFault(matched.route.key);
    if (fault !== undefined) log.fault = faultName(fault);
    const answer = async () => matched.route.handler(ctx);

    if (fault === undefined || (typeof fault === 'number' && fault >= 200 && fault < 300)) {
      send(response, log, await answer());
      return;
    }
    if (typeof fault === 'number') {
      send(response, log, githubError(fault));
      return;
    }
    if (fault === 'reset') {
      const result = await answer();
      const text = JSON.stringify(result.body ?? {});
      response.writeHead(200, { ...rateHeaders(), 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text) + 100) });
      response.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      log.status = 0;
      // Let the partial body reach the client before the connection goes.
      const timer = setTimeout(() => {
        timers.delete(timer);
        request.socket.destroy();
      }, 10);
      timers.add(timer);
      return;
    }
    if (fault === 'malformed-json') {
      const text = '{"message": "ok", "items": [1, 2,';
      log.status = 200;
      response.writeHead(200, { ...rateHeaders(), 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
      response.end(text);
      return;
    }
    if (fault === 'link-loop') {
      const result = await answer();
      const first = new URL(url, baseUrl);
      first.searchParams.set('page', '1');
      send(response, log, { ...result, headers: { ...(result.headers ?? {}), link: `<${first.toString()}>; rel="next"` } });
      return;
    }
    if ('delayMs' in fault) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, fault.delayMs);
        timers.add(timer);
        response.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
          resolve();
        });
      });
      send(response, log, await answer());
      return;
    }
    if (fault.rateLimit === 'primary') {
      const reset = Math.floor(Date.now() / 1000) + (fault.resetInSeconds ?? 3600);
      log.status = fault.status ?? 403;
      send(response, log, {
        status: fault.status ?? 403,
        body: { message: `API rate limit exceeded for installation ID 1.`, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: String(fault.status ?? 403) },
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset), 'x-ratelimit-used': String(state.rateLimit.limit) },
      });
      return;
    }
    send(response, log, {
      status: fault.status ?? 429,
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: String(fault.status ?? 429) },
      headers: { 'retry-after': String(fault.retryAfter ?? 60) },
    });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ message: `fake GitHub failed: ${error instanceof Error ? error.message : String(error)}` }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    state,
    requests,
    env: (extra = {}) => ({
      GITHUB_API_URL: baseUrl,
      GITHUB_TOKEN: state.token ?? 'any-token',
      GITHUB_REPOSITORY: `${state.owner}/${state.repo}`,
      ...extra,
    }),
    route: addRoute,
    fault: (key, sequence, options = {}) => {
      if (!routes.some((route) => route.key === key)) throw new Error(`No route "${key}" to inject a fault into.`);
      faults.set(key, { sequence: [...sequence], persist: options.persist ?? false });
    },
    requestsTo: (key) => requests.filter((request) => request.route === key),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
