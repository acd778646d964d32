/**
 * Documents the main thread knows by value only (sent by a worker, or kept in the cache): the text,
 * the YAML Document and the Markdown body are read from disk again only if a rule reports a finding
 * in the document and needs a position.
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.ts';
import { parseYaml, type ParsedYaml } from '../repo/parse-yaml.ts';
import { readDataFileSync } from '../repo/read-repository.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { KindId } from '../schema/kinds.ts';

/** A file read from disk on first use (one object per file: there are tens of thousands). */
class DiskBacked {
  private loaded: SourceFile | undefined;
  private readonly root: string;
  readonly path: string;
  readonly kind: KindId;

  constructor(root: string, path: string, kind: KindId) {
    this.root = root;
    this.path = path;
    this.kind = kind;
  }

  /** The file if it was read already, without reading it. */
  peek(): SourceFile | undefined {
    return this.loaded;
  }

  load(): SourceFile {
    if (!this.loaded) {
      const read = readDataFileSync(this.root, this.path, this.kind).file;
      // The file went away since it was read: positions fall back to the top of the file.
      this.loaded = read?.parsed ? read : { path: this.path, kind: this.kind, parsed: parseYaml('', this.path) };
    }
    return this.loaded;
  }
}

class DiskBackedParsed implements ParsedYaml {
  private readonly source: DiskBacked;
  readonly value: unknown;

  constructor(source: DiskBacked, value: unknown) {
    this.source = source;
    this.value = value;
  }

  get file(): string {
    return this.source.path;
  }

  get text(): string {
    return this.source.load().parsed!.text;
  }

  get doc(): Document | null {
    return this.source.load().parsed!.doc;
  }

  get lineCounter(): LineCounter {
    return this.source.load().parsed!.lineCounter;
  }

  get diagnostics(): Diagnostic[] {
    return this.source.load().parsed!.diagnostics;
  }

  get lineOffset(): number {
    return this.source.load().parsed!.lineOffset;
  }

  /** The reader's safety net (lazy-yaml.ts) for the file as read again; nothing when it was not read. */
  takeMismatch(): Diagnostic | undefined {
    return this.source.peek()?.parsed?.takeMismatch?.();
  }
}

class DiskBackedFile implements SourceFile {
  readonly parsed: ParsedYaml;
  private readonly source: DiskBacked;

  constructor(source: DiskBacked, value: unknown) {
    this.source = source;
    this.parsed = new DiskBackedParsed(source, value);
  }

  get path(): string {
    return this.source.path;
  }

  get kind(): KindId {
    return this.source.kind;
  }

  get markdown(): SourceFile['markdown'] {
    return this.source.load().markdown;
  }
}

/** A SourceFile holding `value`, whose positions come from the file on disk when asked for. */
export function diskBackedFile(root: string, path: string, kind: KindId, value: unknown): SourceFile {
  return new DiskBackedFile(new DiskBacked(root, path, kind), value);
}
