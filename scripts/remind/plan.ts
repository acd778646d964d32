/**
 * What `remind --github` does, decided without touching GitHub: open one issue per overdue item,
 * update (or reopen) the issue opened for it before, and close issues whose item is settled. The
 * issue of an item is found by a hidden marker in its body, so runs are idempotent and never open
 * a duplicate. Pure.
 */
import type { Reminder } from './reminders.ts';

/** The label reminder issues carry, so the tracker can list them cheaply. */
export const REMINDER_LABEL = 'oncall-reminder';

const MARKER_PREFIX = '<!-- oncall-as-code:remind:';
const MARKER = /<!-- oncall-as-code:remind:([A-Za-z0-9._/-]+) -->/;

/** The hidden HTML comment that ties an issue to a reminder key. */
export function markerFor(key: string): string {
  return `${MARKER_PREFIX}${key} -->`;
}

/** The reminder key in an issue body, if it has a marker. */
export function keyOfBody(body: string | null | undefined): string | undefined {
  return body ? MARKER.exec(body)?.[1] : undefined;
}

/** The full issue body: the marker, then the reminder's text. */
export function issueBody(reminder: Reminder): string {
  return `${markerFor(reminder.key)}\n${reminder.body}\n`;
}

/** An issue as the tracker lists it. */
export interface ExistingIssue {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
}

export type ReminderAction =
  | { type: 'create'; key: string; title: string; body: string }
  | { type: 'update'; key: string; number: number; title: string; body: string; reopen: boolean }
  | { type: 'unchanged'; key: string; number: number }
  | { type: 'close'; key: string; number: number; comment: string };

/**
 * The actions that bring the tracker in line with the reminders. For an overdue item: update its
 * open issue (or reopen its latest closed one), else create one; a second open issue with the same
 * marker is closed as a duplicate. For a settled item, or a key no longer in the repository: close
 * its open issues with a comment saying why.
 */
export function planReminderActions(reminders: readonly Reminder[], existing: readonly ExistingIssue[]): ReminderAction[] {
  const byKey = new Map<string, ExistingIssue[]>();
  for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
    const key = keyOfBody(issue.body);
    if (key === undefined) continue;
    const list = byKey.get(key) ?? [];
    list.push(issue);
    byKey.set(key, list);
  }
  const actions: ReminderAction[] = [];
  const known = new Set<string>();
  for (const reminder of reminders) {
    known.add(reminder.key);
    const issues = byKey.get(reminder.key) ?? [];
    const open = issues.filter((issue) => issue.state === 'open');
    if (!reminder.overdue) {
      for (const issue of open) actions.push({ type: 'close', key: reminder.key, number: issue.number, comment: `${reminder.settled} Closing this reminder.` });
      continue;
    }
    const body = issueBody(reminder);
    const target = open[0] ?? issues[issues.length - 1];
    if (!target) {
      actions.push({ type: 'create', key: reminder.key, title: reminder.title, body });
    } else if (target.state === 'closed' || target.title !== reminder.title || normalise(target.body) !== normalise(body)) {
      actions.push({ type: 'update', key: reminder.key, number: target.number, title: reminder.title, body, reopen: target.state === 'closed' });
    } else {
      actions.push({ type: 'unchanged', key: reminder.key, number: target.number });
    }
    for (const duplicate of open.slice(1)) {
      actions.push({ type: 'close', key: reminder.key, number: duplicate.number, comment: `Duplicate of #${open[0]!.number}, which tracks this reminder.` });
    }
  }
  for (const [key, issues] of byKey) {
    if (known.has(key)) continue;
    for (const issue of issues.filter((i) => i.state === 'open')) {
      actions.push({ type: 'close', key, number: issue.number, comment: 'The item this reminder tracked is no longer in the repository. Closing this reminder.' });
    }
  }
  return actions;
}

/** GitHub may hand back CRLF line ends or drop a trailing newline; neither is a change. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}

/** Where reminder issues live: list, open, update, close. The GitHub adapter implements it; tests may fake it. */
export interface ReminderTracker {
  /** Every issue (open or closed) that may carry a reminder marker. */
  listIssues(): Promise<ExistingIssue[]>;
  createIssue(input: { title: string; body: string }): Promise<{ number: number }>;
  updateIssue(number: number, input: { title: string; body: string; state?: 'open' }): Promise<void>;
  closeIssue(number: number, comment: string): Promise<void>;
}

/** The outcome of one action, for the command's output. */
export interface AppliedAction {
  action: ReminderAction;
  number: number;
}

/** Applies the plan in order; stops at the first failure (the caller reports it, a rerun resumes). */
export async function applyReminderActions(actions: readonly ReminderAction[], tracker: ReminderTracker): Promise<AppliedAction[]> {
  const applied: AppliedAction[] = [];
  for (const action of actions) {
    switch (action.type) {
      case 'create': {
        const created = await tracker.createIssue({ title: action.title, body: action.body });
        applied.push({ action, number: created.number });
        break;
      }
      case 'update':
        await tracker.updateIssue(action.number, { title: action.title, body: action.body, ...(action.reopen ? { state: 'open' as const } : {}) });
        applied.push({ action, number: action.number });
        break;
      case 'close':
        await tracker.closeIssue(action.number, action.comment);
        applied.push({ action, number: action.number });
        break;
      case 'unchanged':
        applied.push({ action, number: action.number });
        break;
    }
  }
  return applied;
}
