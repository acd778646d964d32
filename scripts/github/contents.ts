/**
 * Files at a commit, through the contents API (`ref` = a commit SHA), and the files of a folder
 * through the git trees API. Used to read the approval rules, role assignments and sign-off history
 * at the default branch, and a pull request's records at its head, as data.
 */
import type { RevisionReader } from '../approvals/inputs.ts';
import { GitHubAnswerError, object, string } from './answers.ts';
import type { GitHubClient, Repository } from './client.ts';
import { listFilesAtCommit } from './trees.ts';

function status(error: unknown): number | undefined {
  const value = (error as { status?: unknown } | null)?.status;
  return typeof value === 'number' ? value : undefined;
}

/** A {@link RevisionReader} over GitHub's contents API. */
export function contentsReader(client: GitHubClient, repo: Repository): RevisionReader {
  return {
    list: (ref, folder) => listFilesAtCommit(client, repo, ref, folder),
    async read(ref, path) {
      const what = `${path} at ${ref.slice(0, 12)}`;
      let data: unknown;
      try {
        data = (await client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ref })).data;
      } catch (error) {
        if (status(error) === 404) return undefined;
        throw error;
      }
      const file = object(data, what);
      if (file.type !== 'file') throw new GitHubAnswerError(`${what}: GitHub says it is a ${String(file.type)}, not a file.`);
      if (file.encoding !== 'base64') {
        // Files over 1 MB come without content; data files are far smaller, so this is refused.
        throw new GitHubAnswerError(`${what}: GitHub sent it without content (encoding "${String(file.encoding)}"); it is too large to be a data file.`);
      }
      const content = string(file, 'content', what).replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw new GitHubAnswerError(`${what}: GitHub's content is not base64.`);
      return new Uint8Array(Buffer.from(content, 'base64'));
    },
  };
}
