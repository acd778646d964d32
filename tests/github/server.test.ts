/** The local GitHub server answers like GitHub: tests of other commands rely on these behaviours. */
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../scripts/github/client.ts';
import { emptyState, fakeUser, githubError, paginate, startGitHubServer, type GitHubServer, type GitHubServerState } from '../support/github-server.ts';

let server: GitHubServer<any> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const REVIEWS = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews';

async function withReviews(count: number) {
  const state = emptyState();
  state.pulls[5] = {
    number: 5,
    user: fakeUser('author'),
    head: { sha: 'a'.repeat(40), ref: 'x' },
    base: { sha: 'b'.repeat(40), ref: 'main' },
    files: [],
    reviews: Array.from({ length: count }, (_, i) => ({ user: fakeUser(`r${i}`), state: 'COMMENTED' as const, commit_id: 'a'.repeat(40) })),
    commits: [],
    events: [],
  };
  return startGitHubServer(state);
}

describe('the local GitHub server', () => {
  it('pages lists with per_page and page, and GitHub\'s Link header', async () => {
    server = await withReviews(5);
    const headers = { authorization: 'token test-token' };
    const first = await fetch(`${server.url}/repos/egi/oncall/pulls/5/reviews?per_page=2`, { headers });
    expect(first.status).toBe(200);
    expect(((await first.json()) as unknown[]).length).toBe(2);
    expect(first.headers.get('link')).toBe(
      `<${server.url}/repos/egi/oncall/pulls/5/reviews?per_page=2&page=2>; rel="next", <${server.url}/repos/egi/oncall/pulls/5/reviews?per_page=2&page=3>; rel="last"`,
    );
    const last = await fetch(`${server.url}/repos/egi/oncall/pulls/5/reviews?per_page=2&page=3`, { headers });
    expect(((await last.json()) as unknown[]).length).toBe(1);
    expect(last.headers.get('link')).toBe(
      `<${server.url}/repos/egi/oncall/pulls/5/reviews?per_page=2&page=2>; rel="prev", <${server.url}/repos/egi/oncall/pulls/5/reviews?per_page=2&page=1>; rel="first"`,
    );
    expect(last.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  it('caps per_page at 100 and defaults to 30, as GitHub does', async () => {
    server = await withReviews(150);
    const client = createGitHubClient(server.env());
    const all = await client.paginate(client.rest.pulls.listReviews, { owner: 'egi', repo: 'oncall', pull_number: 5, per_page: 500 });
    expect(all).toHaveLength(150);
    expect(server.requestsTo(REVIEWS).map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    const defaults = await client.rest.pulls.listReviews({ owner: 'egi', repo: 'oncall', pull_number: 5 });
    expect(defaults.data).toHaveLength(30);
  });

  it('answers 401 without the token, 404 for unknown routes and other repositories', async () => {
    server = await withReviews(1);
    expect((await fetch(`${server.url}/repos/egi/oncall/pulls/5`)).status).toBe(401);
    const headers = { authorization: 'Bearer test-token' };
    const missing = await fetch(`${server.url}/repos/egi/oncall/nothing-here`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    expect((await fetch(`${server.url}/repos/other/repo/pulls/5`, { headers })).status).toBe(404);
  });

  it('serves file contents at a ref, base64 like the contents API', async () => {
    const state = emptyState();
    state.contents.main = { 'policy/roles.yaml': 'roles: []\n' };
    server = await startGitHubServer(state);
    const client = createGitHubClient(server.env());
    const { data } = await client.rest.repos.getContent({ owner: 'egi', repo: 'oncall', path: 'policy/roles.yaml', ref: 'main' });
    expect(data).toMatchObject({ type: 'file', encoding: 'base64', path: 'policy/roles.yaml', name: 'roles.yaml' });
    expect(Buffer.from((data as { content: string }).content, 'base64').toString()).toBe('roles: []\n');
    await expect(client.rest.repos.getContent({ owner: 'egi', repo: 'oncall', path: 'policy/roles.yaml', ref: 'other' })).rejects.toMatchObject({ status: 404 });
  });

  it('records commit statuses and rejects a description over 140 characters', async () => {
    server = await withReviews(0);
    const client = createGitHubClient(server.env(), { retries: 0 });
    await client.rest.repos.createCommitStatus({ owner: 'egi', repo: 'oncall', sha: 'a'.repeat(40), state: 'failure', context: 'ctx', description: 'short' });
    await expect(client.rest.repos.createCommitStatus({ owner: 'egi', repo: 'oncall', sha: 'a'.repeat(40), state: 'success', context: 'ctx', description: 'x'.repeat(141) })).rejects.toMatchObject({ status: 422 });
    expect(server.state.statuses).toEqual([expect.objectContaining({ state: 'failure', context: 'ctx', description: 'short' })]);
    expect(server.requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ['POST', 'POST /repos/{owner}/{repo}/statuses/{sha}', 201],
      ['POST', 'POST /repos/{owner}/{repo}/statuses/{sha}', 422],
    ]);
  });

  it('takes faults in sequence per route, then answers normally (or repeats the last with persist)', async () => {
    server = await withReviews(1);
    const client = createGitHubClient(server.env(), { retries: 0 });
    server.fault(REVIEWS, [500, 200]);
    await expect(client.rest.pulls.listReviews({ owner: 'egi', repo: 'oncall', pull_number: 5 })).rejects.toMatchObject({ status: 500 });
    await client.rest.pulls.listReviews({ owner: 'egi', repo: 'oncall', pull_number: 5 });
    await client.rest.pulls.listReviews({ owner: 'egi', repo: 'oncall', pull_number: 5 });
    expect(server.requestsTo(REVIEWS).map((r) => [r.status, r.fault])).toEqual([
      [500, '500'],
      [200, '200'],
      [200, undefined],
    ]);
  });

  it('lets tests and other support files add routes over their own state', async () => {
    interface IssueState extends GitHubServerState {
      issues: { number: number; title: string; labels: string[] }[];
    }
    const state: IssueState = { ...emptyState(), issues: [{ number: 1, title: 'Post-mortem overdue', labels: ['oncall'] }, { number: 2, title: 'Other', labels: [] }] };
    const issues = await startGitHubServer(state);
    server = issues;
    issues.route('GET /repos/{owner}/{repo}/issues', (ctx) => {
      const label = ctx.query.get('labels');
      return paginate(ctx, ctx.state.issues.filter((issue) => label === null || issue.labels.includes(label)));
    });
    issues.route('PATCH /repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
      const issue = ctx.state.issues.find((i) => i.number === Number(ctx.params.issue_number));
      if (!issue) return githubError(404);
      Object.assign(issue, ctx.body as object);
      return { status: 200, body: issue };
    });
    const client = createGitHubClient(issues.env());
    const { data } = await client.rest.issues.listForRepo({ owner: 'egi', repo: 'oncall', labels: 'oncall' });
    expect(data.map((i) => i.number)).toEqual([1]);
    await client.rest.issues.update({ owner: 'egi', repo: 'oncall', issue_number: 1, title: 'Done' });
    expect(state.issues[0]!.title).toBe('Done');
    expect(issues.requestsTo('PATCH /repos/{owner}/{repo}/issues/{issue_number}')[0]!.body).toEqual({ title: 'Done' });
  });
});
