/**
 * Append-only history, driven by the schemas: a record field may change after the record lands only
 * if its schema says `"x-amendable"`: "any" (may change), "append" (a list that only grows at the
 * end), "forward" (an enum that only moves forward in its listed order), or "until-closed" (may
 * change while the record as it landed is not closed, per the schema's `"x-closed"`, e.g. an
 * incident's severity and times; after that, corrections are new, reasoned entries). Everything
 * else is frozen. The annotations are read by walking the schema beside the data, like reference
 * checking does, so a new amendable field needs no code change.
 */
import type { DocPath } from '../repo/locate.ts';
import type { KindId } from '../schema/kinds.ts';
import { schemaFile, schemaFileName, type JsonSchema } from '../schema/schemas.ts';

export type Amendable = 'any' | 'append' | 'forward' | 'until-closed';

/** One difference between a landed record and its new version that the schema does not allow. */
export interface HistoryChange {
  path: DocPath;
  change: 'changed' | 'added' | 'removed' | 'backward';
  before?: unknown;
  after?: unknown;
  /** Set for changes inside an "append" list, to a "forward" enum, or to an "until-closed" field of a closed record, to word the message. */
  amendable?: Exclude<Amendable, 'any'>;
  /** For "forward": the enum's order. */
  order?: readonly string[];
}

interface Located {
  schema: JsonSchema;
  file: string;
}

function resolveRef(ref: string, file: string): Located {
  const [target = '', pointer = ''] = ref.split('#');
  const targetFile = target === '' ? file : target;
  let node: unknown = schemaFile(targetFile);
  for (const segment of pointer.split('/').filter(Boolean)) {
    node = (node as JsonSchema | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return { schema: (node ?? {}) as JsonSchema, file: targetFile };
}

function typeFits(schema: JsonSchema, value: unknown): boolean {
  const type = schema.type;
  if (type === undefined) return true;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === actual || (t === 'integer' && actual === 'number'));
}

/** The schema node and every node that applies with it: `$ref` targets, `allOf`, fitting `oneOf`/`anyOf` branches. */
function applicable(located: Located, value: unknown, depth = 0): Located[] {
  if (depth > 32 || typeof located.schema !== 'object' || located.schema === null) return [];
  const out: Located[] = [located];
  const { schema, file } = located;
  if (typeof schema.$ref === 'string') out.push(...applicable(resolveRef(schema.$ref, file), value, depth + 1));
  for (const branch of (schema.allOf as JsonSchema[] | undefined) ?? []) out.push(...applicable({ schema: branch, file }, value, depth + 1));
  for (const key of ['oneOf', 'anyOf'] as const) {
    for (const branch of (schema[key] as JsonSchema[] | undefined) ?? []) {
      if (typeFits(branch, value)) out.push(...applicable({ schema: branch, file }, value, depth + 1));
    }
  }
  return out;
}

function annotationOf(nodes: readonly Located[]): Amendable | undefined {
  for (const { schema } of nodes) {
    const mark = schema['x-amendable'];
    if (mark === 'any' || mark === 'append' || mark === 'forward' || mark === 'until-closed') return mark;
  }
  return undefined;
}

function enumOf(nodes: readonly Located[]): string[] | undefined {
  for (const { schema } of nodes) if (Array.isArray(schema.enum)) return schema.enum as string[];
  return undefined;
}

function propertySchema(nodes: readonly Located[], key: string): Located | undefined {
  for (const { schema, file } of nodes) {
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties && Object.hasOwn(properties, key)) return { schema: properties[key]!, file };
  }
  for (const { schema, file } of nodes) {
    if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) return { schema: schema.additionalProperties as JsonSchema, file };
  }
  return undefined;
}

function itemSchema(nodes: readonly Located[]): Located | undefined {
  for (const { schema, file } of nodes) if (typeof schema.items === 'object' && schema.items !== null) return { schema: schema.items as JsonSchema, file };
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of parsed YAML values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

function compare(nodes: readonly Located[], before: unknown, after: unknown, path: (string | number)[], out: HistoryChange[], closed: boolean): void {
  const mark = annotationOf(nodes);
  if (mark === 'any' || (mark === 'until-closed' && !closed)) return;
  if (deepEqual(before, after)) return;
  if (mark === 'until-closed') {
    out.push({ path, change: 'changed', before, after, amendable: 'until-closed' });
    return;
  }
  if (mark === 'append' && Array.isArray(before) && Array.isArray(after)) {
    const items = itemSchema(nodes);
    before.forEach((entry, index) => {
      if (index >= after.length) out.push({ path: [...path, index], change: 'removed', before: entry, amendable: 'append' });
      else if (!deepEqual(entry, after[index])) {
        // An existing entry stays as it was, except fields its own schema marks amendable (a resume
        // recorded on a kill-switch activation after it happened).
        const inside: HistoryChange[] = [];
        if (items) compare(applicable(items, after[index]), entry, after[index], [...path, index], inside, closed);
        if (!items || inside.length > 0) out.push({ path: [...path, index], change: 'changed', before: entry, after: after[index], amendable: 'append' });
      }
    });
    return;
  }
  if (mark === 'forward') {
    const order = enumOf(nodes) ?? [];
    const from = order.indexOf(String(before));
    const to = order.indexOf(String(after));
    if (from >= 0 && to > from) return;
    out.push({ path, change: 'backward', before, after, amendable: 'forward', order });
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const child = propertySchema(nodes, key);
      const childNodes = child ? applicable(child, Object.hasOwn(after, key) ? after[key] : before[key]) : [];
      const childMark = annotationOf(childNodes);
      const open = childMark === 'any' || (childMark === 'until-closed' && !closed);
      const frozenAfterClosing = childMark === 'until-closed' && closed ? { amendable: 'until-closed' as const } : {};
      if (!Object.hasOwn(after, key)) {
        if (!open) out.push({ path: [...path, key], change: 'removed', before: before[key], ...frozenAfterClosing });
      } else if (!Object.hasOwn(before, key)) {
        // A field that may change (or a list that may grow) may also appear for the first time.
        if (childMark === undefined || (childMark === 'until-closed' && closed)) out.push({ path: [...path, key], change: 'added', after: after[key], ...frozenAfterClosing });
      } else {
        compare(childNodes, before[key], after[key], [...path, key], out, closed);
      }
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const items = itemSchema(nodes);
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      if (index >= after.length) out.push({ path: [...path, index], change: 'removed', before: before[index] });
      else if (index >= before.length) out.push({ path: [...path, index], change: 'added', after: after[index] });
      else compare(items ? applicable(items, after[index]) : [], before[index], after[index], [...path, index], out, closed);
    }
    return;
  }
  out.push({ path, change: 'changed', before, after });
}

/**
 * Every change from `before` (the record as it landed) to `after` that the schema of `kind` does
 * not allow. Empty when the new version only amends amendable fields.
 */
export function historyChanges(kind: KindId, before: unknown, after: unknown): HistoryChange[] {
  const file = schemaFileName(kind);
  const out: HistoryChange[] = [];
  compare(applicable({ schema: schemaFile(file), file }, after), before, after, [], out, isClosed(kind, before));
  return out;
}

/** Whether a record, as it landed, is closed by its schema's `"x-closed"` (e.g. an incident with status closed). */
export function isClosed(kind: KindId, record: unknown): boolean {
  const mark = schemaFile(schemaFileName(kind))['x-closed'] as { field?: unknown; value?: unknown } | undefined;
  if (!mark || typeof mark.field !== 'string' || !isPlainObject(record)) return false;
  return record[mark.field] === mark.value;
}

/** The fields of a kind that may change after landing, with their mode, e.g. `rollback.next_steps (any)`. */
export function amendableFields(kind: KindId): { path: string; mode: Amendable }[] {
  const file = schemaFileName(kind);
  const out: { path: string; mode: Amendable }[] = [];
  const visit = (nodes: readonly Located[], path: string[], depth: number) => {
    if (depth > 8) return;
    const seen = new Set<string>();
    for (const { schema, file: where } of nodes) {
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      for (const key of Object.keys(properties ?? {})) {
        if (seen.has(key)) continue;
        seen.add(key);
        const childNodes = applicable({ schema: properties![key]!, file: where }, undefined);
        const mark = annotationOf(childNodes);
        if (mark) out.push({ path: [...path, key].join('.'), mode: mark });
        else visit(childNodes, [...path, key], depth + 1);
      }
    }
  };
  visit(applicable({ schema: schemaFile(file), file }, {}), [], 0);
  return out;
}
