import { describe, expect, it } from 'vitest';
import { issueBody, keyOfBody, markerFor, planReminderActions, type ExistingIssue } from '../../scripts/remind/plan.ts';
import type { Reminder } from '../../scripts/remind/reminders.ts';

function reminder(key: string, overdue: boolean, extra: Partial<Reminder> = {}): Reminder {
  return {
    key,
    kind: 'action-item',
    incident: '2026-10-29-ingestion-outage',
    overdue,
    due: '2026-12-15',
    owner: 'sam-osei',
    title: `Overdue ${key}`,
    body: `Body of ${key}`,
    summary: key,
    settled: `${key} is done.`,
    ...extra,
  };
}

function issue(number: number, key: string | undefined, state: 'open' | 'closed' = 'open', body?: string): ExistingIssue {
  return { number, state, title: key ? `Overdue ${key}` : 'Something else', body: body ?? (key ? issueBody(reminder(key, true)) : 'A normal issue') };
}

const A = 'action-item/2026-10-29-ingestion-outage/AI-3';
const B = 'postmortem/2026-11-10-ingestion-stuck-upload';

describe('markers', () => {
  it('round-trip a key through an issue body', () => {
    expect(markerFor(A)).toBe(`<!-- oncall-as-code:remind:${A} -->`);
    expect(keyOfBody(issueBody(reminder(A, true)))).toBe(A);
    expect(keyOfBody('no marker here')).toBeUndefined();
    expect(keyOfBody(null)).toBeUndefined();
  });
});

describe('planReminderActions', () => {
  it.each([
    { name: 'opens an issue for a new overdue item', reminders: [reminder(A, true)], existing: [], actions: [['create', A]] },
    { name: 'leaves an up-to-date issue alone', reminders: [reminder(A, true)], existing: [issue(7, A)], actions: [['unchanged', A, 7]] },
    { name: 'updates an issue whose text changed', reminders: [reminder(A, true, { body: 'New text' })], existing: [issue(7, A)], actions: [['update', A, 7, false]] },
    { name: 'tolerates CRLF and a missing final newline', reminders: [reminder(A, true)], existing: [issue(7, A, 'open', issueBody(reminder(A, true)).replace(/\n/g, '\r\n').trimEnd())], actions: [['unchanged', A, 7]] },
    { name: 'reopens the latest closed issue rather than opening a duplicate', reminders: [reminder(A, true)], existing: [issue(3, A, 'closed'), issue(9, A, 'closed')], actions: [['update', A, 9, true]] },
    { name: 'closes the issue of a settled item', reminders: [reminder(A, false)], existing: [issue(7, A)], actions: [['close', A, 7]] },
    { name: 'does nothing for a settled item whose issue is closed', reminders: [reminder(A, false)], existing: [issue(7, A, 'closed')], actions: [] },
    { name: 'does nothing for a settled item that never had an issue', reminders: [reminder(A, false)], existing: [], actions: [] },
    { name: 'keeps the oldest of two open issues and closes the other as a duplicate', reminders: [reminder(A, true)], existing: [issue(12, A), issue(7, A)], actions: [['unchanged', A, 7], ['close', A, 12]] },
    { name: 'closes an issue whose item left the repository', reminders: [], existing: [issue(7, B)], actions: [['close', B, 7]] },
    { name: 'ignores issues without a marker', reminders: [reminder(A, true)], existing: [issue(1, undefined), issue(2, undefined, 'closed')], actions: [['create', A]] },
  ])('$name', ({ reminders, existing, actions }) => {
    const plan = planReminderActions(reminders, existing);
    expect(
      plan.map((a) => {
        if (a.type === 'create') return [a.type, a.key];
        if (a.type === 'update') return [a.type, a.key, a.number, a.reopen];
        return [a.type, a.key, a.number];
      }),
    ).toEqual(actions);
  });

  it('says why it closes an issue', () => {
    const [close] = planReminderActions([reminder(A, false)], [issue(7, A)]);
    expect(close).toEqual({ type: 'close', key: A, number: 7, comment: `${A} is done. Closing this reminder.` });
    const [duplicate] = planReminderActions([reminder(A, true)], [issue(7, A), issue(12, A)]).filter((a) => a.type === 'close');
    expect(duplicate).toMatchObject({ number: 12, comment: 'Duplicate of #7, which tracks this reminder.' });
  });
});
