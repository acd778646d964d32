/**
 * Finds people named in free text: full names, first names, person ids, GitHub logins and Slack
 * handles from policy/people.yaml. Used by the blameless-language rule.
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
  /** Compiled on first use: most forms never need to run (see `needle`), and there are thousands. */
  readonly regex: RegExp;
  /**
   * For a form whose text is all ASCII: its first run of letters and digits, lower case. A text
   * can only mention the form if it holds that run as a whole word (see {@link wordsOf}), so the
   * form's regex needs to run only then; without a needle it always runs.
   */
  needle?: string;
}

function lazyForm(person: string, source: string, flags: string, text: string): NameForm {
  let regex: RegExp | undefined;
  const needle = needleOf(text);
  return {
    person,
    get regex() {
      return (regex ??= new RegExp(source, flags));
    },
    ...(needle === undefined ? {} : { needle }),
  };
}

/** The first ASCII letter-or-digit run of an ASCII form text, lower case; undefined for other text. */
function needleOf(text: string): string | undefined {
  if (!/^[\x20-\x7e]*$/.test(text)) return undefined;
  return /[a-z0-9]+/.exec(text.toLowerCase())?.[0];
}

/**
 * The ASCII letter-or-digit runs of a text, lower case, as the forms' case-insensitive regexes see
 * them: besides upper case, only the long s and the Kelvin sign fold to ASCII letters.
 */
function wordsOf(text: string): Set<string> {
  const folded = text.toLowerCase().replace(/\u017f/g, 's').replace(/\u212a/g, 'k');
  return new Set(folded.match(/[a-z0-9]+/g) ?? []);
}

/** Forms by needle, in matcher order, for each matcher (built once per matcher). */
const needleIndexes = new WeakMap<readonly NameForm[], { byNeedle: Map<string, number[]>; always: number[] }>();

function needleIndex(matcher: readonly NameForm[]): { byNeedle: Map<string, number[]>; always: number[] } {
  let index = needleIndexes.get(matcher);
  if (!index) {
    index = { byNeedle: new Map(), always: [] };
    matcher.forEach((form, i) => {
      if (form.needle === undefined) {
        index!.always.push(i);
        return;
      }
      const list = index!.byNeedle.get(form.needle);
      if (list) list.push(i);
      else index!.byNeedle.set(form.needle, [i]);
    });
    needleIndexes.set(matcher, index);
  }
  return index;
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
  const word = (text: string, flags: string) => [`(?<![\\p{L}\\p{N}_@-])${text}(?![\\p{L}\\p{N}_-])`, `gu${flags}`] as const;
  for (const person of people) {
    const names = new Set<string>();
    forms.push(lazyForm(person.id, ...word(escapeRegex(person.name).replace(/\s+/g, '\\s+'), 'i'), person.name));
    forms.push(lazyForm(person.id, ...word(escapeRegex(person.id), 'i'), person.id));
    forms.push(lazyForm(person.id, ...word(escapeRegex(person.github), 'i'), person.github));
    if (person.contacts.slack) forms.push(lazyForm(person.id, `${escapeRegex(person.contacts.slack)}(?![\\p{L}\\p{N}_.-])`, 'giu', person.contacts.slack));
    const first = person.name.split(/\s+/)[0] ?? '';
    if (first.length >= 3 && /^\p{Lu}/u.test(first)) names.add(first);
    for (const name of names) forms.push(lazyForm(person.id, ...word(escapeRegex(name), ''), name));
  }
  return forms;
}

/** Every mention in `text`, in order; overlapping matches keep the longest (the full name over the first name). */
export function findPersonMentions(text: string, matcher: readonly NameForm[]): PersonMention[] {
  const found: PersonMention[] = [];
  // Only forms whose needle is a word of the text can match; checking them in matcher order keeps
  // the result exactly what running every form would give.
  const index = needleIndex(matcher);
  const candidates = [...index.always];
  for (const word of wordsOf(text)) {
    const forms = index.byNeedle.get(word);
    if (forms) candidates.push(...forms);
  }
  candidates.sort((a, b) => a - b);
  for (const i of candidates) {
    const form = matcher[i]!;
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
