/**
 * The Markdown parser (mdast with GitHub's extensions), loaded when it is needed: its 170 modules
 * take about 75 ms to load, a tenth of a small repository's whole `validate`, and most runs never
 * parse Markdown (plain post-mortems are read by simple-body.ts, which gives what the parser gives).
 *
 * Parsing is synchronous and loading is not, so whatever may parse a post-mortem body loads the
 * parser first: the validation pipeline, before it checks post-mortems (main thread and workers).
 * Parsing before that fails loudly (a `rule-failed` finding), never silently.
 */
import type { Root } from 'mdast';

let parse: ((text: string) => Root) | undefined;
let loading: Promise<void> | undefined;

/** Loads the parser (once; later calls return at once). */
export function loadMarkdownParser(): Promise<void> {
  loading ??= (async () => {
    const [{ fromMarkdown }, { gfmFromMarkdown }, { gfm }] = await Promise.all([import('mdast-util-from-markdown'), import('mdast-util-gfm'), import('micromark-extension-gfm')]);
    parse = (text) => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  })();
  return loading;
}

/** The syntax tree of a Markdown text, as GitHub reads it. */
export function parseMarkdown(text: string): Root {
  if (!parse) throw new Error('the Markdown parser is not loaded yet (loadMarkdownParser() must run first)');
  return parse(text);
}
