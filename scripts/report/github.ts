import { markdownTable } from 'markdown-table';
import type { Diagnostic, Severity, Summary } from './diagnostic.ts';
import { escapeMarkdownInline } from './markdown-escape.ts';
import { summaryLine } from './summary-line.ts';

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * Escape a workflow command's data (the part after the second `::`) exactly as
 * `@actions/core` does. Escaping CR and LF is what keeps untrusted text from starting a
 * new line, and therefore a new command such as `::add-mask::` or `::stop-commands::`.
 */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Escape a workflow command property value exactly as `@actions/core` does: as data, plus
 * `:` and `,`, which would otherwise end the property list or the value.
 */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Message text with the hint appended, as shown in annotations and SARIF results. */
export function messageWithHint(d: Diagnostic): string {
  return d.hint ? `${d.message} Hint: ${d.hint}` : d.message;
}

function annotation(d: Diagnostic): string {
  const properties: [string, string | number | undefined][] = [
    ['file', d.file],
    ['line', d.line],
    ['col', d.column],
    ['endLine', d.endLine],
    ['endColumn', d.endColumn],
    ['title', d.ruleId],
  ];
  const props = properties
    // Like @actions/core, leave out empty values rather than send `file=`.
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(',');
  return `::${COMMANDS[d.severity]}${props ? ' ' + props : ''}::${escapeCommandData(messageWithHint(d))}`;
}

/**
 * GitHub Actions workflow commands, one line per finding, e.g.
 * `::error file=a.yaml,line=3,col=5,title=schema-type::owner: expected a string`.
 * Notes become `::notice`. Every line of the result starts with `::error`, `::warning` or
 * `::notice`, whatever the diagnostic text contains. Empty string when there are no findings.
 */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => annotation(d) + '\n').join('');
}

/** Limits for {@link formatGithubSummary}; the defaults suit GitHub, tests use smaller ones. */
export interface GithubSummaryLimits {
  /** Most table rows to list (default 1000). */
  maxRows?: number;
  /** Most UTF-8 bytes for the whole document (default just under GitHub's 1 MiB per step). */
  maxBytes?: number;
  /** Longest cell text, in code points, before escaping (default 1000); longer text is cut with `…`. */
  maxCellLength?: number;
}

const DEFAULT_LIMITS: Required<GithubSummaryLimits> = {
  maxRows: 1000,
  // GitHub rejects a step summary over 1 MiB outright, so stay clear of it rather than lose everything.
  maxBytes: 1024 * 1024 - 16 * 1024,
  maxCellLength: 1000,
};

/** Room kept for the closing "left out" sentence, whose length depends on the counts. */
const FOOTER_RESERVE = 512;

function truncate(text: string, max: number): string {
  // A string no longer than `max` UTF-16 units has at most `max` code points: the common case, no work.
  if (text.length <= max) return text;
  // Count code points, not UTF-16 units, so a surrogate pair (emoji) is never split. Only a prefix
  // is examined because `max` code points span at most `2 * max` units, and messages can be huge.
  const chars = Array.from(text.slice(0, 2 * max + 2));
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Markdown for `$GITHUB_STEP_SUMMARY`: a heading, the one-line result, and a GFM table of
 * findings (location, severity, rule, message, hint). All diagnostic text is passed through
 * {@link escapeMarkdownInline}, so it cannot add cells, rows, HTML or links.
 *
 * At most `maxRows` findings are listed (and fewer if the document would pass `maxBytes`);
 * a closing line then says how many were left out.
 */
export function formatGithubSummary(
  diagnostics: readonly Diagnostic[],
  summary: Summary,
  limits: GithubSummaryLimits = {},
): string {
  const { maxRows, maxBytes, maxCellLength } = { ...DEFAULT_LIMITS, ...limits };
  const cell = (text: string) => escapeMarkdownInline(truncate(text, maxCellLength));

  const intro = `## oncall-as-code\n\n${summaryLine(summary)}\n`;
  if (diagnostics.length === 0) return intro;

  const header = ['Location', 'Severity', 'Rule', 'Message', 'Hint'];
  const rows: string[][] = [];
  // Header, delimiter row and the blank lines around the table, over-estimated.
  let bytes = utf8Length(intro) + FOOTER_RESERVE + 2 * (utf8Length(header.join(' | ')) + 8) + 4;
  for (const d of diagnostics) {
    if (rows.length >= maxRows) break;
    const row = [cell(`${d.file}:${d.line}`), d.severity, cell(d.ruleId), cell(d.message), d.hint ? cell(d.hint) : ''];
    // "| a | b |\n": each cell costs its text plus "| " and " ", then a closing "|" and newline.
    const rowBytes = row.reduce((sum, text) => sum + utf8Length(text) + 3, 2);
    if (bytes + rowBytes > maxBytes) break;
    rows.push(row);
    bytes += rowBytes;
  }

  // Unaligned delimiters: padding every cell to the longest one in its column could multiply the size.
  let out = `${intro}\n${markdownTable([header, ...rows], { alignDelimiters: false })}\n`;
  const omitted = diagnostics.length - rows.length;
  if (omitted > 0) {
    out +=
      `\nShowing the first ${rows.length} of ${diagnostics.length} findings; ` +
      `${omitted} more ${omitted === 1 ? 'was' : 'were'} left out because GitHub limits a job summary to 1 MiB. ` +
      'Run with `--format json` for the full list.\n';
  }
  return out;
}
