/**
 * Finds people named in free text: full names, @-mentions (GitHub logins and Slack handles), person
 * ids, and single words that stand for a person (a first name, or a handle or login written without
 * its @). Used by the blameless-language rule.
 *
 * A single word is a person only where it is used as one, because many first names are ordinary
 * words ("Grace period", "Jan 2018", "the Hugo static site builder"): see {@link usedAsPerson}.
 * Matching ignores diacritics ("Soren" is Søren) and sees through Markdown emphasis (`_Sean_`).
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
   * The form's first run of ASCII letters and digits, lower case (after folding diacritics). A text
   * can only mention the form if it holds that run as a whole word (see {@link wordsOf}), so the
   * form's regex needs to run only then; without a needle it always runs.
   */
  needle?: string;
  /** A single word that may also be an ordinary word: it counts only where used as a person. */
  ambiguous: boolean;
}

/** What the organisation says about names (policy/organisation.yaml `blameless_language`). */
export interface NameOptions {
  /** Words never taken for a first name or a bare handle, lower case. */
  notNames: ReadonlySet<string>;
}

/**
 * A text without diacritics, with a map from each of its characters back to the original: "Søren"
 * and "Soren" read alike, and positions still point into the text as written.
 */
export interface FoldedText {
  text: string;
  /** Offset in the original of each character of `text` (plus one entry for the end). */
  origin: number[];
}

const LETTER_FOLDS: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i' };

export function foldDiacritics(text: string): FoldedText {
  // Most texts are ASCII: nothing to fold.
  if (/^[\x00-\x7f]*$/.test(text)) return { text, origin: [] };
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const folded = LETTER_FOLDS[char] ?? (char.charCodeAt(0) < 0x80 ? char : char.normalize('NFD').replace(/\p{M}/gu, ''));
    for (let k = 0; k < folded.length; k++) origin.push(i);
    out += folded;
  }
  origin.push(text.length);
  return { text: out, origin };
}

function originOf(folded: FoldedText, index: number): number {
  return folded.origin.length === 0 ? index : folded.origin[index]!;
}

function lazyForm(person: string, source: string, flags: string, text: string, ambiguous: boolean): NameForm {
  let regex: RegExp | undefined;
  const needle = needleOf(text);
  return {
    person,
    ambiguous,
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

/** A plain word (letters only): as a name it may also be an ordinary word. */
const PLAIN_WORD = /^\p{L}+$/u;

/**
 * Compiled name forms for everyone in people.yaml. Names are matched as whole words, a Markdown
 * emphasis mark (`_`, `*`) counting as a word boundary: full names, ids, logins and handles in any
 * case; first names only capitalised. A single plain word (a first name, `ross` as an id, `dana`
 * from the handle `@dana`) is marked ambiguous: it counts only where it is used as a person.
 */
export function nameMatcher(people: SchemaTypes['people']['people']): NameForm[] {
  const forms: NameForm[] = [];
  // No letter, digit, @ or hyphen around it, and no underscore or dot joining it to a word: `DB_Sean`,
  // `sean.doyle@example.com` and `sean@example.com` are no names.
  const word = (text: string, flags: string) =>
    [`(?<![\\p{L}\\p{N}@.-])(?<![\\p{L}\\p{N}]_)${text}(?![\\p{L}\\p{N}@-])(?![_.][\\p{L}\\p{N}])`, `gu${flags}`] as const;
  const add = (person: string, text: string, caseInsensitive: boolean, ambiguous: boolean) => {
    const folded = foldDiacritics(text).text;
    forms.push(lazyForm(person, ...word(escapeRegex(folded).replace(/\s+/g, '\\s+'), caseInsensitive ? 'i' : ''), folded, ambiguous));
  };
  const mention = (person: string, handle: string) => {
    const folded = foldDiacritics(handle).text;
    forms.push(lazyForm(person, `(?<![\\p{L}\\p{N}_@])${escapeRegex(folded)}(?![\\p{L}\\p{N}_-])(?!\\.[\\p{L}\\p{N}])`, 'giu', folded, false));
  };
  for (const person of people) {
    const fullName = person.name.trim();
    add(person.id, fullName, true, PLAIN_WORD.test(fullName));
    if (person.id !== fullName.toLowerCase()) add(person.id, person.id, true, PLAIN_WORD.test(person.id));
    mention(person.id, `@${person.github}`);
    if (person.github.toLowerCase() !== person.id.toLowerCase()) add(person.id, person.github, true, PLAIN_WORD.test(person.github));
    const slack = person.contacts.slack;
    if (slack) {
      mention(person.id, slack);
      const bare = slack.replace(/^@/, '');
      if (bare.toLowerCase() !== person.id.toLowerCase() && bare.toLowerCase() !== person.github.toLowerCase()) add(person.id, bare, true, PLAIN_WORD.test(bare));
    }
    const first = fullName.split(/\s+/)[0] ?? '';
    if (first !== fullName && first.length >= 3 && /^\p{Lu}/u.test(first)) add(person.id, first, false, true);
  }
  return forms;
}

/** Words after which a following capitalised word is not a person: it names a thing ("the Hugo builder"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'my', 'his', 'her', 'every', 'each', 'any', 'some', 'no', 'which', 'whose']);

/** Words before a person: prepositions and verbs that take one ("approved by Chen", "paged Dana"). */
const BEFORE_PERSON = new Set(['by', 'to', 'with', 'from', 'for', 'asked', 'told', 'pinged', 'paged', 'called', 'thanked', 'cc', 'and', 'or', 'nor', 'than', 'like', 'whom', 'ask', 'tell', 'ping', 'page', 'thank']);

/**
 * Words that follow a person who acts: auxiliaries, common irregular past tenses, adverbs and
 * negations. Regular past tenses (-ed) and -ly adverbs are recognised by their ending.
 */
const AFTER_PERSON = new Set([
  'was', 'were', 'is', 'has', 'had', 'did', 'does', 'didn’t', "didn't", "wasn't", "hadn't", "hasn't", "isn't", "doesn't", "couldn't", "wouldn't", "shouldn't",
  'should', 'could', 'would', 'will', 'can', 'cannot', 'must', 'might', 'also', 'then', 'just', 'never', 'not', 'still', 'again', 'alone', 'himself', 'herself', 'themselves',
  'forgot', 'ran', 'made', 'took', 'broke', 'wrote', 'said', 'saw', 'knew', 'left', 'put', 'set', 'let', 'got', 'gave', 'sent', 'built', 'found', 'thought', 'told',
  'chose', 'went', 'began', 'brought', 'caught', 'drove', 'felt', 'held', 'kept', 'lost', 'meant', 'met', 'paid', 'read', 'shut', 'spent', 'stood', 'understood',
  'won', 'overrode', 'undid', 'misread', 'forgets', 'ignores', 'says', 'thinks', 'who', 'and', 'or',
]);

function isActionWord(word: string): boolean {
  const lower = word.toLowerCase();
  return AFTER_PERSON.has(lower) || /^[a-z]{3,}ed$/.test(lower) || /^[a-z]{3,}ly$/.test(lower) || /n[’']t$/.test(lower);
}

const EMPHASIS = /[_*~]/;

/**
 * Whether a single word at [start, end) of `text` is used as a person rather than as an ordinary
 * word. It is not after a determiner ("the Hugo static site builder") or before a number
 * ("Jan 2018", "Jan 14"); it is after a word that takes a person ("approved by Chen"), before a
 * possessive ("Sean's change") or before a verb ("Chen forgot", "_Sean_ ignored"); before another
 * word ("Grace period", "Hugo builder") it is not.
 */
export function usedAsPerson(text: string, start: number, end: number): boolean {
  let before = start;
  while (before > 0 && EMPHASIS.test(text[before - 1]!)) before--;
  const previousWord = /([\p{L}’']+)[\s]*$/u.exec(text.slice(Math.max(0, before - 40), before))?.[1]?.toLowerCase();
  const rest = text.slice(end, end + 60).replace(/^[_*~]+/, '');
  if (/^[’']s\b/.test(rest)) return true;
  const justBefore = text.slice(Math.max(0, before - 2), before);
  if (previousWord !== undefined && /\s$/.test(justBefore) && DETERMINERS.has(previousWord)) return false;
  if (/^\s*[,.;:]?\s*\d/.test(rest)) return false;
  if (previousWord !== undefined && /\s$/.test(justBefore) && BEFORE_PERSON.has(previousWord)) return true;
  const next = /^\s+([\p{L}’']+)/u.exec(rest)?.[1];
  if (next === undefined) return false;
  if (/^\p{Lu}/u.test(next)) return false;
  return isActionWord(next);
}

/**
 * Every mention in `text`, in order; overlapping matches keep the longest (the full name over the
 * first name). Single words count only where used as a person (see {@link usedAsPerson}), and never
 * when the organisation lists them in `notNames`.
 */
export function findPersonMentions(text: string, matcher: readonly NameForm[], options: NameOptions = { notNames: new Set() }): PersonMention[] {
  const folded = foldDiacritics(text);
  const found: PersonMention[] = [];
  // Only forms whose needle is a word of the text can match; checking them in matcher order keeps
  // the result exactly what running every form would give.
  const index = needleIndex(matcher);
  const candidates = [...index.always];
  for (const word of wordsOf(folded.text)) {
    const forms = index.byNeedle.get(word);
    if (forms) candidates.push(...forms);
  }
  candidates.sort((a, b) => a - b);
  for (const i of candidates) {
    const form = matcher[i]!;
    for (const match of folded.text.matchAll(form.regex)) {
      const at = match.index ?? 0;
      if (form.ambiguous && (options.notNames.has(match[0].toLowerCase()) || !usedAsPerson(folded.text, at, at + match[0].length))) continue;
      const from = originOf(folded, at);
      const to = originOf(folded, at + match[0].length);
      found.push({ person: form.person, text: text.slice(from, to), index: from });
    }
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
