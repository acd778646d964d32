/**
 * File paths at a commit, through the git trees API (one request for the whole tree). Used to find
 * every sign-off record at the default branch, so a new decision is checked against the history it
 * joins.
 */
import { GitHubAnswerError, object, string } from './answers.ts';
import type { GitHubClient, Repository } from './client.ts';

/** Paths of the files (blobs) under `folder` at commit `ref`. */
export async function listFilesAtCommit(client: GitHubClient, repo: Repository, ref: string, folder: string): Promise<string[]> {
  const what = `the file tree at ${ref.slice(0, 12)}`;
  const tree = object((await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...repo, tree_sha: ref, recursive: '1' })).data, what);
  if (tree.truncated === true) {
    throw new GitHubAnswerError(`${what}: GitHub cut the tree short (too many files), so the records in ${folder}/ cannot all be listed; run approvals with --base-source git.`);
  }
  if (!Array.isArray(tree.tree)) throw new GitHubAnswerError(`${what}: "tree" is not a list in GitHub's answer.`);
  const prefix = `${folder.replace(/\/+$/, '')}/`;
  const out: string[] = [];
  tree.tree.forEach((item, index) => {
    const entry = object(item, `${what}, entry ${index + 1}`);
    const path = string(entry, 'path', `${what}, entry ${index + 1}`);
    if (entry.type === 'blob' && path.startsWith(prefix)) out.push(path);
  });
  return out.sort();
}
