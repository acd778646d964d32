/**
 * Writes the synthetic organisation into a cache folder as a git repository (a base commit and the
 * ten-file change on top), and reuses it while the seed, the scale, the generator and the fixture
 * organisation it grows from are the same.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDataFiles } from '../../repo/read-repository.ts';
import { generateOrganisation, SCALES, type ScaleName } from './organisation.ts';

const GENERATOR_DIR = dirname(fileURLToPath(import.meta.url));

export interface SyntheticTree {
  /** The repository root (a git work tree at the change's commit). */
  root: string;
  /** The base commit's ref, for `--changed-since`. */
  baseRef: string;
  /** Paths of the ten changed files. */
  changed: string[];
  /** Bytes of data in the tree, and number of data files. */
  bytes: number;
  files: number;
  /** Whether it was generated now (false: reused from the cache). */
  generated: boolean;
}

/**
 * The organisation the synthetic one is grown from: the toolkit's test fixture (a copy of the
 * example organisation), which stays in place when `oncall init` replaces the example data.
 */
export function seedOrganisationRoot(toolkitRoot: string): string {
  return join(toolkitRoot, 'tests', 'fixtures', 'organisation');
}

/** The data files of the organisation at `root`, by path. */
export async function readExample(root: string): Promise<Map<string, string>> {
  const { paths } = await listDataFiles(root);
  return new Map(paths.map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

/** A hash of everything the tree is made from, so a changed generator or example never reuses a stale tree. */
function fingerprint(example: Map<string, string>, seed: string, scale: ScaleName): string {
  const hash = createHash('sha256').update(`${seed}\0${scale}\0`);
  const sources = [join(GENERATOR_DIR, '..', 'prng.ts'), ...readdirSync(GENERATOR_DIR).sort().map((name) => join(GENERATOR_DIR, name))];
  for (const source of sources) hash.update(readFileSync(source));
  for (const [path, text] of [...example].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${path}\0${text}\0`);
  return hash.digest('hex').slice(0, 16);
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=oncall bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Writes files (by repository-relative path) under root. */
export function writeAll(root: string, files: Map<string, string>): void {
  const made = new Set<string>();
  for (const [path, text] of files) {
    const folder = dirname(join(root, path));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(root, path), text);
  }
}

/** The synthetic tree for a seed and scale under `cacheDir`, generated when missing. */
export async function syntheticTree(options: { toolkitRoot: string; cacheDir: string; seed: string; scale: ScaleName; log?: (line: string) => void }): Promise<SyntheticTree> {
  const example = await readExample(seedOrganisationRoot(options.toolkitRoot));
  const folder = join(options.cacheDir, `${options.scale}-${options.seed}-${fingerprint(example, options.seed, options.scale)}`);
  const root = join(folder, 'tree');
  const marker = join(folder, 'ready.json');
  if (existsSync(marker)) {
    return { ...(JSON.parse(readFileSync(marker, 'utf8')) as Omit<SyntheticTree, 'generated'>), root, generated: false };
  }
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  options.log?.(`generating the ${options.scale} organisation (seed ${options.seed}) in ${root}`);
  const organisation = generateOrganisation(example, options.seed, SCALES[options.scale]);
  writeAll(root, organisation.files);
  // Generated docs and the validator's cache are not part of the history.
  writeFileSync(join(root, '.gitignore'), '.oncall-cache/\n/docs/*\n!/docs/incidents/\n/.github/\n');
  git(root, ['init', '-q']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'Synthetic organisation']);
  const baseRef = git(root, ['rev-parse', 'HEAD']).trim();
  writeAll(root, organisation.change);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'One rotation, five incidents and four sign-offs changed']);
  let bytes = 0;
  for (const text of organisation.files.values()) bytes += Buffer.byteLength(text);
  const info = { root, baseRef, changed: [...organisation.change.keys()].sort(), bytes, files: organisation.files.size };
  writeFileSync(marker, JSON.stringify(info, null, 2));
  return { ...info, generated: true };
}
