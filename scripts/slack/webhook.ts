/**
 * The one place that talks to Slack: posting a message to an incoming webhook with @slack/webhook,
 * and the retry policy for it. A webhook post is not idempotent, so only answers that say the
 * message was not taken are retried: 5xx, 429 (after its Retry-After), and a connection that was
 * never made. A 4xx is Slack refusing the message (a removed webhook, an archived channel, a bad
 * payload): retrying cannot help, so it fails at once with Slack's own reason. A request that timed
 * out or broke off may have been posted; it is not sent again, and the error says so.
 */
import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError, type FetchFunction } from '@slack/webhook';

export interface SlackOptions {
  /** Attempts in all for an answer that can be retried. Default 4. */
  attempts?: number;
  /** Milliseconds that stand for one second of waiting (backoff, Retry-After). Default 1 000; tests use less. */
  secondMs?: number;
  /** The longest Retry-After, in seconds, worth waiting for; a longer one fails at once. Default 60. */
  maxRetryAfterSeconds?: number;
  /** Milliseconds one request may take. Default 10 000. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** A message that could not be posted: whether it certainly was not, or may have been. */
export class SlackPostError extends Error {
  override readonly name = 'SlackPostError';
  readonly outcome: 'not-posted' | 'unknown';
  constructor(message: string, outcome: 'not-posted' | 'unknown') {
    super(message);
    this.outcome = outcome;
  }
}

/** What Slack's webhook answers mean, and what to do (https://api.slack.com/messaging/webhooks#handling_errors). */
const REASONS: Readonly<Record<string, string>> = {
  invalid_payload: 'the message was malformed; this is a bug in the notice, report it',
  no_service: 'the webhook was removed or disabled; create a new one and update SLACK_WEBHOOK_URL',
  no_team: 'the workspace no longer exists or the webhook is wrong; check SLACK_WEBHOOK_URL',
  team_disabled: 'the workspace is disabled',
  channel_not_found: "the webhook's channel no longer exists; create a new webhook",
  channel_is_archived: "the webhook's channel is archived; unarchive it or create a new webhook",
  action_prohibited: 'a workspace admin restricted posting to the channel',
  posting_to_general_channel_denied: 'only admins may post to that channel',
  invalid_token: 'the webhook is no longer valid; create a new one and update SLACK_WEBHOOK_URL',
  user_not_found: "the webhook's user no longer exists",
};

const RETRYABLE_CONNECTION = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function connectionCode(error: IncomingWebhookRequestError): string | undefined {
  const cause = (error.original as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** The webhook URL, checked: https, or http to this machine (a local test server). It is a secret and never printed. */
export function checkWebhookUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'SLACK_WEBHOOK_URL is not a URL.';
  }
  const local = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) return 'SLACK_WEBHOOK_URL must be an https address (Slack gives one like https://hooks.slack.com/services/...).';
  return undefined;
}

/** Posts `text` to the webhook; resolves when Slack answered "ok", throws {@link SlackPostError} otherwise. */
export async function postToSlack(url: string, text: string, options: SlackOptions = {}): Promise<void> {
  const attempts = options.attempts ?? 4;
  const second = options.secondMs ?? 1_000;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  // @slack/webhook hands back the status and body of a refusal but not its headers; Retry-After is kept here.
  let retryAfter: string | null = null;
  const recording: FetchFunction = async (input, init) => {
    const response = await fetchImpl(input, init as RequestInit);
    retryAfter = response.headers.get('retry-after');
    return response;
  };
  const webhook = new IncomingWebhook(url, { fetch: recording, timeout: options.timeoutMs ?? 10_000, retryConfig: { retries: 0 } });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const result = await webhook.send({ text, unfurl_links: false, unfurl_media: false });
      if (result.text.trim() !== 'ok') throw new SlackPostError(`Slack answered "${result.text.slice(0, 200)}" instead of "ok"; the message may or may not have been posted.`, 'unknown');
      return;
    } catch (error) {
      if (error instanceof SlackPostError) throw error;
      if (error instanceof IncomingWebhookHTTPError) {
        const body = error.body.trim().slice(0, 200);
        last = `${error.statusCode} ${body}`.trim();
        if (error.statusCode === 429) {
          const seconds = Number(retryAfter ?? '1');
          const delay = Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
          if (delay > maxRetryAfter) throw new SlackPostError(`Slack is rate limiting the webhook for ${delay} seconds (429); the message was not posted.`, 'not-posted');
          if (attempt < attempts) await wait(delay * second);
          continue;
        }
        if (error.statusCode >= 500) {
          if (attempt < attempts) await wait(2 ** (attempt - 1) * second);
          continue;
        }
        const reason = REASONS[body] ?? 'Slack refused the message';
        throw new SlackPostError(`Slack refused the message: ${last} (${reason}); it was not posted.`, 'not-posted');
      }
      if (error instanceof IncomingWebhookRequestError) {
        const code = connectionCode(error);
        if (code !== undefined && RETRYABLE_CONNECTION.has(code)) {
          last = `no connection (${code})`;
          if (attempt < attempts) await wait(2 ** (attempt - 1) * second);
          continue;
        }
        throw new SlackPostError(`the request to Slack failed midway (${code ?? error.original.message}); the message may have been posted, so it is not sent again.`, 'unknown');
      }
      throw error;
    }
  }
  throw new SlackPostError(`Slack did not take the message after ${attempts} attempts (last answer: ${last}); it was not posted.`, 'not-posted');
}
