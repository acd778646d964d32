/**
 * Libraries that rules call synchronously but that load asynchronously (ES modules imported on
 * demand, so runs that never need them do not pay for loading them): the Markdown parser for
 * post-mortem bodies, and secretlint's preset and libphonenumber-js for the sensitive-data rule.
 * Whatever runs rules over records loads what those records need first; a rule that finds one
 * missing fails loudly (`rule-failed`), never silently.
 */
import { loadPhoneLibrary } from '../incidents/phone-library.ts';
import { loadSecretScanner } from '../incidents/secret-scanner.ts';
import { loadMarkdownParser } from '../postmortems/markdown-parser.ts';
import type { KindId } from '../schema/kinds.ts';

export interface RuleLibraries {
  /** Post-mortem bodies may need the Markdown parser. */
  markdown: boolean;
  /** Incident records, hand-off notes and post-mortems are scanned for secrets and phone numbers. */
  secrets: boolean;
}

/** What records of these kinds need. */
export function librariesFor(kinds: Iterable<KindId>): RuleLibraries {
  const set = new Set(kinds);
  return { markdown: set.has('postmortem'), secrets: set.has('incident') || set.has('handoff') || set.has('postmortem') };
}

/** Loads what `needs` asks for (each library once; later calls return at once). */
export async function loadRuleLibraries(needs: RuleLibraries): Promise<void> {
  await Promise.all([needs.markdown ? loadMarkdownParser() : undefined, needs.secrets ? loadSecretScanner() : undefined, needs.secrets ? loadPhoneLibrary() : undefined]);
}
