/**
 * Where "already posted" lives: one GitHub issue, "On-call notices" (label `oncall-notices`), with a
 * comment per notice carrying a hidden marker with the notice's key. Posting as GitHub comments,
 * the comment is the notice; posting to Slack, the comment is the record, written before the post
 * (state `sending`) and completed after it, so a run that dies midway leaves a trace and the next run
 * does not post again. Only comments by the issue's own author (the workflow's token) count, so
 * nobody can silence a notice by writing a marker into a comment.
 *
 * Why an issue and not a state file: main accepts changes only through pull requests, a bot commit
 * every quarter of an hour would fight the docs workflow, and Slack's webhook cannot be asked what
 * was posted. An issue needs only `issues: write`, keeps the history in view, and lets people
 * subscribe to the notices on GitHub.
 */
import { integer, listAll, object, optionalString, string } from '../github/answers.ts';
import type { GitHubClient, Repository } from '../github/client.ts';

export const LEDGER_LABEL = 'oncall-notices';
const LEDGER_MARKER = '<!-- oncall-as-code:notices -->';
const KEY = /^<!-- oncall-as-code:notice:([A-Za-z0-9/._:-]{1,300})( sending)? -->/;

/** What the ledger knows of one notice. */
export interface LedgerEntry {
  commentId: number;
  state: 'sent' | 'sending';
}

/** A comment's body for a notice: the marker on its first line, then the text. */
export function entryBody(key: string, state: LedgerEntry['state'], text: string): string {
  return `<!-- oncall-as-code:notice:${key}${state === 'sending' ? ' sending' : ''} -->\n${text}`;
}

/** The key and state a comment body records, if it is a ledger entry. */
export function entryOf(body: string): { key: string; state: LedgerEntry['state'] } | undefined {
  const match = KEY.exec(body);
  return match ? { key: match[1]!, state: match[2] ? 'sending' : 'sent' } : undefined;
}

export interface NoticeLedger {
  /** The notices recorded, by key. */
  entries(): Promise<Map<string, LedgerEntry>>;
  add(key: string, state: LedgerEntry['state'], text: string): Promise<number>;
  complete(commentId: number, key: string, text: string): Promise<void>;
  remove(commentId: number): Promise<void>;
}

/** The ledger on GitHub Issues; the issue is opened on first use. */
export function gitHubLedger(client: GitHubClient, repository: Repository): NoticeLedger {
  const { owner, repo } = repository;
  let issue: { number: number; author: string } | undefined;
  const find = async (): Promise<{ number: number; author: string } | undefined> => {
    const what = 'the notices issue';
    const issues = await listAll(client, 'GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'all', labels: LEDGER_LABEL }, what);
    const found = issues
      .map((item) => object(item, what))
      .filter((item) => (optionalString(item, 'body', what) ?? '').includes(LEDGER_MARKER))
      .map((item) => ({ number: integer(item, 'number', what), author: string(object(item.user, what), 'login', what) }))
      .sort((a, b) => a.number - b.number);
    return found[0];
  };
  const ledgerIssue = async (): Promise<{ number: number; author: string }> => {
    issue ??= await find();
    if (issue) return issue;
    const body = `${LEDGER_MARKER}\nHand-off notices and on-call reminders, one comment each, written by the notify workflow (\`oncall notify\`). Each comment's hidden marker records that its notice was posted, so it is never posted twice; do not edit them. Subscribe to this issue to get the notices by e-mail.`;
    const { data } = await client.rest.issues.create({ owner, repo, title: 'On-call notices', body, labels: [LEDGER_LABEL] });
    issue = { number: data.number, author: data.user?.login ?? '' };
    return issue;
  };
  return {
    async entries() {
      const out = new Map<string, LedgerEntry>();
      issue ??= await find();
      if (!issue) return out;
      const what = 'the notices issue\'s comments';
      const comments = await listAll(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: issue.number }, what);
      for (const item of comments) {
        const comment = object(item, what);
        const author = comment.user === null || comment.user === undefined ? undefined : optionalString(object(comment.user, what), 'login', what);
        if (author !== issue.author) continue;
        const entry = entryOf(optionalString(comment, 'body', what) ?? '');
        if (entry && !out.has(entry.key)) out.set(entry.key, { commentId: integer(comment, 'id', what), state: entry.state });
      }
      return out;
    },
    async add(key, state, text) {
      const { number } = await ledgerIssue();
      // Not retried blindly: a lost answer may hide a comment that was made (the next run reads it back).
      const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: number, body: entryBody(key, state, text), request: { retries: 0 } });
      return data.id;
    },
    async complete(commentId, key, text) {
      await client.rest.issues.updateComment({ owner, repo, comment_id: commentId, body: entryBody(key, 'sent', text) });
    },
    async remove(commentId) {
      await client.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
    },
  };
}
