/**
 * The reminder tracker on GitHub Issues: reminder issues carry a label so they can be listed
 * without reading every issue of the repository, and a hidden marker (see plan.ts) that ties each
 * to its item.
 */
import { integer, listAll, object, optionalString, string } from '../github/answers.ts';
import type { GitHubClient, Repository } from '../github/client.ts';
import { keyOfBody, REMINDER_LABEL, type ExistingIssue, type ReminderTracker } from './plan.ts';

/** Attempts to open one issue when the answer is in doubt (each after looking for it first). */
const CREATE_ATTEMPTS = 3;

/** A {@link ReminderTracker} backed by a configured Octokit (scripts/github/client.ts). */
export function gitHubReminderTracker(client: GitHubClient, repository: Repository): ReminderTracker {
  const { owner, repo } = repository;
  const tracker: ReminderTracker = {
    async listIssues(): Promise<ExistingIssue[]> {
      // listAll, not Octokit's paginate: a next-page link that loops or leaves the API host must end the
      // read with an error, not request forever (and a list cut short would open duplicate issues).
      const what = 'reminder issues';
      const issues = await listAll(client, 'GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'all', labels: REMINDER_LABEL }, what);
      return issues
        .map((item) => object(item, what))
        .filter((issue) => issue.pull_request === undefined || issue.pull_request === null)
        .map((issue) => ({
          number: integer(issue, 'number', what),
          state: string(issue, 'state', what) === 'closed' ? 'closed' : 'open',
          title: optionalString(issue, 'title', what) ?? '',
          body: optionalString(issue, 'body', what) ?? '',
        }));
    },
    async createIssue({ title, body }) {
      // Creating is not idempotent: when an answer is lost (a dropped connection, a 502 from a proxy)
      // GitHub may have opened the issue anyway. So the client's blind retries are off for this
      // request, and before each new attempt the list is read again for the issue's marker.
      const key = keyOfBody(body);
      for (let attempt = 1; ; attempt++) {
        try {
          const { data } = await client.rest.issues.create({ owner, repo, title, body, labels: [REMINDER_LABEL], request: { retries: 0 } });
          return { number: data.number };
        } catch (error) {
          const status = (error as { status?: unknown }).status;
          const doubtful = typeof status !== 'number' || status >= 500;
          if (!doubtful || attempt >= CREATE_ATTEMPTS) throw error;
          const created = key === undefined ? undefined : (await tracker.listIssues()).find((issue) => issue.state === 'open' && keyOfBody(issue.body) === key);
          if (created) return { number: created.number };
        }
      }
    },
    async updateIssue(number, { title, body, state }) {
      await client.rest.issues.update({ owner, repo, issue_number: number, title, body, ...(state ? { state } : {}) });
    },
    async closeIssue(number, comment) {
      await client.rest.issues.createComment({ owner, repo, issue_number: number, body: comment });
      await client.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'completed' });
    },
  };
  return tracker;
}
