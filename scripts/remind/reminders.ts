/**
 * What `remind` reminds people of: post-mortems past their deadline and post-mortem action items
 * past their due date (action items are tracked to completion). Every post-mortem requirement and every
 * action item becomes a {@link Reminder}, overdue or not, so a reminder issue can be closed when its
 * item is settled. Pure.
 */
import { formatInstant } from '../incidents/instants.ts';
import { organisationZone, postmortemRequirement, postmortemsOf } from '../incidents/policy.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { actionItemStandings } from '../postmortems/action-items.ts';
import { codeSpan, escapeMarkdownInline as esc } from '../report/markdown-escape.ts';
import { describeDuration } from '../util/duration.ts';

/** One thing that may need a reminder. */
export interface Reminder {
  /** Stable key: `postmortem/<incident>` or `action-item/<incident>/<AI-n>`. */
  key: string;
  kind: 'postmortem' | 'action-item';
  incident: string;
  /** Whether it is overdue now (a reminder issue should be open). */
  overdue: boolean;
  /** Deadline, as an ISO date or date-time. */
  due: string;
  /** Person id responsible (action item owner; the incident commander for a post-mortem). */
  owner: string;
  /** The issue title. */
  title: string;
  /** The issue body (Markdown), without the marker. */
  body: string;
  /** One line for the terminal. */
  summary: string;
  /** Why no reminder is needed (any more), for the comment that closes an issue. */
  settled: string;
}

const MAX_TITLE = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Every reminder the repository implies at `now`, sorted by key. */
export function collectReminders(model: RepoModel, now: Date): Reminder[] {
  const zone = organisationZone(model);
  const people = new Map((model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
  const who = (id: string) => {
    const person = people.get(id);
    return person ? `${esc(person.name)} (@${person.github})` : esc(id);
  };
  const reminders: Reminder[] = [];

  for (const doc of model.incidents) {
    const incident = doc.data;
    const requirement = postmortemRequirement(model, incident);
    if (!requirement.required || !requirement.due || !requirement.within) continue;
    const postmortem = postmortemsOf(model, incident.id)[0];
    const done = postmortem !== undefined && (postmortem.data.status === 'final' || postmortem.data.published !== undefined);
    const overdue = !done && now.getTime() >= requirement.due.getTime();
    const due = formatInstant(requirement.due, zone);
    const path = `docs/incidents/${incident.id}.md`;
    const owner = incident.roles.commander;
    reminders.push({
      key: `postmortem/${incident.id}`,
      kind: 'postmortem',
      incident: incident.id,
      overdue,
      due,
      owner,
      title: clip(`Overdue post-mortem: ${incident.id}`, MAX_TITLE),
      body: [
        `The post-mortem of incident \`${incident.id}\` (${esc(incident.severity)}: ${esc(incident.title)}) was due by ${due}: within ${describeDuration(requirement.within)} of resolution (${esc(requirement.source)}).`,
        '',
        `- Incident commander: ${who(owner)}`,
        `- Post-mortem: \`${path}\` ${postmortem ? `(${postmortem.data.status})` : '(not written yet)'}`,
        '',
        postmortem
          ? 'Finish the review, then set `status: final` and `published:` in its front matter. This issue closes when the post-mortem is final.'
          : `Start it with \`npm run oncall -- new postmortem --incident ${incident.id}\`. This issue closes when the post-mortem is final.`,
      ].join('\n'),
      summary: `post-mortem of ${incident.id} due ${due}${postmortem ? ` (${postmortem.data.status})` : ' (not written)'}, commander ${owner}`,
      settled: done ? `The post-mortem ${codeSpan(postmortem!.file.path)} is ${postmortem!.data.status}.` : `The post-mortem is not due until ${due}.`,
    });
  }

  for (const standing of actionItemStandings(model, now)) {
    const { item, postmortem } = standing;
    const incident = postmortem.data.incident;
    const settled =
      item.status === 'done'
        ? `${item.id} is done${item.done ? ` (${item.done})` : ''}.`
        : item.status === 'wont-do'
          ? `${item.id} will not be done (status wont-do).`
          : `${item.id} is not overdue: it is due ${item.due}.`;
    reminders.push({
      key: `action-item/${incident}/${item.id}`,
      kind: 'action-item',
      incident,
      overdue: standing.overdue,
      due: item.due,
      owner: item.owner,
      title: clip(`Overdue action item ${item.id} (${incident}): ${item.title}`, MAX_TITLE),
      body: [
        // The file name is the author's choice: a backtick in it must not end the code span.
        `An action item of the post-mortem ${codeSpan(postmortem.file.path)} is past its due date.`,
        '',
        `- Item: ${esc(item.id)}: ${esc(item.title)}`,
        `- Owner: ${who(item.owner)}`,
        `- Due: ${item.due}`,
        `- Status: ${item.status}`,
        ...(item.link ? [`- Tracking: ${item.link}`] : []),
        '',
        'Finish it and set `status: done` with the `done:` date in the post-mortem\'s front matter, or agree a new due date. This issue closes when the item is done.',
      ].join('\n'),
      summary: `action item ${item.id} of ${incident} due ${item.due} (${item.status}), owner ${item.owner}${standing.overdue ? `, ${standing.daysOverdue} day${standing.daysOverdue === 1 ? '' : 's'} overdue` : ''}`,
      settled,
    });
  }
  return reminders.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
