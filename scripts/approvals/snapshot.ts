/**
 * A pull request as the evaluator sees it: plain data read from GitHub by an adapter, so the
 * evaluation itself is pure and testable without a network.
 */
import type { SchemaTypes } from '../types/schema-types.ts';

/**
 * A GitHub account. `id` is the account's numeric id, which survives a rename and is never reused;
 * `type` is "Bot" for apps. A deleted account is `null` where it appears.
 */
export interface Account {
  login: string;
  id?: number;
  type?: string;
}

/** One review, in the order GitHub lists them (oldest first). */
export interface ReviewSnapshot {
  id: number;
  user: Account | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
  /** The commit the review was submitted on. */
  commitId: string | null;
}

/** A `review_dismissed` issue event: who dismissed which review, and what that review had said. */
export interface DismissalSnapshot {
  reviewId: number;
  actor: Account | null;
  /** The dismissed review's state as the event gives it, e.g. "changes_requested" or "approved". */
  reviewState: string;
}

/** A commit on the pull request; author and committer are GitHub accounts when GitHub could match them. */
export interface CommitSnapshot {
  sha: string;
  author: Account | null;
  committer: Account | null;
}

/** A changed file; `previousPath` for renames. */
export interface FileSnapshot {
  path: string;
  /** added, removed, modified, renamed, copied, changed, unchanged. */
  status: string;
  previousPath?: string;
}

/** A repository permission as GitHub's collaborator permission endpoint gives it (maintain reads as write). */
export type Permission = 'admin' | 'write' | 'read' | 'none';

export interface PullRequestSnapshot {
  number: number;
  author: Account | null;
  /** open or closed, and whether it was merged. */
  state: 'open' | 'closed';
  merged: boolean;
  /** The branch it would merge into. */
  baseRef: string;
  headSha: string;
  baseSha: string;
  /** When it was opened (ISO 8601): records dated long before it need today's role holders too. */
  createdAt: string;
  /** GitHub's count of changed files (its file list stops at 3000). */
  changedFileCount: number;
  files: FileSnapshot[];
  /** GitHub's count of commits (its commit list stops at 250). */
  commitCount: number;
  commits: CommitSnapshot[];
  reviews: ReviewSnapshot[];
  dismissals: DismissalSnapshot[];
  /**
   * Accounts GitHub itself records as having pushed to the head branch (the repository activity
   * API), plus the owner of a fork's repository. Commit author and committer are only what git
   * metadata claims, so they count as pushers too, but never as the only source.
   */
  pushers: Account[];
  /** Each reviewer's permission on the repository, by lower-case login (collaborator permission endpoint). */
  permissions: Record<string, Permission>;
}

/** A data record at one side of the change: its parsed, schema-valid value, or why there is none. */
export interface RecordVersion<K extends RecordKind> {
  path: string;
  value?: SchemaTypes[K];
  /** The file as read, for the record rules (positions in messages). */
  bytes?: Uint8Array;
  /** Set when the file exists but is not a valid record (the message says why). */
  invalid?: string;
}

export type RecordKind = 'signoff' | 'incident' | 'rotation';

/** A changed data record, read at the base (for renames, at its old path) and at the head. */
export interface RecordChange<K extends RecordKind = RecordKind> {
  kind: K;
  file: FileSnapshot;
  /** Absent when the file is new. */
  before?: RecordVersion<K>;
  /** Absent when the file is deleted. */
  after?: RecordVersion<K>;
}

/** Person ids whose shifts differ between two versions of a rotation, at any instant. */
export type MovedShifts = (before: SchemaTypes['rotation'], after: SchemaTypes['rotation']) => string[];
