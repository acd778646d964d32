/**
 * Pull request scenarios against the local GitHub server: the fixture organisation's data as the
 * default branch (with the ingestion rollout still at P3: its GA record is not merged yet), a head
 * commit with the scenario's changes, and reviews, commits, pushes and dismissal events. Accounts
 * carry the ids policy/people.yaml records for their logins.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runApprovals } from '../../scripts/commands/approvals.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import type { Verdict } from '../../scripts/approvals/evaluate.ts';
import {
  emptyState,
  fakeUser,
  startGitHubServer,
  type FakeActivity,
  type FakeCommit,
  type FakePullRequest,
  type FakeIssueEvent,
  type FakePullFile,
  type FakeReview,
  type FakeUser,
  type GitHubServer,
} from '../support/github-server.ts';
import { FIXTURE_ROOT, TEST_NOW } from '../support/repo.ts';

export const BASE_SHA = 'b'.repeat(40);
export const HEAD_SHA = '1f2e3d4c5b6a79880716253443526170a9b8c7d6';
export const OLD_SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
export const PR = 7;
export const AUTHOR = 'lnovak';

/** Fast retries, so fault tests do not wait seconds. */
export const FAST = { timeoutMs: 1_500, retries: 2, secondMs: 2, maxRateLimitWaitSeconds: 5 };

/** The fixture organisation's data files, by path. */
export function exampleFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (relative: string) => {
    const absolute = join(FIXTURE_ROOT, relative);
    for (const name of readdirSync(absolute)) {
      const child = `${relative}/${name}`;
      if (statSync(join(FIXTURE_ROOT, child)).isDirectory()) walk(child);
      else out[child] = readFileSync(join(FIXTURE_ROOT, child), 'utf8');
    }
  };
  for (const folder of ['policy', 'rotations', 'signoffs', 'incidents']) walk(folder);
  return out;
}

/** The example's GA record: the default branch in these scenarios is the state before it. */
export const EXAMPLE_GA = 'signoffs/2026/2026-11-02-ingestion-ga.yaml';

/** Account ids by lower-case login, as the example's policy/people.yaml records them. */
const EXAMPLE_IDS: ReadonlyMap<string, number> = (() => {
  const people = (parse(readFileSync(join(FIXTURE_ROOT, 'policy/people.yaml'), 'utf8')) as { people: { github: string; github_id?: number }[] }).people;
  return new Map(people.filter((p) => p.github_id !== undefined).map((p) => [p.github.toLowerCase(), p.github_id!]));
})();

/** The GitHub account of a login: the example person's account when people.yaml lists the login. */
export function user(login: string, type?: FakeUser['type'], id?: number): FakeUser {
  const account = fakeUser(login, type);
  return { ...account, id: id ?? EXAMPLE_IDS.get(login.toLowerCase()) ?? account.id };
}

type ReviewOptions = { commit?: string; id?: number; type?: FakeUser['type']; accountId?: number };

/** A reviewer's review, on the head commit unless said otherwise. */
export function review(login: string | null, state: FakeReview['state'], options: ReviewOptions = {}): FakeReview {
  return {
    ...(options.id !== undefined ? { id: options.id } : {}),
    user: login === null ? null : user(login, options.type, options.accountId),
    state,
    commit_id: options.commit ?? HEAD_SHA,
  };
}

export const approve = (login: string, options: ReviewOptions = {}) => review(login, 'APPROVED', options);

/** A review_dismissed event: `actor` dismissed review `reviewId`, which had said `state`. */
export function dismissal(actor: string, reviewId: number, state: 'changes_requested' | 'approved'): FakeIssueEvent {
  return { actor: user(actor), event: 'review_dismissed', dismissed_review: { state, review_id: reviewId, dismissal_message: 'Dismissed' } };
}

/** A push to the pull request's branch by `login`, as the repository activity API records it. */
export function push(login: string, ref = 'change'): FakeActivity {
  return { ref: `refs/heads/${ref}`, activity_type: 'push', actor: user(login) };
}

export interface Scenario {
  /** Files the pull request adds or changes (content) or deletes (null). */
  changes?: Record<string, string | null>;
  /** Renames: new path -> old path (content is taken from `changes` or the base). */
  renames?: Record<string, string>;
  /** Files of the default branch replaced (content) or removed (null), to set up its policy for a case. */
  base?: Record<string, string | null>;
  author?: string;
  reviews?: FakeReview[];
  commits?: FakeCommit[];
  events?: FakeIssueEvent[];
  /** Pushes to the head branch (default: one by the author). */
  pushes?: FakeActivity[];
  /** Extra changed files that are not data (e.g. docs), to reach a file count. */
  otherFiles?: string[];
  changedFiles?: number;
  /** Fields of pull request #7 itself: state, base, creation time, a fork's head repository. */
  pull?: Partial<Pick<FakePullRequest, 'state' | 'merged' | 'created_at' | 'headRepo' | 'user' | 'files'>> & { baseRef?: string };
  /** Other pull requests, with the same head commit unless they say otherwise. */
  others?: (Partial<FakePullRequest> & { number: number })[];
  /** Permissions on the repository by login (every example person has write otherwise). */
  permissions?: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'>;
}

/** Starts a server holding the scenario as pull request #7. */
export async function serve(scenario: Scenario): Promise<GitHubServer> {
  const base: Record<string, string> = exampleFiles();
  delete base[EXAMPLE_GA];
  for (const [path, content] of Object.entries(scenario.base ?? {})) {
    if (content === null) delete base[path];
    else base[path] = content;
  }
  const head: Record<string, string> = { ...base };
  const files: FakePullFile[] = [];
  for (const [path, content] of Object.entries(scenario.changes ?? {})) {
    if (content === null) {
      delete head[path];
      files.push({ filename: path, status: 'removed' });
    } else if (!Object.values(scenario.renames ?? {}).includes(path)) {
      files.push({ filename: path, status: path in base && !(scenario.renames && path in scenario.renames) ? 'modified' : 'added' });
      head[path] = content;
    }
  }
  for (const [to, from] of Object.entries(scenario.renames ?? {})) {
    head[to] = scenario.changes?.[to] ?? base[from]!;
    delete head[from];
    const existing = files.findIndex((f) => f.filename === to);
    if (existing >= 0) files.splice(existing, 1);
    files.push({ filename: to, status: 'renamed', previous_filename: from });
  }
  for (const path of scenario.otherFiles ?? []) files.push({ filename: path, status: 'added' });
  const state = emptyState();
  state.contents[BASE_SHA] = base;
  state.contents[HEAD_SHA] = head;
  state.branches.main = BASE_SHA;
  state.activity = scenario.pushes ?? [push(scenario.author ?? AUTHOR)];
  for (const login of EXAMPLE_IDS.keys()) state.permissions[login] = 'write';
  for (const [login, permission] of Object.entries(scenario.permissions ?? {})) state.permissions[login.toLowerCase()] = permission;
  const { baseRef, ...pull } = scenario.pull ?? {};
  state.pulls[PR] = {
    number: PR,
    user: user(scenario.author ?? AUTHOR),
    head: { sha: HEAD_SHA, ref: 'change' },
    base: { sha: BASE_SHA, ref: baseRef ?? 'main' },
    files,
    reviews: scenario.reviews ?? [],
    commits: scenario.commits ?? [{ sha: HEAD_SHA, author: user(scenario.author ?? AUTHOR), committer: user(scenario.author ?? AUTHOR) }],
    events: scenario.events ?? [],
    ...(scenario.changedFiles !== undefined ? { changed_files: scenario.changedFiles } : {}),
    ...pull,
  };
  for (const other of scenario.others ?? []) {
    state.pulls[other.number] = {
      user: user(AUTHOR),
      head: { sha: HEAD_SHA, ref: 'change' },
      base: { sha: BASE_SHA, ref: 'main' },
      // The change the scenario describes, whatever #7 itself shows against its own base.
      files,
      reviews: [],
      commits: state.pulls[PR].commits,
      events: [],
      ...other,
    };
  }
  return startGitHubServer(state);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  verdict?: Verdict & { posted: boolean };
}

/** `oncall approvals --pr 7 --format json` against the server, with fast retries. */
export async function runAgainst(server: GitHubServer, options: { env?: Record<string, string | undefined>; pr?: string | null } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { ...server.env(), ...options.env },
    cwd: FIXTURE_ROOT,
    isTTY: false,
  };
  const code = await runApprovals(
    { ...(options.pr === null ? {} : { pr: options.pr ?? String(PR) }), now: TEST_NOW, format: 'json' },
    io,
    { clientOptions: FAST },
  );
  const run: Run = { code, stdout, stderr };
  if (stdout.trim().startsWith('{')) run.verdict = JSON.parse(stdout) as Run['verdict'];
  return run;
}

/** A new GA record signed by the three example holders (or the signers given). */
export function gaRecord(
  signers: [person: string, role: string][] = [
    ['amara-okafor', 'ingestion-owner'],
    ['grace-lin', 'product-manager'],
    ['chen-wei', 'sre-lead'],
  ],
  at = '2026-11-21T12:00:00+01:00',
): string {
  return [
    '# yaml-language-server: $schema=../../schemas/signoff.schema.json',
    'id: 2026-11-21-ingestion-ga',
    'kind: ga',
    'rollout: ingestion',
    `at: ${at}`,
    'summary: Declare ingestion generally available in the EU region.',
    'from: P3',
    'to: P4',
    'signers:',
    ...signers.map(([person, role]) => `  - { person: ${person}, role: ${role}${GA_CONFIRMS[role] ? `, confirms: [${GA_CONFIRMS[role]!.join(', ')}]` : ''} }`),
    '',
  ].join('\n');
}

/** What each role confirms when it signs a GA (policy/approvals.yaml), as the example's GA record does. */
const GA_CONFIRMS: Record<string, string[]> = {
  'ingestion-owner': ['Technical criteria met', 'System stable'],
  'product-manager': ['Client feedback acceptable', 'No blockers'],
  'sre-lead': ['Infra stable', 'Monitoring adequate', 'On-call trained'],
};

export const GA_PATH = 'signoffs/2026/2026-11-21-ingestion-ga.yaml';
export const ROLLBACK_PATH = 'signoffs/2026/2026-10-14-ingestion-rollback-p2-p1.yaml';
