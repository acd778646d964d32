import { appendFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { validateRepository } from '../check/pipeline.ts';
import { applyRuleSettings, ruleSettingsOf, type RuleSettings } from '../check/rule-settings.ts';
import { validateSelection, type SelectionOptions } from '../check/selection.ts';
import { trustedBlobIdsAt } from '../git/blob-ids.ts';
import { changedFiles, GitError } from '../git/changed-files.ts';
import { firstCommitDates } from '../git/first-commits.ts';
import { DATA_ROOTS } from '../schema/kinds.ts';
import { summarise, type Diagnostic } from '../report/diagnostic.ts';
import { formatReport } from '../report/index.ts';
import { readDataFileSync } from '../repo/read-repository.ts';
import { configurableRuleIds, ruleCatalogue } from '../rules/index.ts';
import { TOOLKIT_VERSION } from '../version.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveFormat, resolveNow, resolveRoot, useColor } from './options.ts';

export interface ValidateOptions {
  root?: string;
  format?: string;
  now?: string;
  changedSince?: string;
  /** False with --no-cache: neither read nor write .oncall-cache/validate/. */
  cache?: boolean;
}

/** Repository-relative, forward-slash form of a path given on the command line. */
function toRepoPath(root: string, cwd: string, given: string): string {
  const absolute = isAbsolute(given) ? given : resolve(cwd, given);
  const rel = relative(root, absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`"${given}" is outside the repository ${root}.`);
  if (!existsSync(absolute)) throw new UsageError(`"${given}" does not exist.`);
  return rel.split(sep).join('/');
}

/** The organisation's rule settings (policy/organisation.yaml `rules`); none when it cannot be read. */
function readRuleSettings(root: string): RuleSettings {
  const value = readDataFileSync(root, 'policy/organisation.yaml', 'organisation').file?.parsed?.value;
  const rules = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).rules : undefined;
  return ruleSettingsOf(rules, configurableRuleIds());
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
  let base: SelectionOptions['base'];
  if (paths.length > 0) {
    only = new Set(paths.map((p) => toRepoPath(root, io.cwd, p)));
  }
  if (options.changedSince !== undefined) {
    // The base's blob ids (for the cache) are listed while git finds what changed.
    const blobIds = options.cache !== false ? trustedBlobIdsAt(root, options.changedSince, DATA_ROOTS) : undefined;
    try {
      const { changed, deleted } = await changedFiles(root, options.changedSince);
      only = new Set([...(only ?? []), ...changed, ...deleted]);
      base = { ref: options.changedSince, changed, deleted, ...(blobIds ? { blobIds } : {}) };
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(`--changed-since: ${error.message}`);
      throw error;
    }
  }

  const cache = options.cache !== false;
  // Read at the edge, passed in as data: when each post-mortem was first committed (postmortem-due).
  const firstCommits = await firstCommitDates(root, 'docs/incidents');
  const history = firstCommits ? { firstCommits } : {};
  let diagnostics: Diagnostic[];
  let fileCount: number;
  if (only) {
    const selected = only;
    // A folder named on the command line selects everything below it.
    const folders = [...selected].map((p) => `${p.replace(/\/$/, '')}/`);
    const inSelection = (file: string) => selected.has(file) || folders.some((folder) => file.startsWith(folder));
    const run = await validateSelection(root, { now, cache, selected: inSelection, ...(base ? { base } : {}), ...history });
    diagnostics = run.diagnostics.filter((d) => inSelection(d.file));
    fileCount = run.files.filter((f) => inSelection(f.path)).length;
  } else {
    const run = await validateRepository(root, { now, cache, ...history });
    diagnostics = run.diagnostics;
    fileCount = run.files.length;
  }

  diagnostics = applyRuleSettings(diagnostics, readRuleSettings(root));
  const summary = summarise(diagnostics, fileCount);
  const report = formatReport(format, diagnostics, summary, { color: useColor(io), toolVersion: TOOLKIT_VERSION, rules: ruleCatalogue() });
  io.stdout(report.stdout);
  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  if (report.summaryMarkdown !== undefined && summaryPath) await appendFile(summaryPath, report.summaryMarkdown);
  return summary.errors > 0 ? 1 : 0;
}
