/**
 * The people mapping an import writes: `contacts.pagerduty_user` for people matched to a PagerDuty
 * user by name only (their e-mail there is not the one here). Edited with yaml's Document API, so
 * every comment and the rest of the file stay as they were.
 */
import { isMap, parseDocument } from 'yaml';

/** people.yaml's text with `contacts.pagerduty_user` set for each person (by index in `people`). */
export function withPagerDutyUsers(text: string, mapping: readonly { index: number; person: string; user: string }[]): string {
  const doc = parseDocument(text);
  for (const { index, person, user } of mapping) {
    const entry = doc.getIn(['people', index], true);
    const contacts = doc.getIn(['people', index, 'contacts'], true);
    if (!isMap(entry) || entry.get('id') !== person || !isMap(contacts)) {
      throw new Error(`policy/people.yaml changed while the import ran: people[${index}] is no longer "${person}". Run the import again.`);
    }
    contacts.set('pagerduty_user', user);
  }
  return doc.toString({ lineWidth: 0 });
}
