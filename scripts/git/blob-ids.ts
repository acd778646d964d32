/**
 * The blob id of every file under some folders at a commit, from one `git ls-tree` (no file is
 * read): with the cache keyed by the same ids (repo/content-hash.ts), a pull request's run knows
 * the cache entry of every file its change did not touch without reading or even stat'ing it.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { git } from './changed-files.ts';

const HEX_ID = /^[0-9a-f]{40}$/;

/** Paths (under `folders`) at `ref` and their blob ids. */
export async function blobIdsAt(root: string, ref: string, folders: readonly string[]): Promise<Map<string, string>> {
  const out = await git(root, ['ls-tree', '-r', '-z', ref, '--', ...folders]);
  const ids = new Map<string, string>();
  // Each entry: "<mode> <type> <id>\t<path>", the id 40 hex digits right before the tab.
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 46 || entry.slice(tab - 46, tab - 40) !== ' blob ') continue;
    const id = entry.slice(tab - 40, tab);
    if (HEX_ID.test(id)) ids.set(entry.slice(tab + 1), id);
  }
  return ids;
}

/**
 * Whether git may check files out with bytes other than their blobs' (line-end conversion, filters
 * or working-tree encodings, all configured through core.autocrlf or attributes files). Then an
 * unchanged file's blob id need not be the content hash of its bytes on disk, and it is not used.
 */
export async function checkoutMayConvert(root: string): Promise<boolean> {
  const [config, infoAttributes] = await Promise.all([
    git(root, ['config', '--get-regexp', '^core\\.(autocrlf|attributesfile)$']).catch(() => ''),
    git(root, ['rev-parse', '--git-path', 'info/attributes']).catch(() => ''),
  ]);
  for (const line of config.split('\n')) {
    const [key, value] = [line.slice(0, line.indexOf(' ')).toLowerCase(), line.slice(line.indexOf(' ') + 1).trim().toLowerCase()];
    if (key === 'core.autocrlf' && value !== 'false') return true;
    if (key === 'core.attributesfile' && value !== '') return true;
  }
  const info = infoAttributes.trim();
  if (info && existsSync(isAbsolute(info) ? info : join(root, info))) return true;
  const xdg = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  if (existsSync(join(xdg, 'git', 'attributes'))) return true;
  // Attributes files in the repository itself: any at the commit, and any added since.
  const tracked = await git(root, ['ls-files', '-z', '--', '.gitattributes', '*/.gitattributes']).catch(() => '.gitattributes');
  return tracked.length > 0 || existsSync(join(root, '.gitattributes'));
}

/**
 * The blob ids at `ref` of the files under `folders`, when they are the content hashes of the files
 * git checks out (checkoutMayConvert); undefined otherwise, or when git fails. Never rejects, so it
 * can be started before anything else is known about `ref`.
 */
export async function trustedBlobIdsAt(root: string, ref: string, folders: readonly string[]): Promise<Map<string, string> | undefined> {
  try {
    const [ids, converts] = await Promise.all([blobIdsAt(root, ref, folders), checkoutMayConvert(root)]);
    return converts ? undefined : ids;
  } catch {
    return undefined;
  }
}
