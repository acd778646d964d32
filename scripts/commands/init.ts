import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DATA_ROOTS } from '../schema/kinds.ts';
import { isIanaZone } from '../util/timezones.ts';
import {
  compareWithExample,
  contentHash,
  fillTemplate,
  isExactlyTheExample,
  personIdFrom,
  rotationStart,
  type ExampleComparison,
  type ExampleManifest,
  type SkeletonValues,
} from '../init/example-organisation.ts';
import { listGeneratedFiles, loadManifest, loadSkeleton, readOrganisationTree } from '../init/tree.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';

export interface InitOptions {
  root?: string;
  now?: string;
  force?: boolean;
  organisation?: string;
  person?: string;
  github?: string;
  /** The account's numeric id (GET /users/<login>); approvals match on it. */
  githubId?: string;
  timezone?: string;
}

/** Used when --github is not given: obviously not anyone's login, and reported as such. */
export const DEFAULT_GITHUB_LOGIN = 'replace-with-your-login';
const DEFAULT_PERSON = 'Organisation Admin';
const DEFAULT_ORGANISATION = 'My organisation';
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const MAX_LISTED = 12;

function resolveValues(options: InitOptions, now: Date): SkeletonValues {
  const organisation = (options.organisation ?? DEFAULT_ORGANISATION).trim();
  const personName = (options.person ?? DEFAULT_PERSON).trim();
  const github = options.github ?? DEFAULT_GITHUB_LOGIN;
  const timezone = options.timezone ?? 'UTC';
  if (organisation === '' || organisation.length > 200) throw new UsageError('--organisation: give a name of 1 to 200 characters.');
  if (personName === '' || personName.length > 200) throw new UsageError('--person: give a full name of 1 to 200 characters.');
  if (!GITHUB_LOGIN.test(github)) throw new UsageError(`--github: "${github}" is not a GitHub login (letters, digits and single hyphens, at most 39).`);
  if (!isIanaZone(timezone)) throw new UsageError(`--timezone: "${timezone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC).`);
  const githubId = options.githubId;
  if (githubId !== undefined && !/^[1-9][0-9]{0,15}$/.test(githubId)) throw new UsageError(`--github-id: "${githubId}" is not a GitHub account id (a number; GET /users/<login> gives it).`);
  return { organisation, personName, personId: personIdFrom(personName), github, ...(githubId !== undefined ? { githubId: Number(githubId) } : {}), timezone, start: rotationStart(now, timezone) };
}

function listDifferences(comparison: ExampleComparison): string[] {
  const lines = [
    ...comparison.changed.map((path) => `  changed since the example:  ${path}`),
    ...comparison.extra.map((path) => `  not part of the example:    ${path}`),
    ...comparison.missing.map((path) => `  example file removed:       ${path}`),
  ];
  if (lines.length <= MAX_LISTED) return lines;
  return [...lines.slice(0, MAX_LISTED), `  ... and ${lines.length - MAX_LISTED} more`];
}

/** Removes folders left empty below `stopAt` (the data folders themselves stay). */
async function pruneEmptyFolders(root: string, paths: readonly string[]): Promise<void> {
  const stops = new Set<string>([...DATA_ROOTS, 'docs', '.github', 'tests', '']);
  const folders = new Set<string>();
  for (const path of paths) {
    for (let dir = dirname(path); !stops.has(dir) && dir !== '.'; dir = dirname(dir)) folders.add(dir);
  }
  // Deepest first, so a parent is looked at after its children are gone.
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const entries = await readdir(join(root, dir)).catch(() => undefined);
    if (entries && entries.length === 0) await rmdir(join(root, dir));
  }
}

/**
 * `oncall init`: turns a fresh copy of the template into an empty organisation. Keeps the schemas
 * and the toolkit (and its tests, which run on their own fixture organisation), writes starter
 * policy files (one person holding the roles the approval rules need), a starter rotation, and
 * removes the example records, the tests of the example (tests/example/) and generated pages. Refuses (exit 1,
 * nothing touched) unless the data is still exactly the example organisation, or --force is given;
 * files that are not part of the example are never deleted. `manifest` is the example's fingerprint
 * (tests pass one made from their own copy).
 */
export async function runInit(options: InitOptions, io: CommandIO, manifest: ExampleManifest = loadManifest()): Promise<number> {
  const root = resolveRoot(options.root, io);
  const values = resolveValues(options, resolveNow(options.now));
  const tree = await readOrganisationTree(root);
  const comparison = compareWithExample(tree, manifest);

  if (!isExactlyTheExample(comparison) && !options.force) {
    io.stderr(
      [
        `oncall init: ${root} no longer holds exactly the example organisation, so init leaves it alone:`,
        ...listDifferences(comparison),
        'Nothing was changed. To replace the policy files and remove the unchanged example files anyway, run it',
        'again with --force; files that are not part of the example are never deleted.',
        '',
      ].join('\n'),
    );
    return 1;
  }

  const skeleton = new Map([...(await loadSkeleton())].map(([path, template]) => [path, fillTemplate(template, values)]));
  const isUnchangedExample = (path: string) => manifest.files[path] !== undefined && manifest.files[path] === contentHash(tree.get(path)!);

  const written: string[] = [];
  const keptInsteadOfSkeleton: string[] = [];
  for (const [path, content] of skeleton) {
    // Policy files are what init replaces; any other starter file yields to a hand-written one.
    if (tree.has(path) && !path.startsWith('policy/') && !isUnchangedExample(path)) {
      keptInsteadOfSkeleton.push(path);
      continue;
    }
    written.push(path);
  }
  const removed: string[] = [];
  const kept: string[] = [];
  for (const path of tree.keys()) {
    if (written.includes(path) || keptInsteadOfSkeleton.includes(path)) continue;
    if (isUnchangedExample(path)) removed.push(path);
    else kept.push(path);
  }
  const generated = await listGeneratedFiles(root);

  for (const path of [...removed, ...generated]) await rm(join(root, path), { force: true });
  await pruneEmptyFolders(root, [...removed, ...generated]);
  for (const path of written) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), skeleton.get(path)!);
  }

  const out: string[] = [`Turned ${root} into an empty organisation, "${values.organisation}".`];
  out.push(`Wrote ${written.length} starter files: ${written.sort().join(', ')}.`);
  out.push(`Removed ${removed.length} example files and ${generated.length} generated files.`);
  for (const path of keptInsteadOfSkeleton) out.push(`Kept your ${path} instead of the starter one.`);
  if (kept.length > 0) out.push(`Kept ${kept.length} files that are not part of the example: ${kept.sort().join(', ')}.`);
  out.push(
    '',
    `${values.personName} (${values.personId}, GitHub @${values.github}) holds every role the approval rules need.`,
    ...(values.github === DEFAULT_GITHUB_LOGIN
      ? [`Put your real GitHub login into policy/people.yaml in place of "${DEFAULT_GITHUB_LOGIN}", or run init again with --force --github <login>.`]
      : []),
    'Next:',
    '  npm run oncall -- validate        # the new organisation is valid',
    '  npm run oncall -- docs            # regenerate docs/ and .github/CODEOWNERS',
    '  then add your people to policy/people.yaml and rotations/on-call.yaml in a pull request.',
    '',
  );
  io.stdout(out.join('\n'));
  return 0;
}
