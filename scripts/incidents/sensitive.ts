/**
 * Finds secrets and personal contact details in free text (support practice: never share
 * secrets, tokens or raw credentials; redact e-mails and IDs). Pure and conservative: each pattern
 * is a well-known token format or an explicit `password: ...` style assignment, so ordinary prose
 * about "the access token" is not reported.
 */

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
}

interface Pattern {
  kind: string;
  label: string;
  credential: boolean;
  regex: RegExp;
  /** Text every match contains, checked first: most strings hold none, and a substring test is far cheaper than the regex. */
  needs?: readonly string[];
  /** Capture group holding the secret (0: the whole match). */
  group?: number;
  /** Extra test on the secret, to keep prose out. */
  accept?: (secret: string) => boolean;
}

/** Assignment values must look like a secret, not a word: a digit or symbol in them, or long. */
const looksSecret = (value: string) => /[0-9!#$%&*+/=?^~]/.test(value) || value.length >= 16;

const PATTERNS: readonly Pattern[] = [
  { kind: 'private-key', needs: ['-----BEGIN '], label: 'a private key', credential: true, regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/g },
  { kind: 'github-token', needs: ['_'], label: 'a GitHub token', credential: true, regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'slack-token', needs: ['xox'], label: 'a Slack token', credential: true, regex: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g },
  { kind: 'aws-access-key', needs: ['AKIA', 'ASIA'], label: 'an AWS access key', credential: true, regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'google-api-key', needs: ['AIza'], label: 'a Google API key', credential: true, regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'stripe-key', needs: ['_live_', '_test_'], label: 'a Stripe key', credential: true, regex: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,247}\b/g },
  { kind: 'jwt', needs: ['eyJ'], label: 'a JSON Web Token', credential: true, regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: 'bearer-token', needs: ['Bearer'], label: 'a bearer token', credential: true, regex: /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/g, group: 1 },
  { kind: 'url-password', needs: ['://'], label: 'a password in a URL', credential: true, regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]{3,})@/gi, group: 1 },
  {
    kind: 'password',
    needs: [':', '='],
    label: 'a password',
    credential: true,
    regex: /\b(?:password|passwd|pwd|passphrase)\b\s*[:=]\s*["']?([^\s"',;]{4,})/gi,
    group: 1,
    accept: looksSecret,
  },
  {
    kind: 'api-key',
    needs: [':', '='],
    label: 'an API key or token',
    credential: true,
    regex: /\b(?:api[_-]?key|apikey|secret|client[_-]?secret|access[_-]?key|access[_-]?token|auth[_-]?token|token)\b\s*[:=]\s*["']?([^\s"',;]{8,})/gi,
    group: 1,
    accept: looksSecret,
  },
  { kind: 'email', needs: ['@'], label: 'an e-mail address', credential: false, regex: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/g },
  {
    kind: 'phone',
    label: 'a phone number',
    credential: false,
    // International form (+49 30 5550 1001) or the North American (212) 555-0104 / 212-555-0104.
    regex: /(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d(?:[\s.-]?\d){6,13}(?!\d)|(?<![\w-])(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}(?![\w-])/g,
  },
];

/** Every sensitive span in `text`, in order; of overlapping findings the first (credentials first, then the longest) is kept. */
/** The patterns with match indices on, compiled once (every string of every record is scanned). */
const SCANNERS = PATTERNS.map((pattern) => ({
  pattern,
  regex: new RegExp(pattern.regex.source, pattern.regex.flags.includes('d') ? pattern.regex.flags : `${pattern.regex.flags}d`),
}));

export function findSensitive(text: string): SensitiveMatch[] {
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
      if (pattern.accept && !pattern.accept(secret)) continue;
      found.push({ kind: pattern.kind, label: pattern.label, credential: pattern.credential, index: span[0], text: secret });
    }
  }
  // Where findings overlap, a credential wins over a contact detail (a URL password looks like an e-mail).
  found.sort((a, b) => a.index - b.index || Number(b.credential) - Number(a.credential) || b.text.length - a.text.length);
  const kept: SensitiveMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.index < last.index + last.text.length) continue;
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
    const [local = '', domain = ''] = secret.split('@');
    return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
  }
  if (kind === 'phone') return `${secret.slice(0, secret.startsWith('+') ? 3 : 2)}***`;
  if (kind === 'private-key') return '-----BEGIN *** PRIVATE KEY-----';
  if (secret.length <= 8) return '*'.repeat(secret.length);
  const keep = Math.min(4, Math.floor(secret.length / 5));
  return `${secret.slice(0, keep)}${'*'.repeat(Math.min(12, secret.length - keep))}`;
}
