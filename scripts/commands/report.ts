/**
 * `oncall report --month YYYY-MM`: the monthly uptime and incident report, as Markdown (pretty, the
 * default, and markdown) or JSON, printed or written to a file with --out.
 */
import { resolve } from 'node:path';
import { firstCommitDates } from '../git/first-commits.ts';
import { loadModel } from '../incidents/load-model.ts';
import { writeFileAtomic } from '../incidents/write-new-file.ts';
import { buildMonthlyReport, isMonth } from '../report-monthly/monthly-report.ts';
import { renderMonthlyReportMarkdown } from '../report-monthly/render-markdown.ts';
import { UsageError, type CommandIO } from './io.ts';
import { DOCUMENT_FORMATS, resolveChoice, resolveNow, resolveRoot } from './options.ts';

export interface ReportOptions {
  root?: string;
  now?: string;
  month?: string;
  format?: string;
  out?: string;
}

/** `report --month YYYY-MM [--format pretty|json|markdown] [--out file]`; exit 0, or 2 for usage errors. */
export async function runReport(options: ReportOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  if (options.month === undefined) throw new UsageError('report: --month YYYY-MM is required (e.g. --month 2026-10).');
  if (!isMonth(options.month)) throw new UsageError(`--month: "${options.month}" is not a month written YYYY-MM (e.g. 2026-10).`);
  // The report is a document: on a terminal (pretty) it is the Markdown text itself.
  const format = resolveChoice(options.format, DOCUMENT_FORMATS);
  const model = await loadModel(root, ['organisation', 'severities', 'escalation', 'lifecycle'], (message) => io.stderr(`oncall: warning: ${message}\n`));
  // A final post-mortem without `published` was completed when first committed, as validate judges it.
  const firstCommits = await firstCommitDates(root, 'docs/incidents');
  const report = buildMonthlyReport(model, options.month, now, firstCommits);
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderMonthlyReportMarkdown(report);
  if (options.out === undefined) {
    io.stdout(text);
    return 0;
  }
  const target = resolve(io.cwd, options.out);
  try {
    await writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`--out: could not write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  io.stdout(`Wrote ${options.out}\n`);
  return 0;
}
