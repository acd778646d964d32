/**
 * The validation cache (like ESLint's `--cache`): what validate learned about each file, keyed by
 * the file's content hash, kept under `.oncall-cache/validate/` in the repository. It is only ever
 * an optimisation: deleting it is always safe, a damaged or foreign cache is ignored whole, and an
 * entry is used only when everything it was computed from is unchanged (see pipeline.ts for the keys).
 *
 * Two files: `index.bin` (the entries, checksummed as a whole, replaced atomically) and `payloads.bin`
 * (the documents the repository-wide rules read, appended to, each checksummed). A file's content
 * hash is re-used without reading the file only while its size, modification and change times and
 * inode are those recorded when it was hashed, and the file was not modified in the seconds before
 * that (git's "racily clean" rule), so an edit can never hide behind an unchanged timestamp.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileResult } from '../check/file-result.ts';
import { ColumnsBuilder, decodeEntry, decodeResult, hashAt, hashIsAt, isColumns, payloadLengthAt, statMatchesAt, type Columns } from './index-columns.ts';
import type { Diagnostic } from '../report/diagnostic.ts';

/** Bump when the layout of the cache changes; an index of another format is ignored. */
const FORMAT = 'oncall-validate-cache/2';

/** A file's identity on disk when it was hashed: unchanged identity means unchanged content. */
export interface StatSignature {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** Where a payload is in payloads.bin, and its checksum. */
interface PayloadRef {
  offset: number;
  length: number;
  sha1: string;
}

/** What the cache keeps of one file. */
export interface CacheEntry {
  /** Content hash of the file when the result was computed. */
  hash: string;
  /** The file's stat identity when hashed; absent when it was too recently modified to be trusted. */
  stat?: StatSignature;
  result: FileResult;
  /** For records: the key of the context the document rules ran beside. */
  contextKey?: string;
  /** For records whose document rules looked up incident ids: the key of every incident file's id and validity. */
  incidentsKey?: string;
  /** For records whose document rules read the time: the `now` (epoch ms) they ran at. */
  now?: number;
  payload?: PayloadRef;
}

/** The repository-wide part of a run: its findings, the key of the whole repository, and the time if it mattered. */
export interface RepositoryEntry {
  worldKey: string;
  now?: number;
  diagnostics: Diagnostic[];
}

interface IndexData {
  format: string;
  toolkitKey: string;
  columns: Columns;
  repository?: RepositoryEntry;
}

/** Modification within this many milliseconds before hashing makes a stat identity untrustworthy. */
const RACY_WINDOW_MS = 3000;

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The stat identity of a file, or undefined when it cannot be stat'ed. */
export function statSignature(absolute: string): StatSignature | undefined {
  try {
    const info = lstatSync(absolute);
    if (!info.isFile()) return undefined;
    return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  } catch {
    return undefined;
  }
}

function sameStat(a: StatSignature | undefined, b: StatSignature | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** Whether a stat identity taken at `hashedAt` can later vouch for the content hashed then. */
export function trustworthyStat(stat: StatSignature, hashedAt: number): boolean {
  return Math.max(stat.mtimeMs, stat.ctimeMs) < hashedAt - RACY_WINDOW_MS;
}

export class ValidationCache {
  private readonly dir: string;
  /** The index as read (or last written): entries in columns, decoded when asked for. */
  private columns: Columns;
  private position: Map<string, number>;
  private readonly decoded = new Map<string, CacheEntry>();
  private readonly changed = new Map<string, CacheEntry | null>();
  private readonly pendingPayloads = new Map<string, Uint8Array>();
  private payloadFd: number | undefined;
  private repositoryEntry: RepositoryEntry | undefined;
  private repositoryChanged = false;

  private readonly root: string;
  private readonly toolkitKey: string;

  private constructor(root: string, toolkitKey: string, data: IndexData | undefined) {
    this.root = root;
    this.toolkitKey = toolkitKey;
    this.dir = join(root, '.oncall-cache', 'validate');
    this.columns = data?.columns ?? new ColumnsBuilder(0).build();
    this.position = positionsOf(this.columns);
    this.repositoryEntry = data?.repository;
  }

  /**
   * Opens the cache of a repository for a toolkit. A missing, unreadable, damaged or foreign index
   * (another format or toolkit key) gives an empty cache; nothing is ever thrown.
   */
  static open(root: string, toolkitKey: string): ValidationCache {
    let data: IndexData | undefined;
    try {
      const bytes = readFileSync(join(root, '.oncall-cache', 'validate', 'index.bin'));
      const checksum = bytes.subarray(0, 40).toString('latin1');
      const body = bytes.subarray(40);
      if (checksum === sha1(body)) {
        const parsed = deserialize(body) as IndexData;
        if (parsed && parsed.format === FORMAT && parsed.toolkitKey === toolkitKey && isColumns(parsed.columns)) data = parsed;
      }
    } catch {
      data = undefined;
    }
    return new ValidationCache(root, toolkitKey, data);
  }

  /** The entry of a path, if any (its hash still has to match the file's). */
  entry(path: string): CacheEntry | undefined {
    const changed = this.changed.get(path);
    if (changed !== undefined) return changed ?? undefined;
    let entry = this.decoded.get(path);
    if (entry === undefined) {
      const i = this.position.get(path);
      if (i === undefined) return undefined;
      entry = decodeEntry(this.columns, i);
      this.decoded.set(path, entry);
    }
    return entry;
  }

  /** The result recorded for a file, when it was computed from content with this hash. */
  resultFor(path: string, hash: string): FileResult | undefined {
    if (this.changed.has(path) || this.decoded.has(path)) {
      const entry = this.entry(path);
      return entry?.hash === hash ? entry.result : undefined;
    }
    const i = this.position.get(path);
    return i !== undefined && hashIsAt(this.columns, i, hash) ? decodeResult(this.columns, i) : undefined;
  }

  /**
   * The content hash recorded for a file whose stat identity is unchanged since it was hashed;
   * undefined when the file must be read and hashed again.
   */
  trustedHash(path: string, stat: StatSignature | undefined): string | undefined {
    if (stat === undefined) return undefined;
    if (this.changed.has(path)) {
      const entry = this.changed.get(path);
      return entry && sameStat(entry.stat, stat) ? entry.hash : undefined;
    }
    const i = this.position.get(path);
    return i !== undefined && statMatchesAt(this.columns, i, stat) ? hashAt(this.columns, i) : undefined;
  }

  /**
   * Records a file's entry. A new payload (what the repository-wide rules read of the file) is
   * stored with it; without one, the entry keeps the payload reference it carries, if any.
   */
  put(path: string, entry: CacheEntry, payload?: Uint8Array): void {
    this.changed.set(path, { ...entry });
    if (payload) this.pendingPayloads.set(path, payload);
    else this.pendingPayloads.delete(path);
  }

  /** Forgets files that no longer exist. */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.columns.paths) if (!paths.has(path) && !this.changed.has(path)) this.changed.set(path, null);
  }

  /** A file's payload, checked against its checksum; undefined when missing or damaged. */
  payload(path: string): Uint8Array | undefined {
    const pending = this.pendingPayloads.get(path);
    if (pending) return pending;
    const ref = this.entry(path)?.payload;
    if (!ref) return undefined;
    try {
      this.payloadFd ??= openSync(join(this.dir, 'payloads.bin'), 'r');
      const bytes = Buffer.alloc(ref.length);
      if (readSync(this.payloadFd, bytes, 0, ref.length, ref.offset) !== ref.length) return undefined;
      return sha1(bytes) === ref.sha1 ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  get repository(): RepositoryEntry | undefined {
    return this.repositoryEntry;
  }

  set repository(entry: RepositoryEntry | undefined) {
    this.repositoryEntry = entry;
    this.repositoryChanged = true;
  }

  /** Whether anything needs writing. */
  get dirty(): boolean {
    return this.changed.size > 0 || this.repositoryChanged;
  }

  /**
   * Writes what changed: payloads appended, the index replaced atomically. Failing to write (a
   * read-only checkout, a full disk) only means the next run starts cold; it is never an error.
   */
  save(): void {
    if (!this.dirty) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const { refs, moved } = this.appendPayloads();
      const old = this.columns;
      const builder = new ColumnsBuilder(old.paths.length + this.changed.size);
      for (let i = 0; i < old.paths.length; i++) {
        const path = old.paths[i]!;
        if (this.changed.has(path)) continue;
        const move = moved.get(path);
        if (move) builder.add(path, { ...decodeEntry(old, i), payload: move });
        else builder.copy(old, i);
      }
      for (const [path, entry] of this.changed) {
        if (entry === null) continue;
        const ref = refs.get(path) ?? (entry.payload ? moved.get(path) : undefined);
        builder.add(path, ref ? { ...entry, payload: ref } : entry);
      }
      const columns = builder.build();
      const data: IndexData = { format: FORMAT, toolkitKey: this.toolkitKey, columns, ...(this.repositoryEntry ? { repository: this.repositoryEntry } : {}) };
      const body = serialize(data);
      const temp = join(this.dir, `index.bin.${process.pid}.tmp`);
      writeFileSync(temp, Buffer.concat([Buffer.from(sha1(body), 'latin1'), body]));
      renameSync(temp, join(this.dir, 'index.bin'));
      this.columns = columns;
      this.position = positionsOf(columns);
      this.decoded.clear();
      this.changed.clear();
      this.pendingPayloads.clear();
      this.repositoryChanged = false;
    } catch {
      // The cache is an optimisation; the run's results do not depend on it being written.
    }
  }

  /**
   * Appends the pending payloads (their references in `refs`); a payload file grown to more than
   * twice its live content starts over first, moving the payloads kept (their new references in `moved`).
   */
  private appendPayloads(): { refs: Map<string, PayloadRef>; moved: Map<string, PayloadRef> } {
    const refs = new Map<string, PayloadRef>();
    let moved = new Map<string, PayloadRef>();
    if (this.pendingPayloads.size === 0) return { refs, moved };
    const file = join(this.dir, 'payloads.bin');
    let live = 0;
    for (const [, length] of this.keptPayloads()) live += length;
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      size = 0;
    }
    if (size > 2 * live + 16 * 1024 * 1024) moved = this.compact(file);
    if (this.payloadFd !== undefined) {
      closeSync(this.payloadFd);
      this.payloadFd = undefined;
    }
    const fd = openSync(file, 'a');
    try {
      let offset = fstatSync(fd).size;
      for (const [path, bytes] of this.pendingPayloads) {
        writeSync(fd, bytes);
        refs.set(path, { offset, length: bytes.length, sha1: sha1(bytes) });
        offset += bytes.length;
      }
    } finally {
      closeSync(fd);
    }
    return { refs, moved };
  }

  /** Stored payloads that stay in use after this save (not replaced by a pending one, not forgotten): path and length. */
  private keptPayloads(): [string, number][] {
    const kept: [string, number][] = [];
    for (let i = 0; i < this.columns.paths.length; i++) {
      const path = this.columns.paths[i]!;
      if (this.changed.has(path) || this.pendingPayloads.has(path)) continue;
      const length = payloadLengthAt(this.columns, i);
      if (length > 0) kept.push([path, length]);
    }
    for (const [path, entry] of this.changed) if (entry?.payload && !this.pendingPayloads.has(path)) kept.push([path, entry.payload.length]);
    return kept;
  }

  /** Rewrites payloads.bin with only the payloads still in use; returns their new references. */
  private compact(file: string): Map<string, PayloadRef> {
    const keep: [string, Uint8Array, string][] = [];
    for (const [path] of this.keptPayloads()) {
      const bytes = this.payload(path);
      if (bytes) keep.push([path, bytes, this.entry(path)!.payload!.sha1]);
    }
    if (this.payloadFd !== undefined) {
      closeSync(this.payloadFd);
      this.payloadFd = undefined;
    }
    const temp = `${file}.${process.pid}.tmp`;
    rmSync(temp, { force: true });
    const moved = new Map<string, PayloadRef>();
    let offset = 0;
    const chunks: Uint8Array[] = [];
    for (const [path, bytes, checksum] of keep) {
      moved.set(path, { offset, length: bytes.length, sha1: checksum });
      chunks.push(bytes);
      offset += bytes.length;
    }
    writeFileSync(temp, Buffer.concat(chunks));
    renameSync(temp, file);
    return moved;
  }

  /** Releases the payload file. */
  close(): void {
    if (this.payloadFd !== undefined) {
      closeSync(this.payloadFd);
      this.payloadFd = undefined;
    }
  }
}

function positionsOf(columns: Columns): Map<string, number> {
  const position = new Map<string, number>();
  columns.paths.forEach((path, i) => position.set(path, i));
  return position;
}
