/**
 * Reads a pull request as data for the approvals evaluator: the pull request, its files, reviews,
 * commits and review dismissals, who pushed to its branch (as GitHub records it), and each
 * approving reviewer's permission on the repository. Every list is read to its last page, only
 * these narrow endpoints are used, and every answer is shape-checked.
 */
import type { Account, CommitSnapshot, DismissalSnapshot, FileSnapshot, Permission, PullRequestSnapshot, ReviewSnapshot } from '../approvals/snapshot.ts';
import { account, boolean, GitHubAnswerError, integer, listAll, object, optionalString, sha, string } from './answers.ts';
import type { GitHubClient, Repository } from './client.ts';

/** What decides whether a pull request owns an approvals verdict: its state, base and head. */
export interface PullRequestHead {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  baseRef: string;
  headSha: string;
}

type Json = Record<string, unknown>;

function state(pull: Json, what: string): 'open' | 'closed' {
  const value = string(pull, 'state', what);
  if (value !== 'open' && value !== 'closed') throw new GitHubAnswerError(`${what}: "state" is "${value}", not open or closed, in GitHub's answer.`);
  return value;
}

function headOf(pull: Json, number: number, what: string): PullRequestHead {
  if (pull.number !== number) throw new GitHubAnswerError(`${what}: GitHub answered with pull request ${String(pull.number)}.`);
  const merged = pull.merged === undefined || pull.merged === null ? optionalString(pull, 'merged_at', what) !== null : boolean(pull, 'merged', what);
  return {
    number,
    state: state(pull, what),
    merged,
    baseRef: string(object(pull.base, `${what} base`), 'ref', `${what} base`),
    headSha: sha(object(pull.head, `${what} head`), 'sha', `${what} head`),
  };
}

/** The pull request's state, base branch and head commit, read afresh. */
export async function readPullRequestHead(client: GitHubClient, repo: Repository, number: number): Promise<PullRequestHead> {
  const what = `pull request #${number}`;
  const response = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number });
  return headOf(object(response.data, what), number, what);
}

/** Every open pull request into `base`, with its head commit. */
export async function listOpenPullRequests(client: GitHubClient, repo: Repository, base: string): Promise<PullRequestHead[]> {
  const what = `open pull requests into ${base}`;
  const items = await listAll(client, 'GET /repos/{owner}/{repo}/pulls', { ...repo, state: 'open', base }, what);
  return items.map((item, index) => {
    const pull = object(item, `${what}, item ${index + 1}`);
    const number = integer(pull, 'number', `${what}, item ${index + 1}`);
    const head = headOf(pull, number, `pull request #${number}`);
    // GitHub filtered by base and state; an answer that did not is not trusted.
    if (head.state !== 'open' || head.baseRef !== base) throw new GitHubAnswerError(`${what}: GitHub listed #${number} (${head.state}, into ${head.baseRef}).`);
    return head;
  });
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
  const head = headOf(pull, number, what);
  options.onHead?.(head.headSha);
  const baseSha = sha(object(pull.base, `${what} base`), 'sha', `${what} base`);
  const author = account(pull.user, `${what} author`);
  const changedFileCount = integer(pull, 'changed_files', what);
  const commitCount = integer(pull, 'commits', what);
  const createdAt = string(pull, 'created_at', what);
  if (Number.isNaN(Date.parse(createdAt))) throw new GitHubAnswerError(`${what}: "created_at" is not a time in GitHub's answer.`);
  const params = { ...repo, pull_number: number };

  const [files, reviews, commits, events, pushers] = await Promise.all([
    listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', params, `${what} files`),
    listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params, `${what} reviews`),
    listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', params, `${what} commits`),
    listAll(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/events', { ...repo, issue_number: number }, `${what} issue events`),
    readPushers(client, repo, object(pull.head, `${what} head`), what),
  ]);
  const reviewSnapshots = reviews.map((item, index) => toReview(item, `${what} review ${index + 1}`));

  return {
    number,
    author,
    state: head.state,
    merged: head.merged,
    baseRef: head.baseRef,
    headSha: head.headSha,
    baseSha,
    createdAt,
    changedFileCount,
    commitCount,
    files: files.map((item, index) => toFile(item, `${what} file ${index + 1}`)),
    reviews: reviewSnapshots,
    commits: commits.map((item, index) => toCommit(item, `${what} commit ${index + 1}`)),
    dismissals: events.flatMap((item, index) => toDismissal(item, `${what} issue event ${index + 1}`)),
    pushers,
    permissions: await readPermissions(client, repo, reviewSnapshots),
  };
}

/**
 * Who pushed to the head branch, as GitHub records it rather than as commits claim: the repository
 * activity API lists each push, force push and branch creation on a ref with the account that did
 * it. A fork's pushes happen in the fork, which this repository's activity does not show; there the
 * fork's owner counts as a pusher, and GitHub's "most recent reviewable push" rule covers the rest
 * (SECURITY.md).
 */
async function readPushers(client: GitHubClient, repo: Repository, head: Json, what: string): Promise<Account[]> {
  const ref = string(head, 'ref', `${what} head`);
  const headRepo = head.repo === null || head.repo === undefined ? null : object(head.repo, `${what} head repository`);
  const fullName = headRepo ? string(headRepo, 'full_name', `${what} head repository`) : null;
  if (fullName?.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase()) {
    const owner = headRepo ? account(headRepo.owner, `${what} head repository owner`) : null;
    return owner ? [owner] : [];
  }
  const items = await listAll(client, 'GET /repos/{owner}/{repo}/activity', { ...repo, ref: `refs/heads/${ref}` }, `${what} pushes to ${ref}`);
  const out: Account[] = [];
  items.forEach((item, index) => {
    const activity = object(item, `${what} push ${index + 1}`);
    const actor = account(activity.actor, `${what} push ${index + 1} actor`);
    if (actor) out.push(actor);
  });
  return out;
}

const PERMISSIONS: readonly Permission[] = ['admin', 'write', 'read', 'none'];

/** The permission of every account whose latest review approved (only they can fill a slot). */
async function readPermissions(client: GitHubClient, repo: Repository, reviews: readonly ReviewSnapshot[]): Promise<Record<string, Permission>> {
  const latest = new Map<string, ReviewSnapshot>();
  for (const review of reviews) if (review.user && ['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) latest.set(review.user.login.toLowerCase(), review);
  const logins = [...latest].filter(([, review]) => review.state === 'APPROVED').map(([, review]) => review.user!.login);
  const out: Record<string, Permission> = {};
  for (const login of logins) out[login.toLowerCase()] = await readPermission(client, repo, login);
  return out;
}

/** One account's permission on the repository; an account GitHub does not know has none. */
export async function readPermission(client: GitHubClient, repo: Repository, login: string): Promise<Permission> {
  const what = `the permission of @${login}`;
  let data: unknown;
  try {
    data = (await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username: login })).data;
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 404) return 'none';
    throw error;
  }
  const answer = object(data, what);
  const permission = string(answer, 'permission', what);
  if (!(PERMISSIONS as readonly string[]).includes(permission)) throw new GitHubAnswerError(`${what}: "permission" is "${permission}", not one of ${PERMISSIONS.join(', ')}.`);
  const user = account(answer.user, `${what} user`);
  if (user && user.login.toLowerCase() !== login.toLowerCase()) throw new GitHubAnswerError(`${what}: GitHub answered for @${user.login}.`);
  return permission as Permission;
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
  return { id, user: account(review.user, `${what} user`), state: string(review, 'state', what).toUpperCase(), commitId: commitId?.toLowerCase() ?? null };
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
