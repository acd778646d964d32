/**
 * Finds secrets and personal contact details in free text (never share secrets, tokens or raw
 * credentials; redact e-mails and IDs). Pure. Three detectors, each for what it does best:
 *
 * - secretlint's recommended preset (secret-scanner.ts): the token formats it knows;
 * - the patterns below: what the preset misses (credentials assigned to a named key such as
 *   `DB_PASSWORD=...` or "Cloudflare API key: ...", Authorization headers, GitLab and PyPI tokens,
 *   a private key's first line, e-mail addresses, also written out as "jane dot doe at example dot com");
 * - libphonenumber-js (`findNumbers`): phone numbers, international and in the national formats of
 *   the organisation's regions.
 *
 * A value that only stands for a secret is not one: masked (`********`, `<redacted>`), a
 * placeholder (`${NPM_TOKEN}`, `$ACCESS_TOKEN`), or no secret at all ("The access token: 2026-10-29").
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { phoneLibrary } from './phone-library.ts';
import { scanWithSecretlint } from './secret-scanner.ts';

/** Which detector found a span (README "Sensitive data" says what each finds). */
export type Detector = 'secretlint' | 'pattern' | 'libphonenumber';

/** One finding: what it is, and where the sensitive part is in the text. */
export interface SensitiveMatch {
  /** Stable kind, e.g. `github-token`, `email`. */
  kind: string;
  /** How a message names it, e.g. `a GitHub token`. */
  label: string;
  /** Whether it is a credential (rotate it) rather than a personal detail (redact it). */
  credential: boolean;
  /** Offset of the sensitive part in the text. */
  index: number;
  /** The sensitive part itself (never print it: see {@link maskSecret}). */
  text: string;
  detector: Detector;
}

/** What the organisation decides (policy/organisation.yaml `sensitive_data`). */
export interface SensitiveOptions {
  /** Regions whose national phone formats are recognised (ISO 3166 codes); international numbers always are. */
  phoneRegions: readonly string[];
  /** E-mail addresses that may be written (public mailboxes), lower case. */
  allowedEmails: ReadonlySet<string>;
}

export const DEFAULT_SENSITIVE_OPTIONS: SensitiveOptions = { phoneRegions: [], allowedEmails: new Set() };

interface Pattern {
  kind: string;
  label: string;
  credential: boolean;
  regex: RegExp;
  /** Text every match contains (any one of them, case-sensitively), checked first: most strings hold none. */
  needs?: readonly string[];
  /** Capture group holding the secret (0: the whole match). */
  group?: number;
  /** Extra test on the secret (and the text before it), to keep prose out. */
  accept?: (secret: string, before: string) => boolean;
}

/** A value that stands for a secret without being one: masked, redacted, or a variable to be filled in. */
export function standsForSecret(value: string): boolean {
  if (/^(?:\$|%[A-Za-z_]|\{\{|<|\[|\()/.test(value)) return true;
  if (/^[*xX•·#._-]+$/.test(value)) return true;
  return /redacted|\*{3}|^x{4,}$|^(?:none|null|undefined|empty|changeme|example|rotated|revoked|expired)$/i.test(value);
}

/** A password value: not a placeholder, and with a digit or symbol in it, or long (a word alone is prose). */
const looksPassword = (value: string) => !standsForSecret(value) && (/[0-9!#$%&*+/=?^~@]/.test(value) || value.length >= 16);

/** A key or token value: not a placeholder, and letters with digits, or long; a date or a number is not one. */
const looksToken = (value: string) => !standsForSecret(value) && /[A-Za-z]/.test(value) && (/[0-9]/.test(value) || value.length >= 20);

/**
 * A key name before `=` or `:`: the word may end a longer name (`DB_PASSWORD`, `aws_secret_access_key`,
 * `X-Api-Key`), so the name starts after any letters joined by `_` or `-`. It starts where a name
 * starts, so a long identifier is tried once, not from each of its parts.
 */
const KEY_PREFIX = '(?<![A-Za-z0-9_-])(?:[A-Za-z0-9]+[_-])*';
const ASSIGN = `["']?\\s*(?::|=>|=)\\s*["']?`;

const PATTERNS: readonly Pattern[] = [
  { kind: 'private-key', needs: ['-----BEGIN '], label: 'a private key', credential: true, regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/g },
  { kind: 'github-token', needs: ['_'], label: 'a GitHub token', credential: true, regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'gitlab-token', needs: ['gl'], label: 'a GitLab token', credential: true, regex: /\bgl(?:pat|dt|rt|ptt|ft|soat|cbt|imt|agent)-[A-Za-z0-9_-]{20,}/g },
  { kind: 'pypi-token', needs: ['pypi-'], label: 'a PyPI token', credential: true, regex: /\bpypi-[A-Za-z0-9_-]{50,}/g },
  { kind: 'slack-token', needs: ['xox'], label: 'a Slack token', credential: true, regex: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g },
  { kind: 'aws-access-key', needs: ['AKIA', 'ASIA'], label: 'an AWS access key', credential: true, regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'google-api-key', needs: ['AIza'], label: 'a Google API key', credential: true, regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'stripe-key', needs: ['_live_', '_test_'], label: 'a Stripe key', credential: true, regex: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,247}\b/g },
  { kind: 'jwt', needs: ['eyJ'], label: 'a JSON Web Token', credential: true, regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: 'bearer-token', needs: ['Bearer'], label: 'a bearer token', credential: true, regex: /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/g, group: 1 },
  {
    kind: 'authorization-header',
    needs: ['uthorization', 'UTHORIZATION'],
    label: 'a credential in an Authorization header',
    credential: true,
    regex: /\bAuthorization["']?\s*[:=]\s*["']?(?:(?:Basic|Token|Bot|Digest|SSWS|ApiKey|Key)\s+)?([A-Za-z0-9._~+/-]{16,}=*)/gi,
    group: 1,
    accept: (secret) => !standsForSecret(secret) && /[0-9]/.test(secret),
  },
  { kind: 'url-password', needs: ['://'], label: 'a password in a URL', credential: true, regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]{3,})@/gi, group: 1, accept: (secret) => !standsForSecret(secret) },
  {
    kind: 'password',
    needs: [':', '='],
    label: 'a password',
    credential: true,
    regex: new RegExp(`${KEY_PREFIX}(?:password|passwd|pwd|passphrase)${ASSIGN}([^\\s"',;]{4,})`, 'gi'),
    group: 1,
    accept: looksPassword,
  },
  {
    kind: 'api-key',
    needs: [':', '='],
    label: 'an API key or token',
    credential: true,
    // "API key", "access token" and "secret" may be written as words ("Cloudflare API key: ...").
    regex: new RegExp(
      `${KEY_PREFIX}(?:api[ _-]?key|api[ _-]?token|apikey|client[ _-]?secret|secret(?:[ _-]?access)?[ _-]?key|secret|access[ _-]?key(?:[ _-]?id)?|access[ _-]?token|auth[ _-]?token|refresh[ _-]?token|private[ _-]?token|bot[ _-]?token|token)${ASSIGN}([^\\s"',;]{8,})`,
      'gi',
    ),
    group: 1,
    accept: looksToken,
  },
  {
    kind: 'email',
    needs: ['@'],
    label: 'an e-mail address',
    credential: false,
    regex: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b(?!:\S)/g,
    accept: (_address, before) => !LOGIN_COMMAND.test(before.slice(-120)),
  },
  {
    kind: 'email',
    needs: ['at]', 'at)', 'AT]', 'AT)'],
    label: 'an e-mail address',
    credential: false,
    // Written out to fool harvesters, with a bracketed "at": "jane.doe [at] example.com", "jane(at)example(dot)com".
    regex: /(?<![\p{L}\p{N}])[\p{L}\p{N}_%+-]+(?:(?:\s*[[(]dot[\])]\s*|\s+dot\s+|\.)[\p{L}\p{N}_%+-]+){0,3}\s*[[(]at[\])]\s*[A-Za-z0-9-]+(?:(?:\s*[[(]dot[\])]\s*|\s+dot\s+|\.)[A-Za-z0-9-]+){0,4}(?:\s*[[(]dot[\])]\s*|\s+dot\s+|\.)[A-Za-z]{2,24}(?![\p{L}\p{N}])/giu,
  },
  {
    kind: 'email',
    needs: [' dot ', ' DOT '],
    label: 'an e-mail address',
    credential: false,
    // Written out in words: "jane dot doe at example dot com". A plain "at" is everyday prose, so the
    // address must end in a spelt-out "dot" and a top-level domain. Parts are bounded (an address has
    // few), so a text of many "dot"s costs linear time.
    regex: /(?<![\p{L}\p{N}])[\p{L}\p{N}_%+-]+(?:(?:\s+dot\s+|\.)[\p{L}\p{N}_%+-]+){0,3}\s+at\s+[A-Za-z0-9-]+(?:(?:\s+dot\s+|\.)[A-Za-z0-9-]+){0,4}\s+dot\s+(?:com|org|net|edu|gov|int|mil|io|dev|app|info|biz|eu|example|test|[a-z]{2})(?![\p{L}\p{N}])/giu,
  },
];

/** `ssh root@db1.example.com`, `scp file deploy@host:...`: a login to a host, not an e-mail address. */
const LOGIN_COMMAND = /\b(?:ssh|scp|sftp|rsync|mosh|telnet)(?:\s+[^\s@]+)*\s+$/;

/** The patterns with match indices on, compiled once (every string of every record is scanned). */
const SCANNERS = PATTERNS.map((pattern) => ({
  pattern,
  regex: new RegExp(pattern.regex.source, pattern.regex.flags.includes('d') ? pattern.regex.flags : `${pattern.regex.flags}d`),
}));

/** How a message names what secretlint found, by its scanner (and message id where one scanner finds several things). */
const SECRETLINT_KINDS: Record<string, { kind: string; label: string }> = {
  aws: { kind: 'aws-secret-key', label: 'an AWS secret access key' },
  'aws:AWSAccessKeyID': { kind: 'aws-access-key', label: 'an AWS access key' },
  gcp: { kind: 'gcp-key', label: 'a Google Cloud service-account key' },
  privatekey: { kind: 'private-key', label: 'a private key' },
  npm: { kind: 'npm-token', label: 'an npm token' },
  basicauth: { kind: 'url-password', label: 'a password in a URL' },
  slack: { kind: 'slack-token', label: 'a Slack token' },
  'slack:IncomingWebhook': { kind: 'slack-webhook', label: 'a Slack webhook URL' },
  sendgrid: { kind: 'sendgrid-key', label: 'a SendGrid API key' },
  shopify: { kind: 'shopify-token', label: 'a Shopify token' },
  github: { kind: 'github-token', label: 'a GitHub token' },
  openai: { kind: 'openai-key', label: 'an OpenAI API key' },
  anthropic: { kind: 'anthropic-key', label: 'an Anthropic API key' },
  linear: { kind: 'linear-key', label: 'a Linear API key' },
  '1password': { kind: '1password-token', label: 'a 1Password service-account token' },
  'database-connection-string': { kind: 'url-password', label: 'a password in a database connection string' },
};

function fromSecretlint(text: string): SensitiveMatch[] {
  return scanWithSecretlint(text).map((finding) => {
    const named = SECRETLINT_KINDS[`${finding.rule}:${finding.messageId}`] ?? SECRETLINT_KINDS[finding.rule] ?? { kind: `secretlint-${finding.rule}`, label: 'a secret' };
    return { ...named, credential: true, index: finding.index, text: finding.text, detector: 'secretlint' as const };
  });
}

function fromPatterns(text: string, options: SensitiveOptions): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  for (const { pattern, regex } of SCANNERS) {
    if (pattern.needs && !pattern.needs.some((needle) => text.includes(needle))) continue;
    // Every pattern is global, so exec from 0 finds what matchAll finds (stepping past an empty match as it does).
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (match[0] === '') regex.lastIndex++;
      const group = pattern.group ?? 0;
      const secret = match[group];
      const span = match.indices?.[group];
      if (secret === undefined || span === undefined) continue;
      if (pattern.accept && !pattern.accept(secret, text.slice(0, span[0]))) continue;
      if (pattern.kind === 'email' && options.allowedEmails.has(secret.toLowerCase())) continue;
      found.push({ kind: pattern.kind, label: pattern.label, credential: pattern.credential, index: span[0], text: secret, detector: 'pattern' });
    }
  }
  return found;
}

/** A date written with digits (2026-10-29, 29.10.2026, 10/29/2026), which some regions' numbering plans also allow. */
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})$/;

/** Dotted numbers with a one-digit part (1.323.0, 2026.10.29.1) are versions: phone numbers group their digits by two or more. */
const VERSION_LIKE = /\.\d(?!\d)/;

/** A phone number is a word of its own: not part of an identifier, a path or a URL (CVE-2021-44228, /v2/1234567). */
function standsAlone(text: string, start: number, end: number): boolean {
  return !/[\p{L}\p{N}_\-/.=#@&?%+]/u.test(text[start - 1] ?? ' ') && !/[\p{L}\p{N}_\-/=#@&%]/u.test(text[end] ?? ' ');
}

function unbalanced(written: string): boolean {
  return (written.match(/\(/g) ?? []).length !== (written.match(/\)/g) ?? []).length;
}

const LEADING_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The most digit runs of one text that are read for phone numbers. */
const MAX_PHONE_RUNS = 200;

/** A run of digits and the separators phone numbers are written with, where a number may be (no number is longer). */
const DIGIT_RUN = /[+(]?\d[\d \t().\-/]{0,24}\d\)?/g;

/** At least seven digits close together: anything less is no phone number, and most texts are skipped at once. */
const MAYBE_PHONE = /\d(?:[\s().\-/]{0,3}\d){6}/;

/**
 * Phone numbers libphonenumber-js accepts as valid (its full metadata; `findNumbers`' default leniency is VALID): every number written with
 * a country code, and national numbers of each of `regions`. A bare run of digits with neither `+`
 * nor any grouping (`2147483647`) is a counter or an id far more often than a phone number, and is
 * left alone.
 */
function fromPhoneNumbers(text: string, regions: readonly string[]): SensitiveMatch[] {
  if (!MAYBE_PHONE.test(text)) return [];
  const { findNumbers, isSupportedCountry } = phoneLibrary();
  const found = new Map<number, SensitiveMatch>();
  const supported = regions.filter((region): region is CountryCode => isSupportedCountry(region));
  // libphonenumber reads each run of digits and separators on its own: a long text costs what its
  // digit runs cost, not its length times the number of regions.
  let read = 0;
  for (const run of text.matchAll(DIGIT_RUN)) {
    // Timestamps make most digit runs of a post-mortem: a date and what little follows it is no phone number.
    if (!MAYBE_PHONE.test(run[0].replace(LEADING_DATE, ''))) continue;
    // Digits one by one ("1 2 3 4 5 6 7") are a list, not a number.
    const groups = run[0].match(/\d+/g)!;
    if (groups.filter((g) => g.length === 1).length > 2) continue;
    // libphonenumber costs up to a few milliseconds a run: a text with more such runs than any
    // post-mortem holds (a data dump) is read up to this many, so a hostile file cannot stall validation.
    if (++read > MAX_PHONE_RUNS) break;
    // With a little of the text around it, so libphonenumber's own checks of what comes before and after still apply.
    const offset = Math.max(0, (run.index ?? 0) - 12);
    const candidate = text.slice(offset, (run.index ?? 0) + run[0].length + 12);
    for (const region of supported.length > 0 ? supported : [undefined]) {
      for (const number of findNumbers(candidate, { ...(region ? { defaultCountry: region } : {}), v2: true })) {
        const start = offset + number.startsAt;
        const end = offset + number.endsAt;
        const written = text.slice(start, end);
        if (!/^[+(]/.test(written) && !/\d[\s.\-/()]+\d/.test(written)) continue;
        if (DATE_LIKE.test(written) || !standsAlone(text, start, end) || VERSION_LIKE.test(written) || unbalanced(written)) continue;
        const known = found.get(start);
        if (!known || known.text.length < written.length) {
          found.set(start, { kind: 'phone', label: 'a phone number', credential: false, index: start, text: written, detector: 'libphonenumber' });
        }
      }
    }
  }
  return [...found.values()];
}

/**
 * Every sensitive span in `text`, in order. Where findings overlap one is kept: a credential over a
 * contact detail (a URL password looks like an e-mail), then the earlier and the longer, then the
 * library's finding over a pattern's.
 */
export function findSensitive(text: string, options: SensitiveOptions = DEFAULT_SENSITIVE_OPTIONS): SensitiveMatch[] {
  return keepOnePerSpan([...fromSecretlint(text), ...fromPatterns(text, options), ...fromPhoneNumbers(text, options.phoneRegions)]);
}

function keepOnePerSpan(found: SensitiveMatch[]): SensitiveMatch[] {
  found.sort((a, b) => a.index - b.index || Number(b.credential) - Number(a.credential) || b.text.length - a.text.length);
  const kept: SensitiveMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.index < last.index + last.text.length) {
      // A credential that starts inside a contact detail's span still wins (`user:pass@host` read as an e-mail first).
      if (match.credential && !last.credential) kept[kept.length - 1] = match;
      continue;
    }
    kept.push(match);
  }
  return kept;
}

/**
 * A secret shown safely: enough of its start to recognise it (`ghp_****`, `g***@e***`, `+49 ***`),
 * never enough to use it.
 */
export function maskSecret(secret: string, kind?: string): string {
  if (kind === 'email') {
    const at = /@|\s*[[(]at[\])]\s*|\s+at\s+/i.exec(secret);
    const local = at ? secret.slice(0, at.index) : secret;
    const domain = at ? secret.slice(at.index + at[0].length) : '';
    return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
  }
  if (kind === 'phone') return `${secret.slice(0, secret.startsWith('+') ? 3 : 2)}***`;
  if (kind === 'private-key') return '-----BEGIN *** PRIVATE KEY-----';
  if (kind === 'slack-webhook') return 'https://hooks.slack.com/services/***';
  if (secret.length <= 8) return '*'.repeat(secret.length);
  const keep = Math.min(4, Math.floor(secret.length / 5));
  return `${secret.slice(0, keep)}${'*'.repeat(Math.min(12, secret.length - keep))}`;
}

/** Nothing sensitive is shorter (`a@b.io`). */
const MIN_SENSITIVE_LENGTH = 6;

/** A date or a date-time alone (`2026-10-14T09:42:00+02:00`): nothing to find in it. */
const PLAIN_VALUE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * {@link findSensitive} over the string values of one document, each value's findings apart.
 * secretlint reads them all at once (one call per document instead of one per value: its scanners
 * cost the same on a short text as on a long one); a finding that would run from one value into
 * the next is not a finding in either.
 */
export function findSensitiveInValues(values: readonly string[], options: SensitiveOptions = DEFAULT_SENSITIVE_OPTIONS): SensitiveMatch[][] {
  const SEPARATOR = '\n\n';
  // Many values of a record are short codes and date-times, which hold nothing sensitive.
  const worthReading = values.map((value) => value.length >= MIN_SENSITIVE_LENGTH && !PLAIN_VALUE.test(value));
  const starts: number[] = [];
  let offset = 0;
  for (const value of values) {
    starts.push(offset);
    offset += value.length + SEPARATOR.length;
  }
  const library: SensitiveMatch[][] = values.map(() => []);
  if (values.length > 0) {
    for (const match of fromSecretlint(values.join(SEPARATOR))) {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > match.index) i--;
      const index = match.index - starts[i]!;
      if (index + match.text.length <= values[i]!.length) library[i]!.push({ ...match, index });
    }
  }
  return values.map((value, i) =>
    worthReading[i] ? keepOnePerSpan([...library[i]!, ...fromPatterns(value, options), ...fromPhoneNumbers(value, options.phoneRegions)]) : library[i]!,
  );
}
