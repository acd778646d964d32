// @vitest-environment happy-dom
/**
 * Every Mermaid block of the generated pages is parsed by Mermaid itself, as GitHub's renderer
 * would, in happy-dom (a DOM implementation in JavaScript): Mermaid's parser needs a window for the
 * sanitiser its flowchart labels pass through, and nothing else of a browser. No browser to install.
 */
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, tempRepo } from '../support/repo.ts';
import { mermaidBlocks, renderRepository } from './support.ts';

/** Mermaid's verdict on one diagram: undefined when it parses, else the parser's message. */
async function parseError(diagram: string): Promise<string | undefined> {
  try {
    await mermaid.parse(diagram);
    return undefined;
  } catch (error) {
    return String((error as Error)?.message ?? error);
  }
}

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false });
});

describe('Mermaid diagrams', () => {
  it('rejects a broken diagram of each kind the pages draw (so the checks below can fail)', async () => {
    expect(await parseError('flowchart TD\n  a["open label] --> b\n')).toMatch(/Parse error|Lexical error|Expecting/);
    expect(await parseError('flowchart TD\n  a["one"] --> b["two"]\n  b --> c["three" --> d\n')).toMatch(/Parse error|Lexical error|Expecting/);
    expect(await parseError('gantt\n  dateFormat YYYY-MM-DD HH:mm\n  section A\n  Name :t0, 2026-11-23 09:00, 2026-11-30 09:00\n')).toBeUndefined();
    expect(await parseError('gantt\n  dateFormat YYYY-MM-DD HH:mm\n  section A\n  Name :t0, 2026-11-23 09:00, 2026-11-30 09:00 :: bad\n  : : :\n')).toBeDefined();
  });

  it('accepts labels written with the entity codes the generator uses, which need the sanitiser', async () => {
    expect(await parseError('flowchart TD\n  a["Owner #35;1 #60;b#62;"] -->|"after #38; 15m"| b("Done")\n')).toBeUndefined();
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
