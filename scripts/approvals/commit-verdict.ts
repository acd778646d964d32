/**
 * The status of a commit, decided from every open pull request into the default branch that has it
 * as its head. Pure.
 *
 * A commit status belongs to the commit, not to a pull request, so any pull request with the same
 * head shows it. Merging any of them merges the identical commit into the same branch, so the
 * commit is approved when at least one of them is fully approved under its own rules (its own
 * author and pushers excluded, its own reviews); it fails only when none is. Hence a fork's pull
 * request with no reviews cannot deny an approved one, and a pull request into another branch or a
 * closed one (never a candidate) cannot lend its success to anyone.
 */
import { fitDescription, type Verdict } from './evaluate.ts';

export interface CandidateVerdict {
  number: number;
  verdict: Verdict;
}

export interface CommitVerdict {
  state: 'success' | 'failure';
  description: string;
  /** The pull request whose approvals carry the success, or whose shortfall the description shows. */
  decidedBy?: number;
  pullRequests: { number: number; state: 'success' | 'failure'; description: string }[];
}

export function commitVerdict(candidates: readonly CandidateVerdict[], defaultBranch: string): CommitVerdict {
  const sorted = [...candidates].sort((a, b) => a.number - b.number);
  const pullRequests = sorted.map((c) => ({ number: c.number, state: c.verdict.state, description: c.verdict.description }));
  if (sorted.length === 0) {
    return {
      state: 'failure',
      description: fitDescription(`No open pull request into ${defaultBranch} has this commit as its head; approvals are decided for pull requests into ${defaultBranch}.`, ''),
      pullRequests,
    };
  }
  const decided = sorted.find((c) => c.verdict.state === 'success') ?? sorted[0]!;
  const description = sorted.length === 1 ? decided.verdict.description : fitDescription(`#${decided.number}: ${decided.verdict.description}`, '');
  return { state: decided.verdict.state, description, decidedBy: decided.number, pullRequests };
}
