/**
 * Finds every reference in a document by walking it beside its schema: a schema node annotated
 * `"x-ref": "<kind>"` marks a string that must name an existing thing of that kind. New fields get
 * reference checking by annotating the schema, without touching the rules.
 */
import type { DocPath } from '../repo/locate.ts';
import type { KindId } from './kinds.ts';
import { schemaFile, schemaFileName, type JsonSchema } from './schemas.ts';

/** One place a document names another thing. */
export interface RefSite {
  /** What is referenced: person, role, severity, team, product, rotation, incident, phase, ... */
  refKind: string;
  value: string;
  path: DocPath;
  /** True when the reference is a mapping key (e.g. a RACI column), so positions point at the key. */
  isKey: boolean;
}

interface Located {
  schema: JsonSchema;
  file: string;
}

const resolved = new WeakMap<JsonSchema, Located>();

/** The schema node a node's `$ref` points at (schemas never change while the process runs, so each is resolved once). */
function resolveRef(schema: JsonSchema, file: string): Located {
  let located = resolved.get(schema);
  if (!located) resolved.set(schema, (located = resolveRefUncached(schema.$ref as string, file)));
  return located;
}

function resolveRefUncached(ref: string, file: string): Located {
  const [target = '', pointer = ''] = ref.split('#');
  const targetFile = target === '' ? file : target;
  let node: unknown = schemaFile(targetFile);
  for (const segment of pointer.split('/').filter(Boolean)) {
    node = (node as JsonSchema)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return { schema: node as JsonSchema, file: targetFile };
}

function typeFits(schema: JsonSchema, value: unknown): boolean {
  const type = schema.type;
  if (type === undefined) return true;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === actual || (t === 'integer' && actual === 'number'));
}

const holdsRefs = new WeakMap<JsonSchema, boolean>();

/**
 * Whether any `x-ref` can be reached from a schema node. Most of a record (times, free text) holds
 * no references, and the walk skips it. A node still being looked at (a recursive schema) counts
 * as holding references, which only costs a walk.
 */
function mayHoldRefs(schema: unknown, file: string): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const node = schema as JsonSchema;
  const known = holdsRefs.get(node);
  if (known !== undefined) return known;
  holdsRefs.set(node, true);
  const children: [unknown, string][] = [];
  if (typeof node.$ref === 'string') {
    const target = resolveRef(node, file);
    children.push([target.schema, target.file]);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) for (const branch of (node[key] as JsonSchema[] | undefined) ?? []) children.push([branch, file]);
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) children.push([node[key], file]);
  for (const child of Object.values((node.properties as Record<string, unknown> | undefined) ?? {})) children.push([child, file]);
  const result = typeof node['x-ref'] === 'string' || children.some(([child, childFile]) => mayHoldRefs(child, childFile));
  holdsRefs.set(node, result);
  return result;
}

/** Walks `value` beside its schema; `path` is the value's path, pushed and popped as the walk goes. */
function walk(located: Located, value: unknown, path: (string | number)[], out: RefSite[]): void {
  const { schema, file } = located;
  if (!mayHoldRefs(schema, file)) return;
  const refKind = schema['x-ref'];
  if (typeof refKind === 'string' && typeof value === 'string') {
    out.push({ refKind, value, path: [...path], isKey: false });
    return;
  }
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema, file);
    walk(target, value, path, out);
  }
  for (const branch of (schema.allOf as JsonSchema[] | undefined) ?? []) walk({ schema: branch, file }, value, path, out);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = (schema[key] as JsonSchema[] | undefined) ?? [];
    // A value equal to a constant form is that form ("all-stakeholders" beside a role id), not a reference.
    if (branches.some((branch) => Object.hasOwn(branch, 'const') && branch.const === value)) continue;
    for (const branch of branches) {
      if (typeFits(branch, value)) walk({ schema: branch, file }, value, path, out);
    }
  }
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    if (items) {
      const child = { schema: items, file };
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        walk(child, value[index], path, out);
        path.pop();
      }
    }
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    const additional = schema.additionalProperties;
    const names = schema.propertyNames as JsonSchema | undefined;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      path.push(key);
      if (names) {
        const keySites: RefSite[] = [];
        walk({ schema: names, file }, key, path, keySites);
        for (const site of keySites) out.push({ ...site, isKey: true });
      }
      if (Object.hasOwn(properties, key)) walk({ schema: properties[key] as JsonSchema, file }, child, path, out);
      else if (typeof additional === 'object' && additional !== null) {
        walk({ schema: additional as JsonSchema, file }, child, path, out);
      }
      path.pop();
    }
  }
}

/** Every reference in a schema-valid document of the given kind, in document order. */
export function collectRefs(kind: KindId, value: unknown): RefSite[] {
  const out: RefSite[] = [];
  const file = schemaFileName(kind);
  walk({ schema: schemaFile(file), file }, value, [], out);
  // A oneOf with two matching branches could visit a node twice; keep one site per path.
  const seen = new Set<string>();
  return out.filter((site) => {
    const key = `${site.isKey}:${JSON.stringify(site.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
