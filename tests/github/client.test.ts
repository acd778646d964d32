import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/commands/io.ts';
import { createGitHubClient, describeGitHubError, GitHubConfigError, repositoryFromEnv } from '../../scripts/github/client.ts';
import { emptyState, fakeUser, startGitHubServer, type GitHubServer } from '../support/github-server.ts';

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';

async function withPull(): Promise<GitHubServer> {
  const state = emptyState();
  state.pulls[3] = { number: 3, user: fakeUser('someone'), head: { sha: 'a'.repeat(40), ref: 'x' }, base: { sha: 'b'.repeat(40), ref: 'main' }, files: [], reviews: [], commits: [], events: [] };
  return startGitHubServer(state);
}

describe('repositoryFromEnv', () => {
  it('splits owner/repo', () => {
    expect(repositoryFromEnv({ GITHUB_REPOSITORY: 'egi/oncall-as-code' })).toEqual({ owner: 'egi', repo: 'oncall-as-code' });
  });

  it.each([
    [undefined, 'GITHUB_REPOSITORY is not set'],
    ['', 'GITHUB_REPOSITORY is not set'],
    ['egi', 'GITHUB_REPOSITORY: "egi" is not "owner/repo".'],
    ['egi/a/b', 'GITHUB_REPOSITORY: "egi/a/b" is not "owner/repo".'],
    ['egi/..', 'GITHUB_REPOSITORY: "egi/.." is not "owner/repo".'],
  ])('%s -> %s', (value, message) => {
    expect(() => repositoryFromEnv({ GITHUB_REPOSITORY: value })).toThrow(message);
  });
});

describe('createGitHubClient', () => {
  it('refuses to start without a token or repository, as a usage error (exit 2)', () => {
    expect(() => createGitHubClient({ GITHUB_REPOSITORY: 'egi/oncall' })).toThrow(GitHubConfigError);
    expect(() => createGitHubClient({ GITHUB_REPOSITORY: 'egi/oncall' })).toThrow(UsageError);
    expect(() => createGitHubClient({ GITHUB_TOKEN: 't' })).toThrow('GITHUB_REPOSITORY is not set');
    expect(() => createGitHubClient({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'egi/oncall', GITHUB_API_URL: 'ftp://x' })).toThrow('is not an http(s) URL');
  });

  it('defaults to api.github.com and keeps a GitHub Enterprise path', () => {
    const env = { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'egi/oncall' };
    expect(createGitHubClient(env).request.endpoint.DEFAULTS.baseUrl).toBe('https://api.github.com');
    expect(createGitHubClient({ ...env, GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }).request.endpoint.DEFAULTS.baseUrl).toBe('https://ghe.example.com/api/v3');
  });

  it('sends the token and answers from GITHUB_API_URL', async () => {
    server = await withPull();
    const client = createGitHubClient(server.env());
    const { data } = await client.rest.pulls.get({ ...repositoryFromEnv(server.env()), pull_number: 3 });
    expect(data.head.sha).toBe('a'.repeat(40));
    const [request] = server.requests;
    expect(request!.headers.authorization).toBe('token test-token');
    expect(request!.headers['user-agent']).toMatch(/^oncall-as-code/);
  });

  it('retries a failing request a bounded number of times', async () => {
    server = await withPull();
    server.fault(PULL, [503], { persist: true });
    const client = createGitHubClient(server.env(), { retries: 2, secondMs: 1 });
    await expect(client.rest.pulls.get({ owner: 'egi', repo: 'oncall', pull_number: 3 })).rejects.toMatchObject({ status: 503 });
    expect(server.requestsTo(PULL)).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    server = await withPull();
    const client = createGitHubClient(server.env(), { retries: 2, secondMs: 1 });
    const error = await client.rest.pulls.get({ owner: 'egi', repo: 'oncall', pull_number: 99 }).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(describeGitHubError(error)).toMatch(/^GitHub has no such resource \(HTTP 404 on GET http:\/\/127\.0\.0\.1:\d+\/repos\/egi\/oncall\/pulls\/99\)/);
  });

  it('aborts a request that takes longer than the timeout, and says so', async () => {
    server = await withPull();
    server.fault(PULL, [{ delayMs: 3_000 }], { persist: true });
    const client = createGitHubClient(server.env(), { timeoutMs: 200, retries: 1, secondMs: 1 });
    const error = await client.rest.pulls.get({ owner: 'egi', repo: 'oncall', pull_number: 3 }).catch((e: unknown) => e);
    expect(describeGitHubError(error)).toMatch(/^GitHub did not answer GET http:\/\/127\.0\.0\.1:\d+\/repos\/egi\/oncall\/pulls\/3 within 200 ms\.$/);
    expect(server.requestsTo(PULL)).toHaveLength(2);
  });

  it('fails at once on a rate limit that would take too long, with the reset time', async () => {
    server = await withPull();
    server.fault(PULL, [{ rateLimit: 'primary', resetInSeconds: 3_600 }], { persist: true });
    const client = createGitHubClient(server.env(), { maxRateLimitWaitSeconds: 60, secondMs: 1 });
    const error = await client.rest.pulls.get({ owner: 'egi', repo: 'oncall', pull_number: 3 }).catch((e: unknown) => e);
    expect(describeGitHubError(error)).toMatch(/^GitHub's API rate limit is exhausted until \d{4}-\d\d-\d\dT.*Z \(HTTP 403 on GET /);
    expect(server.requestsTo(PULL)).toHaveLength(1);
  });

  it('waits a bounded number of times for a short rate limit, then gives up', async () => {
    server = await withPull();
    server.fault(PULL, [{ rateLimit: 'secondary', status: 429, retryAfter: 1 }], { persist: true });
    const warnings: string[] = [];
    const client = createGitHubClient(server.env(), { rateLimitRetries: 2, retries: 0, secondMs: 1, log: (m) => warnings.push(m) });
    const error = await client.rest.pulls.get({ owner: 'egi', repo: 'oncall', pull_number: 3 }).catch((e: unknown) => e);
    expect(describeGitHubError(error)).toMatch(/^GitHub's API rate limit is exhausted for 1s \(HTTP 429/);
    expect(server.requestsTo(PULL)).toHaveLength(3);
    expect(warnings).toHaveLength(2);
  });

  it('describes a bad token', async () => {
    server = await withPull();
    const client = createGitHubClient(server.env({ GITHUB_TOKEN: 'nope' }));
    const error = await client.rest.pulls.get({ owner: 'egi', repo: 'oncall', pull_number: 3 }).catch((e: unknown) => e);
    expect(describeGitHubError(error)).toMatch(/^GitHub rejected the token \(HTTP 401 on GET .*\): check GITHUB_TOKEN\.$/);
  });
});
