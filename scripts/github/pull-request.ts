/**
 * Reads a pull request as data for the approvals evaluator: the pull request, its files, reviews,
 * commits and review dismissals, every list read to its last page. Only these narrow endpoints are
 * used, and every answer is shape-checked.
 */
import type { CommitSnapshot, DismissalSnapshot, FileSnapshot, PullRequestSnapshot, ReviewSnapshot } from '../approvals/snapshot.ts';
import { account, GitHubAnswerError, integer, listAll, object, optionalString, sha, string } from './answers.ts';
import type { GitHubClient, Repository } from './client.ts';

/** The pull request's head commit SHA, read afresh (to detect a push during an evaluation). */
export async function readHeadSha(client: GitHubClient, repo: Repository, number: number): Promise<string> {
  const what = `pull request #${number}`;
  const response = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number });
  return sha(object(object(response.data, what).head, `${what} head`), 'sha', `${what} head`);
}

/**
 * Everything the evaluator needs about a pull request. `onHead` learns the head SHA as soon as the
 * pull request itself is read, so a failure reading the rest can still be reported on that commit.
 */
export async function readPullRequest(
  client: GitHubClient,
  repo: Repository,
  number: number,
  options: { onHead?: (sha: string) => void } = {},
): Promise<PullRequestSnapshot> {
  const what = `pull request #${number}`;
  const response = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number });
  const pull = object(response.data, what);
  if (pull.number !== number) throw new GitHubAnswerError(`${what}: GitHub answered with pull request ${String(pull.number)}.`);
  const headSha = sha(object(pull.head, `${what} head`), 'sha', `${what} head`);
  options.onHead?.(headSha);
  const baseSha = sha(object(pull.base, `${what} base`), 'sha', `${what} base`);
  const author = account(pull.user, `${what} author`);
  const changedFileCount = integer(pull, 'changed_files', what);
  const commitCount = integer(pull, 'commits', what);
  const params = { ...repo, pull_number: number };

  const [files, reviews, commits, events] = await Promise.all([
    listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', params, `${what} files`),
    listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params, `${what} reviews`),
    listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', params, `${what} commits`),
    listAll(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/events', { ...repo, issue_number: number }, `${what} issue events`),
  ]);

  return {
    number,
    author,
    headSha,
    baseSha,
    changedFileCount,
    commitCount,
    files: files.map((item, index) => toFile(item, `${what} file ${index + 1}`)),
    reviews: reviews.map((item, index) => toReview(item, `${what} review ${index + 1}`)),
    commits: commits.map((item, index) => toCommit(item, `${what} commit ${index + 1}`)),
    dismissals: events.flatMap((item, index) => toDismissal(item, `${what} issue event ${index + 1}`)),
  };
}

function toFile(value: unknown, what: string): FileSnapshot {
  const file = object(value, what);
  const previous = optionalString(file, 'previous_filename', what);
  return { path: string(file, 'filename', what), status: string(file, 'status', what), ...(previous !== null ? { previousPath: previous } : {}) };
}

function toReview(value: unknown, what: string): ReviewSnapshot {
  const review = object(value, what);
  const id = integer(review, 'id', what);
  const commitId = optionalString(review, 'commit_id', what);
  const association = optionalString(review, 'author_association', what)?.toUpperCase() ?? 'NONE';
  return { id, user: account(review.user, `${what} user`), state: string(review, 'state', what).toUpperCase(), commitId: commitId?.toLowerCase() ?? null, association };
}

function toCommit(value: unknown, what: string): CommitSnapshot {
  const commit = object(value, what);
  return { sha: sha(commit, 'sha', what), author: account(commit.author, `${what} author`), committer: account(commit.committer, `${what} committer`) };
}

function toDismissal(value: unknown, what: string): DismissalSnapshot[] {
  const event = object(value, what);
  if (event.event !== 'review_dismissed') return [];
  const dismissed = object(event.dismissed_review, `${what} dismissed_review`);
  return [{ reviewId: integer(dismissed, 'review_id', `${what} dismissed_review`), actor: account(event.actor, `${what} actor`), reviewState: string(dismissed, 'state', `${what} dismissed_review`) }];
}
