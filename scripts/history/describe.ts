import type { KindId } from '../schema/kinds.ts';
import { formatPath } from '../util/paths.ts';
import { amendableFields, type Amendable, type HistoryChange } from './amendable.ts';

const RECORD_LABEL: Partial<Record<KindId, string>> = { signoff: 'sign-off record', incident: 'incident record', handoff: 'hand-off note' };

/** "sign-off record", "incident record". */
export function recordLabel(kind: KindId): string {
  return RECORD_LABEL[kind] ?? `${kind} record`;
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One change as a sentence, starting with where it is: `rollback.approved_by.person: changed from "a" to "b" ...`. */
export function describeHistoryChange(kind: KindId, change: HistoryChange): string {
  const where = formatPath(change.path);
  const record = `an existing ${recordLabel(kind)}`;
  switch (change.change) {
    case 'backward':
      return `${where}: moved back from ${show(change.before)} to ${show(change.after)}; it only moves forward (${(change.order ?? []).join(', ')}).`;
    case 'added':
      return change.amendable === 'until-closed'
        ? `${where}: added to ${record} that is closed; once closed, it is corrected through a new entry in amendments.`
        : `${where}: added to ${record} (was not there when it landed); records are append-only.`;
    case 'removed':
      if (change.amendable === 'until-closed') return `${where}: removed from ${record} that is closed (was ${show(change.before)}); once closed, it is corrected through a new entry in amendments.`;
      return change.amendable === 'append'
        ? `${where}: an entry of ${record} was removed; entries may only be added at the end.`
        : `${where}: removed from ${record} (was ${show(change.before)}); records are append-only.`;
    case 'changed':
      if (change.amendable === 'until-closed') return `${where}: changed from ${show(change.before)} to ${show(change.after)} in ${record} that is closed; once closed, it is corrected through a new entry in amendments (field, value, reason, by), and the recorded value stays.`;
      return change.amendable === 'append'
        ? `${where}: an entry of ${record} was changed (was ${show(change.before)}); entries may only be added at the end.`
        : `${where}: changed from ${show(change.before)} to ${show(change.after)} in ${record}; records are append-only.`;
  }
}

/** How to fix it: which fields may change, read from the schema. */
export function appendOnlyHint(kind: KindId): string {
  const modes: Record<Exclude<Amendable, 'any'>, string> = { append: 'add entries at the end', forward: 'forward only', 'until-closed': 'until it is closed' };
  const fields = amendableFields(kind).map((f) => (f.mode === 'any' ? f.path : `${f.path} (${modes[f.mode]})`));
  const next = kind === 'signoff' ? 'Record a new decision in a new file instead.' : kind === 'handoff' ? 'Correct it in the next hand-off note instead.' : 'Add a timeline entry instead, or, for a closed incident, an entry in amendments with the corrected value and why.';
  return fields.length > 0
    ? `After ${withArticle(recordLabel(kind))} lands only these may change: ${fields.join(', ')} (x-amendable in schemas/${kind}.schema.json). ${next}`
    : `${capitalise(withArticle(recordLabel(kind)))} never changes after it lands. ${next}`;
}
