/**
 * Blame without a name, and the words that turn a mention of a person into blame. A small list on
 * purpose: each entry is wording that post-mortem guides (Google SRE's "Blameless postmortem
 * culture", Etsy's "Blameless PostMortems and a Just Culture") name as blaming, with a rewrite that
 * describes the system instead. README "Blameless language" lists them.
 */

/** One blaming phrase found in a text. */
export interface BlamePhrase {
  /** The words as written. */
  text: string;
  index: number;
  /** How to say it without blame. */
  rewrite: string;
}

interface PhraseRule {
  regex: RegExp;
  rewrite: string;
}

const ROLE = '(?:developer|engineer|operator|admin(?:istrator)?|on-?call(?:\\s+engineer)?|intern|contractor|dev|sre|reviewer|responder|new\\s+hire|junior|person|someone|somebody|user)';
const FAULT = '(?:forgot|ignored|neglected|failed\\s+to|did\\s+not\\s+bother|didn[’\']t\\s+bother|messed\\s+up|screwed\\s+up|should\\s+have|carelessly|mistakenly|blindly|was\\s+careless|was\\s+negligent)';

const PHRASES: readonly PhraseRule[] = [
  {
    regex: /\b(?:human|operator|user|pilot|engineer|developer)\s+error\b/gi,
    rewrite: 'Say which condition let the slip through (a step the runbook left out, a check that did not exist) instead of calling it human error.',
  },
  {
    regex: new RegExp(`\\b(?:the|a|an|one|our|that|this)\\s+(?:careless\\s+|new\\s+|junior\\s+)?${ROLE}s?\\s+${FAULT}\\b`, 'gi'),
    rewrite: 'Describe the missing safeguard instead of the person, e.g. "the deploy checklist had no step for the migration".',
  },
  {
    regex: /\bshould(?:n[’']t|\s+not)?\s+have\s+(?:known\s+better|known|noticed|caught|checked|seen|realised|realized|double-checked)\b/gi,
    rewrite: 'Ask what would have made it visible, e.g. "the dashboard did not show the queue depth".',
  },
  {
    // Not "lazy": in engineering prose it is lazy loading or evaluation far more often than blame.
    regex: /\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppiness|incompeten(?:t|ce))\b/gi,
    rewrite: 'Describe the conditions (time pressure, a missing review, an unclear runbook) rather than anyone\'s care.',
  },
  {
    regex: /\b(?:(?:his|her|their|someone[’']s|somebody[’']s)\s+fault|(?:was|is)\s+to\s+blame|blame\s+(?:lies|rests)\s+with|fat[- ]finger(?:ed|s)?)\b/gi,
    rewrite: 'Say what the system allowed (a command without confirmation, a missing guard) instead of whose fault it was.',
  },
];

/** Every blaming phrase in `text`, in order. */
export function findBlamePhrases(text: string): BlamePhrase[] {
  const found: BlamePhrase[] = [];
  for (const { regex, rewrite } of PHRASES) {
    for (const match of text.matchAll(regex)) found.push({ text: match[0], index: match.index ?? 0, rewrite });
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  return found.filter((phrase, i) => i === 0 || phrase.index >= found[i - 1]!.index + found[i - 1]!.text.length);
}

/** What a named person did, when it is blame: "Sean ignored", "Chen forgot to", "Dana accidentally". */
const BLAME_AFTER_NAME = /^[_*~]*(?:[’']s)?\s+(?:(?:\w+ly|just|then|also|simply)\s+)?(forgot|ignored|neglected|overlooked|missed|failed\s+to|did\s+not\s+bother|didn[’']t\s+bother|messed\s+up|screwed\s+up|broke|caused|mistakenly|carelessly|accidentally|should\s+have|shouldn[’']t\s+have|was\s+careless|was\s+negligent|blundered)\b/i;

/** The blaming words right after a mention of a person that ends at `end` (and where they end), or undefined. */
export function blameAfter(text: string, end: number): { words: string; end: number } | undefined {
  const match = BLAME_AFTER_NAME.exec(text.slice(end, end + 80));
  return match?.[1] === undefined ? undefined : { words: match[1], end: end + match[0].length };
}
