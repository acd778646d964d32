/**
 * The sensitive-data rule calls secretlint's recommended preset synchronously, through secretlint's
 * rule interface (scripts/incidents/secret-scanner.ts). This proves it reports exactly what
 * secretlint's own asynchronous entry point, @secretlint/core's lintSource, reports: same scanner,
 * message and range, on the real post-mortems, the planted variants and every credential format.
 */
import { lintSource } from '@secretlint/core';
import { creator as preset } from '@secretlint/secretlint-rule-preset-recommend';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLANTS } from '../../scripts/bench/planted.ts';
import { corpusAvailable, corpusOrganisation } from '../../scripts/bench/postmortem-corpus.ts';
import { loadSecretScanner, secretlintReports } from '../../scripts/incidents/secret-scanner.ts';

const config = { rules: [{ id: preset.meta.id, rule: preset }] };

async function viaCore(text: string): Promise<string[]> {
  const result = await lintSource({ source: { content: text, filePath: 'notes.md', ext: '.md', contentType: 'text' }, options: { config } });
  return result.messages.map((m) => `${m.ruleId.replace('@secretlint/secretlint-rule-', '')} ${m.messageId} ${m.range[0]}-${m.range[1]}`).sort();
}

function direct(text: string): string[] {
  return secretlintReports(text).map((r) => `${r.rule} ${r.messageId} ${r.range[0]}-${r.range[1]}`).sort();
}

const FORMATS = [
  'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY',
  'https://user:hunter22@example.com/',
  'mongodb+srv://admin:Pa55word9@cluster0.example.mongodb.net/db',
  'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
  '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',
  'sk-ant-api03-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz0123-abcdefAA',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----',
];

beforeAll(() => loadSecretScanner());

describe('secretlint called synchronously', () => {
  // The corpus lives beside this repository (../shared), not in an organisation's copy of it.
  it.skipIf(!corpusAvailable())('reports what lintSource reports, on the real post-mortems', async () => {
    const { files, incidents, postmortems } = corpusOrganisation();
    for (const path of [...postmortems, ...incidents]) expect(direct(files.get(path)!), path).toEqual(await viaCore(files.get(path)!));
  });

  it('reports what lintSource reports, on every planted text and credential format', async () => {
    let reported = 0;
    for (const text of [...PLANTS.map((p) => p.text), ...FORMATS]) {
      const expected = await viaCore(text);
      reported += expected.length;
      expect(direct(text), text).toEqual(expected);
    }
    // The comparison means something only if secretlint found things.
    expect(reported).toBeGreaterThanOrEqual(12);
  });
});
