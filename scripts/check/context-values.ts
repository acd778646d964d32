/**
 * The context files (policy files and rotations) are read whole by every run that checks anything,
 * and parsing and schema-checking them is most of what a small change costs. So the cache keeps, as
 * their payload, the value each one was read as (and what the reader learnt of its comments): a
 * later run whose file still has the same bytes (same content hash, checked on the bytes it reads)
 * takes that value and the cached result instead of parsing and validating again. Positions are
 * still found in the file's own text, read now, whenever a finding needs one.
 *
 * Only clean YAML files are kept this way (valid, read without findings); any other file is read
 * as always.
 */
import { deserialize, serialize } from 'node:v8';
import { mayHoldTightComment } from '../repo/lazy-yaml.ts';
import { readDataFileSync } from '../repo/read-repository.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { KindId } from '../schema/kinds.ts';
import type { FileResult } from './file-result.ts';

interface StoredValue {
  format: 'oncall-context-value/1';
  value: unknown;
  tightComment: boolean;
}

/** The payload to keep for a context file just read, or undefined when it is not kept. */
export function contextPayloadOf(file: SourceFile | undefined, result: FileResult): Uint8Array | undefined {
  if (!file?.parsed || file.kind === 'postmortem' || !result.valid || result.hash === null || result.readDiagnostics.length > 0) return undefined;
  const stored: StoredValue = { format: 'oncall-context-value/1', value: file.parsed.value, tightComment: mayHoldTightComment(file.parsed) };
  return serialize(stored);
}

/**
 * A context file read with the value its cached payload holds, when the file's bytes are still the
 * ones `result` was computed from; undefined otherwise (the caller then reads it as always).
 */
export function readContextFileWithValue(root: string, path: string, kind: KindId, result: FileResult, payload: Uint8Array | undefined): SourceFile | undefined {
  if (!payload || result.hash === null || !result.valid || result.readDiagnostics.length > 0) return undefined;
  let stored: StoredValue;
  try {
    stored = deserialize(payload) as StoredValue;
  } catch {
    return undefined;
  }
  if (typeof stored !== 'object' || stored === null || stored.format !== 'oncall-context-value/1' || typeof stored.tightComment !== 'boolean') return undefined;
  const read = readDataFileSync(root, path, kind, { hash: result.hash, value: stored.value, tightComment: stored.tightComment });
  return read.usedKnown && read.diagnostics.length === 0 ? read.file : undefined;
}
