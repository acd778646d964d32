/**
 * What `oncall upgrade` takes from a release of the toolkit, as pure functions: the toolkit's paths,
 * and the plan that turns the files there now into the release's. The organisation's data (policy/,
 * rotations/, incidents/, signoffs/, docs/, .github/CODEOWNERS) lies outside these paths and is
 * never read or written.
 */

/**
 * Everything the toolkit owns in a repository made from the template: its code, schemas and tests
 * (which run on their own fixture organisation), workflows, configuration and documentation.
 */
export const TOOLKIT_PATHS: readonly string[] = [
  '.ci',
  '.github/dependabot.yml',
  '.github/workflows',
  '.gitignore',
  '.vscode/settings.json',
  'BENCHMARKS.md',
  'README.md',
  'SECURITY.md',
  'package-lock.json',
  'package.json',
  'schemas',
  'scripts',
  'tests',
  'tsconfig.json',
  'vitest.adoption.config.ts',
  'vitest.config.ts',
];

/** Inside the toolkit's paths but not the toolkit's: the example organisation's own tests. */
export const NOT_TOOLKIT: readonly string[] = ['tests/example'];

/** Files found below these names are never part of a release (installed or generated locally). */
const IGNORED_SEGMENTS = new Set(['node_modules', '.git', '.oncall-cache', '.bench-cache']);

/** Whether a repository path is one of the toolkit's files. */
export function isToolkitPath(path: string): boolean {
  const within = (root: string) => path === root || path.startsWith(`${root}/`);
  if (path.split('/').some((segment) => IGNORED_SEGMENTS.has(segment))) return false;
  return TOOLKIT_PATHS.some(within) && !NOT_TOOLKIT.some(within);
}

/** How the toolkit's files change. */
export interface UpgradePlan {
  added: string[];
  changed: string[];
  /** Files of the old toolkit the release no longer has. */
  removed: string[];
  unchanged: number;
}

/** The plan from the toolkit files there now to the release's (both: path -> content). */
export function planUpgrade(current: ReadonlyMap<string, Uint8Array>, release: ReadonlyMap<string, Uint8Array>): UpgradePlan {
  const plan: UpgradePlan = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const [path, bytes] of release) {
    const now = current.get(path);
    if (now === undefined) plan.added.push(path);
    else if (Buffer.compare(Buffer.from(now), Buffer.from(bytes)) !== 0) plan.changed.push(path);
    else plan.unchanged++;
  }
  for (const path of current.keys()) if (!release.has(path)) plan.removed.push(path);
  plan.added.sort();
  plan.changed.sort();
  plan.removed.sort();
  return plan;
}
