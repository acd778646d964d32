/**
 * The reminder tracker on GitHub Issues: reminder issues carry a label so they can be listed
 * without reading every issue of the repository, and a hidden marker (see plan.ts) that ties each
 * to its item.
 */
import type { GitHubClient, Repository } from '../github/client.ts';
import { REMINDER_LABEL, type ExistingIssue, type ReminderTracker } from './plan.ts';

/** A {@link ReminderTracker} backed by a configured Octokit (scripts/github/client.ts). */
export function gitHubReminderTracker(client: GitHubClient, repository: Repository): ReminderTracker {
  const { owner, repo } = repository;
  return {
    async listIssues(): Promise<ExistingIssue[]> {
      const issues = await client.paginate(client.rest.issues.listForRepo, { owner, repo, state: 'all', labels: REMINDER_LABEL, per_page: 100 });
      return issues
        .filter((issue) => issue.pull_request === undefined || issue.pull_request === null)
        .map((issue) => ({ number: issue.number, state: issue.state === 'closed' ? 'closed' : 'open', title: issue.title, body: issue.body ?? '' }));
    },
    async createIssue({ title, body }) {
      const { data } = await client.rest.issues.create({ owner, repo, title, body, labels: [REMINDER_LABEL] });
      return { number: data.number };
    },
    async updateIssue(number, { title, body, state }) {
      await client.rest.issues.update({ owner, repo, issue_number: number, title, body, ...(state ? { state } : {}) });
    },
    async closeIssue(number, comment) {
      await client.rest.issues.createComment({ owner, repo, issue_number: number, body: comment });
      await client.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'completed' });
    },
  };
}
