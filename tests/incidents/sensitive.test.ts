import { describe, expect, it } from 'vitest';
import { findSensitive, maskSecret } from '../../scripts/incidents/sensitive.ts';
import { slugify } from '../../scripts/incidents/slug.ts';

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
    const [match, ...rest] = findSensitive(text);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ kind, text: secret, index: text.indexOf(secret) });
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

describe('maskSecret', () => {
  it.each([
    { secret: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789AB', kind: 'github-token', masked: 'ghp_************' },
    { secret: 'hunter22', kind: 'password', masked: '********' },
    { secret: 'jane.doe@client.example.com', kind: 'email', masked: 'j***@c***' },
    { secret: '+49 30 5550 1001', kind: 'phone', masked: '+49***' },
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
