/**
 * What the pages read of each record: an incident's index line and the pages it made (product,
 * detection, escalations: the roster pages' fairness tables), a post-mortem's action items, nothing
 * of their timelines, narratives or bodies. `docs` keeps only these fields of valid
 * records, which halves what a large organisation holds in memory while rendering (BENCHMARKS.md).
 *
 * Reading any other field of a kept record throws, naming this list, so a page that starts showing
 * more fails loudly instead of rendering blanks; tests/docs/page-fields.test.ts renders every page
 * of the example and of a synthetic organisation both ways and compares them byte for byte.
 */
import type { KindId } from '../schema/kinds.ts';
import { guardFields } from '../util/field-guard.ts';

export const PAGE_FIELDS: Partial<Record<KindId, readonly string[]>> = {
  incident: ['id', 'title', 'product', 'severity', 'status', 'scenario', 'detected', 'resolved', 'postmortem', 'escalations', 'amendments'],
  postmortem: ['incident', 'title', 'status', 'published', 'action_items'],
};

/**
 * The value docs keeps of a valid record: for the kinds listed, a copy of the listed fields that
 * refuses any other; for the others, a copy of the whole value. Copies have strings of their own,
 * so nothing keeps the file's text alive (see check/data-only-model.ts).
 */
export function pageValue(kind: KindId, value: unknown): unknown {
  const fields = PAGE_FIELDS[kind];
  if (!fields || typeof value !== 'object' || value === null || Array.isArray(value)) return structuredClone(value);
  const record = value as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const field of fields) if (Object.hasOwn(record, field)) kept[field] = record[field];
  return guardFields(`page ${kind}`, structuredClone(kept), fields, (field) => `pages read the ${kind} field "${field}", which docs does not keep: add it to PAGE_FIELDS in scripts/docs/page-fields.ts`);
}
