/**
 * The escalation and kill-switch pages as a reader sees them: the escalation matrix holds when each
 * level is brought in (the organisation-wide ladders), not the levels' response times, and every
 * choice the data records where its source documents disagree is on the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempRepo, type TempRepo, FIXTURE_ROOT } from '../support/repo.ts';
import { parseGfm, renderRepository, textOf } from './support.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** The first table after the level-2 heading `title`, as rows of cell texts (header first). */
function tableUnder(tree: Root, title: string): string[][] {
  const start = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && textOf(node) === title);
  if (start < 0) throw new Error(`no section "${title}"`);
  const table = tree.children.slice(start + 1).find((node) => node.type === 'table' || (node.type === 'heading' && node.depth <= 2));
  if (!table || table.type !== 'table') throw new Error(`no table under "${title}"`);
  return table.children.map((row) => row.children.map((cell) => textOf(cell as Nodes)));
}

/** Headings (level 3) of the section under the level-2 heading `title`. */
function subheadings(tree: Root, title: string): string[] {
  const start = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && textOf(node) === title);
  if (start < 0) return [];
  const out: string[] = [];
  for (const node of tree.children.slice(start + 1)) {
    if (node.type === 'heading' && node.depth <= 2) break;
    if (node.type === 'heading' && node.depth === 3) out.push(textOf(node));
  }
  return out;
}

describe('the escalation page', () => {
  it('shows the escalation matrix with when each level is brought in, per severity', async () => {
    const page = (await renderRepository(FIXTURE_ROOT)).get('docs/policy/escalation.md')!;
    expect(tableUnder(parseGfm(page), 'Escalation matrix')).toEqual([
      ['Severity', 'Level 1', 'Level 2', 'Level 3', 'Level 4'],
      ['P0', 'Immediate', '15 minutes', '30 minutes', '1 hour'],
      ['P1', '15 minutes', '30 minutes', '2 hours', '4 hours'],
      ['P2', '1 hour', '2 hours', '24 hours', 'N/A'],
      ['P3', '4 hours', '24 hours', '1 week', 'N/A'],
    ]);
    // The levels' response times are a table of their own, not the matrix.
    expect(tableUnder(parseGfm(page), 'Response time at each level')[2]).toEqual(['P1', 'Immediate', '15 minutes', '4 hours', 'N/A']);
  });

  it('reads the matrix from the ladders: a changed ladder step changes the page', async () => {
    repo = tempRepo();
    repo.replace('policy/escalation.yaml', '{ after: 2h, level: l3, action: Engineering manager joins', '{ after: 3h, level: l3, action: Engineering manager joins');
    repo.replace('policy/escalation.yaml', '{ after: 4h, level: l4, action: CTO / VP Engineering informed', '{ after: 5h, level: l4, action: CTO / VP Engineering informed');
    const page = (await renderRepository(repo.root)).get('docs/policy/escalation.md')!;
    expect(tableUnder(parseGfm(page), 'Escalation matrix')[2]).toEqual(['P1', '15 minutes', '30 minutes', '3 hours', '5 hours']);
  });

  it('states every choice where the sources disagree, with what it follows and why', async () => {
    const pages = await renderRepository(FIXTURE_ROOT);
    for (const [file, page] of [
      ['escalation', pages.get('docs/policy/escalation.md')!],
      ['kill-switch', pages.get('docs/policy/kill-switch.md')!],
    ] as const) {
      const data = parse(readFileSync(join(FIXTURE_ROOT, 'policy', `${file}.yaml`), 'utf8')) as { choices: { topic: string; chosen: string; reason: string }[] };
      expect(data.choices.length, file).toBeGreaterThan(0);
      const tree = parseGfm(page);
      expect(subheadings(tree, 'Choices where the source documents disagree')).toEqual(data.choices.map((c) => c.topic));
      const text = textOf(tree);
      for (const choice of data.choices) {
        expect(text).toContain(`Chosen: ${choice.chosen}`);
        expect(text).toContain(`Why: ${choice.reason}`);
      }
    }
    const escalationTopics = subheadings(parseGfm(pages.get('docs/policy/escalation.md')!), 'Choices where the source documents disagree');
    expect(escalationTopics).toEqual(
      expect.arrayContaining(['When each escalation level is brought in', 'How soon leadership hears of a P1 incident', 'Where a data-loss escalation starts']),
    );
    expect(subheadings(parseGfm(pages.get('docs/policy/kill-switch.md')!), 'Choices where the source documents disagree')).toEqual(['Who authorises resuming ingestion']);
  });

  it('lists what an escalation hands over', async () => {
    const tree = parseGfm((await renderRepository(FIXTURE_ROOT)).get('docs/policy/escalation.md')!);
    expect(tableUnder(tree, 'What an escalation hands over').map((row) => row[1])).toEqual([
      'Key',
      'summary',
      'status',
      'severity',
      'impact',
      'affected_systems',
      'actions_taken',
      'evidence',
    ]);
  });
});

describe('the kill-switch page', () => {
  it('shows each resume scope with the checks a resume records and the activations it covers', async () => {
    const tree = parseGfm((await renderRepository(FIXTURE_ROOT)).get('docs/policy/kill-switch.md')!);
    expect(tableUnder(tree, 'Resume authority').slice(1).map((row) => [row[0], row[3], row[4]])).toEqual([
      ['< 1 hour pause', 'Test upload passes', 'Pause (< 1 hour) or Pause (> 1 hour), lasting at most 1 hour'],
      ['> 1 hour pause', 'Test upload passes + Metrics check', 'Pause (< 1 hour) or Pause (> 1 hour), lasting longer than 1 hour'],
      ['Rollback', 'Full P0 revalidation', 'Rollback'],
      ['Data integrity event', 'Investigation complete', 'Scenario Suspected data corruption'],
    ]);
  });
});
