/** Helpers for the docs tests: render a repository in-process, and read pages as GFM syntax trees. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Root, Nodes } from 'mdast';
import { buildModel } from '../../scripts/check/build-model.ts';
import { findCalendars, readTemplates } from '../../scripts/commands/docs.ts';
import { renderDocs } from '../../scripts/docs/render.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { TEST_NOW } from '../support/repo.ts';

export const NOW = new Date(TEST_NOW);

/** Everything the generator would write for the repository at `root`, rendered in-process. */
export async function renderRepository(root: string, now: Date = NOW): Promise<Map<string, string>> {
  const read = await readRepository(root);
  const built = buildModel(read.files);
  const errors = [...read.diagnostics, ...built.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the test repository has errors: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
  return renderDocs(built.model, { now, templates: await readTemplates(), calendars: await findCalendars(root) });
}

/** A page parsed as GitHub does: CommonMark with the GFM extensions (tables, autolinks, task lists). */
export function parseGfm(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Every node of a tree, depth first. */
export function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children as Nodes[]) yield* walk(child);
}

/** The visible text of a node. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** The Mermaid diagrams of a page (fenced blocks with the `mermaid` info string). */
export function mermaidBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const node of walk(parseGfm(markdown))) if (node.type === 'code' && node.lang === 'mermaid') blocks.push(node.value);
  return blocks;
}
