import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a misspelt value, if it is close enough to be a plausible typo:
 * within two edits, or a third of the word's length for longer words. Case differences count as near.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(value.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** "Did you mean ...?" or a short list of what exists, for a value that names nothing. */
export function suggestion(value: string, candidates: readonly string[]): string {
  const near = closest(value, candidates);
  if (near !== undefined) return `Did you mean "${near}"?`;
  if (candidates.length === 0) return 'None are defined yet.';
  const shown = [...candidates].sort().slice(0, 8);
  return `Known: ${shown.join(', ')}${candidates.length > shown.length ? `, and ${candidates.length - shown.length} more` : ''}.`;
}
