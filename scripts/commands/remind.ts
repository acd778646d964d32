/**
 * `oncall remind`: lists overdue post-mortems and overdue action items. A dry run by default; with
 * --github it opens one GitHub issue per overdue item, updates the one it opened before, and closes
 * it when the item is done (see scripts/remind/plan.ts).
 */
import { GitHubAnswerError } from '../github/answers.ts';
import { createGitHubClient, describeGitHubError, repositoryFromEnv, type GitHubClientOptions } from '../github/client.ts';
import { loadModel } from '../incidents/load-model.ts';
import { gitHubReminderTracker } from '../remind/github-tracker.ts';
import { applyReminderActions, planReminderActions, type AppliedAction, type ReminderAction, type ReminderTracker } from '../remind/plan.ts';
import { collectReminders } from '../remind/reminders.ts';
import { UsageError, type CommandIO } from './io.ts';
import { DATA_FORMATS, resolveChoice, resolveNow, resolveRoot } from './options.ts';

export interface RemindOptions {
  root?: string;
  now?: string;
  github?: boolean;
  format?: string;
}

/** Seams for tests: a tracker to use instead of GitHub, or options for the GitHub client. */
export interface RemindDependencies {
  tracker?: ReminderTracker;
  clientOptions?: GitHubClientOptions;
}

const VERBS: Record<ReminderAction['type'], string> = { create: 'opened', update: 'updated', unchanged: 'unchanged', close: 'closed' };

function describeApplied(applied: AppliedAction): string {
  const { action, number } = applied;
  const verb = action.type === 'update' && action.reopen ? 'reopened' : VERBS[action.type];
  const why = action.type === 'close' ? `: ${action.comment}` : '';
  return `  ${verb.padEnd(9)} #${number}  ${action.key}${why}\n`;
}

/** `remind [--github] [--format pretty|json]`; exit 0, or 2 when GitHub is not configured or fails. */
export async function runRemind(options: RemindOptions, io: CommandIO, dependencies: RemindDependencies = {}): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  const format = resolveChoice(options.format, DATA_FORMATS);
  const model = await loadModel(root, ['organisation', 'severities', 'escalation', 'people'], (message) => io.stderr(`oncall: warning: ${message}\n`));
  const reminders = collectReminders(model, now);
  const overdue = reminders.filter((r) => r.overdue);

  if (!options.github) {
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ overdue: overdue.map(({ key, kind, incident, due, owner, title }) => ({ key, kind, incident, due, owner, title })) }, null, 2)}\n`);
      return 0;
    }
    if (overdue.length === 0) io.stdout('Nothing is overdue: every required post-mortem and action item is on time.\n');
    else {
      io.stdout(`${overdue.length} overdue:\n`);
      for (const reminder of overdue) io.stdout(`  ${reminder.summary}\n`);
    }
    io.stdout('Dry run: nothing was sent to GitHub. Pass --github to open, update and close reminder issues.\n');
    return 0;
  }

  let tracker = dependencies.tracker;
  if (!tracker) {
    const client = createGitHubClient(io.env, {
      log: (message) => io.stderr(`oncall: ${message}\n`),
      purpose: { command: 'remind --github', does: 'read, open, update and close the repository\'s issues', permissions: 'issues: write' },
      ...dependencies.clientOptions,
    });
    tracker = gitHubReminderTracker(client, repositoryFromEnv(io.env));
  }
  let applied: AppliedAction[];
  try {
    const actions = planReminderActions(reminders, await tracker.listIssues());
    applied = await applyReminderActions(actions, tracker);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // An odd answer (a looping page link, a list that is not one) already says what happened.
    io.stderr(`oncall: remind: ${error instanceof GitHubAnswerError ? error.message : describeGitHubError(error)}\n`);
    return 2;
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ actions: applied.map(({ action, number }) => ({ type: action.type, key: action.key, number, ...(action.type === 'update' ? { reopened: action.reopen } : {}) })) }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${overdue.length} overdue; ${applied.filter((a) => a.action.type !== 'unchanged').length} change${applied.filter((a) => a.action.type !== 'unchanged').length === 1 ? '' : 's'} on GitHub:\n`);
  for (const entry of applied) io.stdout(describeApplied(entry));
  return 0;
}
