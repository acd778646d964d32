/**
 * File access for `oncall init`: reading an organisation's data files, finding generated pages,
 * and loading the shipped manifest and skeleton templates.
 */
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_ROOTS } from '../schema/kinds.ts';
import { isGeneratedFile, type ExampleManifest } from './example-organisation.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where the example organisation's fingerprint is kept; `write-manifest.ts` regenerates it. */
export const MANIFEST_FILE = join(HERE, 'example-manifest.json');

/** The starter files, laid out as they are written into the repository. */
export const SKELETON_DIR = join(HERE, 'skeleton');

/** Where generated pages live, besides the data folders; docs/incidents/ holds hand-written post-mortems. */
const GENERATED_ROOTS = ['docs'];
const GENERATED_FILES = ['.github/CODEOWNERS'];
const HAND_WRITTEN_UNDER_DOCS = 'docs/incidents';

/**
 * Tests that check the example organisation itself (that it encodes its source documents, that its
 * committed pages are current): they belong to the example data and go with it.
 */
export const EXAMPLE_TEST_ROOT = 'tests/example';

const toRepoPath = (root: string, absolute: string) => relative(root, absolute).split(sep).join('/');

async function walk(root: string, dir: string, skip: (path: string) => boolean, visit: (path: string, absolute: string) => Promise<void>): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (skip(path)) continue;
    if (entry.isDirectory()) await walk(root, path, skip, visit);
    else await visit(path, join(root, path));
  }
}

/**
 * Every file below the data folders (policy/, rotations/, incidents/, signoffs/, handoffs/,
 * docs/incidents/) and the example's own tests (tests/example/), whatever its name. A link is
 * recorded by its target, so it never passes for an example file.
 */
export async function readOrganisationTree(root: string): Promise<Map<string, Uint8Array>> {
  const tree = new Map<string, Uint8Array>();
  for (const dataRoot of [...DATA_ROOTS, EXAMPLE_TEST_ROOT]) {
    await walk(root, dataRoot, () => false, async (path, absolute) => {
      const stat = await lstat(absolute);
      if (stat.isSymbolicLink()) tree.set(path, Buffer.from(`link -> ${await readlink(absolute)}`));
      else if (stat.isFile()) tree.set(path, await readFile(absolute));
    });
  }
  return tree;
}

/** Generated pages, CODEOWNERS and calendars: files outside the data folders that carry the generator's marker. */
export async function listGeneratedFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const consider = async (path: string, absolute: string) => {
    const stat = await lstat(absolute).catch(() => undefined);
    if (!stat?.isFile()) return;
    if (isGeneratedFile(path, await readFile(absolute, 'utf8'))) found.push(path);
  };
  for (const generatedRoot of GENERATED_ROOTS) {
    await walk(root, generatedRoot, (path) => path === HAND_WRITTEN_UNDER_DOCS, consider);
  }
  for (const path of GENERATED_FILES) await consider(path, join(root, path));
  return found.sort();
}

export function loadManifest(): ExampleManifest {
  return JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as ExampleManifest;
}

/** The skeleton's templates, keyed by the repo-relative path they are written to. */
export async function loadSkeleton(): Promise<Map<string, string>> {
  const templates = new Map<string, string>();
  await walk(SKELETON_DIR, '', () => false, async (_path, absolute) => {
    templates.set(toRepoPath(SKELETON_DIR, absolute), await readFile(absolute, 'utf8'));
  });
  return templates;
}
