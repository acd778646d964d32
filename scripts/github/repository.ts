/**
 * The repository's default branch and the commit it points at now: the approval rules and role
 * holders are read there at evaluation time, and only pull requests into it own a verdict.
 */
import { object, sha, string } from './answers.ts';
import type { GitHubClient, Repository } from './client.ts';

export interface DefaultBranch {
  name: string;
  /** The commit the branch points at now. */
  sha: string;
}

export async function readDefaultBranch(client: GitHubClient, repo: Repository): Promise<DefaultBranch> {
  const what = `repository ${repo.owner}/${repo.repo}`;
  const name = string(object((await client.request('GET /repos/{owner}/{repo}', { ...repo })).data, what), 'default_branch', what);
  const branch = object((await client.request('GET /repos/{owner}/{repo}/branches/{branch}', { ...repo, branch: name })).data, `branch ${name}`);
  return { name, sha: sha(object(branch.commit, `branch ${name} commit`), 'sha', `branch ${name} commit`) };
}
