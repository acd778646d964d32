/**
 * Finds people named in free text: full names, first names, person ids, GitHub logins and Slack
 * handles from policy/people.yaml. Used by the blameless-language rule (seed 004 "The blame game").
 */
import type { SchemaTypes } from '../types/schema-types.ts';

/** One mention of a person in a text. */
export interface PersonMention {
  /** Person id. */
  person: string;
  /** The words as written. */
  text: string;
  index: number;
}

interface NameForm {
  person: string;
  regex: RegExp;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiled name forms for everyone in people.yaml. Names are matched as whole words; full names,
 * ids, logins and handles in any case, first names only capitalised (so "grace period" is not Grace).
 */
export function nameMatcher(people: SchemaTypes['people']['people']): NameForm[] {
  const forms: NameForm[] = [];
  const word = (text: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}_@-])${text}(?![\\p{L}\\p{N}_-])`, `gu${flags}`);
  for (const person of people) {
    const names = new Set<string>();
    forms.push({ person: person.id, regex: word(escapeRegex(person.name).replace(/\s+/g, '\\s+'), 'i') });
    forms.push({ person: person.id, regex: word(escapeRegex(person.id), 'i') });
    forms.push({ person: person.id, regex: word(escapeRegex(person.github), 'i') });
    if (person.contacts.slack) forms.push({ person: person.id, regex: new RegExp(`${escapeRegex(person.contacts.slack)}(?![\\p{L}\\p{N}_.-])`, 'giu') });
    const first = person.name.split(/\s+/)[0] ?? '';
    if (first.length >= 3 && /^\p{Lu}/u.test(first)) names.add(first);
    for (const name of names) forms.push({ person: person.id, regex: word(escapeRegex(name), '') });
  }
  return forms;
}

/** Every mention in `text`, in order; overlapping matches keep the longest (the full name over the first name). */
export function findPersonMentions(text: string, matcher: readonly NameForm[]): PersonMention[] {
  const found: PersonMention[] = [];
  for (const form of matcher) {
    for (const match of text.matchAll(form.regex)) found.push({ person: form.person, text: match[0], index: match.index ?? 0 });
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: PersonMention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (last && mention.index < last.index + last.text.length) continue;
    kept.push(mention);
  }
  return kept;
}
