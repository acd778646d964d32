import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class GitError extends Error {}

/** Runs git in `root` and gives its standard output; a failure becomes a GitError with git's own message. */
export async function git(root: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new GitError(stderr || (error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Files that differ between `ref` and the working tree (committed, staged or not), plus untracked
 * files: what a pull request changes when `ref` is its base.
 */
export async function changedFiles(root: string, ref: string): Promise<{ changed: string[]; deleted: string[] }> {
  if (ref.startsWith('-')) throw new GitError(`"${ref}" is not a git revision.`);
  // All three at once; a ref that is not a commit is reported as such, whatever the others say.
  const verified = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
  const listed = Promise.all([git(root, ['diff', '--name-status', '--no-renames', '-z', ref, '--']), git(root, ['ls-files', '--others', '--exclude-standard', '-z'])]);
  listed.catch(() => undefined);
  if (!(await verified)) throw new GitError(`"${ref}" is not a commit in this repository (fetch it first, e.g. git fetch origin ${ref}).`);
  const [diff, untracked] = await listed;
  const changed = new Set<string>();
  const deleted = new Set<string>();
  const fields = diff.split('\0').filter(Boolean);
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!;
    const path = fields[i + 1]!;
    if (status.startsWith('D')) deleted.add(path);
    else changed.add(path);
  }
  for (const path of untracked.split('\0').filter(Boolean)) changed.add(path);
  return { changed: [...changed].sort(), deleted: [...deleted].sort() };
}

/** Data files as they were at `ref` (paths under the given folders). */
export async function listFilesAt(root: string, ref: string, folders: readonly string[]): Promise<string[]> {
  const out = await git(root, ['ls-tree', '-r', '-z', '--name-only', ref, '--', ...folders]);
  return out.split('\0').filter(Boolean).sort();
}

/** A file's bytes at `ref`, or undefined when it did not exist there. */
export async function readFileAt(root: string, ref: string, path: string): Promise<Uint8Array | undefined> {
  try {
    const { stdout } = await run('git', ['show', `${ref}:${path}`], { cwd: root, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
    return new Uint8Array(stdout);
  } catch {
    return undefined;
  }
}

/**
 * The bytes of many files at `ref`, read by one `git cat-file --batch` rather than a process per
 * file. Paths missing at `ref` are absent from the result.
 */
export async function readFilesAt(root: string, ref: string, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  // A name with a line break cannot go through the batch protocol; such a path is read on its own.
  const batchable = paths.filter((path) => !/[\r\n]/.test(path));
  for (const path of paths.filter((p) => !batchable.includes(p))) {
    const bytes = await readFileAt(root, ref, path);
    if (bytes !== undefined) out.set(path, bytes);
  }
  if (batchable.length === 0) return out;
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new GitError(error.message)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new GitError(stderr.trim() || `git cat-file exited with ${code}`))));
    child.stdin.end(batchable.map((path) => `${ref}:${path}\n`).join(''));
  });
  const data = Buffer.concat(chunks);
  let offset = 0;
  for (const path of batchable) {
    const lineEnd = data.indexOf(0x0a, offset);
    if (lineEnd < 0) break;
    const header = data.subarray(offset, lineEnd).toString('utf8');
    offset = lineEnd + 1;
    const match = /^[0-9a-f]+ (\S+) (\d+)$/.exec(header);
    if (!match) continue; // "<object> missing" (or ambiguous): not at this revision
    const size = Number(match[2]);
    if (match[1] === 'blob') out.set(path, new Uint8Array(data.subarray(offset, offset + size)));
    offset += size + 1;
  }
  return out;
}
