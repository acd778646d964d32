/**
 * Every Mermaid block of the generated pages is parsed by Mermaid itself, in a real browser
 * (Debian's Chromium driven by playwright-core), as GitHub's renderer would. One browser for the
 * whole file; the page is blank and every network request is refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, tempRepo } from '../support/repo.ts';
import { mermaidBlocks, renderRepository } from './support.ts';

// Debian's Chromium here and in .ci/run; GitHub's runners ship Google Chrome instead (see the validate workflow).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser | undefined;
let page: Page;

/** Mermaid's verdict on one diagram: undefined when it parses, else the parser's message. */
async function parseError(diagram: string): Promise<string | undefined> {
  return page.evaluate(async (text) => {
    try {
      await (globalThis as unknown as { mermaid: { parse(t: string): Promise<unknown> } }).mermaid.parse(text);
      return undefined;
    } catch (error) {
      return String((error as Error)?.message ?? error);
    }
  }, diagram);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get update && apt-get install -y chromium); .ci/run does this when it is missing.`);
  }
  const bundle = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('Mermaid diagrams', () => {
  it('rejects a broken diagram (so the checks below can fail)', async () => {
    expect(await parseError('flowchart TD\n  a["open label] --> b\n')).toMatch(/Parse error|Lexical error|Expecting/);
    expect(await parseError('gantt\n  dateFormat YYYY-MM-DD HH:mm\n  section A\n  Name :t0, 2026-11-23 09:00, 2026-11-30 09:00\n')).toBeUndefined();
  });

  it('parses every diagram of the fixture organisation', async () => {
    const pages = await renderRepository(FIXTURE_ROOT);
    const blocks = [...pages.values()].flatMap(mermaidBlocks);
    // A flowchart per escalation ladder and a gantt chart per rotation.
    expect(blocks.filter((b) => b.startsWith('flowchart')).length).toBeGreaterThanOrEqual(7);
    expect(blocks.filter((b) => b.startsWith('gantt')).length).toBeGreaterThanOrEqual(1);
    for (const block of blocks) expect(await parseError(block), block).toBeUndefined();
  });

  it('parses diagrams whose labels come from hostile data', async () => {
    const repo = tempRepo();
    try {
      const hostile = 'Owner "quoted" #1; a: b %% c <b>x</b> `tick` | pipe [x] {y} (z) & end';
      repo.replace('policy/roles.yaml', 'name: Ingestion Owner', `name: ${JSON.stringify(hostile)}`);
      repo.replace('policy/people.yaml', 'name: Sofia Rossi', `name: ${JSON.stringify(`Sofia ${hostile}`)}`);
      repo.replace('rotations/ingestion.yaml', 'name: Ingestion on-call', `name: ${JSON.stringify(`Ingestion: on-call ${hostile}`)}`);
      repo.replace('policy/escalation.yaml', 'action: Ingestion Owner joins,', `action: ${JSON.stringify(`Joins ${hostile}\n\`\`\`\nend`)},`);
      const pages = await renderRepository(repo.root);
      const blocks = [...pages.values()].flatMap(mermaidBlocks);
      expect(blocks.some((b) => b.includes('Sofia'))).toBe(true);
      for (const block of blocks) expect(await parseError(block), block).toBeUndefined();
    } finally {
      repo.cleanup();
    }
  });
});
