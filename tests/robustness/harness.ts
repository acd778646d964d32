/**
 * The property every command must satisfy on damaged data, run case by case on one temp copy of
 * the fixture organisation: write the mutated file, snapshot the tree, run the command in-process,
 * check the outcome, restore the file.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { parseGfm, walk } from '../docs/support.ts';
import { kindOfPath } from '../../scripts/schema/kinds.ts';
import { FIXTURE_ROOT, tempRepo, type TempRepo } from '../support/repo.ts';
import type { CliResult } from '../support/cli.ts';
import { applyMutation, focusedMutations, type Mutation } from './mutations.ts';
import {
  checkProperty,
  leftoverTempFiles,
  misplacedDiagnostics,
  namedDataFiles,
  parseAnnotations,
  parsePretty,
  prototypeChanges,
  prototypeSnapshot,
  runCommand,
  snapshotTree,
  universalProblems,
  unexpectedWrites,
  type ShownDiagnostic,
  type TreeSnapshot,
} from './support.ts';

/** The fixture organisation's data files (repository paths), sorted: what mutations are applied to. */
export const ALL_DATA_FILES: readonly string[] = (() => {
  const found: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(join(FIXTURE_ROOT, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (kindOfPath(path)) found.push(path);
    }
  };
  for (const folder of ['policy', 'rotations', 'incidents', 'signoffs', 'handoffs', 'docs/incidents']) visit(folder);
  return found.sort();
})();

/** The data files whose path starts with one of `prefixes` (a folder or a whole path). */
export function dataFiles(...prefixes: string[]): string[] {
  const files = ALL_DATA_FILES.filter((path) => prefixes.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)));
  if (files.length === 0) throw new Error(`no fixture data files under ${prefixes.join(', ')}`);
  return files;
}

/** Where `docs` writes: generated pages under docs/ and .github/CODEOWNERS, never the hand-written post-mortems. */
/** validate's only output: its cache of per-file results (documented as safe to delete). */
export function isValidateCache(path: string): boolean {
  return path.startsWith('.oncall-cache/');
}

export function isDocsOutput(path: string): boolean {
  return (path === 'docs/' || path.startsWith('docs/') || path === '.github/' || path === '.github/CODEOWNERS') && !path.startsWith('docs/incidents/');
}

export { parseGfm, walk };

/** The text of a node, raw HTML included (what injected text could hide in). */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/**
 * A link whose visible text is not its own address: only such a link can disguise where it goes.
 * GFM's autolink literals (a bare https://… or www.… in text) show their address and are allowed.
 */
export function isDisguisedLink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const text = textOf(node);
  return !(node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`);
}

/** Tables whose rows do not all have the header's number of cells. */
export function brokenTables(tree: Root): string[] {
  const problems: string[] = [];
  for (const node of walk(tree)) {
    if (node.type !== 'table') continue;
    const columns = node.align?.length ?? 0;
    for (const row of node.children) if (row.children.length !== columns) problems.push(`line ${row.position?.start.line}: ${row.children.length}/${columns} cells`);
  }
  return problems;
}

/**
 * Problems of a Markdown document built from data: raw HTML (but what `allowHtml` accepts), links
 * that do not show their own address or go anywhere but http(s) and mailto (unless `allowLinks`:
 * pages whose links are compared otherwise), images, and tables with rows of the wrong width.
 */
export function markdownProblems(markdown: string, options: { allowHtml?: (html: string) => boolean; allowLinks?: boolean } = {}): string[] {
  const tree = parseGfm(markdown);
  const problems = brokenTables(tree);
  for (const node of walk(tree)) {
    if (node.type === 'html' && !(options.allowHtml?.(node.value) ?? false)) problems.push(`raw HTML: ${node.value.slice(0, 80)}`);
    if (node.type === 'image' || node.type === 'imageReference') problems.push(`an image: ${textOf(node).slice(0, 40)}`);
    if (options.allowLinks) continue;
    if (node.type === 'link' && (isDisguisedLink(node) || !/^(https?|mailto):/i.test(node.url))) problems.push(`a link: [${textOf(node).slice(0, 40)}](${node.url.slice(0, 80)})`);
    if (node.type === 'linkReference' || node.type === 'definition') problems.push(`a link reference or definition: ${JSON.stringify(node).slice(0, 80)}`);
  }
  return problems;
}

/** How one command is run and what its output must satisfy beyond the universal checks. */
export interface CommandUnderTest {
  name: string;
  /** Arguments, given the temp repository and a folder outside it for side files (step summaries). */
  args: (repo: TempRepo, outside: string) => string[];
  env?: (repo: TempRepo, outside: string) => Record<string, string | undefined>;
  /** Paths the command may create, change or remove (its output locations). */
  mayWrite?: (path: string) => boolean;
  /** Diagnostics (or files named) in its output, to check they point into existing files. */
  diagnostics: (result: CliResult, outside: string) => { shown: ShownDiagnostic[]; problems: string[] };
  /** Files the command reads most: three quarters of the mutations hit one of them. */
  focus: readonly string[];
}

/** Checks one run: the universal properties, then where its diagnostics point. */
export function runProblems(
  command: CommandUnderTest,
  result: CliResult & { escaped?: unknown },
  before: TreeSnapshot,
  after: TreeSnapshot,
  outside: string,
): string[] {
  if (result.escaped !== undefined) return [`an exception escaped: ${result.escaped instanceof Error ? result.escaped.message : String(result.escaped)}`];
  const problems = universalProblems(result);
  problems.push(...unexpectedWrites(before, after, command.mayWrite).map((w) => `wrote outside its output: ${w}`));
  problems.push(...leftoverTempFiles(after).map((p) => `left a temporary file: ${p}`));
  const { shown, problems: outputProblems } = command.diagnostics(result, outside);
  problems.push(...outputProblems);
  problems.push(...misplacedDiagnostics(after, shown));
  return problems;
}

/** Diagnostics of `--format json` of validate. */
export function validateJsonDiagnostics(result: CliResult): { shown: ShownDiagnostic[]; problems: string[] } {
  if (result.code === 2) return { shown: [], problems: result.stderr === '' ? ['exit 2 without a message'] : [] };
  try {
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; ruleId: string; message: string; column: number }[] };
    const problems = report.diagnostics.filter((d) => !Number.isInteger(d.column) || d.column < 1).map((d) => `${d.ruleId} ${d.file}:${d.line}: column ${d.column}`);
    return { shown: report.diagnostics, problems };
  } catch {
    return { shown: [], problems: [`stdout is not JSON: ${result.stdout.slice(0, 200)}`] };
  }
}

/** Diagnostics of `--format github`: every stdout line an annotation; the job summary inert Markdown. */
export function validateGithubDiagnostics(result: CliResult, outside: string): { shown: ShownDiagnostic[]; problems: string[] } {
  const { diagnostics, strayLines } = parseAnnotations(result.stdout);
  const problems = strayLines.map((line) => `a stdout line that is not an annotation: ${line.slice(0, 600)}`);
  let summary = '';
  try {
    summary = readFileSync(join(outside, 'summary.md'), 'utf8');
  } catch {
    summary = '';
  }
  if (result.code !== 2 && summary === '') problems.push('no job summary written');
  problems.push(...markdownProblems(summary).map((p) => `job summary: ${p}`));
  return { shown: diagnostics, problems };
}

/** Diagnostics the rotation commands print on stderr (pretty format), plus JSON on stdout if asked for. */
export function prettyStderrDiagnostics(result: CliResult, json = false): { shown: ShownDiagnostic[]; problems: string[] } {
  const problems: string[] = [];
  if (result.code !== 2 && json) {
    try {
      JSON.parse(result.stdout);
    } catch {
      problems.push(`stdout is not JSON: ${result.stdout.slice(0, 200)}`);
    }
  }
  if (result.code === 2 && !/^oncall: /.test(result.stderr)) problems.push(`exit 2 without a clear message: ${result.stderr.slice(0, 200)}`);
  // Exit 1 means findings: diagnostics, or (calendar) a file in the way, named in an `oncall:` line.
  if (result.code === 1 && parsePretty(result.stderr).length === 0 && !/^oncall: .+ left unchanged/m.test(result.stderr)) {
    problems.push(`exit 1 without a diagnostic: ${result.stderr.slice(0, 200)}`);
  }
  return { shown: parsePretty(result.stderr), problems };
}

/** Commands that name the files they left out (docs, report, status): each must exist, on line 1. */
export function namedFileDiagnostics(result: CliResult): { shown: ShownDiagnostic[]; problems: string[] } {
  const shown = namedDataFiles(result.stderr).map((file) => ({ file, line: 1, message: 'named in a message' }));
  const problems = result.code === 2 && !/^oncall: /m.test(result.stderr) ? [`exit 2 without a clear message: ${result.stderr.slice(0, 200)}`] : [];
  return { shown, problems };
}

/** Runs `command` on `runs` mutations of the fixture data (most of them of its focus files); returns how often each exit code came. */
export async function fuzzCommand(command: CommandUnderTest, runs: number): Promise<Map<number, number>> {
  const repo = tempRepo();
  const outside = mkdtempSync(join(tmpdir(), 'oncall-fuzz-outside-'));
  const originals = new Map(ALL_DATA_FILES.map((path) => [path, repo.read(path)]));
  // ONCALL_FUZZ_STATS=1 prints how the cases ended, to see that mutations reach past the parser.
  const outcomes = new Map<string, number>();
  const codes = new Map<number, number>();
  try {
    const property = fc.asyncProperty(focusedMutations(command.focus, ALL_DATA_FILES), async (mutation: Mutation) => {
      const original = originals.get(mutation.file)!;
      writeFileSync(repo.path(mutation.file), applyMutation(mutation, original));
      rmSync(join(outside, 'summary.md'), { force: true });
      try {
        const before = snapshotTree(repo.root);
        const prototypes = prototypeSnapshot();
        const result = await runCommand(command.args(repo, outside), { cwd: repo.root, ...(command.env ? { env: command.env(repo, outside) } : {}) });
        const after = snapshotTree(repo.root);
        const outcome = `${mutation.op} exit ${result.code}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        codes.set(result.code, (codes.get(result.code) ?? 0) + 1);
        const problems = runProblems(command, result, before, after, outside);
        problems.push(...prototypeChanges(prototypes, prototypeSnapshot()).map((key) => `changed the prototype: ${key}`));
        if (problems.length > 0) {
          throw new Error(`${command.name} (exit ${result.code}):\n  ${problems.join('\n  ')}\nstderr: ${result.stderr.slice(0, 1500)}`);
        }
      } finally {
        writeFileSync(repo.path(mutation.file), original);
      }
    });
    await checkProperty(command.name, property, runs);
    if (process.env.ONCALL_FUZZ_STATS) console.log(`${command.name}: ${[...outcomes].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    return codes;
  } finally {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  }
}
