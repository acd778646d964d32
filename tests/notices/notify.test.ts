/**
 * `oncall notify` against a local Slack incoming webhook and a local GitHub, both on 127.0.0.1 and
 * answering as the real services do: every due notice posted once, the record kept on the
 * "On-call notices" issue, a failing webhook retried and then reported clearly, nothing posted twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { runNotify, type NotifyOptions } from '../../scripts/commands/notify.ts';
import { entryOf } from '../../scripts/notices/ledger.ts';
import { runCli } from '../support/cli.ts';
import { startGitHubServer, type GitHubServer } from '../support/github-server.ts';
import { addIssueRoutes, issuesState, type IssuesState } from '../support/github-issues-routes.ts';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import { startSlackServer, type SlackServer } from '../support/slack-webhook-server.ts';

/** Sunday 6 December, noon: the 30 November hand-off is a week old; 7 December's is tomorrow. */
const SUNDAY = '2026-12-06T12:00:00+01:00';
/** Monday 7 December, 10:00: the hand-off to Anchor an hour ago; reminders for the 14th not yet due. */
const MONDAY = '2026-12-07T10:00:00+01:00';

let repo: TempRepo | undefined;
let github: GitHubServer<IssuesState> | undefined;
let slack: SlackServer | undefined;
afterEach(async () => {
  repo?.cleanup();
  repo = undefined;
  await github?.close();
  github = undefined;
  await slack?.close();
  slack = undefined;
});

async function services() {
  repo = tempRepo();
  github = await startGitHubServer(issuesState());
  addIssueRoutes(github);
  slack = await startSlackServer();
}

async function notify(options: NotifyOptions, env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: repo!.root, isTTY: false };
  const code = await runNotify({ root: repo!.root, ...options }, io, { clientOptions: { secondMs: 1, retries: 1 }, slackOptions: { secondMs: 1, attempts: 3 } });
  return { code, stdout, stderr };
}

const slackEnv = () => github!.env({ SLACK_WEBHOOK_URL: slack!.url });
const ledgerKeys = () => github!.state.comments.map((c) => entryOf(c.body)).filter((e) => e !== undefined);

describe('oncall notify (dry run)', () => {
  it('prints the hand-off notice with who comes on and goes off, open incidents and the note form, and the reminders', async () => {
    repo = tempRepo();
    const result = await runCli(['notify', '--root', repo.root, '--now', MONDAY]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`[handoff/ingestion/20261207T0800Z]
**Hand-off: Ingestion on-call**, Mon 7 Dec 2026 09:00 (Europe/Berlin)

- Primary: @rosa-alvarez (Rosa Alvarez) comes on until Mon 14 Dec 09:00; @lnovak (Liam Novak) goes off
- Secondary: @ydemir (Yusuf Demir) comes on until Mon 14 Dec 09:00; @sofiarossi (Sofia Rossi) goes off

Open incidents:
- 2026-11-18-ingestion-log-warning (P3, acknowledged): Repeated deprecation warning in ingestion worker logs

No hand-off note recorded. Outgoing, please post one: Current status; Affected environment; Known impact; Recent changes checked; Logs/dashboards checked; Next recommended action; Open risks; Links.
Dry run: nothing was posted. Pass --slack (SLACK_WEBHOOK_URL) or --github to post, each notice once.
`);
  });

  it('reminds each person the day before their stint, in their own zone', async () => {
    repo = tempRepo();
    const result = await runCli(['notify', '--root', repo.root, '--now', SUNDAY, '--format', 'json']);
    const notices = JSON.parse(result.stdout).notices as { key: string; text: string }[];
    expect(notices.map((n) => n.key)).toEqual(['reminder/ingestion/primary/20261207T0800Z/rosa-alvarez', 'reminder/ingestion/secondary/20261207T0800Z/yusuf-demir']);
    expect(notices[1]!.text).toBe('**On-call reminder**: @ydemir (Yusuf Demir), you are on call for Ingestion on-call, Secondary, from tomorrow 11:00 until Mon 14 Dec 11:00 (Europe/Istanbul).');
  });
});

describe('oncall notify --slack', () => {
  it('posts each due notice once, keeps the record on the notices issue, and a second run posts nothing', async () => {
    await services();
    const first = await notify({ slack: true, now: MONDAY }, slackEnv());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('posted  handoff/ingestion/20261207T0800Z\n1 notice posted to Slack, 0 already posted.\n');
    expect(slack!.posted).toHaveLength(1);
    expect(slack!.posted[0]!.text).toContain('*Hand-off: Ingestion on-call*, Mon 7 Dec 2026 09:00 (Europe/Berlin)');
    expect(slack!.posted[0]!.text).toContain('- Primary: Rosa Alvarez (@rosa) comes on until Mon 14 Dec 09:00; Liam Novak (@liam) goes off');
    expect(slack!.posted[0]!.payload).toMatchObject({ unfurl_links: false });
    expect(github!.state.issues.map((i) => [i.title, i.labels])).toEqual([['On-call notices', ['oncall-notices']]]);
    expect(ledgerKeys()).toEqual([{ key: 'handoff/ingestion/20261207T0800Z', state: 'sent' }]);

    const again = await notify({ slack: true, now: '2026-12-07T10:15:00+01:00' }, slackEnv());
    expect(again.stdout).toBe('0 notices posted to Slack, 1 already posted.\n');
    expect(slack!.posted).toHaveLength(1);
  });

  it('retries a webhook that fails with 500, then says clearly it was not posted; the next run posts it, once', async () => {
    await services();
    slack!.fault([{ status: 500, body: 'rollup_error' }], { persist: true });
    const failed = await notify({ slack: true, now: MONDAY }, slackEnv());
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      'oncall: notice handoff/ingestion/20261207T0800Z: Slack did not take the message after 3 attempts (last answer: 500 rollup_error); it was not posted. The next run tries again.\n',
    );
    expect(slack!.requests).toBe(3);
    expect(slack!.posted).toHaveLength(0);
    expect(ledgerKeys()).toEqual([]);

    slack!.fault([]);
    const recovered = await notify({ slack: true, now: '2026-12-07T10:15:00+01:00' }, slackEnv());
    expect(recovered.code).toBe(0);
    expect(slack!.posted).toHaveLength(1);
    await notify({ slack: true, now: '2026-12-07T10:30:00+01:00' }, slackEnv());
    expect(slack!.posted).toHaveLength(1);
  });

  it('waits out a 429 for its Retry-After, and gives up at once on a long one', async () => {
    await services();
    slack!.fault([{ status: 429, body: 'rate_limited', headers: { 'retry-after': '2' } }]);
    const result = await notify({ slack: true, now: MONDAY }, slackEnv());
    expect(result.code).toBe(0);
    expect(slack!.requests).toBe(2);
    expect(slack!.posted).toHaveLength(1);

    await github!.close();
    await slack!.close();
    await services();
    slack!.fault([{ status: 429, body: 'rate_limited', headers: { 'retry-after': '3600' } }]);
    const limited = await notify({ slack: true, now: MONDAY }, slackEnv());
    expect(limited.code).toBe(1);
    expect(limited.stderr).toContain('Slack is rate limiting the webhook for 3600 seconds (429); the message was not posted.');
    expect(slack!.requests).toBe(1);
  });

  it.each([
    [404, 'no_service', 'the webhook was removed or disabled; create a new one and update SLACK_WEBHOOK_URL'],
    [400, 'invalid_payload', 'the message was malformed; this is a bug in the notice, report it'],
    [410, 'channel_is_archived', "the webhook's channel is archived; unarchive it or create a new webhook"],
    [403, 'action_prohibited', 'a workspace admin restricted posting to the channel'],
  ])('does not retry a refusal (%i %s) and says what it means', async (status, body, reason) => {
    await services();
    slack!.fault([{ status, body }]);
    const result = await notify({ slack: true, now: MONDAY }, slackEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`oncall: notice handoff/ingestion/20261207T0800Z: Slack refused the message: ${status} ${body} (${reason}); it was not posted. The next run tries again.\n`);
    expect(slack!.requests).toBe(1);
    expect(ledgerKeys()).toEqual([]);
  });

  it('never posts again a notice whose outcome is unknown (the connection dropped after the request)', async () => {
    await services();
    slack!.fault(['drop']);
    const dropped = await notify({ slack: true, now: MONDAY }, slackEnv());
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toContain('the request to Slack failed midway');
    expect(dropped.stderr).toContain('the message may have been posted, so it is not sent again.');
    expect(ledgerKeys()).toEqual([{ key: 'handoff/ingestion/20261207T0800Z', state: 'sending' }]);
    const next = await notify({ slack: true, now: '2026-12-07T10:15:00+01:00' }, slackEnv());
    expect(next.code).toBe(0);
    expect(next.stderr).toBe('oncall: notice handoff/ingestion/20261207T0800Z: an earlier run started posting it to Slack and did not finish; it may have been posted, so it is not posted again.\n');
    expect(slack!.requests).toBe(1);
  });

  it('ignores markers in comments by anyone but the notices issue\'s author', async () => {
    await services();
    await notify({ github: true, now: SUNDAY }, github!.env());
    github!.state.comments.push({ id: 1, issue_number: 1, body: '<!-- oncall-as-code:notice:handoff/ingestion/20261207T0800Z -->\nnothing to see', author: 'mallory', created_at: '2026-12-07T08:30:00Z' });
    const result = await notify({ slack: true, now: MONDAY }, slackEnv());
    expect(result.stdout).toContain('posted  handoff/ingestion/20261207T0800Z');
    expect(slack!.posted).toHaveLength(1);
  });

  it('needs a webhook address that is https (or this machine), and never prints it', async () => {
    repo = tempRepo();
    const missing = await runCli(['notify', '--slack', '--root', repo.root], { env: { SLACK_WEBHOOK_URL: undefined } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('oncall: SLACK_WEBHOOK_URL is not set: give the command the Slack incoming webhook to post to (keep it in a secret).\n');
    const plain = await runCli(['notify', '--slack', '--root', repo.root], { env: { SLACK_WEBHOOK_URL: 'http://hooks.example/services/T/B/secret123' } });
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toContain('secret123');
  });
});

describe('oncall notify --github', () => {
  it('posts each notice as a comment on the notices issue, mentioning people, once', async () => {
    await services();
    const first = await notify({ github: true, now: SUNDAY }, github!.env());
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      'posted  reminder/ingestion/primary/20261207T0800Z/rosa-alvarez\nposted  reminder/ingestion/secondary/20261207T0800Z/yusuf-demir\n2 notices posted on GitHub, 0 already posted.\n',
    );
    expect(github!.state.comments.map((c) => c.body)).toEqual([
      '<!-- oncall-as-code:notice:reminder/ingestion/primary/20261207T0800Z/rosa-alvarez -->\n**On-call reminder**: @rosa-alvarez (Rosa Alvarez), you are on call for Ingestion on-call, Primary, from tomorrow 09:00 until Mon 14 Dec 09:00 (Europe/Madrid).',
      '<!-- oncall-as-code:notice:reminder/ingestion/secondary/20261207T0800Z/yusuf-demir -->\n**On-call reminder**: @ydemir (Yusuf Demir), you are on call for Ingestion on-call, Secondary, from tomorrow 11:00 until Mon 14 Dec 11:00 (Europe/Istanbul).',
    ]);
    const again = await notify({ github: true, now: '2026-12-06T18:00:00+01:00' }, github!.env());
    expect(again.stdout).toBe('0 notices posted on GitHub, 2 already posted.\n');
    expect(github!.state.comments).toHaveLength(2);
  });
});
