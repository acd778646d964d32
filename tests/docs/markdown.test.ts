/**
 * The generated pages read with a real GFM parser: every table is well formed and every relative
 * link resolves, to a generated page or a file of the repository, and to an anchor that exists.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLink } from '../../scripts/docs/links.ts';
import { FIXTURE_ROOT, tempRepo, type TempRepo } from '../support/repo.ts';
import { parseGfm, renderRepository, walk } from './support.ts';

/** Tables whose rows do not all have the header's number of cells, as `line: cells/columns`. */
function tableProblems(tree: Root): string[] {
  const problems: string[] = [];
  for (const node of walk(tree)) {
    if (node.type !== 'table') continue;
    const columns = node.align?.length ?? 0;
    for (const row of node.children) {
      if (row.children.length !== columns) problems.push(`line ${row.position?.start.line}: ${row.children.length}/${columns}`);
    }
  }
  return problems;
}

/** Explicit anchors (`<a id="...">`) of a page. */
function anchorsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  for (const node of walk(tree)) if (node.type === 'html') for (const m of node.value.matchAll(/<a id="([^"]+)">/g)) ids.add(m[1]!);
  return ids;
}

function linkProblems(pages: ReadonlyMap<string, string>, root: string): string[] {
  const trees = new Map([...pages].filter(([p]) => p.endsWith('.md')).map(([p, c]) => [p, parseGfm(c)]));
  const problems: string[] = [];
  for (const [page, tree] of trees) {
    for (const node of walk(tree)) {
      if (node.type !== 'link') continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) continue; // absolute: mailto:, https:
      const { path, anchor } = resolveLink(page, node.url);
      const inOutput = pages.has(path);
      if (!inOutput && !existsSync(join(root, path))) {
        problems.push(`${page}: ${node.url} -> ${path} does not exist`);
        continue;
      }
      if (anchor !== undefined) {
        const target = trees.get(path);
        if (!target || !anchorsOf(target).has(anchor)) problems.push(`${page}: ${node.url} -> no anchor "${anchor}" in ${path}`);
      }
    }
  }
  return problems;
}

describe('generated Markdown', () => {
  let pages: Map<string, string>;
  let hostileRepo: TempRepo;
  let hostilePages: Map<string, string>;
  beforeAll(async () => {
    pages = await renderRepository(FIXTURE_ROOT);
    hostileRepo = tempRepo();
    hostileRepo.replace('policy/roles.yaml', 'name: SRE Lead', 'name: "SRE | Lead\\nwith a | pipe"');
    hostileRepo.replace('policy/people.yaml', 'name: Sofia Rossi', 'name: "Sofia | Rossi <b>"');
    hostilePages = await renderRepository(hostileRepo.root);
  });
  afterAll(() => hostileRepo.cleanup());

  it('has tables whose every row has the header\'s number of cells', () => {
    let tables = 0;
    for (const source of [pages, hostilePages]) {
      for (const [path, content] of source) {
        if (!path.endsWith('.md')) continue;
        const tree = parseGfm(content);
        tables += [...walk(tree)].filter((n) => n.type === 'table').length;
        expect(tableProblems(tree), path).toEqual([]);
      }
    }
    expect(tables).toBeGreaterThan(40);
  });

  it('would notice a table with a missing or an extra cell', () => {
    expect(tableProblems(parseGfm('| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n'))).toEqual(['line 3: 1/2', 'line 4: 3/2']);
    expect(tableProblems(parseGfm('| a | b |\n| - | - |\n| 1 \\| 2 | 3 |\n'))).toEqual([]);
  });

  it('has no relative link that points to a missing file or anchor', () => {
    expect(linkProblems(pages, FIXTURE_ROOT)).toEqual([]);
    expect(linkProblems(hostilePages, hostileRepo.root)).toEqual([]);
    const links = [...pages.values()].flatMap((c) => [...walk(parseGfm(c))].filter((n) => n.type === 'link'));
    expect(links.length).toBeGreaterThan(200);
  });

  it('would notice a broken link or anchor', () => {
    const pagesWithBrokenLinks = new Map([['docs/a.md', '[x](b.md) [y](a.md#nowhere) [z](../policy/roles.yaml) [w](../policy/gone.yaml)']]);
    expect(linkProblems(pagesWithBrokenLinks, FIXTURE_ROOT)).toEqual([
      'docs/a.md: b.md -> docs/b.md does not exist',
      'docs/a.md: a.md#nowhere -> no anchor "nowhere" in docs/a.md',
      'docs/a.md: ../policy/gone.yaml -> policy/gone.yaml does not exist',
    ]);
  });
});
