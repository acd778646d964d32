import { distance } from 'fastest-levenshtein';

/**
 * The candidate a misspelt value most plausibly meant: a case-insensitive match, or the single
 * nearest one within a few edits (one for words of up to three letters, else two or a third of the
 * length). Undefined when nothing is that close, or when several are equally close, since picking
 * one of them would be a guess ("P4" is one edit from P0, P1, P2 and P3).
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  const list = [...candidates];
  const exact = list.find((c) => c.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of list) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && candidate !== best) {
      tied = true;
    }
  }
  if (best === undefined || tied) return undefined;
  const allowed = value.length <= 3 ? 1 : Math.max(2, Math.floor(value.length / 3));
  // An edit that replaces the whole word is no hint at all.
  if (bestDistance > allowed || bestDistance >= Math.max(value.length, best.length)) return undefined;
  return best;
}

/** "Did you mean ...?" or a short list of what exists, for a value that names nothing. */
export function suggestion(value: string, candidates: readonly string[]): string {
  const near = closest(value, candidates);
  if (near !== undefined) return `Did you mean "${near}"?`;
  if (candidates.length === 0) return 'None are defined yet.';
  const shown = [...new Set(candidates)].sort().slice(0, 8);
  return `Known: ${shown.join(', ')}${candidates.length > shown.length ? `, and ${candidates.length - shown.length} more` : ''}.`;
}
