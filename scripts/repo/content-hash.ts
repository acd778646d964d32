/**
 * A file's content key: the id git gives the same bytes as a blob (sha1 of "blob <length>\0" and
 * the bytes). Being git's own id, it is known for every file of a commit without reading a byte
 * (`git ls-tree`), so a pull request's run can look its unchanged files up in the cache directly.
 */
import { createHash } from 'node:crypto';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
