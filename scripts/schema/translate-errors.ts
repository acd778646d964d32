import { dateTimeWithoutOffset } from '../time/date-time.ts';
import { allZoneNames } from '../util/timezones.ts';
import { closest } from '../util/suggest.ts';
import { distance } from 'fastest-levenshtein';
import type { ErrorObject } from 'ajv';
import { compareDiagnostics } from '../report/diagnostic.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { diagnosticAt, sourceTextAt } from '../repo/locate.ts';
import type { DocPath, LocateTarget } from '../repo/locate.ts';
import type { ParsedYaml } from '../repo/parse-yaml.ts';

/** Options for {@link translateAjvErrors}. */
export interface TranslateOptions {
  /** What the file holds, e.g. `rotation`; used to name the top level in messages (`rotation (top level)`). */
  kindName?: string;
  /**
   * The schema the errors came from, or a list of schemas (the validated one first, then the
   * documents it `$ref`s, matched by `$id`). Optional but recommended: ajv reports errors inside a
   * separately compiled `$ref` target with paths relative to that target, so without the schemas
   * errors of `oneOf`/`anyOf` branches that are `$ref`s can only be attributed by their order.
   * With them, refs are followed and their descriptions used in hints.
   */
  schema?: unknown;
}

/**
 * Turns the errors of an ajv validator (compiled with `allErrors: true, verbose: true`) into
 * positioned, user-worded diagnostics: one per real problem, all with severity `error`.
 *
 * - `oneOf`/`anyOf`: the errors of the branch that fits best are kept and the rest dropped; when no
 *   branch fits (wrong type or wrong discriminating constant in all of them) a single diagnostic
 *   describes the allowed forms. `if`, `contains` and `propertyNames` wrapper errors are dropped
 *   in favour of the errors that explain them.
 * - Rule ids: `schema-required`, `schema-unknown-field`, `schema-type`, `schema-enum`,
 *   `schema-pattern`, `schema-format`, `datetime-offset`, `schema-constraint`, `schema`.
 *
 * Without `verbose`, messages still work but lose schema descriptions in hints.
 * Pure: reads `parsed` only; never throws on odd error objects.
 */
export function translateAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  parsed: ParsedYaml,
  opts: TranslateOptions = {},
): Diagnostic[] {
  if (!errors || errors.length === 0) return [];
  const schemas = opts.schema === undefined ? [] : Array.isArray(opts.schema) ? opts.schema : [opts.schema];
  const index = schemas.length > 0 ? new SchemaIndex(schemas) : undefined;
  const ctx: Ctx = { parsed, root: opts.kindName ? `${opts.kindName} (top level)` : '(top level)', index };
  let items: Item[];
  try {
    items = dropShadowedByType(prune(errors, index));
  } catch {
    // Error objects not shaped like ajv's: report each one plainly rather than none.
    items = errors.map((error) => ({ kind: 'error', error }));
  }
  const records: Translated[] = [];
  for (const item of items) {
    try {
      const r = item.kind === 'summary' ? translateSummary(item, ctx) : translateError(item.error, ctx);
      if (r) records.push(r);
    } catch {
      // A malformed error object must not hide the others; fall back to ajv's own words.
      try {
        records.push(fallback(item.error, ctx));
      } catch {
        // Nothing usable in it at all.
      }
    }
  }
  // A misspelt required field shows up twice (unknown "tmezone", missing "timezone"); the unknown-field
  // diagnostic already suggests the fix, so the missing-field one is noise.
  const suggested = new Set(records.flatMap((r) => (r.suggests ? [r.suggests] : [])));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (r.missing && suggested.has(r.missing)) continue;
    const key = `${r.diagnostic.ruleId}\0${r.diagnostic.line}\0${r.diagnostic.column}\0${r.diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r.diagnostic);
  }
  return out.sort(compareDiagnostics);
}

// ---------------------------------------------------------------------------------------------
// Selecting the errors that matter

type Err = ErrorObject;

/** One unit of output: a plain error, or a combinator whose branches all failed to fit. */
type Item = { kind: 'error'; error: Err } | { kind: 'summary'; error: Err; branches: Item[][] };

interface Translated {
  diagnostic: Diagnostic;
  /** `<parent pointer>\0<field>` of a missing required field. */
  missing?: string;
  /** `<parent pointer>\0<field>` that an unknown-field hint suggests. */
  suggests?: string;
}

interface Ctx {
  parsed: ParsedYaml;
  root: string;
  index: SchemaIndex | undefined;
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);

/**
 * Walks the error list backwards: ajv emits the errors of a combinator's branches, contiguously
 * and branch by branch, right before the combinator's own error, so each combinator can claim the
 * block in front of it.
 */
function prune(errs: readonly Err[], index: SchemaIndex | undefined): Item[] {
  const out: Item[] = [];
  let i = errs.length - 1;
  while (i >= 0) {
    const e = errs[i]!;
    if (COMBINATORS.has(e.keyword)) {
      const { start, branches } = splitCombinator(errs, i, index);
      out.push(...resolveCombinator(e, branches.map((b) => prune(b, index))).reverse());
      i = start - 1;
      continue;
    }
    if (e.keyword === 'contains') {
      // The item-by-item errors only say why each item is not the one wanted; the summary says it all.
      const own = schemaLocation(e, index);
      let j = i - 1;
      while (j >= 0 && errs[j]!.instancePath !== e.instancePath && under(errs[j]!.instancePath, e.instancePath) && schemaLocation(errs[j]!, index).startsWith(`${own}/`)) j -= 1;
      out.push({ kind: 'error', error: e });
      i = j;
      continue;
    }
    if (e.keyword === 'if') {
      i -= 1; // the then/else errors in front of it say what is wrong
      continue;
    }
    if (e.keyword === 'propertyNames' && i > 0 && errs[i - 1]!.propertyName !== undefined) {
      i -= 1; // the key's own errors (flagged with propertyName) are more specific
      continue;
    }
    out.push({ kind: 'error', error: e });
    i -= 1;
  }
  return out.reverse();
}

/**
 * Where an error's keyword sits in the schemas. ajv's own schemaPath is relative to the schema a
 * function was compiled for, which for a `$ref` target compiled on its own is the target (`#/required`),
 * so with an index the location is rebuilt from the `parentSchema` object instead.
 */
function schemaLocation(x: Err, index: SchemaIndex | undefined): string {
  const at = index?.locate(x.parentSchema);
  return at ? `${at}/${x.keyword}` : x.schemaPath;
}

/** Finds the block of errors produced by the combinator at `k` and assigns each to a branch. */
function splitCombinator(errs: readonly Err[], k: number, index: SchemaIndex | undefined): { start: number; branches: Err[][] } {
  const e = errs[k]!;
  const P = e.instancePath;
  const S = schemaLocation(e, index);
  const branchSchemas: unknown[] = Array.isArray(e.schema) ? e.schema : [];
  const count = Math.max(branchSchemas.length, 1);
  // Each branch owns its own subtree and, through its refs, the subtrees of their targets.
  const prefixes: Set<string>[] = branchSchemas.map((b, i) => {
    const set = new Set([`${S}/${i}`]);
    for (const target of index ? index.refClosure(b) : refFragments(b)) set.add(target);
    return set;
  });
  const candidates = (x: Err): number[] => {
    const where = schemaLocation(x, index);
    let best: number[] = [];
    let bestLength = -1;
    prefixes.forEach((set, i) => {
      for (const p of set) {
        if (where !== p && !where.startsWith(`${p}/`)) continue;
        if (p.length > bestLength) {
          best = [i];
          bestLength = p.length;
        } else if (p.length === bestLength && !best.includes(i)) best.push(i);
      }
    });
    return best;
  };

  // The block: errors in front that concern this instance, stopping at the keywords of the schema
  // that holds the combinator (type, const, enum, a sibling anyOf... are evaluated before it).
  let start = k;
  for (let j = k - 1; j >= 0; j -= 1) {
    const x = errs[j]!;
    if (!under(x.instancePath, P)) break;
    const labels = candidates(x);
    if (labels.length === 0) {
      const sameSchema = e.parentSchema !== undefined ? x.parentSchema === e.parentSchema : isDirectKeyword(x.schemaPath, S);
      if (sameSchema) break;
      // With an index the labels are reliable, so an unclaimed combinator here is a sibling's (allOf: [{oneOf}, {oneOf}]).
      if (index && COMBINATORS.has(x.keyword) && x.instancePath === P) break;
    }
    start = j;
  }

  // Branches are evaluated in order, so branch numbers never decrease along the block; that settles
  // errors claimed by several branches (a shared $ref) and errors nobody claims (a ref we cannot see into).
  const block = errs.slice(start, k);
  const labels = block.map(candidates);
  // Smallest branch claimed at or after each position: unclaimed errors may not run past it.
  const nextClaimed: number[] = [];
  for (let j = labels.length - 1, next = count; j >= 0; j -= 1) {
    if (labels[j]!.length > 0) next = Math.min(...labels[j]!);
    nextClaimed[j] = next;
  }
  // Every branch of a failed combinator reports at least one error, so the block opens with branch 0.
  // Errors nobody claims come from $ref targets compiled on their own; their schema objects still
  // tell branches apart: once a branch's target is known (from a "#/required"-style error, whose
  // parentSchema is the target), an error from outside that target means the next branch has begun.
  let current = 0;
  let known = new Set<unknown>();
  let knownRefs = new Set<string>();
  let informed = false;
  const claimedIn = new Set<number>();
  const inline = branchSchemas.map((b) => subschemas(b));
  const branches: Err[][] = Array.from({ length: count }, () => []);
  let late = false;
  const advance = (idx: number): boolean => {
    if (branches[current]!.length === 0 || current + 1 >= count || current + 1 > (nextClaimed[idx] ?? count)) return false;
    current += 1;
    known = new Set();
    knownRefs = new Set();
    informed = false;
    late = false;
    return true;
  };
  block.forEach((x, idx) => {
    const options = labels[idx]!;
    if (options.length > 0) {
      if (!options.includes(current)) {
        const ahead = options.filter((o) => o > current);
        current = ahead.length > 0 ? Math.min(...ahead) : Math.min(...options);
        known = new Set();
        knownRefs = new Set();
        informed = false;
        late = false;
      }
      claimedIn.add(current);
    } else if (x.parentSchema !== undefined) {
      const mine =
        known.has(x.parentSchema) ||
        inline[current]?.has(x.parentSchema) === true ||
        [...knownRefs].some((f) => x.schemaPath.startsWith(`${f}/`));
      const isTargetRoot = /^#\/[^/]+$/.test(x.schemaPath);
      // ajv checks a target's own keywords (type, required...) before descending into its
      // properties, so such a keyword after property-level errors (or after errors claimed by this
      // branch) belongs to the next branch. Before that, it is this target's own, e.g. after an allOf.
      if (!mine && (informed || (isTargetRoot && (late || claimedIn.has(current))))) advance(idx);
      if (isTargetRoot) {
        for (const node of subschemas(x.parentSchema)) known.add(node);
        for (const f of refFragments(x.parentSchema)) knownRefs.add(f);
        informed = true;
      } else if (LATE_KEYWORDS.has(x.schemaPath.split('/')[1] ?? '')) late = true;
    }
    branches[Math.min(current, count - 1)]!.push(x);
  });
  return { start, branches };
}

/** First schema-path segments of errors ajv reports after a schema's own keywords (property and item level, or refs inlined there). */
const LATE_KEYWORDS = new Set(['properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems', 'contains', '$defs', 'definitions', 'dependentSchemas']);

/** True for a keyword of the schema holding the combinator at `combinatorPath` (`.../x/type` next to `.../x/oneOf`). */
function isDirectKeyword(schemaPath: string, combinatorPath: string): boolean {
  const Q = combinatorPath.slice(0, Math.max(0, combinatorPath.lastIndexOf('/')));
  return schemaPath.startsWith(`${Q}/`) && !schemaPath.slice(Q.length + 1).includes('/');
}

/** The JSON-pointer fragments of the `$ref`s inside a schema (without following them), for use without an index. */
function refFragments(schema: unknown): string[] {
  const out: string[] = [];
  walkSchema(schema, (node) => {
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string') return;
    const hash = ref.indexOf('#');
    // A whole-document ref ("#") would claim every error; it carries no information.
    const fragment = hash >= 0 ? decodeFragment(ref.slice(hash)) : '#';
    if (fragment.length > 1) out.push(fragment);
  });
  return out;
}

/** Calls `visit` for every schema object inside `schema` (not following refs, not descending into data keywords). */
function walkSchema(schema: unknown, visit: (node: object, pointer: string) => void, pointer = '#'): void {
  const seen = new Set<unknown>();
  // In a map of schemas (properties, $defs...) the keys are names, so a property called "default" is still a schema.
  const walk = (node: unknown, at: string, depth: number, namesMap: boolean) => {
    if (!node || typeof node !== 'object' || seen.has(node) || depth > 64) return;
    seen.add(node);
    if (!Array.isArray(node) && !namesMap) visit(node, at);
    for (const [key, child] of Object.entries(node)) {
      if (!Array.isArray(node) && !namesMap && DATA_KEYWORDS.has(key)) continue;
      walk(child, `${at}/${escapePointer(key)}`, depth + 1, !Array.isArray(node) && !namesMap && SCHEMA_MAPS.has(key));
    }
  };
  walk(schema, pointer, 0, false);
}

const subschemaCache = new WeakMap<object, Set<unknown>>();

/** Every schema object inside `schema`, itself included (cached: the same branches come up for every list item). */
function subschemas(schema: unknown): Set<unknown> {
  const cached = schema && typeof schema === 'object' ? subschemaCache.get(schema) : undefined;
  if (cached) return cached;
  const set = new Set<unknown>();
  walkSchema(schema, (node) => set.add(node));
  if (schema && typeof schema === 'object') subschemaCache.set(schema, set);
  return set;
}

/** Keywords whose values map names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);

/** Keywords whose values are data, not schemas: their objects must not be mistaken for subschemas. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Knows where every schema object lives (document and JSON pointer), so errors can be placed in the
 * schema whatever path ajv reports, and `$ref`s can be followed. Built from the schemas the caller passes.
 */
class SchemaIndex {
  private readonly where = new Map<object, string>();
  private readonly docs: { id: string; root: unknown; name: string }[] = [];
  private readonly closures = new Map<unknown, string[]>();

  constructor(schemas: readonly unknown[]) {
    schemas.forEach((root, n) => {
      const id = isObject(root) && typeof root.$id === 'string' ? root.$id.split('#')[0]! : '';
      // The main schema keeps ajv's plain "#..." paths; other documents are prefixed so they never collide.
      const name = n === 0 ? '' : `${id || `schema${n}`}`;
      this.docs.push({ id, root, name });
      walkSchema(root, (node, pointer) => {
        if (!this.where.has(node)) this.where.set(node, `${name}${pointer}`);
      });
    });
  }

  /** The pointer of a schema object (e.g. `#/$defs/b`), or undefined if it is not part of the indexed schemas. */
  locate(node: unknown): string | undefined {
    return node && typeof node === 'object' ? this.where.get(node) : undefined;
  }

  /** Pointers of every schema reachable from `schema` through `$ref`s, transitively. */
  refClosure(schema: unknown): string[] {
    const cached = this.closures.get(schema);
    if (cached) return cached;
    const out = new Set<string>();
    const pending: unknown[] = [schema];
    while (pending.length > 0) {
      const current = pending.pop();
      const docName = this.docNameOf(current);
      walkSchema(current, (node) => {
        const ref = (node as { $ref?: unknown }).$ref;
        if (typeof ref !== 'string') return;
        const target = this.resolve(ref, docName);
        if (target && !out.has(target.pointer)) {
          out.add(target.pointer);
          pending.push(target.node);
        }
      });
    }
    const result = [...out];
    this.closures.set(schema, result);
    return result;
  }

  /** The schema a `$ref` found in `holder` points to, if it is among the indexed schemas. */
  resolveFrom(holder: unknown, ref: string): unknown {
    return this.resolve(ref, this.docNameOf(holder))?.node;
  }

  private docNameOf(node: unknown): string {
    const at = this.locate(node);
    return at === undefined ? '' : at.slice(0, at.indexOf('#'));
  }

  private resolve(ref: string, fromDoc: string): { pointer: string; node: unknown } | undefined {
    const hash = ref.indexOf('#');
    const base = hash >= 0 ? ref.slice(0, hash) : ref;
    const fragment = hash >= 0 ? decodeFragment(ref.slice(hash)) : '#';
    const doc = base
      ? this.docs.find((d) => d.id && (d.id === base || d.id.endsWith(`/${base}`) || base.endsWith(`/${d.id}`) || lastSegment(d.id) === lastSegment(base)))
      : this.docs.find((d) => d.name === fromDoc);
    if (!doc || !fragment.startsWith('#')) return undefined;
    if (fragment !== '#' && !fragment.startsWith('#/')) return undefined; // $anchor refs: not followed
    let node: unknown = doc.root;
    for (const raw of fragment.split('/').slice(1)) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? ownValue(node, key) : undefined;
      if (node === undefined) return undefined;
    }
    const pointer = this.locate(node);
    return pointer === undefined ? undefined : { pointer, node };
  }
}

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** True when `path` is `base` or below it (segment-wise, so `/a/1` is not below `/a/10`). */
function under(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

const MISMATCH = 100;

/** Chooses what to report for a failed combinator, given each branch's own (pruned) items. */
function resolveCombinator(e: Err, branches: Item[][]): Item[] {
  if (e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas)) {
    return [{ kind: 'summary', error: e, branches }];
  }
  // Several alternative forms of one scalar (a duration or "next-sprint") that all fail: picking one
  // would explain only that form, so describe them together.
  const data = (e as { data?: unknown }).data;
  if (data === null || typeof data !== 'object') {
    const compatible = branches.filter((items) => items.length > 0 && !items.some((i) => i.kind === 'error' && i.error.keyword === 'type' && i.error.instancePath === e.instancePath));
    if (compatible.length >= 2) return [{ kind: 'summary', error: e, branches }];
  }
  let best = -1;
  let bestScore = Infinity;
  branches.forEach((items, i) => {
    if (items.length === 0) return; // misattributed or empty: nothing to say about it
    const s = score(items, e.instancePath);
    if (s < bestScore) {
      best = i;
      bestScore = s;
    }
  });
  if (best < 0 || bestScore >= MISMATCH) return [{ kind: 'summary', error: e, branches }];
  return branches[best]!;
}

/** How badly a branch fits; a value of {@link MISMATCH} or more means "this is not the intended form at all". */
function score(items: readonly Item[], P: string): number {
  let s = 0;
  for (const item of items) {
    if (item.kind === 'summary') {
      s += item.error.instancePath === P ? MISMATCH : 10;
      continue;
    }
    const x = item.error;
    if (x.keyword === 'type' && x.instancePath === P) s += 10 * MISMATCH;
    else if (x.keyword === 'const' && (x.instancePath === P || parentPointer(x.instancePath) === P)) s += MISMATCH;
    else if (x.keyword === 'false schema' && x.instancePath === P) s += MISMATCH;
    else s += 1;
  }
  return s;
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

/** ajv also reports `enum`/`const` next to a failed `type` of the same schema; the type error says it better. */
function dropShadowedByType(items: Item[]): Item[] {
  const typed = items.filter((i) => i.kind === 'error' && i.error.keyword === 'type').map((i) => i.error);
  return items.filter((i) => {
    if (i.kind !== 'error' || (i.error.keyword !== 'enum' && i.error.keyword !== 'const')) return true;
    return !typed.some((t) => t.instancePath === i.error.instancePath && t.parentSchema === i.error.parentSchema);
  });
}

// ---------------------------------------------------------------------------------------------
// Wording

function translateError(e: Err, ctx: Ctx): Translated | undefined {
  const path = toPath(e.instancePath, ctx.parsed.value);
  const where = formatPath(path, ctx.root);
  const data = 'data' in e ? e.data : valueAt(ctx.parsed.value, path);
  const params = (e.params ?? {}) as Record<string, unknown>;
  const parent = isObject(e.parentSchema) ? e.parentSchema : {};
  const at = (p: DocPath, f: { ruleId: string; message: string; hint?: string | undefined }, target: LocateTarget = 'value') =>
    diagnosticAt(ctx.parsed, p, { ruleId: f.ruleId, severity: 'error', message: f.message, hint: f.hint }, target);

  // Errors about a key (propertyNames): point at the key, and talk about the key.
  if (e.propertyName !== undefined) {
    const keyPath = [...path, e.propertyName];
    const message =
      e.keyword === 'pattern'
        ? `${where}: key ${quote(e.propertyName)} does not match the expected form.`
        : `${where}: key ${quote(e.propertyName)} is not allowed (${e.message ?? 'invalid name'}).`;
    return { diagnostic: at(keyPath, { ruleId: e.keyword === 'pattern' ? 'schema-pattern' : 'schema', message, hint: describeOf(parent) }, 'key') };
  }

  switch (e.keyword) {
    case 'required': {
      const name = String(params.missingProperty ?? '');
      const property = propertySchema(parent, name);
      const refTarget = isObject(property) && typeof property.$ref === 'string' ? ctx.index?.resolveFrom(property, property.$ref) : undefined;
      const description = describeOf(property) ?? describeOf(refTarget);
      return {
        diagnostic: at([...path, name], {
          ruleId: 'schema-required',
          message: `${where}: ${quote(name)} is required.`,
          hint: description ? `${name}: ${description}` : `Add a "${name}:" entry here.`,
        }),
        missing: `${e.instancePath}\0${name}`,
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty ?? '');
      const allowed = isObject(parent.properties) ? Object.keys(parent.properties) : [];
      const present = isObject(data) ? new Set(Object.keys(data)) : new Set<string>();
      const suggestion = didYouMean(name, allowed.filter((a) => !present.has(a))) ?? didYouMean(name, allowed);
      const hint = suggestion ? `Did you mean ${quote(suggestion)}?` : allowed.length ? `Allowed fields: ${allowed.join(', ')}.` : undefined;
      const r: Translated = {
        diagnostic: at([...path, name], { ruleId: 'schema-unknown-field', message: `${where}: unknown field ${quote(name)}.`, hint }, 'key'),
      };
      if (suggestion) r.suggests = `${e.instancePath}\0${suggestion}`;
      return r;
    }
    case 'false schema': {
      // `field: false` in a schema forbids the field; reported on the key like an unknown field.
      const name = path.length ? String(path[path.length - 1]) : '';
      const parentWhere = formatPath(path.slice(0, -1), ctx.root);
      return { diagnostic: at(path, { ruleId: 'schema-constraint', message: `${parentWhere}: field ${quote(name)} is not allowed here.` }, 'key') };
    }
    case 'type': {
      const expected = typeList(params.type);
      const fields = typeFields(where, expected, data, sourceTextAt(ctx.parsed, path));
      return { diagnostic: at(path, { ...fields, hint: wallClockHint(parent, data, sourceTextAt(ctx.parsed, path)) ?? fields.hint }) };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return { diagnostic: at(path, enumFields(where, data, allowed)) };
    }
    case 'const':
      return {
        diagnostic: at(path, {
          ruleId: 'schema-constraint',
          message: `${where}: expected ${show(params.allowedValue)} but found ${show(data)}.`,
        }),
      };
    case 'pattern':
      return {
        diagnostic: at(path, {
          ruleId: 'schema-pattern',
          message: `${where}: ${show(data)} does not match the expected form.`,
          hint: describeOf(parent) ?? `It must match the pattern ${String(params.pattern)}.`,
        }),
      };
    case 'format':
      return { diagnostic: at(path, formatFields(where, String(params.format ?? ''), data, describeOf(parent))) };
    default: {
      // `not: { required: [x] }` forbids a field (a tier has rosters or layers, not both): said at the field.
      const forbidden = e.keyword === 'not' ? (e.schema as { required?: unknown } | undefined)?.required : undefined;
      if (Array.isArray(forbidden) && forbidden.length === 1 && typeof data === 'object' && data !== null && Object.hasOwn(data, String(forbidden[0]))) {
        const name = String(forbidden[0]);
        return { diagnostic: at([...path, name], { ruleId: 'schema-constraint', message: `${where}: field ${quote(name)} is not allowed here.`, hint: describeOf(e.schema) }, 'key') };
      }
      const constraint = constraintMessage(e.keyword, where, data, params, path);
      if (constraint) {
        const target: LocateTarget = constraint.target ?? 'value';
        return {
          diagnostic: at(constraint.path ?? path, {
            ruleId: 'schema-constraint',
            message: constraint.message,
            hint: constraint.hint ?? (e.keyword === 'not' ? describeOf(e.schema) ?? describeOf(parent) : undefined),
          }, target),
        };
      }
      return fallback(e, ctx);
    }
  }
}

function fallback(e: Err, ctx: Ctx): Translated {
  const path = toPath(typeof e.instancePath === 'string' ? e.instancePath : '', ctx.parsed.value);
  const where = formatPath(path, ctx.root);
  const what = (e.message ?? `fails the "${e.keyword}" rule`).replace(/\.$/, '');
  return {
    diagnostic: diagnosticAt(ctx.parsed, path, { ruleId: 'schema', severity: 'error', message: `${where}: ${what}.` }),
  };
}

/** One diagnostic for a combinator none of whose branches fits. */
function translateSummary(item: Extract<Item, { kind: 'summary' }>, ctx: Ctx): Translated {
  const e = item.error;
  const path = toPath(e.instancePath, ctx.parsed.value);
  const where = formatPath(path, ctx.root);
  const data = 'data' in e ? e.data : valueAt(ctx.parsed.value, path);
  const branchSchemas: unknown[] = Array.isArray(e.schema) ? e.schema : [];
  const forms = branchSchemas.map((b, i) => formOf(b, item.branches[i] ?? [], e.instancePath, ctx.index));
  const at = (p: DocPath, f: { ruleId: string; message: string; hint?: string | undefined }) =>
    diagnosticAt(ctx.parsed, p, { ruleId: f.ruleId, severity: 'error', message: f.message, hint: f.hint });

  const passing = (e.params as { passingSchemas?: unknown }).passingSchemas;
  if (Array.isArray(passing)) {
    const which = passing.map((n) => forms[Number(n)] ?? `form ${Number(n) + 1}`);
    if (data === null || typeof data !== 'object') {
      // No spelling of a plain value can pick one form when two accept it: the schema is at fault.
      return {
        diagnostic: at(path, {
          ruleId: 'schema',
          message: `${where}: ${show(data)} fits more than one allowed form (${which.join('; ')}), and the schema accepts a value of exactly one.`,
          hint: 'The forms overlap for this value, so it cannot be written at all: the schema must change (the general form excluding it, or anyOf). Report it to whoever maintains schemas/.',
        }),
      };
    }
    const fields = passing.map((n) => ({ form: forms[Number(n)] ?? `form ${Number(n) + 1}`, names: fieldsOf(branchSchemas[Number(n)], ctx.index) }));
    const present = Object.keys(data);
    return {
      diagnostic: at(path, {
        ruleId: 'schema',
        message: `${where}: ${Array.isArray(data) ? 'the list' : 'the mapping'} fits more than one allowed form (${which.join('; ')}), but must fit exactly one.`,
        hint: fields.every((f) => f.names.length > 0)
          ? `Keep only the fields of the form you mean (${fields.map((f) => `${f.form}: ${f.names.map((name) => (present.includes(name) ? `${name} (given)` : name)).join(', ')}`).join('; ')}).`
          : 'Add or remove fields so that only one form applies.',
      }),
    };
  }

  const errorsOf = (items: readonly Item[]) => items.flatMap((i) => (i.kind === 'error' ? [i.error] : []));
  const typeMismatch = (items: readonly Item[]) => errorsOf(items).find((x) => x.keyword === 'type' && x.instancePath === e.instancePath);

  // Discriminated union: every branch of the right type rejects the same field's constant.
  const typed = item.branches.filter((b) => b.length > 0 && !typeMismatch(b));
  if (typed.length > 0) {
    const consts = typed.map((b) => errorsOf(b).find((x) => x.keyword === 'const' && parentPointer(x.instancePath) === e.instancePath));
    const first = consts[0];
    if (first && consts.every((c) => c && c.instancePath === first.instancePath)) {
      const fieldPath = toPath(first.instancePath, ctx.parsed.value);
      const allowed = [...new Set(consts.map((c) => (c!.params as { allowedValue?: unknown }).allowedValue))];
      const value = 'data' in first ? first.data : valueAt(ctx.parsed.value, fieldPath);
      return { diagnostic: at(fieldPath, enumFields(formatPath(fieldPath, ctx.root), value, allowed)) };
    }
  }

  // No branch accepts this kind of value at all: a plain type error listing every allowed type.
  const mismatches = item.branches.map(typeMismatch);
  if (item.branches.length > 0 && mismatches.every((m) => m !== undefined)) {
    const expected = [...new Set(mismatches.flatMap((m) => typeList((m!.params as { type?: unknown }).type)))];
    return { diagnostic: at(path, typeFields(where, expected, data, sourceTextAt(ctx.parsed, path))) };
  }

  // Mixed reasons: one diagnostic naming the forms, with the combinator's own description when it has one.
  const literals = errorsOf(item.branches.flat()).flatMap((x) => {
    if (x.instancePath !== e.instancePath) return [];
    const p = x.params as { allowedValue?: unknown; allowedValues?: unknown };
    if (x.keyword === 'const') return [p.allowedValue];
    if (x.keyword === 'enum' && Array.isArray(p.allowedValues)) return p.allowedValues;
    return [];
  });
  const near = typeof data === 'string' ? didYouMean(data, literals.filter((l): l is string => typeof l === 'string')) : undefined;
  const explanation = describeOf(e.parentSchema) ?? (forms.length ? `Expected one of: ${forms.join('; ')}.` : undefined);
  const hint = [near !== undefined ? `Did you mean ${quote(near)}?` : undefined, explanation].filter(Boolean).join(' ') || undefined;
  const scalar = data === null || typeof data !== 'object';
  return {
    diagnostic: at(path, {
      ruleId: 'schema',
      message: `${where}: ${scalar ? `${show(data)} does` : 'does'} not match any of the allowed forms.`,
      hint,
    }),
  };
}

/** A short description of a combinator branch, for listing the allowed forms. */
/** The field names a form declares (its own properties, or those of the schema it refers to). */
function fieldsOf(schema: unknown, index: SchemaIndex | undefined): string[] {
  if (!isObject(schema)) return [];
  const target = typeof schema.$ref === 'string' ? index?.resolveFrom(schema, schema.$ref) : undefined;
  const properties = isObject(schema.properties) ? schema.properties : isObject(target) && isObject(target.properties) ? target.properties : undefined;
  return properties ? Object.keys(properties) : [];
}

function formOf(schema: unknown, items: readonly Item[], P: string, index: SchemaIndex | undefined): string {
  if (!isObject(schema)) return 'another form';
  if ('const' in schema) return show(schema.const);
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => show(v)).join(', ')}`;
  const target = typeof schema.$ref === 'string' ? index?.resolveFrom(schema, schema.$ref) : undefined;
  const own = describeOf(schema) ?? describeOf(target) ?? (typeof schema.title === 'string' ? schema.title : undefined);
  if (own) return own.replace(/\.$/, '');
  const declared = schema.type ?? (isObject(target) ? target.type : undefined);
  const types = declared !== undefined ? typeList(declared) : [];
  const fromErrors = items.flatMap((i) =>
    i.kind === 'error' && i.error.keyword === 'type' && i.error.instancePath === P ? typeList((i.error.params as { type?: unknown }).type) : [],
  );
  const words = [...new Set(types.length ? types : fromErrors)].map(typeWords);
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const base = words.length ? words.join(' or ') : 'another form';
  return required.length ? `${base} with ${required.map((r) => quote(r)).join(', ')}` : base;
}

// ---------------------------------------------------------------------------------------------
// Messages for particular keywords

type Fields = { ruleId: string; message: string; hint?: string | undefined };

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'nothing (null)',
};

function typeWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

function typeList(type: unknown): string[] {
  if (Array.isArray(type)) return type.map(String);
  if (typeof type === 'string') return type.split(',').map((t) => t.trim()).filter(Boolean);
  return [];
}

const TRUTHY_WORDS = /^(y|yes|on|true)$/i;
const BOOLEAN_WORDS = /^(y|yes|n|no|on|off|true|false)$/i;

function typeFields(where: string, expected: readonly string[], data: unknown, raw: string | undefined): Fields {
  const expectedWords = expected.length ? joinOr(expected.map(typeWords)) : 'another kind of value';
  const message = `${where}: expected ${expectedWords} but found ${foundWords(data, raw)}.`;
  return { ruleId: 'schema-type', message, hint: typeHint(expected, data, raw) };
}

/**
 * For a wall-clock time written as digits (`0900`, `1730`), which YAML reads as a number: quoting
 * the digits would still not be a time, so the hint gives the HH:MM form to write.
 */
function wallClockHint(schema: Record<string, unknown>, data: unknown, raw: string | undefined): string | undefined {
  if (typeof data !== 'number' || typeof schema.pattern !== 'string' || !schema.pattern.includes(':[0-5][0-9]')) return undefined;
  const digits = (raw?.trim() ?? String(data)).padStart(4, '0');
  const match = /^([01][0-9]|2[0-3])([0-5][0-9])$/.exec(digits);
  if (!match) return undefined;
  return `YAML reads ${raw?.trim() ?? String(data)} as a number; write the time in quotes as "${match[1]}:${match[2]}".`;
}

function typeHint(expected: readonly string[], data: unknown, raw: string | undefined): string | undefined {
  const wants = (t: string) => expected.includes(t);
  if (wants('boolean') && typeof data === 'string' && BOOLEAN_WORDS.test(data.trim())) {
    return TRUTHY_WORDS.test(data.trim())
      ? `YAML 1.2 reads ${quote(data)} as text; write true (or false).`
      : `YAML 1.2 reads ${quote(data)} as text; write false (or true).`;
  }
  if (wants('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    const text = raw?.trim() || String(data);
    return `YAML reads ${text} as ${typeof data === 'number' ? 'a number' : 'true/false'}; put it in quotes, e.g. ${quote(text)}, to keep it as text.`;
  }
  if ((wants('number') || wants('integer')) && typeof data === 'string' && /^[-+]?\d+(\.\d+)?$/.test(data.trim())) {
    return 'Remove the quotes so that it is read as a number.';
  }
  if (wants('object') && Array.isArray(data)) {
    return 'This is a list (its entries start with "- "); a mapping holds "key: value" lines without the dash.';
  }
  if (wants('array') && !Array.isArray(data) && data !== null && data !== undefined) {
    return 'Write a list: one entry per line starting with "- ", or [a, b] on one line.';
  }
  if (data === null || data === undefined) return 'The value is empty; fill it in or remove the field.';
  return undefined;
}

function foundWords(data: unknown, raw: string | undefined): string {
  if (data === null || data === undefined) return 'nothing (an empty value)';
  if (typeof data === 'string') return `text ${quote(data)}`;
  if (typeof data === 'boolean') return `${data}`;
  if (typeof data === 'number') return `the number ${raw?.trim() || String(data)}`;
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  return String(data);
}

function enumFields(where: string, data: unknown, allowed: readonly unknown[]): Fields {
  const list = allowed.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(', ');
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  const suggestion = typeof data === 'string' ? didYouMean(data, strings) : typeof data === 'number' || typeof data === 'boolean' ? strings.find((s) => s === String(data)) : undefined;
  let hint: string | undefined;
  if (suggestion !== undefined) {
    hint = typeof data === 'string' ? `Did you mean ${quote(suggestion)}?` : `Quote it: ${quote(suggestion)}.`;
  }
  return { ruleId: 'schema-enum', message: `${where}: ${show(data)} is not one of: ${list}.`, hint };
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'date (YYYY-MM-DD)',
  time: 'time (HH:MM:SS with a UTC offset, e.g. 08:12:00+02:00)',
  'iso-time': 'time (HH:MM:SS)',
  'date-time': 'date-time with a UTC offset (e.g. 2026-10-14T08:12:00+02:00 or 2026-10-14T08:12Z)',
  'phone-region': 'region code for phone numbers (ISO 3166-1 alpha-2 in capitals, e.g. GB, DE, US)',
  'date-or-date-time': 'date (YYYY-MM-DD) or date-time with a UTC offset (e.g. 2026-10-14T08:12:00+02:00)',
  'iso-date-time': 'date-time (e.g. 2026-10-14T08:12:00)',
  duration: 'ISO 8601 duration (e.g. PT15M, P1D)',
  email: 'email address (e.g. name@example.com)',
  'idn-email': 'email address (e.g. name@example.com)',
  uri: 'absolute URI (e.g. https://example.com/page)',
  'uri-reference': 'URI reference',
  'uri-template': 'URI template',
  url: 'URL (e.g. https://example.com/page)',
  hostname: 'host name (e.g. pager.example.com)',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  uuid: 'UUID',
  regex: 'regular expression',
  'json-pointer': 'JSON pointer',
  'relative-json-pointer': 'relative JSON pointer',
};

function formatFields(where: string, format: string, data: unknown, description: string | undefined): Fields {
  if ((format === 'date-time' || format === 'date-or-date-time') && typeof data === 'string') {
    const fixed = dateTimeWithoutOffset(data);
    if (fixed !== undefined) {
      return {
        ruleId: 'datetime-offset',
        message: `${where}: ${quote(data)} has no UTC offset.`,
        hint: `Write the offset explicitly, e.g. ${quote(`${fixed}Z`)} or ${quote(`${fixed}+02:00`)}; a time without one is ambiguous.`,
      };
    }
  }
  if (format === 'iana-time-zone' && typeof data === 'string') {
    const near = didYouMean(data, allZoneNames());
    return {
      ruleId: 'timezone-valid',
      message: `${where}: ${quote(data)} is not an IANA time zone.`,
      hint: near !== undefined ? `Did you mean ${quote(near)}?` : 'Use a name from the IANA time zone database, such as Europe/Berlin or America/New_York.',
    };
  }
  const words = FORMAT_WORDS[format] ?? format;
  return { ruleId: 'schema-format', message: `${where}: ${show(data)} is not a valid ${words}.`, hint: description };
}

interface Constraint {
  message: string;
  hint?: string;
  path?: DocPath;
  target?: LocateTarget;
}

function constraintMessage(
  keyword: string,
  where: string,
  data: unknown,
  params: Record<string, unknown>,
  path: DocPath,
): Constraint | undefined {
  const limit = params.limit;
  const n = Number(limit);
  switch (keyword) {
    case 'minItems': {
      const count = Array.isArray(data) ? data.length : 0;
      return count === 0 && n === 1
        ? { message: `${where}: the list must not be empty.` }
        : { message: `${where}: the list has ${plural(count, 'entry', 'entries')} but needs at least ${n}.` };
    }
    case 'maxItems': {
      const count = Array.isArray(data) ? data.length : 0;
      return { message: `${where}: the list has ${plural(count, 'entry', 'entries')} but allows at most ${n}.` };
    }
    case 'minimum':
      return { message: `${where}: ${show(data)} is below the minimum of ${n}.` };
    case 'maximum':
      return { message: `${where}: ${show(data)} is above the maximum of ${n}.` };
    case 'exclusiveMinimum':
      return { message: `${where}: must be greater than ${n}, found ${show(data)}.` };
    case 'exclusiveMaximum':
      return { message: `${where}: must be less than ${n}, found ${show(data)}.` };
    case 'multipleOf':
      return { message: `${where}: ${show(data)} is not a multiple of ${show(params.multipleOf)}.` };
    case 'minLength': {
      const length = typeof data === 'string' ? [...data].length : 0;
      return n === 1 && length === 0
        ? { message: `${where}: must not be empty.` }
        : { message: `${where}: ${show(data)} is too short (at least ${plural(n, 'character', 'characters')}).` };
    }
    case 'maxLength': {
      const length = typeof data === 'string' ? [...data].length : 0;
      return { message: `${where}: ${show(data)} is too long (${length} characters; at most ${n}).` };
    }
    case 'uniqueItems': {
      // ajv gives the later duplicate as i and the earlier one as j.
      const i = Number(params.i);
      const j = Number(params.j);
      const later = Math.max(i, j);
      const earlier = Math.min(i, j);
      const item = Array.isArray(data) ? data[later] : undefined;
      const itemWhere = formatPath([...path, later], where);
      return {
        message: `${itemWhere}: ${show(item)} appears more than once (also at ${formatPath([...path, earlier], where)}).`,
        hint: 'Remove the duplicate entry.',
        path: [...path, later],
      };
    }
    case 'minProperties':
      return { message: `${where}: needs at least ${plural(n, 'field', 'fields')}.` };
    case 'maxProperties':
      return { message: `${where}: allows at most ${plural(n, 'field', 'fields')}.` };
    case 'dependentRequired':
    case 'dependencies': {
      const property = String(params.property ?? '');
      const missing = String(params.missingProperty ?? '');
      return {
        message: `${where}: ${quote(missing)} is required when ${quote(property)} is given.`,
        hint: `Add ${quote(missing)}, or remove ${quote(property)}.`,
        path: [...path, property],
        target: 'key',
      };
    }
    case 'not':
      return { message: `${where}: ${show(data)} is not allowed here.` };
    case 'contains':
    case 'minContains':
      return { message: `${where}: the list has no entry of the required form.` };
    case 'maxContains':
      return { message: `${where}: the list has too many entries of a restricted form (at most ${show(params.maxContains ?? limit)}).` };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Decodes an ajv instancePath (JSON pointer) into a document path; indices into lists become numbers. */
export function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  return toPath(pointer, root);
}

function toPath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current) && /^(0|[1-9]\d*)$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = ownValue(current, segment);
    }
  }
  return path;
}

function valueAt(root: unknown, path: DocPath): unknown {
  let current = root;
  for (const segment of path) {
    current = Array.isArray(current) && typeof segment === 'number' ? current[segment] : ownValue(current, String(segment));
  }
  return current;
}

/** Own properties only: a key such as `constructor` must not reach into the prototype. */
function ownValue(value: unknown, key: string): unknown {
  if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

/**
 * A readable location such as `tiers[0].participants[2]`, or the root label for the empty path.
 * Keys that are not plain identifiers are quoted: `labels["team/a"]`.
 */
export function formatPath(path: DocPath, root = '(top level)'): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || root;
}

/**
 * The closest of `candidates` to `word`, if close enough to be a likely typo: a case-insensitive
 * match, or within Levenshtein distance 2 (or a third of the word's length, for long words).
 */
/** The candidate a misspelt word most plausibly meant (see closest in scripts/util/suggest.ts). */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  return closest(word, candidates);
}

function propertySchema(parent: Record<string, unknown>, name: string): unknown {
  return isObject(parent.properties) ? ownValue(parent.properties, name) : undefined;
}

function describeOf(schema: unknown): string | undefined {
  return isObject(schema) && typeof schema.description === 'string' && schema.description.trim() ? schema.description.trim() : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_SHOWN = 60;

/** A string in double quotes, shortened if long, so messages stay on one line. */
function quote(s: string): string {
  const short = s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
  return JSON.stringify(short);
}

/** A value as it appears in a message: text quoted, numbers and booleans as written, collections by kind. */
function show(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
