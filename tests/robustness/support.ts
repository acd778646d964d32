/**
 * Shared checks for the robustness suites: what must hold after any command on any input (exit
 * code, no stack trace, no crash caught only by the CLI's last-resort handler, diagnostics that point
 * into the file they name, nothing written outside the command's output locations, no prototype
 * pollution), and the fast-check settings (runs, seed, replay) every property uses.
 */
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli, type CliResult } from '../support/cli.ts';

/** Runs of each property: `ONCALL_FUZZ_RUNS`, default {@link DEFAULT_RUNS} (what CI runs). */
export const DEFAULT_RUNS = 80;

/** The seed every property starts from, so CI is reproducible; `ONCALL_FUZZ_SEED` picks another. */
export const DEFAULT_SEED = 20261122;

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}: "${raw}" is not a positive whole number.`);
  return value;
}

/** How many cases a property runs: `weight` times ONCALL_FUZZ_RUNS (default {@link DEFAULT_RUNS}). */
export function fuzzRuns(weight = 1): number {
  return Math.max(1, Math.round(positiveInteger('ONCALL_FUZZ_RUNS', DEFAULT_RUNS) * weight));
}

/** The seed of this run (`ONCALL_FUZZ_SEED`, default {@link DEFAULT_SEED}). */
export function fuzzSeed(): number {
  const raw = process.env.ONCALL_FUZZ_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`ONCALL_FUZZ_SEED: "${raw}" is not an integer.`);
  return value;
}

/** Longest a property's cases may take together before the test's own timeout: generous, since runs scale. */
export function propertyTimeout(runs: number, perRunMs = 600): number {
  return 60_000 + runs * perRunMs;
}

/**
 * Runs an async property with the suite's seed and run count. On failure the error names the seed
 * and the shrunk path, and says how to replay exactly that case (ONCALL_FUZZ_SEED, ONCALL_FUZZ_PATH).
 */
export async function checkProperty<T>(name: string, property: fc.IAsyncPropertyWithHooks<T>, runs: number): Promise<void> {
  const base = fuzzSeed();
  // Each property draws its own cases from the one seed, so two commands are not fed the same mutations.
  const seed = (base + stringHash(name)) | 0;
  const path = process.env.ONCALL_FUZZ_PATH?.trim() || undefined;
  const details = await fc.check(property, { seed, numRuns: runs, ...(path ? { path } : {}) });
  if (!details.failed) return;
  const replay = `ONCALL_FUZZ_SEED=${base}${details.counterexamplePath ? ` ONCALL_FUZZ_PATH=${details.counterexamplePath}` : ''}`;
  throw new Error(
    `${name}: property failed (ONCALL_FUZZ_SEED ${base}, fast-check seed ${details.seed}). Replay just this case with\n  ${replay} npx vitest run tests/robustness -t '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'\n\n${fc.defaultReportMessage(details) ?? ''}\n\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
  );
}

function stringHash(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** A stack frame as Node prints it (`    at fn (file.ts:12:5)`). */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** Every own property of the built-in prototypes data flows through, so any change (pollution) shows. */
export function prototypeSnapshot(): Map<string, unknown> {
  const snapshot = new Map<string, unknown>();
  const prototypes = [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
    ['Map', Map.prototype],
  ] as const;
  for (const [name, proto] of prototypes) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      snapshot.set(`${name}.${String(key)}`, descriptor.value ?? descriptor.get);
    }
  }
  return snapshot;
}

/** Differences between two prototype snapshots, as `Object.polluted` names. */
export function prototypeChanges(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const changes: string[] = [];
  for (const [key, value] of after) if (!before.has(key) || before.get(key) !== value) changes.push(key);
  for (const key of before.keys()) if (!after.has(key)) changes.push(`${key} (deleted)`);
  return changes;
}

/** A file tree: repository-relative path (forward slashes) to content, or `-> target` for a link. */
export type TreeSnapshot = Map<string, Buffer | string>;

/** Files larger than this are snapshotted by size and time, not content. */
const SNAPSHOT_CONTENT_LIMIT = 4 * 1024 * 1024;

/** Every file and link below `root` (links are recorded, never followed). */
export function snapshotTree(root: string): TreeSnapshot {
  const out: TreeSnapshot = new Map();
  const visit = (relative: string) => {
    for (const name of readdirSync(join(root, relative))) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const info = lstatSync(join(root, path));
      if (info.isSymbolicLink()) out.set(path, `-> ${readlinkSync(join(root, path))}`);
      else if (info.isDirectory()) {
        out.set(`${path}/`, 'folder');
        visit(path);
      } else if (info.size > SNAPSHOT_CONTENT_LIMIT) {
        // Huge files (hostile inputs) are compared by size and modification time, not read twice per case.
        out.set(path, `big file: ${info.size} bytes, modified ${info.mtimeMs}, inode ${info.ino}`);
      } else out.set(path, readFileSync(join(root, path)));
    }
  };
  visit('');
  return out;
}

function same(a: Buffer | string | undefined, b: Buffer | string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.equals(b);
}

/** Paths created, changed or removed between two snapshots for which `allowed(path)` is false. */
export function unexpectedWrites(before: TreeSnapshot, after: TreeSnapshot, allowed: (path: string) => boolean = () => false): string[] {
  const changed: string[] = [];
  for (const [path, content] of after) {
    if (!same(before.get(path), content) && !allowed(path)) changed.push(`${before.has(path) ? 'changed' : 'created'} ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path) && !allowed(path)) changed.push(`removed ${path}`);
  return changed.sort();
}

/** Temporary files an interrupted or careless write would leave behind. */
export function leftoverTempFiles(snapshot: TreeSnapshot): string[] {
  return [...snapshot.keys()].filter((path) => /(^|\/)\.[^/]*\.tmp$|\.tmp$/.test(path));
}

/** Lines of a text as an editor counts them (a last line without a line end counts; CRLF and CR end lines too). */
export function lineCount(text: string): number {
  if (text === '') return 1;
  const lines = text.split(/\r\n|\r|\n/);
  return text.endsWith('\n') || text.endsWith('\r') ? lines.length - 1 : lines.length;
}

/** A diagnostic as a command showed it: the file and line it points at, and its text. */
export interface ShownDiagnostic {
  file: string;
  line: number;
  ruleId?: string;
  message: string;
}

/**
 * Diagnostics from `formatPretty` output (the rotation commands print them on stderr): a file line,
 * then `  line:col  severity  message  rule-id` lines, blocks separated by blank lines.
 */
export function parsePretty(text: string): ShownDiagnostic[] {
  const out: ShownDiagnostic[] = [];
  let file: string | undefined;
  for (const line of text.split('\n')) {
    if (line === '') {
      file = undefined;
      continue;
    }
    const finding = /^ {2}(\d+):(\d+) +(error|warning|note) +(.*) {2}(\S+)$/.exec(line);
    if (finding && file !== undefined) {
      out.push({ file, line: Number(finding[1]), ruleId: finding[5]!, message: finding[4]! });
      continue;
    }
    if (file === undefined && !line.startsWith(' ') && !/^[✖⚠ℹ✔] /.test(line) && !line.startsWith('oncall:')) file = line;
  }
  return out;
}

/** Annotations from `--format github`: every line must be one, and its file and line are read back. */
export function parseAnnotations(text: string): { diagnostics: ShownDiagnostic[]; strayLines: string[] } {
  const diagnostics: ShownDiagnostic[] = [];
  const strayLines: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    // `s`: U+2028 and U+2029 end lines for JavaScript, not for the Actions runner, which splits on CR and LF only.
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/s.exec(line);
    if (!match) {
      strayLines.push(line);
      continue;
    }
    const props = new Map((match[2] ?? '').split(',').filter(Boolean).map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))] as const;
    }));
    diagnostics.push({ file: props.get('file') ?? '', line: Number(props.get('line')), message: match[3]!, ...(props.has('title') ? { ruleId: props.get('title')! } : {}) });
  }
  return { diagnostics, strayLines };
}

/**
 * Diagnostics that do not point into the file they name: the file must exist in the tree and the
 * line be one it has (1..lineCount). A file that is missing on disk may only be pointed at on line 1
 * (e.g. `policy-file-missing`), and so may a file that is refused whole (a link, an oversized file).
 */
export function misplacedDiagnostics(tree: TreeSnapshot, diagnostics: readonly ShownDiagnostic[]): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.ruleId ?? '?'} ${d.file}:${d.line} ${d.message}`;
    if (d.file === '' || d.file.startsWith('/') || d.file.includes('\\') || d.file.split('/').includes('..')) {
      problems.push(`${where}: not a repository path`);
      continue;
    }
    if (!Number.isInteger(d.line) || d.line < 1) {
      problems.push(`${where}: line is not a positive whole number`);
      continue;
    }
    const content = tree.get(d.file) ?? tree.get(`${d.file}/`);
    if (content === undefined || typeof content === 'string') {
      if (d.line !== 1) problems.push(`${where}: ${content === undefined ? 'no such file' : 'not a regular file'}, but a line other than 1`);
      continue;
    }
    const lines = lineCount(content.toString('utf8'));
    if (d.line > lines) problems.push(`${where}: the file has ${lines} lines`);
  }
  return problems;
}

/** Files named in a message (repository paths of data files), e.g. docs' "files have errors (a, b)". */
export function namedDataFiles(text: string): string[] {
  return [...text.matchAll(/\b((?:policy|rotations|incidents|signoffs|docs\/incidents)\/[^\s,()`"']+?\.(?:yaml|yml|md))(?=[\s,()`"':;]|$)/g)].map((m) => m[1]!);
}

/** What must hold for any command on any input; returns the problems found (empty: all well). */
export function universalProblems(result: CliResult): string[] {
  const problems: string[] = [];
  if (![0, 1, 2].includes(result.code)) problems.push(`exit code ${result.code}`);
  if (STACK_FRAME.test(result.stdout)) problems.push('a stack trace on stdout');
  if (STACK_FRAME.test(result.stderr)) problems.push('a stack trace on stderr');
  // The CLI's last-resort handler: a command that gets there crashed instead of reporting.
  if (/unexpected error/.test(result.stderr)) problems.push(`a crash caught only by the CLI: ${result.stderr.trim().split('\n')[0]}`);
  return problems;
}

/** Runs a command in-process; an exception escaping `main` is turned into a problem, not a test crash. */
export async function runCommand(args: readonly string[], options: Parameters<typeof runCli>[1] = {}): Promise<CliResult & { escaped?: unknown }> {
  try {
    return await runCli(args, options);
  } catch (error) {
    return { code: -1, stdout: '', stderr: '', escaped: error };
  }
}
