import { loadSecretScanner } from '../scripts/incidents/secret-scanner.ts';
import { findSensitive, maskSecret } from '../scripts/incidents/sensitive.ts';
await loadSecretScanner();
const opts = { phoneRegions: ['DE', 'GB', 'US', 'FR'], allowedEmails: new Set(['support@example.com']) };
const samples = [
 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKE',
 'aws_secret_access_key = Tx4s9Bq2Lm7Zp0Wv3Kc8Yd5Rf1Hn6Jg2Ue9Ia4Ob',
 'DB_PASSWORD=Zk8#mQ2vLp9x',
 'curl -H "Authorization: token 3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"',
 'Authorization: Basic dXNlcjpwYXNzd29yZA==',
 'posted to https://hooks.slack.com/services/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 by the bot',
 'token xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789',
 'the stolen npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 token',
 'glpat-AbCdEfGhIjKlMnOpQrSt',
 'pypi-AgEIcHlwaS5vcmcCJGE4ZjU1YjQ1LTk4NTctNDJlZS1hMmEyLTc4MjBlZGU0NzQ1NAACKlszLCI1ZDM0NDk3MS1hMTA1LTRhMzQtOWY5OC0yYjY3ZTI2NmU4MjkiXQAABiB',
 'Cloudflare API key: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9',
 'call 020 7946 0958', 'call 030 1234567', 'call 415 555 2671', 'call 01 23 45 67 89',
 'mail jane dot doe at example dot com', 'mail jane.doe [at] example [dot] com',
 'the counter overflowed at +2147483647 and wrapped', 'password: ********', 'token=${NPM_TOKEN}', 'Authorization: Bearer $ACCESS_TOKEN', 'export TOKEN=$ACCESS_TOKEN',
 'The access token: 2026-10-29', 'ssh root@db1.example.com', 'git clone git@github.com:org/repo', 'write to support@example.com',
 'postgres://ingest:s3cr3t-pass@db.internal:5432/app', 'we looked at the dashboard at 02:14',
];
for (const s of samples) console.log(JSON.stringify(s).slice(0, 60).padEnd(60), findSensitive(s, opts).map((m) => `${m.kind}/${m.detector} [${m.index}] ${maskSecret(m.text, m.kind)} (${m.text.length})`).join(' | '));
