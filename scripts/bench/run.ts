/**
 * `npm run bench -- [--scale small|large] [--seed <text>] [--reps <n>] [--write]`
 *
 * Generates (or reuses) the synthetic organisation for the seed and scale under .bench-cache/,
 * checks that `validate` finds nothing in it, then times each figure as its own process, several
 * times, and prints the medians with their ratio to the floor measured in the same run and their
 * peak memory. `--write` puts the table into BENCHMARKS.md, with the machine and the command.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs as parseCliArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startApprovalsScenario, PULL_REQUEST } from './approvals-scenario.ts';
import { startPagerDutyScenario } from './pagerduty-scenario.ts';
import { measure, median, type Run } from './measure.ts';
import { SYNTHETIC_NOW, type ScaleName } from './synthetic/organisation.ts';
import { syntheticTree, type SyntheticTree } from './synthetic/tree.ts';
import { renderBenchmarks, type Figure } from './report.ts';

const TOOLKIT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const BIN = join(TOOLKIT, 'scripts', 'bin', 'oncall.js');
const AJV = join(TOOLKIT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const NODE = process.execPath;

interface Args {
  scale: ScaleName;
  seed: string;
  reps: number;
  write: boolean;
}

function parseArgs(argv: string[]): Args {
  const { values } = parseCliArgs({
    args: argv,
    options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string', default: '1' }, reps: { type: 'string', default: '3' }, write: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const scale = values.scale;
  if (scale !== 'small' && scale !== 'large') throw new Error(`--scale: "${scale}" is not small or large`);
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps: "${values.reps}" is not a whole number of runs`);
  return { scale, seed: values.seed!, reps, write: values.write! };
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function gitShow(root: string, ref: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:${path}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Puts the changed files at their base or head content (the files, not git: stat identities of the rest stay). */
function checkOut(tree: SyntheticTree, ref: string): void {
  for (const path of tree.changed) {
    const content = gitShow(tree.root, ref, path);
    if (content === undefined) rmSync(join(tree.root, path), { force: true });
    else writeFileSync(join(tree.root, path), content);
  }
}

/** Runs a figure `reps` times (after `prepare`, untimed, before each) and keeps every run. */
async function repeat(reps: number, run: () => Promise<Run>, prepare?: () => void | Promise<void>): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < reps; i++) {
    await prepare?.();
    runs.push(await run());
  }
  return runs;
}

function summarise(id: string, name: string, runs: readonly Run[], extra: Partial<Figure> = {}): Figure {
  const peaks = runs.map((r) => r.peakMb).filter((m): m is number => m !== undefined);
  const failed = runs.find((r) => r.code !== 0 && !extra.exitCodesAllowed?.includes(r.code));
  if (failed) throw new Error(`${name} exited with ${failed.code}:\n${failed.stderr.slice(0, 2000)}`);
  return { id, name, seconds: median(runs.map((r) => r.seconds)), ...(peaks.length > 0 ? { peakMb: Math.max(...peaks) } : {}), runs: runs.length, ...extra };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const tree = await syntheticTree({ toolkitRoot: TOOLKIT, cacheDir: join(TOOLKIT, '.bench-cache', 'trees'), seed: args.seed, scale: args.scale, log });
  log(`${args.scale} organisation: ${tree.files} files, ${(tree.bytes / 1e6).toFixed(1)} MB, in ${tree.root}${tree.generated ? ' (generated now)' : ''}`);
  const root = tree.root;
  const cacheDir = join(root, '.oncall-cache', 'validate');
  const bin = (...argv: string[]) => () => measure(NODE, [BIN, ...argv], { cwd: root });
  const validateArgs = ['validate', '--root', root, '--now', SYNTHETIC_NOW, '--format', 'json'];

  // The data must be valid, so every rule has its full work to do and nothing is skipped.
  await bin('--version')(); // compiles the toolkit's sources once, outside any timing
  checkOut(tree, 'HEAD');
  const check = await bin(...validateArgs, '--no-cache')();
  const report = JSON.parse(check.stdout) as { summary: { files: number; errors: number; warnings: number } };
  if (report.summary.errors > 0 || check.code !== 0) throw new Error(`validate finds errors in the synthetic organisation (fix the generator):\n${check.stdout.slice(0, 4000)}`);
  log(`validate: ${report.summary.files} files, no errors`);

  const figures: Figure[] = [];
  const add = (figure: Figure) => {
    figures.push(figure);
    log(`${figure.name}: ${figure.seconds.toFixed(3)} s${figure.peakMb ? `, ${figure.peakMb.toFixed(0)} MB` : ''}`);
  };

  add(summarise('floor', 'floor: read + yaml parseDocument, one thread', await repeat(args.reps, () => measure(NODE, [join(TOOLKIT, 'scripts', 'bench', 'floor.mjs'), root], { cwd: root }))));

  // The peer: ajv-cli over the same files and schemas, one process per file kind.
  const peerRuns = await repeat(args.reps, async () => {
    const kinds: [string, string][] = [
      ...['organisation', 'people', 'roles', 'raci', 'severities', 'escalation', 'lifecycle', 'kill-switch', 'approvals', 'communication'].map((k): [string, string] => [k, `policy/${k}.yaml`]),
      ['rotation', 'rotations/*.yaml'],
      ['incident', 'incidents/*/*.yaml'],
      ['signoff', 'signoffs/*/*.yaml'],
    ];
    const runs: Run[] = [];
    for (const [kind, glob] of kinds) {
      runs.push(
        await measure(NODE, [AJV, 'validate', '--spec=draft2020', '--all-errors', '--errors=no', '-s', join(TOOLKIT, 'schemas', `${kind}.schema.json`), '-r', join(TOOLKIT, 'schemas', 'defs.schema.json'), '-c', join(TOOLKIT, 'scripts', 'bench', 'ajv-peer-plugin.cjs'), '-d', glob], { cwd: root }),
      );
    }
    const peaks = runs.map((r) => r.peakMb).filter((m): m is number => m !== undefined);
    return { seconds: runs.reduce((s, r) => s + r.seconds, 0), ...(peaks.length ? { peakMb: Math.max(...peaks) } : {}), code: 0, stdout: '', stderr: '' };
  });
  add(summarise('peer', 'peer: ajv-cli, schemas only (not post-mortems)', peerRuns));

  add(summarise('cold', 'validate, cold (no cache)', await repeat(args.reps, bin(...validateArgs), () => rmSync(cacheDir, { recursive: true, force: true }))));
  await bin(...validateArgs)();
  add(summarise('warm', 'validate, warm (nothing changed)', await repeat(args.reps, bin(...validateArgs))));

  // A pull request's run: the cache of its base, then the change of ten files checked out on top.
  checkOut(tree, tree.baseRef);
  rmSync(cacheDir, { recursive: true, force: true });
  await bin(...validateArgs)();
  const baseCache = mkdtempSync(join(tmpdir(), 'oncall-bench-cache-'));
  cpSync(cacheDir, baseCache, { recursive: true });
  checkOut(tree, 'HEAD');
  add(
    summarise(
      'changed',
      `validate --changed-since, ${tree.changed.length} files changed`,
      await repeat(args.reps, bin(...validateArgs, '--changed-since', tree.baseRef), () => {
        rmSync(cacheDir, { recursive: true, force: true });
        cpSync(baseCache, cacheDir, { recursive: true });
      }),
    ),
  );
  rmSync(baseCache, { recursive: true, force: true });

  await bin('docs', '--root', root, '--now', SYNTHETIC_NOW)();
  add(summarise('docs', 'docs (everything rendered, nothing to write)', await repeat(args.reps, bin('docs', '--root', root, '--now', SYNTHETIC_NOW))));
  add(summarise('now', 'now, all rotations', await repeat(args.reps, bin('now', '--root', root, '--now', SYNTHETIC_NOW))));
  const afterLoad = await repeat(args.reps, () => measure(NODE, ['--import', 'tsx', join(TOOLKIT, 'scripts', 'bench', 'now-after-load.ts'), root, SYNTHETIC_NOW], { cwd: TOOLKIT }));
  const inner = afterLoad.map((r) => JSON.parse(r.stdout) as { firstMs: number; nextMs: number; rotations: number });
  add({ id: 'now-after-load', name: `now after loading: one instant, all ${inner[0]!.rotations} rotations (next instant ${median(inner.map((i) => i.nextMs)).toFixed(0)} ms)`, seconds: median(inner.map((i) => i.firstMs)) / 1000, runs: inner.length, inProcess: true });
  const calendarOut = mkdtempSync(join(tmpdir(), 'oncall-bench-calendars-'));
  add(summarise('calendar', 'calendar, all rotations and people', await repeat(args.reps, bin('calendar', '--root', root, '--now', SYNTHETIC_NOW, '--out', calendarOut))));
  rmSync(calendarOut, { recursive: true, force: true });

  const server = await startApprovalsScenario(tree);
  try {
    const env = server.env() as NodeJS.ProcessEnv;
    const approvals = await repeat(args.reps, () =>
      measure(NODE, [BIN, 'approvals', '--pr', String(PULL_REQUEST), '--base-source', 'git', '--dry-run', '--format', 'json', '--now', SYNTHETIC_NOW], { cwd: root, env }),
    );
    add(summarise('approvals', 'approvals: 50 files, 200 reviews, local GitHub API', approvals, { exitCodesAllowed: [1] }));
  } finally {
    await server.close();
  }

  // PagerDuty: a plan against an account the seeding apply has synced, under the 960-a-minute limit.
  const pagerduty = await startPagerDutyScenario(root, BIN, SYNTHETIC_NOW);
  try {
    const env = { ...process.env, ...pagerduty.server.env() } as NodeJS.ProcessEnv;
    const counts: number[] = [];
    const plans = await repeat(
      args.reps,
      async () => {
        const before = pagerduty.server.requests.length;
        const run = await measure(NODE, [BIN, 'sync', 'pagerduty', '--plan', '--exit-code', '--format', 'json', '--now', SYNTHETIC_NOW], { cwd: root, env });
        counts.push(pagerduty.server.requests.length - before);
        return run;
      },
      () => pagerduty.server.resetRateLimit(),
    );
    const schedules = pagerduty.server.state.schedules.length;
    log(`sync pagerduty: the seeding apply sent ${pagerduty.applyRequests} requests (${pagerduty.applyWrites} writes); each plan ${counts.join(', ')} requests, all reads`);
    add(summarise('pagerduty-plan', `sync pagerduty --plan: ${schedules} schedules in sync, ${Math.max(...counts)} requests (all reads), local PagerDuty API at 960/min`, plans));
  } finally {
    await pagerduty.server.close();
  }
  add(summarise('help', 'oncall --help', await repeat(args.reps, bin('--help'))));

  const table = renderBenchmarks({
    scale: args.scale,
    seed: args.seed,
    tree,
    figures,
    machine: { cores: cpus().length, memoryGb: totalmem() / 1024 ** 3, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
    command: `npm run bench -- --scale ${args.scale}${args.seed !== '1' ? ` --seed ${args.seed}` : ''} --write`,
    date: new Date().toISOString().slice(0, 10),
    reps: args.reps,
  });
  process.stdout.write(`${table.text}\n`);
  if (args.write) {
    const file = join(TOOLKIT, 'BENCHMARKS.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, table.into(current));
    log(`updated ${file}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
