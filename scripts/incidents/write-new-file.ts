/**
 * Writes a file that must not exist yet, atomically: the content goes to a temporary file in the
 * same folder, which is then linked (or, where links are not supported, renamed) into place. A
 * reader never sees half a file, and an existing file is never replaced, even by a race.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The target already exists; nothing was written. */
export class FileExistsError extends Error {
  readonly path: string;

  constructor(path: string) {
    super(`${path} already exists`);
    this.path = path;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes `content` to `path`, creating folders; throws {@link FileExistsError} if `path` exists. */
export async function writeNewFile(path: string, content: string): Promise<void> {
  if (await exists(path)) throw new FileExistsError(path);
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // Inside the try: a write that fails half-way (a full disk) must not leave its part behind.
    await writeFile(temporary, content, { flag: 'wx' });
    try {
      // link() fails with EEXIST instead of replacing: the no-overwrite guarantee holds even in a race.
      await link(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(path);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
      if (await exists(path)) throw new FileExistsError(path);
      await rename(temporary, path);
    }
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

/** Writes `content` to `path`, replacing it atomically if it exists (for reports written with --out). */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}
