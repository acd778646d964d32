/**
 * The benchmark's pull request for `oncall approvals`: 50 changed files (the ten-file change and 40
 * more incidents with a timeline entry added) and 200 reviews, served by the local GitHub API of
 * tests/support/github-server.ts from the synthetic organisation's head commit. The default branch
 * points at the real base commit, which `approvals --base-source git` reads from the checkout, as
 * a large repository would (the sign-off history a decision joins is thousands of files).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { emptyState, fakeUser, startGitHubServer, type FakeReview, type GitHubServer } from '../../tests/support/github-server.ts';
import { seededRandom } from './prng.ts';

export const PULL_REQUEST = 7;
const HEAD_SHA = 'c'.repeat(40);

function gitShow(root: string, ref: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:${path}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Appends a timeline entry to an incident's text (a change approvals must look at). */
function withFollowUp(text: string): string {
  return text.replace(/\ntimeline:\n((?: {2}- .*\n)+)/, (block) => `${block}  - { at: 2026-11-20T10:00:00+01:00, event: Follow-up review held with the owning team }\n`);
}

/** Starts the local GitHub API holding the scenario; the caller closes it. */
export async function startApprovalsScenario(tree: { root: string; baseRef: string; changed: readonly string[] }): Promise<GitHubServer> {
  const { root, baseRef } = tree;
  const BASE_SHA = execFileSync('git', ['rev-parse', baseRef], { cwd: root, encoding: 'utf8' }).trim();
  const policyFiles = (execFileSync('git', ['ls-tree', '-r', '--name-only', baseRef, '--', 'policy', 'rotations'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }) as string).split('\n').filter(Boolean);
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  for (const path of policyFiles) {
    base[path] = gitShow(root, baseRef, path)!;
    head[path] = readFileSync(join(root, path), 'utf8');
  }
  const files: { filename: string; status: 'added' | 'modified' }[] = [];
  for (const path of tree.changed) {
    const before = gitShow(root, baseRef, path);
    if (before !== undefined) base[path] = before;
    head[path] = readFileSync(join(root, path), 'utf8');
    files.push({ filename: path, status: before === undefined ? 'added' : 'modified' });
  }
  const incidents = (execFileSync('git', ['ls-tree', '-r', '--name-only', baseRef, '--', 'incidents'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }) as string).split('\n').filter(Boolean);
  for (const path of incidents.filter((p) => !tree.changed.includes(p)).slice(0, 50 - files.length)) {
    base[path] = gitShow(root, baseRef, path)!;
    head[path] = withFollowUp(base[path]);
    files.push({ filename: path, status: 'modified' });
  }

  // 200 reviews: approvals from the people the change needs, and comments and approvals from many others.
  const everyone = (parse(head['policy/people.yaml']!) as { people: { github: string; github_id?: number; left?: string }[] }).people;
  const people = everyone.filter((p) => p.left === undefined);
  const ids = new Map(everyone.filter((p) => p.github_id !== undefined).map((p) => [p.github.toLowerCase(), p.github_id!]));
  const account = (login: string) => ({ ...fakeUser(login), ...(ids.has(login.toLowerCase()) ? { id: ids.get(login.toLowerCase())! } : {}) });
  const random = seededRandom('approvals-scenario');
  const needed = ['amara-okafor', 'gracelin', 'chenwei-sre', 'bschultz', 'hmartin', 'dreyes'];
  const reviewers = [...needed, ...random.sample(people.map((p) => p.github), 194 - needed.length)];
  const reviews: FakeReview[] = reviewers.map((login, i) => ({
    id: 5000 + i,
    user: account(login),
    state: i < needed.length || random.chance(0.6) ? 'APPROVED' : 'COMMENTED',
    commit_id: HEAD_SHA,
    submitted_at: new Date(Date.UTC(2026, 10, 20, 9, 0, i)).toISOString(),
  }));
  // A few reviewers changed their minds: a request for changes, then an approval.
  for (let i = 0; reviews.length < 200; i++) {
    reviews.splice(needed.length + i * 3, 0, { id: 9000 + i, user: account(reviewers[needed.length + i]!), state: 'CHANGES_REQUESTED', commit_id: HEAD_SHA, submitted_at: new Date(Date.UTC(2026, 10, 19, 9, 0, i)).toISOString() });
  }

  const state = emptyState();
  state.contents[BASE_SHA] = base;
  state.contents[HEAD_SHA] = head;
  state.branches.main = BASE_SHA;
  state.defaultPermission = 'write';
  state.activity = [{ ref: 'refs/heads/change', activity_type: 'push', actor: account('lnovak') }];
  state.pulls[PULL_REQUEST] = {
    number: PULL_REQUEST,
    user: account('lnovak'),
    head: { sha: HEAD_SHA, ref: 'change' },
    base: { sha: BASE_SHA, ref: 'main' },
    files,
    reviews,
    commits: [{ sha: HEAD_SHA, author: account('lnovak'), committer: account('lnovak') }],
    events: [],
  };
  return startGitHubServer(state);
}
