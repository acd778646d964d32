/**
 * Adds overrides to a rotation file's text without touching anything else: the yaml Document API
 * finds where the `overrides` list ends (or that there is none), and the new entries are spliced in
 * as text in the list's own indentation, so comments, quoting, flow mappings and blank lines of the
 * rest of the file stay byte for byte as they were. The result is parsed again and must hold
 * exactly the old overrides plus the new ones. Pure: text in, text out.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isSeq, parseDocument } from 'yaml';

/** One override as it is written to the file. */
export interface NewOverride {
  tier: string;
  person: string;
  /** ISO 8601 with the rotation's local offset. */
  start: string;
  end: string;
  reason: string;
}

/** The file cannot be edited safely; the message says why and what to do. */
export class OverrideEditError extends Error {}

/** An override as block-mapping lines, each prefixed by `indent` (the first with "- "). */
function itemText(override: NewOverride, indent: string): string {
  const body = new Document({ tier: override.tier, person: override.person, start: override.start, end: override.end, reason: override.reason }).toString({ lineWidth: 0 });
  return body
    .trimEnd()
    .split('\n')
    .map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}`)
    .join('\n');
}

/** `text` with `overrides` appended to the rotation's `overrides` list (created at the end when missing). */
export function insertOverrides(text: string, overrides: readonly NewOverride[]): string {
  // A file with CRLF line ends gets CRLF lines: the edit is done on LF text and converted back.
  if (text.includes('\r\n')) return insertOverrides(text.replace(/\r\n/g, '\n'), overrides).replace(/\n/g, '\r\n');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new OverrideEditError(`the file is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); run oncall validate and fix it first.`);
  if (!isMap(doc.contents)) throw new OverrideEditError('the file does not hold a mapping; run oncall validate and fix it first.');
  const before = (doc.toJS() as { overrides?: unknown[] }).overrides ?? [];
  const node = doc.get('overrides', true);
  let out: string;
  if (node === undefined) {
    const base = text.endsWith('\n') ? text : `${text}\n`;
    out = `${base}overrides:\n${overrides.map((o) => itemText(o, '  ')).join('\n')}\n`;
  } else if (isSeq(node) && node.flow && node.items.length === 0) {
    const [start, end] = node.range!;
    out = `${text.slice(0, start).trimEnd()}\n${overrides.map((o) => itemText(o, '  ')).join('\n')}${text.slice(end)}`;
    if (!out.endsWith('\n')) out += '\n';
  } else if (isSeq(node) && !node.flow && node.items.length > 0) {
    const first = node.items[0] as { range?: [number, number, number] };
    const last = node.items.at(-1) as { range?: [number, number, number] };
    const firstStart = first.range![0];
    const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const dash = text.slice(lineStart, firstStart).indexOf('-');
    const indent = ' '.repeat(Math.max(0, dash));
    // Insert after the line the last entry ends on, before anything that follows it.
    const lastEnd = last.range![1];
    const newline = text.indexOf('\n', Math.max(lastEnd - 1, 0));
    const at = newline < 0 ? text.length : newline + 1;
    const head = newline < 0 ? `${text}\n` : text.slice(0, at);
    out = `${head}${overrides.map((o) => itemText(o, indent)).join('\n')}\n${text.slice(at)}`;
  } else {
    throw new OverrideEditError('its overrides are not written as a block list ("- tier: ..."); write them that way, or add these overrides by hand.');
  }
  const check = parseDocument(out);
  const after = (check.toJS() as { overrides?: unknown[] }).overrides ?? [];
  if (check.errors.length > 0 || !isDeepStrictEqual(after, [...before, ...overrides.map((o) => ({ ...o }))])) {
    throw new OverrideEditError('the overrides could not be added without changing the rest of the file; add them by hand.');
  }
  return out;
}
