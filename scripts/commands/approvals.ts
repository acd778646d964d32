/**
 * `oncall approvals --pr <n>`: checks that a pull request carries the approvals its change needs
 * and posts the `oncall-as-code/approvals` commit status on its head commit. The rules and role
 * assignments come from the pull request's base commit; the pull request is read only as data.
 * Anything that goes wrong on the way (network, GitHub errors, odd answers) ends in an `error`
 * status and exit 2, never in success.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { evaluateApprovals, fitDescription, type Verdict } from '../approvals/evaluate.ts';
import { readBasePolicy, readRecordChanges, type RevisionReader } from '../approvals/inputs.ts';
import { errorSummary, verdictJson, verdictSummary, verdictText, type VerdictContext } from '../approvals/report.ts';
import { readFileAt } from '../git/changed-files.ts';
import { createGitHubClient, describeGitHubError, repositoryFromEnv, type GitHubClientOptions } from '../github/client.ts';
import { contentsReader } from '../github/contents.ts';
import { readHeadSha, readPullRequest } from '../github/pull-request.ts';
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
  /** Where base files come from: `api` (contents API, default) or `git` (a local checkout that has the base commit). */
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
    async read(ref, path) {
      if (!/^[0-9a-f]{40}$/.test(ref)) throw new Error(`"${ref}" is not a commit SHA.`);
      const bytes = await readFileAt(root, ref, path);
      if (bytes !== undefined) return bytes;
      // Missing file or missing commit? Only the first may be read as "absent".
      const commit = await readFileAt(root, ref, '');
      if (commit === undefined) throw new Error(`the base commit ${ref.slice(0, 12)} is not in the local checkout at ${root}; fetch it (actions/checkout with fetch-depth: 0) or use --base-source api.`);
      return undefined;
    },
  };
}

function failureMessage(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' || (error instanceof Error && error.name === 'HttpError')) return describeGitHubError(error);
  if (error instanceof Error) return error.message;
  return String(error);
}

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

  // Known before the pull request is read, so even a failing first request can mark the commit.
  const eventSha = event?.pull_request?.head?.sha;
  let headSha = typeof eventSha === 'string' && /^[0-9a-f]{40}$/i.test(eventSha) && options.pr === undefined ? eventSha.toLowerCase() : undefined;

  const fail = async (error: unknown): Promise<number> => {
    const message = failureMessage(error);
    io.stderr(`oncall: approvals for #${number}: ${message}\n`);
    if (headSha && !dryRun) {
      try {
        await postCommitStatus(client, repo, headSha, { state: 'error', description: fitDescription(`Could not check approvals: ${message}`, ''), context: APPROVALS_CONTEXT, ...(targetUrl ? { targetUrl } : {}) });
        io.stderr(`oncall: posted error (${APPROVALS_CONTEXT}) on ${headSha.slice(0, 7)}.\n`);
      } catch (postError) {
        io.stderr(`oncall: could not post the error status either: ${failureMessage(postError)}\n`);
      }
    }
    await writeSummary(errorSummary(number, message));
    return 2;
  };

  let verdict: Verdict;
  let evaluated: string;
  try {
    const pr = await readPullRequest(client, repo, number, {
      onHead: (sha) => {
        headSha = sha;
      },
    });
    const head = contentsReader(client, repo);
    const base = root ? gitReader(root) : head;
    const policy = await readBasePolicy(base, pr.baseSha);
    const records = await readRecordChanges(pr, base, head);
    verdict = evaluateApprovals({ policy, pr, records, now });
    evaluated = pr.headSha;
    // A push during the evaluation makes the verdict stale; the run for the new head decides.
    const current = await readHeadSha(client, repo, number);
    if (current !== pr.headSha) {
      const message = `the head moved from ${pr.headSha.slice(0, 7)} to ${current.slice(0, 7)} while approvals were checked; no status posted (the run for ${current.slice(0, 7)} decides).`;
      io.stderr(`oncall: approvals for #${number}: ${message}\n`);
      await writeSummary(errorSummary(number, message));
      return 2;
    }
    if (!dryRun) {
      await postCommitStatus(client, repo, pr.headSha, { state: verdict.state, description: verdict.description, context: APPROVALS_CONTEXT, ...(targetUrl ? { targetUrl } : {}) });
    }
  } catch (error) {
    return fail(error);
  }

  const ctx: VerdictContext = { pr: number, headSha: evaluated, posted: !dryRun, context: APPROVALS_CONTEXT };
  io.stdout(format === 'json' ? verdictJson(verdict, ctx) : verdictText(verdict, ctx));
  await writeSummary(verdictSummary(verdict, ctx));
  return verdict.state === 'success' ? 0 : 1;
}
