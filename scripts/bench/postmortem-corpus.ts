/**
 * The corpus of real public post-mortems (kept outside the repository, in
 * ../shared/corpora/postmortems, with their sources in its README), as an organisation: the
 * example organisation's data with the corpus's incident records and post-mortems added and the
 * people they name appended to policy/people.yaml. The texts are read from the corpus at run time
 * and never copied into the project: they are their authors' writing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLKIT_ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** Where the corpus is: `ONCALL_CORPUS`, else `postmortems` in the shared corpora beside the repository. */
export function corpusRoot(): string {
  return process.env.ONCALL_CORPUS ?? join(TOOLKIT_ROOT, '..', 'shared', 'corpora', 'postmortems');
}

/** Files of a folder, recursively, as paths relative to `root` with forward slashes, sorted. */
function filesUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(root, path).split('\\').join('/'));
    }
  };
  if (existsSync(join(root, folder))) walk(join(root, folder));
  return out.sort();
}

const EXAMPLE_FOLDERS = ['policy', 'rotations', 'incidents', 'signoffs', 'docs/incidents'];

/** The team the corpus's people belong to (people-corpus.yaml names it). */
const CORPUS_TEAM = '  - id: corpus-responders\n    name: Responders named in the corpus\n    organisation: Corpus\n';

/** Whether the corpus is there: it lives beside the repository, so an organisation's copy of the toolkit has none. */
export function corpusAvailable(root = corpusRoot()): boolean {
  return existsSync(join(root, 'people-corpus.yaml'));
}

/**
 * Every data file of the corpus organisation, by repository path: the example organisation's, and
 * the corpus's records. Throws with the path it looked in when the corpus is not there.
 */
export function corpusOrganisation(root = corpusRoot()): { files: Map<string, string>; incidents: string[]; postmortems: string[] } {
  if (!corpusAvailable(root)) {
    throw new Error(`the post-mortem corpus is not at ${root} (set ONCALL_CORPUS to the folder holding people-corpus.yaml)`);
  }
  const files = new Map<string, string>();
  for (const folder of EXAMPLE_FOLDERS) for (const path of filesUnder(TOOLKIT_ROOT, folder)) files.set(path, readFileSync(join(TOOLKIT_ROOT, path), 'utf8'));
  const incidents = filesUnder(root, 'incidents');
  const postmortems = filesUnder(root, 'docs/incidents');
  for (const path of [...incidents, ...postmortems]) files.set(path, readFileSync(join(root, path), 'utf8'));
  const people = files.get('policy/people.yaml')!;
  const entries = readFileSync(join(root, 'people-corpus.yaml'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  files.set('policy/people.yaml', `${people.replace(/^teams:\n/m, `teams:\n${CORPUS_TEAM}`).replace(/\n*$/, '\n')}${entries.replace(/\n*$/, '\n')}`);
  return { files, incidents, postmortems };
}
