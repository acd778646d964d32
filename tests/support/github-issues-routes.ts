/**
 * GitHub Issues for the fake GitHub server (tests/support/github-server.ts): list (with state and
 * label filters, newest first, paginated with Link headers), create, get, update, comment, edit and
 * delete a comment, with the JSON shapes of GitHub's OpenAPI description (issue, label, issue-comment).
 */
import {
  emptyState,
  fakeUser,
  githubError,
  paginate,
  userJson,
  type GitHubServer,
  type GitHubServerState,
  type RouteContext,
} from './github-server.ts';

/** An issue as the fake stores it. */
export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  author: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Set for pull requests, which the issues list also returns on GitHub. */
  pull_request?: boolean;
}

export interface FakeIssueComment {
  id: number;
  issue_number: number;
  body: string;
  author: string;
  created_at: string;
}

/** Server state with issues. */
export interface IssuesState extends GitHubServerState {
  issues: FakeIssue[];
  comments: FakeIssueComment[];
  /** Login the token belongs to (author of created issues and comments). */
  viewer: string;
}

/** An empty repository with issues. */
export function issuesState(overrides: Partial<IssuesState> = {}): IssuesState {
  return { ...emptyState(), issues: [], comments: [], viewer: 'github-actions[bot]', ...overrides };
}

let clock = Date.UTC(2026, 10, 22, 12, 0, 0);
/** Strictly increasing timestamps, so "newest first" is well defined. */
function timestamp(): string {
  clock += 1000;
  return new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function labelJson(name: string, ctx: RouteContext): Record<string, unknown> {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    id: 7_000_000 + (hash % 1_000_000),
    node_id: `LA_${hash}`,
    url: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  };
}

function issueJson(issue: FakeIssue, ctx: RouteContext): Record<string, unknown> {
  const repoUrl = `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`;
  const comments = (ctx.state as IssuesState).comments.filter((c) => c.issue_number === issue.number).length;
  return {
    id: 800_000 + issue.number,
    node_id: `I_${issue.number}`,
    url: `${repoUrl}/issues/${issue.number}`,
    repository_url: repoUrl,
    labels_url: `${repoUrl}/issues/${issue.number}/labels{/name}`,
    comments_url: `${repoUrl}/issues/${issue.number}/comments`,
    events_url: `${repoUrl}/issues/${issue.number}/events`,
    html_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: userJson(fakeUser(issue.author), ctx.baseUrl),
    labels: issue.labels.map((name) => labelJson(name, ctx)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_by: issue.state === 'closed' ? userJson(fakeUser((ctx.state as IssuesState).viewer), ctx.baseUrl) : null,
    author_association: 'MEMBER',
    ...(issue.pull_request
      ? { pull_request: { url: `${repoUrl}/pulls/${issue.number}`, html_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/pull/${issue.number}`, diff_url: null, patch_url: null } }
      : {}),
  };
}

function labelNames(input: unknown): string[] | undefined {
  if (!Array.isArray(input)) return undefined;
  return input.map((label) => (typeof label === 'string' ? label : String((label as { name?: unknown }).name ?? '')));
}

function validation(field: string, message: string) {
  return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field, code: 'custom', message }], documentation_url: 'https://docs.github.com/rest/issues/issues' } };
}

/** Adds the issue routes to a running fake GitHub whose state is an {@link IssuesState}. */
export function addIssueRoutes(server: GitHubServer<IssuesState>): void {
  const find = (ctx: RouteContext<IssuesState>) => ctx.state.issues.find((issue) => issue.number === Number(ctx.params.issue_number));
  const nextNumber = (state: IssuesState) => Math.max(0, ...state.issues.map((i) => i.number), ...Object.keys(state.pulls).map(Number)) + 1;

  server.route('GET /repos/{owner}/{repo}/issues', (ctx) => {
    const state = ctx.query.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(state)) return validation('state', `state "${state}" is not open, closed or all`);
    const wanted = (ctx.query.get('labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean);
    const direction = ctx.query.get('direction') ?? 'desc';
    const issues = ctx.state.issues
      .filter((issue) => state === 'all' || issue.state === state)
      .filter((issue) => wanted.every((label) => issue.labels.some((l) => l.toLowerCase() === label.toLowerCase())))
      .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number))
      .map((issue) => issueJson(issue, ctx as unknown as RouteContext));
    return paginate(ctx, issues);
  });

  server.route('POST /repos/{owner}/{repo}/issues', (ctx) => {
    const input = (ctx.body ?? {}) as Record<string, unknown>;
    if (typeof input.title !== 'string' || input.title.trim() === '') return validation('title', 'title is missing');
    if (input.title.length > 256) return validation('title', 'title is too long (maximum is 256 characters)');
    if (typeof input.body === 'string' && input.body.length > 65_536) return validation('body', 'body is too long (maximum is 65536 characters)');
    const at = timestamp();
    const issue: FakeIssue = {
      number: nextNumber(ctx.state),
      title: input.title,
      body: typeof input.body === 'string' ? input.body : null,
      state: 'open',
      state_reason: null,
      labels: labelNames(input.labels) ?? [],
      author: ctx.state.viewer,
      created_at: at,
      updated_at: at,
      closed_at: null,
    };
    ctx.state.issues.push(issue);
    return { status: 201, body: issueJson(issue, ctx as unknown as RouteContext), headers: { location: `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/issues/${issue.number}` } };
  });

  server.route('GET /repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
    const issue = find(ctx);
    return issue ? { status: 200, body: issueJson(issue, ctx as unknown as RouteContext) } : githubError(404);
  });

  server.route('PATCH /repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
    const issue = find(ctx);
    if (!issue) return githubError(404);
    const input = (ctx.body ?? {}) as Record<string, unknown>;
    if (input.title !== undefined) {
      if (typeof input.title !== 'string' || input.title.trim() === '') return validation('title', 'title is missing');
      if (input.title.length > 256) return validation('title', 'title is too long (maximum is 256 characters)');
      issue.title = input.title;
    }
    if (input.body !== undefined) issue.body = typeof input.body === 'string' ? input.body : null;
    const labels = labelNames(input.labels);
    if (labels) issue.labels = labels;
    if (input.state !== undefined) {
      if (input.state !== 'open' && input.state !== 'closed') return validation('state', 'state is not open or closed');
      if (input.state === 'closed' && issue.state === 'open') {
        issue.closed_at = timestamp();
        issue.state_reason = input.state_reason === 'not_planned' ? 'not_planned' : 'completed';
      }
      if (input.state === 'open' && issue.state === 'closed') {
        issue.closed_at = null;
        issue.state_reason = 'reopened';
      }
      issue.state = input.state;
    }
    issue.updated_at = timestamp();
    return { status: 200, body: issueJson(issue, ctx as unknown as RouteContext) };
  });

  server.route('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
    const issue = find(ctx);
    if (!issue) return githubError(404);
    const input = (ctx.body ?? {}) as Record<string, unknown>;
    if (typeof input.body !== 'string' || input.body === '') return validation('body', 'body is missing');
    const comment: FakeIssueComment = { id: 900_000 + ctx.state.comments.length, issue_number: issue.number, body: input.body, author: ctx.state.viewer, created_at: timestamp() };
    ctx.state.comments.push(comment);
    issue.updated_at = comment.created_at;
    const repoUrl = `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`;
    return {
      status: 201,
      body: {
        id: comment.id,
        node_id: `IC_${comment.id}`,
        url: `${repoUrl}/issues/comments/${comment.id}`,
        html_url: `https://github.com/${ctx.state.owner}/${ctx.state.repo}/issues/${issue.number}#issuecomment-${comment.id}`,
        issue_url: `${repoUrl}/issues/${issue.number}`,
        body: comment.body,
        user: userJson(fakeUser(comment.author), ctx.baseUrl),
        created_at: comment.created_at,
        updated_at: comment.created_at,
        author_association: 'MEMBER',
      },
    };
  });

  // Editing and deleting a comment (https://docs.github.com/rest/issues/comments): only its author's token may.
  const findComment = (ctx: RouteContext<IssuesState>) => ctx.state.comments.find((c) => c.id === Number(ctx.params.comment_id));
  server.route('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
    const comment = findComment(ctx);
    if (!comment) return githubError(404);
    if (comment.author !== ctx.state.viewer) return githubError(403, 'Resource not accessible by integration');
    const input = (ctx.body ?? {}) as Record<string, unknown>;
    if (typeof input.body !== 'string' || input.body === '') return validation('body', 'body is missing');
    comment.body = input.body;
    return { status: 200, body: { id: comment.id, body: comment.body, user: userJson(fakeUser(comment.author), ctx.baseUrl), created_at: comment.created_at, updated_at: timestamp() } };
  });
  server.route('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
    const comment = findComment(ctx);
    if (!comment) return githubError(404);
    if (comment.author !== ctx.state.viewer) return githubError(403, 'Resource not accessible by integration');
    ctx.state.comments.splice(ctx.state.comments.indexOf(comment), 1);
    return { status: 204 };
  });

  server.route('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
    const issue = find(ctx);
    if (!issue) return githubError(404);
    const comments = ctx.state.comments
      .filter((c) => c.issue_number === issue.number)
      .map((c) => ({ id: c.id, body: c.body, user: userJson(fakeUser(c.author), ctx.baseUrl), created_at: c.created_at, updated_at: c.created_at }));
    return paginate(ctx, comments);
  });
}
