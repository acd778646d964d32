/**
 * What `docs --check` found, as Markdown for a pull request's job summary: which generated files
 * the docs workflow will create, update or remove once the change is merged, each with a unified
 * diff. Pure. Diffs sit in code fences longer than any run of backticks in them, so page text
 * stays text, and are cut to a bounded length, since a summary is limited in size.
 */
import { createTwoFilesPatch } from 'diff';

/** One generated file that differs from what the data renders. */
export interface PageChange {
  kind: 'create' | 'update' | 'remove' | 'in-the-way';
  path: string;
  /** The file as it is (update, remove). */
  before?: string;
  /** The file as the data renders it (create, update). */
  after?: string;
  /** Why the file cannot be written (in-the-way). */
  reason?: string;
}

const MAX_DIFF_LINES = 120;
const MAX_DIFFS = 40;
const VERB: Record<PageChange['kind'], string> = { create: 'created', update: 'updated', remove: 'removed', 'in-the-way': 'in the way' };

function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}diff\n${text}\n${fence}`;
}

function diffOf(change: PageChange): string {
  const patch = createTwoFilesPatch(`a/${change.path}`, `b/${change.path}`, change.before ?? '', change.after ?? '', '', '', { context: 2 });
  const lines = patch
    .split('\n')
    .filter((line) => !/^=+$/.test(line) && line !== '\\ No newline at end of file')
    .map((line) => (line.startsWith('--- ') || line.startsWith('+++ ') ? line.trimEnd() : line));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= MAX_DIFF_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_DIFF_LINES), `... ${lines.length - MAX_DIFF_LINES} more lines`].join('\n');
}

/**
 * A path or reason for a code span or a summary line. Paths are made from ids (lower-case words and
 * hyphens), reasons by the toolkit; backticks, angle brackets and line breaks are dropped anyway.
 */
function inline(text: string): string {
  return text.replace(/[`<>\r\n]+/g, ' ');
}

/** The job summary for `docs --check`. */
export function pageChangeSummary(changes: readonly PageChange[]): string {
  const lines = ['### Generated pages', ''];
  const blocked = changes.filter((c) => c.kind === 'in-the-way');
  const pending = changes.filter((c) => c.kind !== 'in-the-way');
  if (changes.length === 0) {
    lines.push('The generated pages and CODEOWNERS match the data: this change alters none of them.', '');
    return lines.join('\n');
  }
  for (const change of blocked) lines.push(`- ❌ \`${inline(change.path)}\` is in the way: ${inline(change.reason ?? '')}. Move it elsewhere: generated pages must not be edited by hand.`);
  if (blocked.length > 0) lines.push('');
  if (pending.length > 0) {
    lines.push(`After this change is merged, the docs workflow regenerates ${pending.length} file${pending.length === 1 ? '' : 's'} on the default branch; nothing needs to be committed here.`, '');
    for (const change of pending) lines.push(`- \`${inline(change.path)}\` will be ${VERB[change.kind]}`);
    lines.push('');
    for (const change of pending.slice(0, MAX_DIFFS)) {
      lines.push(`<details><summary>${inline(change.path)}</summary>`, '', fenced(diffOf(change)), '', '</details>', '');
    }
    if (pending.length > MAX_DIFFS) lines.push(`${pending.length - MAX_DIFFS} more files are not shown.`, '');
  }
  return lines.join('\n');
}
