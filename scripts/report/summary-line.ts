import type { Summary } from './diagnostic.ts';

/** Which icon (and, for coloured output, which colour) the summary line gets: the worst severity present. */
export type SummaryTone = 'error' | 'warning' | 'note' | 'clean';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Tone of a summary: errors beat warnings beat notes. */
export function summaryTone(summary: Summary): SummaryTone {
  if (summary.errors > 0) return 'error';
  if (summary.warnings > 0) return 'warning';
  if (summary.notes > 0) return 'note';
  return 'clean';
}

const ICONS: Readonly<Record<SummaryTone, string>> = { error: '✖', warning: '⚠', note: 'ℹ', clean: '✔' };

/**
 * One-line result shared by the terminal and the GitHub job summary, so both say the same thing:
 * `✖ 3 errors, 1 warning in 14 files` or `✔ 14 files checked, no problems`.
 * Zero counts are left out so the line stays short.
 */
export function summaryLine(summary: Summary): string {
  const tone = summaryTone(summary);
  if (tone === 'clean') return `${ICONS.clean} ${plural(summary.files, 'file')} checked, no problems`;
  const parts = [
    [summary.errors, 'error'],
    [summary.warnings, 'warning'],
    [summary.notes, 'note'],
  ] as const;
  const counts = parts.filter(([count]) => count > 0).map(([count, noun]) => plural(count, noun));
  return `${ICONS[tone]} ${counts.join(', ')} in ${plural(summary.files, 'file')}`;
}
