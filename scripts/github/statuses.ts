import { object } from './answers.ts';
import type { GitHubClient, Repository } from './client.ts';

/** The context of the approvals commit status; branch protection requires it by this name. */
export const APPROVALS_CONTEXT = 'oncall-as-code/approvals';

export interface CommitStatus {
  state: 'success' | 'failure' | 'error' | 'pending';
  /** At most 140 characters (GitHub's limit). */
  description: string;
  context: string;
  targetUrl?: string;
}

/** Creates a commit status on `sha`. */
export async function postCommitStatus(client: GitHubClient, repo: Repository, sha: string, status: CommitStatus): Promise<void> {
  const response = await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
    ...repo,
    sha,
    state: status.state,
    description: status.description,
    context: status.context,
    ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
  });
  object(response.data, `commit status on ${sha.slice(0, 12)}`);
}

/** The Actions run's page, when running in GitHub Actions, for the status's details link. */
export function runUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  const run = env.GITHUB_RUN_ID;
  if (!server || !repository || !run || !/^[0-9]+$/.test(run)) return undefined;
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${run}`;
}
