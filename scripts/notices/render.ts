/**
 * Notices as messages: Slack mrkdwn for the incoming webhook, or GitHub Markdown for an issue
 * comment, which mentions people by their GitHub login so they are notified. Names, titles and
 * handles come from the data and are escaped for each. A private time-off reason never appears:
 * notices only say that someone is away.
 */
import { DateTime } from 'luxon';
import { escapeMarkdownInline } from '../report/markdown-escape.ts';
import { relativeStart, type Notice, type PersonLookup } from './plan.ts';

export type NoticeFormat = 'slack' | 'github';

/** Slack's three control characters, as its formatting rules ask. */
const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const when = (at: Date, zone: string, pattern = 'ccc d LLL yyyy HH:mm') => DateTime.fromJSDate(at, { zone }).toFormat(pattern, { locale: 'en-GB' });

/** A message for a notice, in the format its channel reads. */
export function renderNotice(notice: Notice, people: PersonLookup, now: Date, format: NoticeFormat): string {
  const esc = format === 'slack' ? slackText : escapeMarkdownInline;
  const bold = (text: string) => (format === 'slack' ? `*${text}*` : `**${text}**`);
  const who = (id: string | undefined): string => {
    if (id === undefined) return 'nobody';
    const person = people.get(id);
    if (!person) return esc(id);
    if (format === 'github') return `@${person.github} (${esc(person.name)})`;
    return `${esc(person.name)}${person.contacts.slack ? ` (${esc(person.contacts.slack)})` : ''}`;
  };

  if (notice.kind === 'reminder') {
    const zone = people.get(notice.person!)?.timezone ?? notice.zone;
    return `${bold('On-call reminder')}: ${who(notice.person)}, you are on call for ${esc(notice.rotationName)}, ${esc(notice.tierName!)}, from ${relativeStart(notice.at, now, zone)} until ${when(notice.until!, zone, 'ccc d LLL HH:mm')} (${zone}).`;
  }

  const lines = [`${bold(`Hand-off: ${esc(notice.rotationName)}`)}, ${when(notice.at, notice.zone)} (${notice.zone})`, ''];
  for (const change of notice.changes) {
    const tier = `${esc(change.tierName)}${change.layer !== undefined ? ` (${esc(change.layer)})` : ''}`;
    const until = change.until ? ` until ${when(change.until, notice.zone, 'ccc d LLL HH:mm')}` : '';
    const away = change.incomingAway ? ' (away then: find cover)' : '';
    lines.push(`- ${tier}: ${who(change.incoming)} comes on${until}${away}; ${who(change.outgoing)} goes off`);
  }
  lines.push('');
  if (notice.openIncidents.length === 0) lines.push('Open incidents: none.');
  else {
    lines.push('Open incidents:');
    for (const incident of notice.openIncidents) lines.push(`- ${esc(incident.id)} (${esc(incident.severity)}, ${esc(incident.status)}): ${esc(incident.title)}`);
  }
  lines.push('');
  if (notice.note) {
    lines.push(`Hand-off note from ${who(notice.note.author)}, ${when(notice.note.at, notice.zone)}:`);
    for (const field of notice.note.fields) lines.push(`- ${esc(field.name)}: ${esc(field.value)}`);
  } else if (notice.noteFields.length > 0) {
    lines.push(`No hand-off note recorded. Outgoing, please post one: ${notice.noteFields.map(esc).join('; ')}.`);
  } else {
    lines.push('No hand-off note recorded.');
  }
  return lines.join('\n');
}
