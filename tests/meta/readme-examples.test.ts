/**
 * The README's worked examples are real: every YAML block marked `<!-- example: ... -->` is applied
 * to a copy of the example organisation and the result validates with no errors, so a reader who
 * copies one gets what the README promises. The marker says how a block is used:
 *
 * - `file <path>`: the block is a whole file, written at that path;
 * - `append <path> <selector>`: the block is a list whose entries are added to the list the
 *   selector names (`people`, `people.id=sam-osei.time_off`; a missing last key is created);
 * - `excerpt <path>`: the block is quoted from that file of the example data, line for line.
 *
 * An example followed at once by a plain fenced block shows what `validate` then prints: the test
 * checks that output, finding for finding; without one, the result must have no errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isMap, isSeq, parse, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { runCli, validateJson } from '../support/cli.ts';
import { TEST_NOW, tempRepo, type TempRepo, FIXTURE_ROOT, TOOLKIT_ROOT } from '../support/repo.ts';

const readme = readFileSync(join(TOOLKIT_ROOT, 'README.md'), 'utf8');

interface Example {
  line: number;
  how: 'file' | 'append' | 'excerpt';
  path: string;
  selector?: string;
  body: string;
  /** What validate prints for it, when the README shows that. */
  output?: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  const pattern = /<!-- example: (file|append|excerpt) (\S+)(?: (\S+))? -->\n```yaml\n([\s\S]*?)```\n(?:\n```\n([\s\S]*?)```\n)?/g;
  for (const match of readme.matchAll(pattern)) {
    out.push({
      line: readme.slice(0, match.index).split('\n').length,
      how: match[1] as Example['how'],
      path: match[2]!,
      ...(match[3] ? { selector: match[3] } : {}),
      body: match[4]!,
      ...(match[5] ? { output: match[5] } : {}),
    });
  }
  return out;
}

/** The list a selector names in a document (creating a missing last key). */
function listAt(doc: ReturnType<typeof parseDocument>, selector: string): YAMLSeq {
  let node: unknown = doc.contents;
  const segments = selector.split('.');
  segments.forEach((segment, i) => {
    const pick = /^([a-z_]+)=(.+)$/.exec(segment);
    if (pick) {
      if (!isSeq(node)) throw new Error(`${selector}: "${segment}" does not select from a list`);
      node = node.items.find((item) => isMap(item) && item.get(pick[1]!) === pick[2]);
      return;
    }
    if (!isMap(node)) throw new Error(`${selector}: "${segment}" is not in a mapping`);
    const map = node as YAMLMap;
    if (!map.has(segment) && i === segments.length - 1) map.set(segment, doc.createNode([]));
    node = map.get(segment, true);
  });
  if (!isSeq(node)) throw new Error(`${selector} is not a list`);
  return node;
}

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe('the README\'s worked examples', () => {
  const found = examples();

  it('are marked, and there are the ones the README promises', () => {
    expect(found.map((e) => `${e.how} ${e.path}${e.selector ? ` ${e.selector}` : ''}`)).toEqual([
      'append policy/people.yaml people',
      'file rotations/global.yaml',
      'append policy/people.yaml people.id=sam-osei.time_off',
      'file rotations/platform.yaml',
      'excerpt rotations/ingestion.yaml',
      'excerpt rotations/ingestion.yaml',
    ]);
  });

  it.each(found.filter((e) => e.how === 'excerpt').map((e) => [e.line, e] as const))('the excerpt at README line %i is quoted from the example data', (_line, example) => {
    const data = readFileSync(join(FIXTURE_ROOT, example.path), 'utf8');
    expect(data).toContain(example.body);
  });

  it('show what validate prints where the README shows it', () => {
    expect(found.filter((e) => e.output !== undefined).map((e) => e.line)).toHaveLength(1);
  });

  it.each(found.filter((e) => e.how !== 'excerpt').map((e) => [e.line, e] as const))('the example at README line %i validates as written in the example organisation', async (_line, example) => {
    repo = tempRepo();
    if (example.how === 'file') repo.write(example.path, example.body);
    else {
      const doc = parseDocument(repo.read(example.path));
      const list = listAt(doc, example.selector!);
      for (const item of parse(example.body) as unknown[]) list.add(doc.createNode(item));
      repo.write(example.path, doc.toString());
    }
    if (example.output !== undefined) {
      const printed = await runCli(['validate', '--root', repo.root, '--format', 'pretty', '--now', TEST_NOW]);
      const findings = (text: string) => (text.match(/^\s+\d+:\d+\s+error\s/gm) ?? []).length;
      expect(printed.stdout).toContain(example.output);
      expect(findings(printed.stdout)).toBe(findings(example.output));
      return;
    }
    const { report } = await validateJson(repo.root);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (example.how === 'file') expect(report.diagnostics.filter((d) => d.file === example.path)).toEqual([]);
  });
});
