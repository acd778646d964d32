/**
 * The validation cache's index in columns: one array per field instead of one object per file, so
 * a cache of tens of thousands of files reads and writes in milliseconds (typed arrays cost
 * nothing to (de)serialize; repeated keys, hashes and empty lists cost nothing at all) and an entry
 * becomes an object only when it is asked for.
 *
 * An entry of the usual shape is stored field by field; any other entry (a shape this encoding does
 * not know) is kept whole, so decoding always gives back exactly what was stored
 * (tests/cache/cache.test.ts checks that on random entries).
 */
import type { FileResult, RecordFacts } from '../check/file-result.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import type { KindId } from '../schema/kinds.ts';
import type { CacheEntry, StatSignature } from './validation-cache.ts';

export interface Columns {
  paths: string[];
  /** Content hashes, 20 bytes each. */
  hashes: Uint8Array;
  /** FLAG_* bits. */
  flags: Uint8Array;
  /** size, mtimeMs, ctimeMs, ino per entry (when FLAG_STAT). */
  stats: Float64Array;
  kindTable: string[];
  kinds: Uint8Array;
  /** The id each file defines, or null. */
  definedIds: (string | null)[];
  /** Non-empty facts, by entry number. */
  facts: Record<number, RecordFacts>;
  /** Non-empty findings (read, schema, rules), by entry number. */
  diagnostics: Record<number, [Diagnostic[], Diagnostic[], Diagnostic[]]>;
  /** Context and incident keys, each stored once. */
  keyTable: string[];
  /** Index into keyTable, or -1. */
  contextKeys: Int32Array;
  incidentsKeys: Int32Array;
  /** The `now` the rules read (when FLAG_NOW). */
  nows: Float64Array;
  /** offset, length per entry (when FLAG_PAYLOAD). */
  payloads: Float64Array;
  /** Payload checksums, 20 bytes each. */
  payloadSums: Uint8Array;
  /** Entries of another shape, kept whole, by entry number. */
  irregular: Record<number, CacheEntry>;
}

const FLAG_STAT = 1;
const FLAG_PRESENT = 2;
const FLAG_VALID = 4;
const FLAG_NOW = 8;
const FLAG_PAYLOAD = 16;
const FLAG_IRREGULAR = 32;

const HASH_BYTES = 20;
const HEX_HASH = /^[0-9a-f]{40}$/;
const ENTRY_KEYS = new Set(['hash', 'stat', 'result', 'contextKey', 'incidentsKey', 'now', 'payload']);
const STAT_KEYS = ['size', 'mtimeMs', 'ctimeMs', 'ino'] as const;
const RESULT_KEYS = new Set(['path', 'kind', 'hash', 'present', 'readDiagnostics', 'schemaDiagnostics', 'valid', 'definedId', 'facts', 'ruleDiagnostics']);
const FACT_KEYS = new Set(['rollout', 'signoffKind', 'incident']);

const NONE: readonly never[] = Object.freeze([]);
const NO_FACTS: RecordFacts = Object.freeze({});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function hasOnly(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(value)) if (!allowed.has(key) || value[key] === undefined) return false;
  return true;
}

/** Whether an entry has the shape stored field by field (every field decodes back as it was). */
function isRegular(path: string, entry: CacheEntry): boolean {
  if (!isPlainObject(entry) || !hasOnly(entry as unknown as Record<string, unknown>, ENTRY_KEYS)) return false;
  if (typeof entry.hash !== 'string' || !HEX_HASH.test(entry.hash)) return false;
  const { stat, result, payload } = entry;
  if (stat !== undefined && (!isPlainObject(stat) || Object.keys(stat).length !== 4 || STAT_KEYS.some((k) => typeof stat[k] !== 'number'))) return false;
  if (entry.contextKey !== undefined && typeof entry.contextKey !== 'string') return false;
  if (entry.incidentsKey !== undefined && typeof entry.incidentsKey !== 'string') return false;
  if (entry.now !== undefined && typeof entry.now !== 'number') return false;
  if (payload !== undefined) {
    if (!isPlainObject(payload) || Object.keys(payload).length !== 3 || typeof payload.offset !== 'number' || typeof payload.length !== 'number') return false;
    if (typeof payload.sha1 !== 'string' || !HEX_HASH.test(payload.sha1)) return false;
  }
  if (!isPlainObject(result) || !hasOnly(result as unknown as Record<string, unknown>, RESULT_KEYS)) return false;
  if (result.path !== path || result.hash !== entry.hash || typeof result.kind !== 'string') return false;
  if (typeof result.present !== 'boolean' || typeof result.valid !== 'boolean') return false;
  if (result.definedId !== undefined && typeof result.definedId !== 'string') return false;
  if (!Array.isArray(result.readDiagnostics) || !Array.isArray(result.schemaDiagnostics) || !Array.isArray(result.ruleDiagnostics)) return false;
  const facts = result.facts as unknown;
  if (!isPlainObject(facts) || !hasOnly(facts, FACT_KEYS) || Object.values(facts).some((v) => typeof v !== 'string')) return false;
  return true;
}

/** Builds the columns of an index, entry by entry. */
export class ColumnsBuilder {
  private readonly paths: string[] = [];
  private hashes: Uint8Array;
  private flags: Uint8Array;
  private stats: Float64Array;
  private kinds: Uint8Array;
  private readonly kindTable: string[] = [];
  private readonly kindIndex = new Map<string, number>();
  private readonly definedIds: (string | null)[] = [];
  private readonly facts: Record<number, RecordFacts> = {};
  private readonly diagnostics: Record<number, [Diagnostic[], Diagnostic[], Diagnostic[]]> = {};
  private readonly keyTable: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private contextKeys: Int32Array;
  private incidentsKeys: Int32Array;
  private nows: Float64Array;
  private payloads: Float64Array;
  private payloadSums: Uint8Array;
  private readonly irregular: Record<number, CacheEntry> = {};
  private capacity: number;

  constructor(expected = 1024) {
    this.capacity = Math.max(16, expected);
    this.hashes = new Uint8Array(this.capacity * HASH_BYTES);
    this.flags = new Uint8Array(this.capacity);
    this.stats = new Float64Array(this.capacity * 4);
    this.kinds = new Uint8Array(this.capacity);
    this.contextKeys = new Int32Array(this.capacity);
    this.incidentsKeys = new Int32Array(this.capacity);
    this.nows = new Float64Array(this.capacity);
    this.payloads = new Float64Array(this.capacity * 2);
    this.payloadSums = new Uint8Array(this.capacity * HASH_BYTES);
  }

  get size(): number {
    return this.paths.length;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const widen = <T extends Uint8Array | Float64Array | Int32Array>(array: T, per: number): T => {
      const next = new (array.constructor as new (n: number) => T)(capacity * per);
      next.set(array);
      return next;
    };
    this.hashes = widen(this.hashes, HASH_BYTES);
    this.flags = widen(this.flags, 1);
    this.stats = widen(this.stats, 4);
    this.kinds = widen(this.kinds, 1);
    this.contextKeys = widen(this.contextKeys, 1);
    this.incidentsKeys = widen(this.incidentsKeys, 1);
    this.nows = widen(this.nows, 1);
    this.payloads = widen(this.payloads, 2);
    this.payloadSums = widen(this.payloadSums, HASH_BYTES);
    this.capacity = capacity;
  }

  private keyOf(key: string | undefined): number {
    if (key === undefined) return -1;
    let index = this.keyIndex.get(key);
    if (index === undefined) {
      index = this.keyTable.push(key) - 1;
      this.keyIndex.set(key, index);
    }
    return index;
  }

  private kindOf(kind: string): number {
    let index = this.kindIndex.get(kind);
    if (index === undefined) {
      index = this.kindTable.push(kind) - 1;
      this.kindIndex.set(kind, index);
    }
    return index;
  }

  /** Adds an entry. */
  add(path: string, entry: CacheEntry): void {
    if (this.paths.length === this.capacity) this.grow();
    const i = this.paths.length;
    this.paths.push(path);
    if (!isRegular(path, entry) || this.kindTable.length >= 255) {
      this.flags[i] = FLAG_IRREGULAR;
      this.irregular[i] = entry;
      this.definedIds.push(null);
      this.contextKeys[i] = -1;
      this.incidentsKeys[i] = -1;
      return;
    }
    const { result } = entry;
    let flags = 0;
    this.hashes.set(Buffer.from(entry.hash, 'hex'), i * HASH_BYTES);
    if (entry.stat) {
      flags |= FLAG_STAT;
      this.stats[i * 4] = entry.stat.size;
      this.stats[i * 4 + 1] = entry.stat.mtimeMs;
      this.stats[i * 4 + 2] = entry.stat.ctimeMs;
      this.stats[i * 4 + 3] = entry.stat.ino;
    }
    if (result.present) flags |= FLAG_PRESENT;
    if (result.valid) flags |= FLAG_VALID;
    this.kinds[i] = this.kindOf(result.kind);
    this.definedIds.push(result.definedId ?? null);
    if (Object.keys(result.facts).length > 0) this.facts[i] = result.facts;
    if (result.readDiagnostics.length + result.schemaDiagnostics.length + result.ruleDiagnostics.length > 0) {
      this.diagnostics[i] = [result.readDiagnostics, result.schemaDiagnostics, result.ruleDiagnostics];
    }
    this.contextKeys[i] = this.keyOf(entry.contextKey);
    this.incidentsKeys[i] = this.keyOf(entry.incidentsKey);
    if (entry.now !== undefined) {
      flags |= FLAG_NOW;
      this.nows[i] = entry.now;
    }
    if (entry.payload) {
      flags |= FLAG_PAYLOAD;
      this.payloads[i * 2] = entry.payload.offset;
      this.payloads[i * 2 + 1] = entry.payload.length;
      this.payloadSums.set(Buffer.from(entry.payload.sha1, 'hex'), i * HASH_BYTES);
    }
    this.flags[i] = flags;
  }

  /** Adds entry i of other columns as it is there. */
  copy(from: Columns, i: number): void {
    const flags = from.flags[i]!;
    if (flags & FLAG_IRREGULAR || (!this.kindIndex.has(from.kindTable[from.kinds[i]!]!) && this.kindTable.length >= 255)) {
      this.add(from.paths[i]!, decodeEntry(from, i));
      return;
    }
    if (this.paths.length === this.capacity) this.grow();
    const j = this.paths.length;
    this.paths.push(from.paths[i]!);
    this.flags[j] = flags;
    this.hashes.set(from.hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES), j * HASH_BYTES);
    this.stats.set(from.stats.subarray(i * 4, i * 4 + 4), j * 4);
    this.kinds[j] = this.kindOf(from.kindTable[from.kinds[i]!]!);
    this.definedIds.push(from.definedIds[i] ?? null);
    if (from.facts[i]) this.facts[j] = from.facts[i]!;
    if (from.diagnostics[i]) this.diagnostics[j] = from.diagnostics[i]!;
    const contextKey = from.contextKeys[i]!;
    const incidentsKey = from.incidentsKeys[i]!;
    this.contextKeys[j] = contextKey >= 0 ? this.keyOf(from.keyTable[contextKey]!) : -1;
    this.incidentsKeys[j] = incidentsKey >= 0 ? this.keyOf(from.keyTable[incidentsKey]!) : -1;
    this.nows[j] = from.nows[i]!;
    this.payloads.set(from.payloads.subarray(i * 2, i * 2 + 2), j * 2);
    this.payloadSums.set(from.payloadSums.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES), j * HASH_BYTES);
  }

  build(): Columns {
    const n = this.paths.length;
    return {
      paths: this.paths,
      hashes: this.hashes.slice(0, n * HASH_BYTES),
      flags: this.flags.slice(0, n),
      stats: this.stats.slice(0, n * 4),
      kindTable: this.kindTable,
      kinds: this.kinds.slice(0, n),
      definedIds: this.definedIds,
      facts: this.facts,
      diagnostics: this.diagnostics,
      keyTable: this.keyTable,
      contextKeys: this.contextKeys.slice(0, n),
      incidentsKeys: this.incidentsKeys.slice(0, n),
      nows: this.nows.slice(0, n),
      payloads: this.payloads.slice(0, n * 2),
      payloadSums: this.payloadSums.slice(0, n * HASH_BYTES),
      irregular: this.irregular,
    };
  }
}

/** Whether a deserialized value has the columns' layout (anything else is ignored as damaged). */
export function isColumns(value: unknown): value is Columns {
  if (!isPlainObject(value)) return false;
  const c = value as unknown as Columns;
  const n = Array.isArray(c.paths) ? c.paths.length : -1;
  return (
    n >= 0 &&
    c.hashes instanceof Uint8Array && c.hashes.length === n * HASH_BYTES &&
    c.flags instanceof Uint8Array && c.flags.length === n &&
    c.stats instanceof Float64Array && c.stats.length === n * 4 &&
    Array.isArray(c.kindTable) &&
    c.kinds instanceof Uint8Array && c.kinds.length === n &&
    Array.isArray(c.definedIds) && c.definedIds.length === n &&
    isPlainObject(c.facts) && isPlainObject(c.diagnostics) && isPlainObject(c.irregular) &&
    Array.isArray(c.keyTable) &&
    c.contextKeys instanceof Int32Array && c.contextKeys.length === n &&
    c.incidentsKeys instanceof Int32Array && c.incidentsKeys.length === n &&
    c.nows instanceof Float64Array && c.nows.length === n &&
    c.payloads instanceof Float64Array && c.payloads.length === n * 2 &&
    c.payloadSums instanceof Uint8Array && c.payloadSums.length === n * HASH_BYTES
  );
}

function hexAt(bytes: Uint8Array, i: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + i * HASH_BYTES, HASH_BYTES).toString('hex');
}

/** The value of a lowercase hex digit's char code, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Whether entry i's content hash is `hex` (40 lowercase hex digits), compared without making strings. */
export function hashIsAt(columns: Columns, i: number, hex: string): boolean {
  if (columns.flags[i]! & FLAG_IRREGULAR) return columns.irregular[i]!.hash === hex;
  if (hex.length !== HASH_BYTES * 2) return false;
  const bytes = columns.hashes;
  const offset = i * HASH_BYTES;
  for (let k = 0; k < HASH_BYTES; k++) {
    const high = hexValue(hex.charCodeAt(2 * k));
    const low = hexValue(hex.charCodeAt(2 * k + 1));
    if (high < 0 || low < 0 || bytes[offset + k] !== high * 16 + low) return false;
  }
  return true;
}

/** The content hash of entry i, without decoding the rest. */
export function hashAt(columns: Columns, i: number): string {
  return columns.flags[i]! & FLAG_IRREGULAR ? columns.irregular[i]!.hash : hexAt(columns.hashes, i);
}

/** Whether entry i's recorded stat identity is `stat`, without decoding the rest. */
export function statMatchesAt(columns: Columns, i: number, stat: StatSignature): boolean {
  const flags = columns.flags[i]!;
  if (flags & FLAG_IRREGULAR) {
    const recorded = columns.irregular[i]!.stat;
    return recorded !== undefined && recorded.size === stat.size && recorded.mtimeMs === stat.mtimeMs && recorded.ctimeMs === stat.ctimeMs && recorded.ino === stat.ino;
  }
  if (!(flags & FLAG_STAT)) return false;
  const s = columns.stats;
  return s[i * 4] === stat.size && s[i * 4 + 1] === stat.mtimeMs && s[i * 4 + 2] === stat.ctimeMs && s[i * 4 + 3] === stat.ino;
}

/** The length of entry i's payload, or 0. */
export function payloadLengthAt(columns: Columns, i: number): number {
  const flags = columns.flags[i]!;
  if (flags & FLAG_IRREGULAR) return columns.irregular[i]!.payload?.length ?? 0;
  return flags & FLAG_PAYLOAD ? columns.payloads[i * 2 + 1]! : 0;
}

/** Entry i's result alone (what a run needs of a file it does not read). */
export function decodeResult(columns: Columns, i: number): FileResult {
  const flags = columns.flags[i]!;
  if (flags & FLAG_IRREGULAR) return columns.irregular[i]!.result;
  return resultAt(columns, i, flags, hexAt(columns.hashes, i));
}

function resultAt(columns: Columns, i: number, flags: number, hash: string): FileResult {
  const path = columns.paths[i]!;
  const diagnostics = columns.diagnostics[i];
  const definedId = columns.definedIds[i];
  return {
    path,
    kind: columns.kindTable[columns.kinds[i]!] as KindId,
    hash,
    present: (flags & FLAG_PRESENT) !== 0,
    readDiagnostics: diagnostics?.[0].length ? diagnostics[0] : (NONE as never),
    schemaDiagnostics: diagnostics?.[1].length ? diagnostics[1] : (NONE as never),
    valid: (flags & FLAG_VALID) !== 0,
    ...(definedId !== null && definedId !== undefined ? { definedId } : {}),
    facts: columns.facts[i] ?? NO_FACTS,
    ruleDiagnostics: diagnostics?.[2].length ? diagnostics[2] : (NONE as never),
  };
}

/** Entry i as an object. */
export function decodeEntry(columns: Columns, i: number): CacheEntry {
  const flags = columns.flags[i]!;
  if (flags & FLAG_IRREGULAR) return columns.irregular[i]!;
  const hash = hexAt(columns.hashes, i);
  const result = resultAt(columns, i, flags, hash);
  const s = columns.stats;
  const contextKey = columns.contextKeys[i]!;
  const incidentsKey = columns.incidentsKeys[i]!;
  return {
    hash,
    ...(flags & FLAG_STAT ? { stat: { size: s[i * 4]!, mtimeMs: s[i * 4 + 1]!, ctimeMs: s[i * 4 + 2]!, ino: s[i * 4 + 3]! } } : {}),
    result,
    ...(contextKey >= 0 ? { contextKey: columns.keyTable[contextKey]! } : {}),
    ...(incidentsKey >= 0 ? { incidentsKey: columns.keyTable[incidentsKey]! } : {}),
    ...(flags & FLAG_NOW ? { now: columns.nows[i]! } : {}),
    ...(flags & FLAG_PAYLOAD ? { payload: { offset: columns.payloads[i * 2]!, length: columns.payloads[i * 2 + 1]!, sha1: hexAt(columns.payloadSums, i) } } : {}),
  };
}
