import { lintSource } from '@secretlint/core';
import { creator as preset } from '@secretlint/secretlint-rule-preset-recommend';
const samples = [
 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
 'aws_secret_access_key = Tx4s9Bq2Lm7Zp0Wv3Kc8Yd5Rf1Hn6Jg2Ue9Ia4Ob',
 'DB_PASSWORD=Zk8#mQ2vLp9x',
 'Authorization: token 3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a',
 'Authorization: Basic dXNlcjpwYXNzd29yZA==',
 'webhook https://hooks.slack.com/services/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',
 'token xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789',
 'npm token npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
 'glpat-AbCdEfGhIjKlMnOpQrSt',
 'pypi-AgEIcHlwaS5vcmcCJGE4ZjU1YjQ1LTk4NTctNDJlZS1hMmEyLTc4MjBlZGU0NzQ1NAACKlszLCI1ZDM0NDk3MS1hMTA1LTRhMzQtOWY5OC0yYjY3ZTI2NmU4MjkiXQAABiB',
 'Cloudflare API key: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9',
 'ghp_R2d2C3poBb8Yoda0Luke1Leia2Han3Solo4Chewie',
 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
 'postgres://ingest:s3cr3t-pass@db.internal:5432/app',
 'https://user:hunter22@example.com/',
 '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAw\n-----END RSA PRIVATE KEY-----',
 'sk-proj-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV',
 'password: ********', 'token=${NPM_TOKEN}', 'The access token: 2026-10-29',
];
const config = { rules: [{ id: preset.meta.id, rule: preset }] };
for (const s of samples) {
  const r = await lintSource({ source: { content: s, filePath: '/x/notes.md', ext: '.md', contentType: 'text' }, options: { config } });
  console.log(JSON.stringify(s.slice(0,50)), '=>', r.messages.map(m => `${m.ruleId.replace('@secretlint/secretlint-rule-','')}:${m.messageId}@${m.range}`).join(' | '));
}
const text = require_text();
function require_text(){ return ''; }
