/**
 * `oncall notify [--slack | --github]`: posts the hand-off notices and shift reminders that are due
 * (scripts/notices/plan.ts) to a Slack incoming webhook (SLACK_WEBHOOK_URL) or as comments on the
 * "On-call notices" issue, each exactly once: the comments record what was posted
 * (scripts/notices/ledger.ts). Without either option it is a dry run that prints the notices.
 */
import { GitHubAnswerError } from '../github/answers.ts';
import { createGitHubClient, describeGitHubError, repositoryFromEnv, type GitHubClientOptions } from '../github/client.ts';
import { gitHubLedger, type NoticeLedger } from '../notices/ledger.ts';
import { planNotices, type Notice } from '../notices/plan.ts';
import { renderNotice, type NoticeFormat } from '../notices/render.ts';
import { checkWebhookUrl, postToSlack, SlackPostError, type SlackOptions } from '../slack/webhook.ts';
import { isoInZone } from '../schedule/local-time.ts';
import { durationMillis } from '../schedule/policy.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData } from './schedule.ts';

export interface NotifyOptions {
  root?: string;
  now?: string;
  slack?: boolean;
  github?: boolean;
  lookback?: string;
  remindBefore?: string;
  format?: string;
}

/** Seams for tests: options for the GitHub and Slack clients (shorter waits). */
export interface NotifyDependencies {
  clientOptions?: GitHubClientOptions;
  slackOptions?: SlackOptions;
}

function duration(option: string, text: string | undefined, fallback: string): number {
  const millis = durationMillis(text ?? fallback);
  if (millis === undefined || /b[hd]$/.test(text ?? '')) throw new UsageError(`${option}: "${text}" is not a duration such as 30m, 6h or 1d.`);
  return millis;
}

/** Runs `oncall notify`; exit 0 when every due notice was posted (or already had been), 1 when one failed, 2 for usage errors. */
export async function runNotify(options: NotifyOptions, io: CommandIO, dependencies: NotifyDependencies = {}): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  if (options.slack && options.github) throw new UsageError('--slack and --github: choose one channel for the notices.');
  const format = options.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`--format: "${format}" is not one of pretty, json.`);
  const lookbackMs = duration('--lookback', options.lookback, '6h');
  const remindBeforeMs = duration('--remind-before', options.remindBefore, '1d');
  const webhook = io.env.SLACK_WEBHOOK_URL?.trim();
  if (options.slack) {
    if (!webhook) throw new UsageError('SLACK_WEBHOOK_URL is not set: give the command the Slack incoming webhook to post to (keep it in a secret).');
    const problem = checkWebhookUrl(webhook);
    if (problem) throw new UsageError(problem);
  }

  const data = await loadScheduleData(root, undefined, { incidents: true });
  const notices = planNotices(data.model, { now, lookbackMs, remindBeforeMs });
  const people = new Map((data.model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
  const channel: NoticeFormat = options.slack ? 'slack' : 'github';
  const text = (notice: Notice) => renderNotice(notice, people, now, channel);

  if (!options.slack && !options.github) {
    if (format === 'json') io.stdout(`${JSON.stringify({ notices: notices.map((n) => ({ key: n.key, kind: n.kind, at: isoInZone(n.at, n.zone), text: text(n) })) }, null, 2)}\n`);
    else {
      io.stdout(notices.length === 0 ? 'No notices are due.\n' : notices.map((n) => `[${n.key}]\n${text(n)}\n`).join('\n'));
      io.stdout('Dry run: nothing was posted. Pass --slack (SLACK_WEBHOOK_URL) or --github to post, each notice once.\n');
    }
    return data.problems.length > 0 ? 1 : 0;
  }

  const client = createGitHubClient(io.env, { log: (message) => io.stderr(`oncall: ${message}\n`), ...dependencies.clientOptions });
  const ledger: NoticeLedger = gitHubLedger(client, repositoryFromEnv(io.env));
  let posted = 0;
  let skipped = 0;
  try {
    const known = await ledger.entries();
    for (const notice of notices) {
      const entry = known.get(notice.key);
      if (entry?.state === 'sent') {
        skipped += 1;
        continue;
      }
      if (entry?.state === 'sending') {
        io.stderr(`oncall: notice ${notice.key}: an earlier run started posting it to Slack and did not finish; it may have been posted, so it is not posted again.\n`);
        skipped += 1;
        continue;
      }
      if (options.github) {
        await ledger.add(notice.key, 'sent', text(notice));
      } else {
        const body = text(notice);
        const id = await ledger.add(notice.key, 'sending', `Posting to Slack:\n\n${body}`);
        try {
          await postToSlack(webhook!, body, dependencies.slackOptions);
        } catch (error) {
          if (!(error instanceof SlackPostError)) throw error;
          // Certainly not posted: clear the record so the next run tries again. Maybe posted: keep it.
          if (error.outcome === 'not-posted') await ledger.remove(id);
          io.stderr(`oncall: notice ${notice.key}: ${error.message}${error.outcome === 'not-posted' ? ' The next run tries again.' : ''}\n`);
          io.stdout(`Posted ${posted} notice${posted === 1 ? '' : 's'} before the failure; ${skipped} already posted.\n`);
          return 1;
        }
        await ledger.complete(id, notice.key, `Posted to Slack at ${isoInZone(now, notice.zone)}:\n\n${body}`);
      }
      posted += 1;
      io.stdout(`posted  ${notice.key}\n`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr(`oncall: notify: ${error instanceof GitHubAnswerError ? error.message : describeGitHubError(error)}\n`);
    return 2;
  }
  io.stdout(`${posted} notice${posted === 1 ? '' : 's'} posted${options.slack ? ' to Slack' : ' on GitHub'}, ${skipped} already posted.\n`);
  return data.problems.length > 0 ? 1 : 0;
}
