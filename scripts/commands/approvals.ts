/**
 * `oncall approvals --pr <n>`: decides the `oncall-as-code/approvals` commit status of the pull
 * request's head commit and posts it.
 *
 * - The number only names a commit: its status is decided from every open pull request into the
 *   default branch with that head (scripts/approvals/commit-verdict.ts), so a closed pull request,
 *   one into another branch, a fork sharing the commit, or a hand-typed number can neither lend a
 *   success nor deny one.
 * - The rules, role holders and sign-off history come from the default branch as it is now; the
 *   pull requests are read only as data.
 * - `pending` is posted first, so a failure later never leaves an earlier success standing; the
 *   pull requests and the branch are read again before the final status, which is posted only when
 *   nothing moved. Anything that goes wrong (network, GitHub errors, odd answers) ends in `error`
 *   or a standing `pending` and exit 2, never in success.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { commitVerdict, type CandidateVerdict, type CommitVerdict } from '../approvals/commit-verdict.ts';
import { evaluateApprovals, fitDescription, type Verdict } from '../approvals/evaluate.ts';
import { readBaseContext, readRecordChanges, type RevisionReader } from '../approvals/inputs.ts';
import type { PullRequestSnapshot, RecordChange } from '../approvals/snapshot.ts';
import { recordRuleFindings } from '../approvals/record-rules.ts';
import { librariesFor, loadRuleLibraries } from '../check/rule-libraries.ts';
import { errorSummary, verdictJson, verdictSummary, verdictText, type VerdictContext } from '../approvals/report.ts';
import { listFilesAt, readFileAt, readFilesAt } from '../git/changed-files.ts';
import { createGitHubClient, describeGitHubError, repositoryFromEnv, type GitHubClient, type GitHubClientOptions, type Repository } from '../github/client.ts';
import { contentsReader } from '../github/contents.ts';
import { listOpenPullRequests, readPullRequest, readPullRequestHead, type PullRequestHead } from '../github/pull-request.ts';
import { readDefaultBranch, type DefaultBranch } from '../github/repository.ts';
import { APPROVALS_CONTEXT, postCommitStatus, runUrlFromEnv } from '../github/statuses.ts';
import { UsageError, type CommandIO } from './io.ts';
import { DATA_FORMATS, resolveChoice, resolveNow, resolveRoot } from './options.ts';

export interface ApprovalsOptions {
  pr?: string;
  root?: string;
  now?: string;
  format?: string;
  /** Evaluate and print, but post no status. */
  dryRun?: boolean;
  /** Where the default branch's files come from: `api` (contents and trees API, default) or `git` (a local checkout that has its commit). */
  baseSource?: string;
}

/** Test seams: how the GitHub client retries and waits. */
export interface ApprovalsDeps {
  clientOptions?: GitHubClientOptions;
}

interface EventFile {
  number?: unknown;
  pull_request?: { number?: unknown; head?: { sha?: unknown } };
}

async function readEvent(env: CommandIO['env']): Promise<EventFile | undefined> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as EventFile;
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH: cannot read the event file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--pr`, or the pull request number of the event GitHub Actions is running for. */
export function resolvePullRequestNumber(given: string | undefined, event: EventFile | undefined): number {
  const raw = given ?? event?.pull_request?.number ?? event?.number;
  if (raw === undefined) throw new UsageError('--pr: no pull request number given, and GITHUB_EVENT_PATH names no pull request event. Pass --pr <n>.');
  const text = String(raw);
  if (!/^[1-9][0-9]{0,9}$/.test(text)) throw new UsageError(`--pr: "${text}" is not a pull request number.`);
  return Number(text);
}

function gitReader(root: string): RevisionReader {
  return {
    async list(ref, folder) {
      if (!/^[0-9a-f]{40}$/.test(ref)) throw new Error(`"${ref}" is not a commit SHA.`);
      return listFilesAt(root, ref, [folder]);
    },
    async read(ref, path) {
      if (!/^[0-9a-f]{40}$/.test(ref)) throw new Error(`"${ref}" is not a commit SHA.`);
      const bytes = await readFileAt(root, ref, path);
      if (bytes !== undefined) return bytes;
      // Missing file or missing commit? Only the first may be read as "absent".
      const commit = await readFileAt(root, ref, '');
      if (commit === undefined) throw new Error(`the default branch's commit ${ref.slice(0, 12)} is not in the local checkout at ${root}; fetch it (git fetch origin) or use --base-source api.`);
      return undefined;
    },
    async readMany(ref, paths) {
      if (!/^[0-9a-f]{40}$/.test(ref)) throw new Error(`"${ref}" is not a commit SHA.`);
      return readFilesAt(root, ref, paths);
    },
  };
}

function failureMessage(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' || (error instanceof Error && error.name === 'HttpError')) return describeGitHubError(error);
  if (error instanceof Error) return error.message;
  return String(error);
}

/** How many times the evaluation is repeated when a pull request or the branch moves meanwhile. */
const ATTEMPTS = 3;

/** The open pull requests into the default branch with `headSha` as their head (and `number`, when it is one). */
async function candidatesFor(client: GitHubClient, repo: Repository, branch: DefaultBranch, headSha: string, named: PullRequestHead): Promise<PullRequestHead[]> {
  const open = (await listOpenPullRequests(client, repo, branch.name)).filter((pull) => pull.headSha === headSha);
  // The list may lag behind the pull request itself; the one named is known to qualify.
  if (named.state === 'open' && named.baseRef === branch.name && named.headSha === headSha && !open.some((pull) => pull.number === named.number)) open.push(named);
  return open.sort((a, b) => a.number - b.number);
}

const sameCandidates = (a: readonly PullRequestHead[], b: readonly PullRequestHead[]) =>
  a.length === b.length && a.every((pull, i) => pull.number === b[i]!.number && pull.headSha === b[i]!.headSha);

export async function runApprovals(options: ApprovalsOptions, io: CommandIO, deps: ApprovalsDeps = {}): Promise<number> {
  const format = resolveChoice(options.format, DATA_FORMATS);
  const baseSource = options.baseSource ?? 'api';
  if (baseSource !== 'api' && baseSource !== 'git') throw new UsageError(`--base-source: "${baseSource}" is not one of api, git.`);
  const root = baseSource === 'git' ? resolveRoot(options.root, io) : undefined;
  const now = resolveNow(options.now);
  const event = await readEvent(io.env);
  const number = resolvePullRequestNumber(options.pr, event);
  const repo = repositoryFromEnv(io.env);
  const client = createGitHubClient(io.env, {
    log: (message) => io.stderr(`oncall: ${message}\n`),
    purpose: { command: 'approvals', does: 'read the pull request, its reviews and files and write commit statuses', permissions: 'pull-requests: read, contents: read, statuses: write' },
    ...deps.clientOptions,
  });
  const dryRun = options.dryRun === true;
  const targetUrl = runUrlFromEnv(io.env);
  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  const writeSummary = async (markdown: string) => {
    if (summaryPath) await appendFile(summaryPath, markdown).catch((error: unknown) => io.stderr(`oncall: cannot write the job summary: ${String(error)}\n`));
  };
  const post = (sha: string, state: 'success' | 'failure' | 'error' | 'pending', description: string) =>
    postCommitStatus(client, repo, sha, { state, description, context: APPROVALS_CONTEXT, ...(targetUrl ? { targetUrl } : {}) });

  // Known before anything is read when GitHub Actions names it, so even a failing first request can mark the commit.
  const eventSha = event?.pull_request?.head?.sha;
  let headSha = typeof eventSha === 'string' && /^[0-9a-f]{40}$/i.test(eventSha) && options.pr === undefined ? eventSha.toLowerCase() : undefined;

  const fail = async (error: unknown): Promise<number> => {
    const message = failureMessage(error);
    io.stderr(`oncall: approvals for #${number}: ${message}\n`);
    if (headSha && !dryRun) {
      try {
        await post(headSha, 'error', fitDescription(`Could not check approvals: ${message}`, ''));
        io.stderr(`oncall: posted error (${APPROVALS_CONTEXT}) on ${headSha.slice(0, 7)}.\n`);
      } catch (postError) {
        io.stderr(`oncall: could not post the error status either: ${failureMessage(postError)}. The commit keeps its pending status, which blocks merging; re-run the workflow.\n`);
      }
    }
    await writeSummary(errorSummary(number, message));
    return 2;
  };

  let decided: CommitVerdict | undefined;
  let own: Verdict | undefined;
  try {
    const named = await readPullRequestHead(client, repo, number);
    headSha = named.headSha;
    if (named.merged) {
      io.stdout(`Pull request #${number} is merged; its commit needs no approvals status.\n`);
      return 0;
    }
    // From here on, no earlier success on this commit stands while it is checked.
    if (!dryRun) await post(headSha, 'pending', `Checking approvals (run started for #${number}).`);
    const head = contentsReader(client, repo);
    const base = root ? gitReader(root) : head;

    let current = named;
    for (let attempt = 1; attempt <= ATTEMPTS && !decided; attempt++) {
      own = undefined;
      const branch = await readDefaultBranch(client, repo);
      const candidates = await candidatesFor(client, repo, branch, headSha, current);
      const evaluated: CandidateVerdict[] = [];
      let moved = false;
      const pulls: { pr: PullRequestSnapshot; records: RecordChange[] }[] = [];
      for (const candidate of candidates) {
        const pr = await readPullRequest(client, repo, candidate.number);
        if (pr.headSha !== headSha || pr.state !== 'open' || pr.baseRef !== branch.name) {
          moved = true;
          break;
        }
        pulls.push({ pr, records: await readRecordChanges(pr, branch.sha, base, head) });
      }
      if (candidates.length > 0 && !moved) {
        const context = await readBaseContext(base, branch.sha, { signoffs: pulls.some((p) => p.records.some((r) => r.kind === 'signoff')) });
        // The record rules call libraries that load asynchronously (the sensitive-data rule's
        // phone library and secret scanner for incident records).
        await loadRuleLibraries(librariesFor(pulls.flatMap((p) => p.records.map((r) => r.kind))));
        for (const { pr, records } of pulls) {
          const recordFindings = recordRuleFindings(context.files, records, now);
          const verdict = evaluateApprovals({ policy: context.policy, pr, records, now, recordFindings });
          evaluated.push({ number: pr.number, verdict });
          if (pr.number === number) own = verdict;
        }
      }
      // Read again just before posting: a push, a retarget, a close or a new commit on the branch
      // since the reading above makes this verdict stale.
      const again = await readPullRequestHead(client, repo, number);
      if (again.headSha !== headSha) {
        const message = `the head moved from ${headSha.slice(0, 7)} to ${again.headSha.slice(0, 7)} while approvals were checked; ${headSha.slice(0, 7)} keeps a pending status and the run for ${again.headSha.slice(0, 7)} decides.`;
        io.stderr(`oncall: approvals for #${number}: ${message}\n`);
        await writeSummary(errorSummary(number, message));
        return 2;
      }
      current = again;
      const branchAgain = await readDefaultBranch(client, repo);
      const candidatesAgain = await candidatesFor(client, repo, branchAgain, headSha, again);
      if (moved || branchAgain.sha !== branch.sha || branchAgain.name !== branch.name || !sameCandidates(candidates, candidatesAgain)) {
        io.stderr(`oncall: approvals for #${number}: the pull requests with head ${headSha.slice(0, 7)} or ${branch.name} changed while approvals were checked (attempt ${attempt} of ${ATTEMPTS}).\n`);
        continue;
      }
      decided = commitVerdict(evaluated, branch.name);
    }
    if (!decided) {
      const message = `the pull requests with head ${headSha.slice(0, 7)} kept changing while approvals were checked; the commit keeps a pending status. Re-run the workflow.`;
      io.stderr(`oncall: approvals for #${number}: ${message}\n`);
      await writeSummary(errorSummary(number, message));
      return 2;
    }
  } catch (error) {
    return fail(error);
  }

  if (!dryRun) {
    try {
      await post(headSha, decided.state, decided.description);
    } catch (error) {
      const message = `could not write the ${APPROVALS_CONTEXT} status (${decided.state}) on ${headSha.slice(0, 7)}: ${failureMessage(error)}. The commit keeps the pending status posted when the check started, which blocks merging; re-run the workflow.`;
      io.stderr(`oncall: approvals for #${number}: ${message}\n`);
      await writeSummary(errorSummary(number, message));
      return 2;
    }
  }

  const verdict: Verdict = own ?? { state: 'failure', description: decided.description, problems: [decided.description], requirements: [], reviewers: [], notes: [] };
  const ctx: VerdictContext = { pr: number, headSha, posted: !dryRun, context: APPROVALS_CONTEXT, commit: decided };
  io.stdout(format === 'json' ? verdictJson(verdict, ctx) : verdictText(verdict, ctx));
  await writeSummary(verdictSummary(verdict, ctx));
  return decided.state === 'success' ? 0 : 1;
}
