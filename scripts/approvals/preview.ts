/**
 * The approvals a rotation change will need, before there is a pull request: the evaluator run on
 * the change as a pull request with no reviews yet, against the policy of this checkout. What it
 * lists is what `oncall-as-code/approvals` will ask for (on GitHub the rules are read from the base
 * branch, which is this checkout's policy unless the branch changes it). Pure.
 */
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PolicyView } from '../signoffs/holders.ts';
import { evaluateApprovals, type Verdict } from './evaluate.ts';
import type { PullRequestSnapshot, RecordChange } from './snapshot.ts';

export interface RotationChange {
  path: string;
  before: SchemaTypes['rotation'];
  after: SchemaTypes['rotation'];
}

/** The verdict on a pull request that makes these rotation changes, opened by `author` (a GitHub login), with no reviews. */
export function previewApprovals(policy: PolicyView, changes: readonly RotationChange[], now: Date, author?: string): Verdict {
  const files = changes.map((change) => ({ path: change.path, status: 'modified' }));
  const pr: PullRequestSnapshot = {
    number: 0,
    author: author !== undefined ? { login: author } : null,
    state: 'open',
    merged: false,
    baseRef: 'checkout',
    headSha: 'working-tree',
    baseSha: 'checkout',
    createdAt: now.toISOString(),
    changedFileCount: files.length,
    files,
    commitCount: 0,
    commits: [],
    reviews: [],
    dismissals: [],
    // Whoever opens it pushes its commits: their own approval never counts.
    pushers: author !== undefined ? [{ login: author }] : [],
    permissions: {},
  };
  const records: RecordChange[] = changes.map((change, i) => ({
    kind: 'rotation',
    file: files[i]!,
    before: { path: change.path, value: change.before },
    after: { path: change.path, value: change.after },
  }));
  return evaluateApprovals({ policy, pr, records, now });
}
