import { appendFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { checkRepository } from '../check/check-repository.ts';
import { changedFiles, GitError } from '../git/changed-files.ts';
import { readRepository } from '../repo/read-repository.ts';
import { readRevision } from '../repo/read-revision.ts';
import type { SourceFile } from '../repo/source-file.ts';
import { summarise, type Diagnostic } from '../report/diagnostic.ts';
import { formatReport } from '../report/index.ts';
import { ruleCatalogue } from '../rules/index.ts';
import { TOOLKIT_VERSION } from '../version.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveFormat, resolveNow, resolveRoot, useColor } from './options.ts';

export interface ValidateOptions {
  root?: string;
  format?: string;
  now?: string;
  changedSince?: string;
}

/** Repository-relative, forward-slash form of a path given on the command line. */
function toRepoPath(root: string, cwd: string, given: string): string {
  const absolute = isAbsolute(given) ? given : resolve(cwd, given);
  const rel = relative(root, absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`"${given}" is outside the repository ${root}.`);
  if (!existsSync(absolute)) throw new UsageError(`"${given}" does not exist.`);
  return rel.split(sep).join('/');
}

/**
 * `oncall validate [paths...]`: schema and semantic checks over the whole repository. With paths
 * (or --changed-since), everything is still loaded, since rules need the whole picture, but only
 * findings in those files are reported.
 */
export async function runValidate(paths: readonly string[], options: ValidateOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const format = resolveFormat(options.format, io);
  const now = resolveNow(options.now);

  let only: Set<string> | undefined;
  let baseFiles: SourceFile[] | undefined;
  if (paths.length > 0) {
    only = new Set(paths.map((p) => toRepoPath(root, io.cwd, p)));
  }
  if (options.changedSince !== undefined) {
    try {
      const { changed, deleted } = await changedFiles(root, options.changedSince);
      only = new Set([...(only ?? []), ...changed, ...deleted]);
      baseFiles = await readRevision(root, options.changedSince);
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(`--changed-since: ${error.message}`);
      throw error;
    }
  }

  const read = await readRepository(root);
  const checked = checkRepository(read.files, { now, ...(baseFiles ? { baseFiles } : {}) });
  let diagnostics: Diagnostic[] = [...read.diagnostics, ...checked.diagnostics];
  let fileCount = read.files.length;
  if (only) {
    const selected = only;
    // A folder named on the command line selects everything below it.
    const inSelection = (file: string) => selected.has(file) || [...selected].some((p) => file.startsWith(`${p.replace(/\/$/, '')}/`));
    diagnostics = diagnostics.filter((d) => inSelection(d.file));
    fileCount = read.files.filter((f) => inSelection(f.path)).length;
  }

  const summary = summarise(diagnostics, fileCount);
  const report = formatReport(format, diagnostics, summary, { color: useColor(io), toolVersion: TOOLKIT_VERSION, rules: ruleCatalogue() });
  io.stdout(report.stdout);
  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  if (report.summaryMarkdown !== undefined && summaryPath) await appendFile(summaryPath, report.summaryMarkdown);
  return summary.errors > 0 ? 1 : 0;
}
