import { describe, expect, it } from 'vitest';
import { loadRuleLibraries } from '../../scripts/check/rule-libraries.ts';
import { findSensitive, findSensitiveInValues, maskSecret, type SensitiveOptions } from '../../scripts/incidents/sensitive.ts';
import { regionsOfPeople } from '../../scripts/incidents/sensitive-options.ts';
import { slugify } from '../../scripts/incidents/slug.ts';

await loadRuleLibraries({ markdown: false, secrets: true });

/** An organisation in Germany with people in the UK, the US and France, and a public support mailbox. */
const ORGANISATION: SensitiveOptions = { phoneRegions: ['DE', 'GB', 'US', 'FR'], allowedEmails: new Set(['support@example.com']) };

// Credentials, phone numbers and e-mail addresses that real post-mortems leaked or nearly leaked:
// each must be found, at exactly the secret, by the detector named.
const MISSES = [
  { text: 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY', kind: 'aws-secret-key', detector: 'secretlint', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY' },
  { text: 'aws_secret_access_key = Tx4s9Bq2Lm7Zp0Wv3Kc8Yd5Rf1Hn6Jg2Ue9Ia4Ob', kind: 'aws-secret-key', detector: 'secretlint', secret: 'Tx4s9Bq2Lm7Zp0Wv3Kc8Yd5Rf1Hn6Jg2Ue9Ia4Ob' },
  { text: 'AWS_SECRET_ACCESS_KEY=Tx4s9Bq2Lm7Zp0Wv3Kc8', kind: 'api-key', detector: 'pattern', secret: 'Tx4s9Bq2Lm7Zp0Wv3Kc8' },
  { text: 'DB_PASSWORD=Zk8#mQ2vLp9x', kind: 'password', detector: 'pattern', secret: 'Zk8#mQ2vLp9x' },
  { text: 'curl -H "Authorization: token 3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a" https://api.github.com', kind: 'authorization-header', detector: 'pattern', secret: '3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a' },
  { text: 'Authorization: Basic ZGVwbG95OlMzY3IzdC1wYXNz', kind: 'authorization-header', detector: 'pattern', secret: 'ZGVwbG95OlMzY3IzdC1wYXNz' },
  { text: 'alerts went to https://hooks.slack.com/services/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 all night', kind: 'slack-webhook', detector: 'secretlint', secret: 'https://hooks.slack.com/services/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' },
  { text: 'app token xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789', kind: 'slack-token', detector: 'secretlint', secret: 'xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789' },
  { text: 'the worm published with npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 from CI', kind: 'npm-token', detector: 'secretlint', secret: 'npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789' },
  { text: 'runner registered with glpat-AbCdEfGhIjKlMnOpQrSt', kind: 'gitlab-token', detector: 'pattern', secret: 'glpat-AbCdEfGhIjKlMnOpQrSt' },
  { text: 'upload with pypi-AgEIcHlwaS5vcmcCJGE4ZjU1YjQ1LTk4NTctNDJlZS1hMmEyLTc4MjBlZGU0NzQ1NAACKlsz', kind: 'pypi-token', detector: 'pattern', secret: 'pypi-AgEIcHlwaS5vcmcCJGE4ZjU1YjQ1LTk4NTctNDJlZS1hMmEyLTc4MjBlZGU0NzQ1NAACKlsz' },
  { text: 'Cloudflare API key: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9', kind: 'api-key', detector: 'pattern', secret: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9' },
  { text: 'London desk: 020 7946 0958', kind: 'phone', detector: 'libphonenumber', secret: '020 7946 0958' },
  { text: 'Berlin desk: 030 1234567', kind: 'phone', detector: 'libphonenumber', secret: '030 1234567' },
  { text: 'SF desk: 415 555 2671', kind: 'phone', detector: 'libphonenumber', secret: '415 555 2671' },
  { text: 'Paris desk: 01 23 45 67 89', kind: 'phone', detector: 'libphonenumber', secret: '01 23 45 67 89' },
  { text: 'write to jane dot doe at example dot com', kind: 'email', detector: 'pattern', secret: 'jane dot doe at example dot com' },
  { text: 'write to jane.doe [at] example [dot] com', kind: 'email', detector: 'pattern', secret: 'jane.doe [at] example [dot] com' },
] as const;

// Text that looks sensitive and is not: each must give no finding.
const FALSE_ALARMS = [
  'The counter is a signed 32-bit integer: at +2147483647 it wrapped to -2147483648.',
  'password: ********',
  'echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm publish token=${NPM_TOKEN}',
  'curl -H "Authorization: Bearer $ACCESS_TOKEN" https://api.example.com',
  'export TOKEN=$ACCESS_TOKEN',
  'The access token: 2026-10-29',
  'ssh root@db1.example.com',
  'ssh -i ~/.ssh/ops.pem root@db1.example.com',
  'git clone git@github.com:org/repo.git',
  'Customers wrote to support@example.com and SUPPORT@example.com.',
] as const;

describe('findSensitive', () => {
  it.each([
    { text: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB leaked', kind: 'github-token', secret: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789AB' },
    { text: 'use github_pat_11ABCDEFG0123456789_abcdefghijklmnop', kind: 'github-token', secret: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop' },
    { text: 'slack xoxb-123456789012-abcdefghijkl', kind: 'slack-token', secret: 'xoxb-123456789012-abcdefghijkl' },
    { text: 'key AKIAIOSFODNN7EXAMPLE in env', kind: 'aws-access-key', secret: 'AKIAIOSFODNN7EXAMPLE' },
    { text: 'maps AIzaSyA1234567890abcdefghijklmnopqrstuv', kind: 'google-api-key', secret: 'AIzaSyA1234567890abcdefghijklmnopqrstuv' },
    { text: 'stripe sk_live_51Habcdefghijklmnop', kind: 'stripe-key', secret: 'sk_live_51Habcdefghijklmnop' },
    { text: 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', kind: 'jwt', secret: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U' },
    { text: 'curl -H "Authorization: Bearer abcDEF123456ghiJKL789"', kind: 'bearer-token', secret: 'abcDEF123456ghiJKL789' },
    { text: 'postgres://ingest:s3cr3t-pass@db.internal:5432/app', kind: 'url-password', secret: 's3cr3t-pass' },
    { text: 'password: hunter22', kind: 'password', secret: 'hunter22' },
    { text: 'PWD=Tr0ub4dor&3', kind: 'password', secret: 'Tr0ub4dor&3' },
    { text: 'api_key = "9f8e7d6c5b4a3210"', kind: 'api-key', secret: '9f8e7d6c5b4a3210' },
    { text: '-----BEGIN OPENSSH PRIVATE KEY-----', kind: 'private-key', secret: '-----BEGIN OPENSSH PRIVATE KEY-----' },
    { text: 'mail jane.doe+ops@client.example.com now', kind: 'email', secret: 'jane.doe+ops@client.example.com' },
    { text: 'call +49 30 5550 1001 at night', kind: 'phone', secret: '+49 30 5550 1001' },
    { text: 'call (212) 555-0104 at night', kind: 'phone', secret: '(212) 555-0104' },
    { text: 'call 212-555-0104 at night', kind: 'phone', secret: '212-555-0104' },
  ])('finds $kind', ({ text, kind, secret }) => {
    const [match, ...rest] = findSensitive(text, ORGANISATION);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ kind, text: secret, index: text.indexOf(secret) });
  });

  it.each(MISSES)('finds $kind in $text ($detector)', ({ text, kind, detector, secret }) => {
    expect(findSensitive(text, ORGANISATION)).toEqual([expect.objectContaining({ kind, detector, text: secret, index: text.indexOf(secret) })]);
  });

  it.each(FALSE_ALARMS)('finds nothing in %j', (text) => {
    expect(findSensitive(text, ORGANISATION)).toEqual([]);
  });

  it('finds national phone formats only for the regions given', () => {
    expect(findSensitive('London desk: 020 7946 0958', { ...ORGANISATION, phoneRegions: ['DE'] })).toEqual([]);
    expect(findSensitive('London desk: +44 20 7946 0958', { ...ORGANISATION, phoneRegions: [] })).toEqual([expect.objectContaining({ kind: 'phone', text: '+44 20 7946 0958' })]);
  });

  it('allows only the mailboxes listed', () => {
    expect(findSensitive('write to help@example.com', ORGANISATION)).toEqual([expect.objectContaining({ kind: 'email', text: 'help@example.com' })]);
  });

  it('scans the values of a document apart: a finding never runs from one value into the next', () => {
    const values = ['deployed with', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY', 'call 030 1234567'];
    expect(findSensitiveInValues(values, ORGANISATION).map((found) => found.map((m) => [m.kind, m.index, m.text]))).toEqual([
      [],
      [['aws-secret-key', 22, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY']],
      [['phone', 5, '030 1234567']],
    ]);
  });

  it.each([
    'The blob storage access token expired at 02:00 and nothing rotated it.',
    'Detected 2026-10-29T02:14:00+01:00, resolved 2026-10-29T03:06:00+01:00.',
    'Error rate 23% over 5 minutes; 31 clients; +1 reviewer; ticket 4821.',
    'token: rotated',
    'password: <redacted>',
    'the password policy was unclear',
    'pagerduty:kavya-iyer and @kavya on Slack',
    'Run `npm run oncall -- new postmortem --incident 2026-10-29-ingestion-outage`.',
    'Version 1.2.3 of the worker; build 2026.10.29.1',
  ])('finds nothing in %j', (text) => {
    expect(findSensitive(text)).toEqual([]);
  });

  it('keeps one finding where patterns overlap', () => {
    const text = 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(findSensitive(text).map((m) => m.kind)).toEqual(['jwt']);
  });
});

describe('regionsOfPeople', () => {
  it('gives the regions of international numbers, most common first', () => {
    expect(regionsOfPeople(['+49 30 5550 1001', '+44 20 7946 0958', '+49 30 5550 1002', 'not a number'])).toEqual(['DE', 'GB']);
    // +44 20 5550 ... is no valid London number, but +44 is the United Kingdom's code all the same.
    expect(regionsOfPeople(['+44 20 5550 1016', '+1 212 555 0104'])).toEqual(['GB', 'US']);
  });
});

describe('maskSecret', () => {
  it.each([
    { secret: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789AB', kind: 'github-token', masked: 'ghp_************' },
    { secret: 'hunter22', kind: 'password', masked: '********' },
    { secret: 'jane.doe@client.example.com', kind: 'email', masked: 'j***@c***' },
    { secret: '+49 30 5550 1001', kind: 'phone', masked: '+49***' },
    { secret: '020 7946 0958', kind: 'phone', masked: '02***' },
    { secret: 'jane dot doe at example dot com', kind: 'email', masked: 'j***@e***' },
    { secret: 'https://hooks.slack.com/services/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', kind: 'slack-webhook', masked: 'https://hooks.slack.com/services/***' },
  ])('masks $kind', ({ secret, kind, masked }) => {
    expect(maskSecret(secret, kind)).toBe(masked);
  });
});

describe('slugify', () => {
  it.each([
    { title: 'Full ingestion outage!', slug: 'full-ingestion-outage' },
    { title: '  Störung: große Uploads  ', slug: 'storung-grosse-uploads' },
    { title: 'Error rate > 20% for beta workspaces after a schema migration', slug: 'error-rate-20-for-beta-workspaces-after-a-schema' },
    { title: 'x'.repeat(80), slug: 'x'.repeat(51) },
    { title: '🔥🔥', slug: '' },
  ])('$title', ({ title, slug }) => {
    expect(slugify(title)).toBe(slug);
    expect(slugify(title).length).toBeLessThanOrEqual(51);
  });
});
