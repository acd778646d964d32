import { compareDiagnostics, type Diagnostic, type Summary } from './diagnostic.ts';
import { formatGithubAnnotations, formatGithubSummary } from './github.ts';
import { formatJson } from './json.ts';
import { formatPretty } from './pretty.ts';
import { formatSarif, type RuleDescription } from './sarif.ts';

export type { RuleDescription } from './sarif.ts';

/** Output formats selectable with `--format`. */
export type Format = 'pretty' | 'json' | 'markdown' | 'github' | 'sarif';

/** Every format's output choices, gathered so the CLI can pass one object whatever the format. */
export interface ReportOptions {
  /** ANSI colours in `pretty` output (default false). */
  color?: boolean;
  /** Tool version for `sarif`. */
  toolVersion: string;
  /** Rule descriptions for `sarif` (default none; unknown rule ids get stub entries). */
  rules?: readonly RuleDescription[];
}

/** What the CLI writes: `stdout` always, `summaryMarkdown` to `$GITHUB_STEP_SUMMARY` for `github`. */
export interface Report {
  stdout: string;
  summaryMarkdown?: string;
}

/**
 * Render findings in the chosen format. Diagnostics are sorted with {@link compareDiagnostics}
 * first (the input is not modified), so output never depends on the order rules ran in.
 */
export function formatReport(
  format: Format,
  diagnostics: readonly Diagnostic[],
  summary: Summary,
  options: ReportOptions,
): Report {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  switch (format) {
    case 'pretty':
      return { stdout: formatPretty(sorted, summary, { color: options.color ?? false }) };
    case 'json':
      return { stdout: formatJson(sorted, summary) };
    case 'markdown':
      // The report GitHub shows as a job summary, for pasting into a pull request or an issue.
      return { stdout: formatGithubSummary(sorted, summary) };
    case 'github':
      return { stdout: formatGithubAnnotations(sorted), summaryMarkdown: formatGithubSummary(sorted, summary) };
    case 'sarif':
      return { stdout: formatSarif(sorted, { toolVersion: options.toolVersion, rules: options.rules ?? [] }) };
    default: {
      // A format string that slipped past the CLI's validation must not silently print nothing.
      const unknown: never = format;
      throw new Error(`Unknown report format: ${String(unknown)}`);
    }
  }
}
