/**
 * When each file under a folder was first committed: the committer date of the earliest commit in
 * HEAD's history that added it. A post-mortem without `published` counts as completed then.
 */
import { git } from './changed-files.ts';

/**
 * The first-commit date of every file under `folder` (repository-relative paths, as the data files
 * are named). Undefined outside a git work tree, where nothing is known; an empty map in a
 * repository without commits. Files not committed yet are not in the map.
 */
export async function firstCommitDates(root: string, folder: string): Promise<Map<string, Date> | undefined> {
  try {
    const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
    if (inside.trim() !== 'true') return undefined;
  } catch {
    return undefined;
  }
  let out: string;
  try {
    // Newest first; a path added again after a deletion keeps the oldest date, the last one read.
    out = await git(root, ['-c', 'core.quotePath=false', 'log', '--diff-filter=A', '--no-renames', '--relative', '--format=%x01%cI', '--name-only', '--', folder]);
  } catch {
    return new Map(); // no commits yet
  }
  const dates = new Map<string, Date>();
  let current: Date | undefined;
  for (const line of out.split('\n')) {
    if (line.startsWith('\u0001')) {
      const date = new Date(line.slice(1));
      current = Number.isNaN(date.getTime()) ? undefined : date;
    } else if (line !== '' && current) {
      dates.set(line, current);
    }
  }
  return dates;
}
