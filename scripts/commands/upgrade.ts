/**
 * `oncall upgrade --from <release>`: takes a newer toolkit without the example organisation. The
 * toolkit's files (scripts/, schemas/, tests/, workflows, package files, its documentation; see
 * upgrade/toolkit-files.ts) are replaced by the release's, and the organisation's data is never
 * read or written. The release is a folder holding the toolkit (a checkout of the template at a
 * release), or a git address with `--ref <tag>`, cloned into a temporary folder.
 *
 * Files it replaces or removes must be committed first (git then holds every one of them), unless
 * --force says otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isToolkitPath, planUpgrade, TOOLKIT_PATHS } from '../upgrade/toolkit-files.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveRoot } from './options.ts';

export interface UpgradeOptions {
  root?: string;
  from?: string;
  ref?: string;
  force?: boolean;
  dryRun?: boolean;
}

const MAX_LISTED = 12;

/** The toolkit's files below `root`, by repository path (links are not followed, nor listed). */
function toolkitFiles(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const visit = (relative: string) => {
    const absolute = join(root, relative);
    const info = lstatSync(absolute, { throwIfNoEntry: false });
    if (!info || info.isSymbolicLink()) return;
    if (info.isDirectory()) {
      for (const name of readdirSync(absolute).sort()) {
        const child = `${relative}/${name}`;
        if (isToolkitPath(child)) visit(child);
      }
    } else if (info.isFile() && isToolkitPath(relative)) {
      files.set(relative, readFileSync(absolute));
    }
  };
  for (const path of TOOLKIT_PATHS) visit(path);
  return files;
}

function versionOf(root: string): string {
  try {
    return String((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** Whether a folder holds a release of this toolkit. */
function isToolkitRelease(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'oncall-as-code' && existsSync(join(dir, 'scripts', 'cli.ts')) && statSync(join(dir, 'schemas')).isDirectory();
  } catch {
    return false;
  }
}

/** The release's folder: `--from` itself, or a shallow clone of the git address at `--ref`. */
function fetchRelease(options: UpgradeOptions, io: CommandIO): { dir: string; cleanup: () => void } {
  const from = options.from;
  if (from === undefined || from.trim() === '') throw new UsageError('upgrade: --from <folder or git address> is required: the release of the toolkit to take.');
  const local = resolve(io.cwd, from);
  if (existsSync(local)) {
    if (options.ref !== undefined) throw new UsageError(`--ref: "${from}" is a folder, so there is nothing to check out; check out ${options.ref} there, or give its git address.`);
    return { dir: local, cleanup: () => {} };
  }
  if (options.ref === undefined) throw new UsageError(`--from: "${from}" is not a folder; for a git address, give the release to take with --ref <tag>.`);
  if (!/^[A-Za-z0-9._/-]+$/.test(options.ref) || options.ref.startsWith('-')) throw new UsageError(`--ref: "${options.ref}" is not a tag or branch name.`);
  const dir = mkdtempSync(join(tmpdir(), 'oncall-upgrade-'));
  try {
    execFileSync('git', ['clone', '--quiet', '--depth', '1', '--branch', options.ref, '--', from, join(dir, 'release')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim().split('\n').pop();
    throw new UsageError(`--from: could not clone ${from} at ${options.ref}: ${detail}`);
  }
  return { dir: join(dir, 'release'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Toolkit files with changes git does not hold yet; undefined when `root` is not a git work tree. */
function uncommittedToolkitFiles(root: string): string[] | undefined {
  let out: string;
  try {
    out = execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...TOOLKIT_PATHS], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const paths: string[] = [];
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    // A rename is followed by its old path.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return paths.filter(isToolkitPath).sort();
}

function listed(paths: readonly string[]): string[] {
  const lines = paths.map((path) => `  ${path}`);
  return lines.length <= MAX_LISTED ? lines : [...lines.slice(0, MAX_LISTED), `  ... and ${lines.length - MAX_LISTED} more`];
}

/** Removes folders a removed file leaves empty, up to the toolkit's own top folders. */
async function pruneEmptyFolders(root: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const path of removed) for (let dir = dirname(path); dir !== '.' && !TOOLKIT_PATHS.includes(dir); dir = dirname(dir)) folders.add(dir);
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const entries = await readdir(join(root, dir)).catch(() => undefined);
    if (entries && entries.length === 0) await rmdir(join(root, dir));
  }
}

/** `oncall upgrade --from <folder | git address> [--ref <tag>] [--dry-run] [--force]`. */
export async function runUpgrade(options: UpgradeOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const release = fetchRelease(options, io);
  try {
    if (!isToolkitRelease(release.dir)) {
      throw new UsageError(`--from: ${options.from} does not hold the oncall-as-code toolkit (package.json named oncall-as-code, scripts/cli.ts, schemas/).`);
    }
    if (resolve(release.dir) === resolve(root)) throw new UsageError('--from: that is this repository; give the folder or git address of the release to take.');
    const current = toolkitFiles(root);
    const incoming = toolkitFiles(release.dir);
    const plan = planUpgrade(current, incoming);
    const from = versionOf(root);
    const to = versionOf(release.dir);

    if (!options.dryRun && !options.force) {
      const uncommitted = uncommittedToolkitFiles(root);
      const touched = new Set([...plan.changed, ...plan.removed]);
      const atRisk = uncommitted?.filter((path) => touched.has(path)) ?? [];
      if (uncommitted === undefined || atRisk.length > 0) {
        io.stderr(
          [
            uncommitted === undefined
              ? `oncall upgrade: ${root} is not a git work tree, so the toolkit files upgrade replaces could not be recovered. Nothing was changed.`
              : 'oncall upgrade: these toolkit files have changes git does not hold yet, and upgrading would replace or remove them. Nothing was changed.',
            ...listed(atRisk),
            'Commit your work first (upgrading keeps only your data: policy/, rotations/, incidents/, signoffs/, docs/), or run again with --force.',
            '',
          ].join('\n'),
        );
        return 1;
      }
    }

    const summary = `${plan.added.length} added, ${plan.changed.length} changed, ${plan.removed.length} removed, ${plan.unchanged} unchanged`;
    if (options.dryRun) {
      const lines = [`Upgrading the toolkit from ${from} to ${to} would change its files: ${summary}. Nothing was written.`];
      for (const [word, paths] of [['add', plan.added], ['change', plan.changed], ['remove', plan.removed]] as const) {
        if (paths.length > 0) lines.push(`Would ${word}:`, ...listed(paths));
      }
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    }

    for (const path of [...plan.added, ...plan.changed]) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), incoming.get(path)!);
    }
    for (const path of plan.removed) await rm(join(root, path), { force: true });
    await pruneEmptyFolders(root, plan.removed);

    io.stdout(
      [
        `Upgraded the toolkit from ${from} to ${to}: ${summary}. Your data (policy/, rotations/, incidents/, signoffs/, docs/) was not touched.`,
        'Next:',
        '  npm ci                            # the release\'s dependencies',
        '  npm run oncall -- validate        # a newer schema or rule may ask for a change in your data',
        '  npm test                          # the toolkit\'s own tests, on their fixture organisation',
        `  git add -A && git commit -m "Upgrade oncall-as-code to ${to}"`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    release.cleanup();
  }
}
