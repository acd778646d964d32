/** Relative links between generated pages and repository files, as GitHub resolves them. */
import { posix } from 'node:path';

/**
 * The link from the page at `fromPage` to `target` (both repository-relative, forward slashes),
 * with an optional `#anchor`. Links stay relative so they work on GitHub, in a clone and in forks.
 */
export function relativeLink(fromPage: string, target: string, anchor?: string): string {
  const fromDir = posix.dirname(fromPage);
  let rel = posix.relative(fromDir, target);
  if (rel === '') rel = posix.basename(target);
  const href = rel.split('/').map(encodeURIComponent).join('/');
  return anchor ? `${href}#${anchor}` : href;
}

/** The repository path a relative link on `fromPage` points to, without its anchor (for checks). */
export function resolveLink(fromPage: string, href: string): { path: string; anchor?: string } {
  const hash = href.indexOf('#');
  const pathPart = hash === -1 ? href : href.slice(0, hash);
  const anchor = hash === -1 ? undefined : decodeURIComponent(href.slice(hash + 1));
  const path = pathPart === '' ? fromPage : posix.normalize(posix.join(posix.dirname(fromPage), decodeURIComponent(pathPart)));
  return anchor === undefined ? { path } : { path, anchor };
}
