/**
 * Fills `github_id` into policy/people.yaml as text: each id goes on a new line right after the
 * person's `github:` line, indented like it, so comments, order and formatting stay as they were.
 * Pure: the file's text and the ids in, the new text and what could not be written out.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Pair } from 'yaml';

export interface IdPlan {
  text: string;
  /** Person ids that got a github_id. */
  written: string[];
  /** Person ids that could not be written, with why (e.g. a person written as one flow mapping). */
  skipped: { person: string; reason: string }[];
}

/** Inserts `github_id: <id>` for each person id in `ids` that has none yet. */
export function insertGithubIds(text: string, ids: ReadonlyMap<string, number>): IdPlan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  const people = doc.get('people', true);
  const inserts: { afterOffset: number; line: string; person: string }[] = [];
  const skipped: IdPlan['skipped'] = [];
  if (!isSeq(people)) return { text, written: [], skipped: [...ids.keys()].map((person) => ({ person, reason: 'policy/people.yaml has no people list' })) };
  for (const item of people.items) {
    if (!isMap(item)) continue;
    const pairs = item.items as Pair[];
    const idPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'id');
    const person = isScalar(idPair?.value) ? String(idPair!.value.value) : undefined;
    if (person === undefined || !ids.has(person)) continue;
    if (pairs.some((p) => isScalar(p.key) && p.key.value === 'github_id')) continue;
    const github = pairs.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'github');
    if (item.flow || !github || !isScalar(github.key) || !isScalar(github.value) || !github.key.range || !github.value.range) {
      skipped.push({ person, reason: 'its entry is not written one field per line; add github_id by hand' });
      continue;
    }
    const keyStart = github.key.range[0];
    const column = lineCounter.linePos(keyStart).col - 1;
    const lineEnd = text.indexOf('\n', github.value.range[1]);
    inserts.push({ afterOffset: lineEnd < 0 ? text.length : lineEnd, line: `${' '.repeat(column)}github_id: ${ids.get(person)}`, person });
  }
  let out = text;
  for (const insert of [...inserts].sort((a, b) => b.afterOffset - a.afterOffset)) {
    const eol = out.slice(insert.afterOffset - 1, insert.afterOffset) === '\r' ? '\r\n' : '\n';
    out = insert.afterOffset >= out.length ? `${out}${out.endsWith('\n') ? '' : eol}${insert.line}${eol}` : `${out.slice(0, insert.afterOffset)}${eol}${insert.line}${out.slice(insert.afterOffset)}`;
  }
  return { text: out, written: inserts.map((i) => i.person), skipped };
}
