/**
 * Hostile text for the injection tests: Handlebars, Markdown, HTML and GitHub workflow-command
 * syntax placed in every free-text field of the fixture data that the schemas accept it in (names,
 * titles, summaries, reasons, descriptions...), so the data stays valid and reaches every renderer.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar } from 'yaml';
import { kindOfPath } from '../../scripts/schema/kinds.ts';
import { validateValue } from '../../scripts/schema/validators.ts';

/** One line of everything a renderer could read as syntax. No bare address: the link checks need none. */
export const INLINE_PAYLOAD =
  '{{x}} {{{y}}} {{> partial}} {{#each z}}e{{/each}} <script>alert(1)</script> <img src=x onerror=alert(1)> | a | b | `tick` *em* **strong** _u_ ~~s~~ ' +
  '[x](javascript:alert(1)) ![i](x.png) [r]: javascript:alert(2) &amp; &#60; \\ <!-- c --> ::set-output name=x::y ::add-mask::secret %0A::error::z';

/** Block syntax at the start of lines, line ends of every kind, and workflow commands after them. */
export const BLOCK_PAYLOAD =
  '# Heading\n- item\n1. one\n> quote\n| a | b |\n| - | - |\n---\n```\ncode\n```\n<div>block html</div>\n::error file=x,line=1::injected\r\n%0A::warning::w\r::add-mask::m\u2028::notice::n';

/** The payloads, taken in turn by the fields they are written to. */
export const PAYLOADS = [INLINE_PAYLOAD, BLOCK_PAYLOAD] as const;

/**
 * Plain text written where the payloads go, in the same turns: pages of this data group and sort
 * exactly as pages of the payloads do, so any difference in their structure comes from syntax.
 */
export const BENIGN_PAYLOADS = ['Plain words one', 'Plain words two'] as const;

/** Distinctive pieces that must appear as visible text wherever a payload is shown. */
export const VISIBLE_PIECES = ['{{x}}', '{{{y}}}', '{{> partial}}', '<script>alert(1)</script>', '[x](javascript:alert(1))', '::add-mask::secret'] as const;

/** The YAML part of a file and how to put it back (post-mortems keep theirs in front matter). */
function splitYaml(path: string, text: string): { yaml: string; join: (yaml: string) => string } {
  if (!path.endsWith('.md')) return { yaml: text, join: (yaml) => yaml };
  const match = /^(---\r?\n)([\s\S]*?\r?\n)(---\r?\n[\s\S]*)$/.exec(text);
  if (!match) return { yaml: '', join: () => text };
  return { yaml: match[2]!, join: (yaml) => `${match[1]}${yaml}${match[3]}` };
}

/** String scalars in value positions (map values, list items), depth first. */
function stringScalars(node: unknown, out: Scalar[] = []): Scalar[] {
  if (isMap(node)) for (const pair of node.items as Pair[]) stringScalars(pair.value, out);
  else if (isSeq(node)) for (const item of node.items) stringScalars(item, out);
  else if (isScalar(node) && typeof node.value === 'string') out.push(node);
  return out;
}

/**
 * Writes the payloads into every string field of `files` whose schema accepts them, one field at a
 * time (each kept only if the file still validates). With `written`, the fields chosen for the
 * payloads get the same turn of `written` instead. Returns the new contents and how many fields of
 * each file were changed.
 */
export function injectPayloads(
  files: Readonly<Record<string, string>>,
  payloads: readonly string[] = PAYLOADS,
  written: readonly string[] = payloads,
): { files: Record<string, string>; fields: Record<string, number> } {
  const out: Record<string, string> = { ...files };
  const fields: Record<string, number> = {};
  let turn = 0;
  for (const [path, text] of Object.entries(files)) {
    const kind = kindOfPath(path);
    if (!kind) continue;
    const { yaml, join } = splitYaml(path, text);
    if (yaml === '') continue;
    const doc = parseDocument(yaml);
    let count = 0;
    const chosen: [Scalar, number][] = [];
    for (const scalar of stringScalars(doc.contents as Node | null)) {
      const before = { value: scalar.value, type: scalar.type };
      scalar.value = payloads[turn % payloads.length]!;
      // Quoted, so the payload is one scalar whatever it holds.
      scalar.type = 'QUOTE_DOUBLE';
      if (validateValue(kind, doc.toJS()).length === 0) {
        chosen.push([scalar, turn]);
        count++;
        turn++;
      } else {
        scalar.value = before.value;
        scalar.type = before.type;
      }
    }
    for (const [scalar, index] of chosen) scalar.value = written[index % written.length]!;
    fields[path] = count;
    out[path] = join(doc.toString({ lineWidth: 0 }));
  }
  return { files: out, fields };
}
