import type { Diagnostic, Severity, Summary } from './diagnostic.ts';
import { summaryLine, summaryTone, type SummaryTone } from './summary-line.ts';

/** Options for {@link formatPretty}. */
export interface PrettyOptions {
  /** Emit ANSI colour codes. The caller decides (TTY, `NO_COLOR`, `--color`); this module reads no environment. */
  color: boolean;
}

const ESC = '\u001b[';
const RESET = `${ESC}0m`;
const STYLES = {
  red: `${ESC}31m`,
  yellow: `${ESC}33m`,
  cyan: `${ESC}36m`,
  green: `${ESC}32m`,
  dim: `${ESC}2m`,
  bold: `${ESC}1m`,
  underline: `${ESC}4m`,
} as const;
type Style = keyof typeof STYLES;

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', note: 'cyan' };
const TONE_STYLES: Readonly<Record<SummaryTone, readonly Style[]>> = {
  error: ['bold', 'red'],
  warning: ['bold', 'yellow'],
  note: ['cyan'],
  clean: ['green'],
};

/**
 * Characters that would let diagnostic text (which quotes user YAML) drive the terminal or
 * visually reorder the line: C0/C1 controls including ESC, DEL, line/paragraph separators and
 * bidi overrides ("Trojan Source"). They are shown as visible escapes instead.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (ch) => NAMED_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Human-readable report for a terminal, grouped by file:
 *
 * ```text
 * incidents/2024-05-01.yaml
 *   12:5  error  participants[2]: "alcie" is not a person in policy/people.yaml.  reference-exists
 *                hint: did you mean "alice"?
 *
 * ✖ 1 error in 14 files
 * ```
 *
 * Findings are printed in the order given (the dispatcher sorts them); files appear in order of
 * their first finding. Positions and severities are padded per file so messages line up.
 * With `color: false` the output contains no escape characters at all, including any that
 * were inside diagnostic text.
 */
export function formatPretty(
  diagnostics: readonly Diagnostic[],
  summary: Summary,
  options: PrettyOptions,
): string {
  const paint = (text: string, ...styles: Style[]): string =>
    options.color && styles.length > 0 ? styles.map((s) => STYLES[s]).join('') + text + RESET : text;

  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = byFile.get(d.file);
    if (group) group.push(d);
    else byFile.set(d.file, [d]);
  }

  const blocks: string[] = [];
  for (const [file, group] of byFile) {
    const positions = group.map((d) => `${d.line}:${d.column}`);
    const posWidth = Math.max(...positions.map((p) => p.length));
    const sevWidth = Math.max(...group.map((d) => d.severity.length));
    // Hints sit under the message column, which is why widths are computed before colouring.
    const hintIndent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);

    const lines = [paint(printable(file), 'underline')];
    group.forEach((d, i) => {
      const pos = (positions[i] ?? '').padEnd(posWidth);
      const sev = paint(d.severity.padEnd(sevWidth), SEVERITY_STYLE[d.severity]);
      lines.push(`  ${paint(pos, 'dim')}  ${sev}  ${printable(d.message)}  ${paint(printable(d.ruleId), 'dim')}`);
      if (d.hint) lines.push(`${hintIndent}${paint('hint:', 'dim')} ${printable(d.hint)}`);
    });
    blocks.push(lines.join('\n'));
  }

  blocks.push(paint(summaryLine(summary), ...TONE_STYLES[summaryTone(summary)]));
  return blocks.join('\n\n') + '\n';
}
