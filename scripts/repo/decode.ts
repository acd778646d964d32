import type { Diagnostic } from '../report/diagnostic.ts';

/** Limits applied before a file is decoded. */
export interface DecodeLimits {
  /** Largest accepted file, in bytes. Governance data files are small; anything bigger is a mistake. */
  maxBytes: number;
}

/** Default limit: 1 MiB. */
export const DEFAULT_DECODE_LIMITS: Readonly<DecodeLimits> = Object.freeze({ maxBytes: 1_048_576 });

/** Either the decoded text or the single reason the file was rejected. */
export type DecodeResult = { text: string } | { diagnostic: Diagnostic };

const BOM = 0xfeff;

/**
 * Turns raw file bytes into text, rejecting what no later stage should have to cope with:
 * oversized files (`file-too-large`), invalid UTF-8 and NUL bytes (`file-encoding`).
 *
 * A leading UTF-8 byte order mark is removed silently; CRLF line endings are kept as they are.
 * Never throws; a rejection is reported as one diagnostic with the position of the offending byte.
 *
 * @param bytes - The file's content.
 * @param file - Repository-relative path, used in the diagnostic.
 * @param limits - Size limit; defaults to {@link DEFAULT_DECODE_LIMITS}.
 */
/** The finding for a file over the size limit; readers use it before reading such a file at all. */
export function tooLarge(file: string, size: number, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): Diagnostic {
  return {
    ruleId: 'file-too-large',
    severity: 'error',
    file,
    line: 1,
    column: 1,
    message: `The file is ${formatSize(size)}, over the limit of ${formatSize(limits.maxBytes)}.`,
    hint: 'Data files are small; split the file, or check that it is the file you meant to commit.',
  };
}

export function decodeSource(
  bytes: Uint8Array,
  file: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): DecodeResult {
  // Checked first so that we never scan or decode a huge input.
  if (bytes.length > limits.maxBytes) return { diagnostic: tooLarge(file, bytes.length, limits) };

  let text: string;
  try {
    // ignoreBOM keeps the BOM in the output so that stripping it is explicit and positions stay predictable.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const at = bytePosition(bytes, offset < 0 ? 0 : offset);
    const byte = bytes[offset] ?? 0;
    return {
      diagnostic: {
        ruleId: 'file-encoding',
        severity: 'error',
        file,
        line: at.line,
        column: at.column,
        message: `The file is not valid UTF-8: byte 0x${byte.toString(16).padStart(2, '0')} cannot be decoded.`,
        hint: 'Save the file with UTF-8 encoding.',
      },
    };
  }

  if (text.charCodeAt(0) === BOM) text = text.slice(1);

  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const at = textPosition(text, nul);
    return {
      diagnostic: {
        ruleId: 'file-encoding',
        severity: 'error',
        file,
        line: at.line,
        column: at.column,
        message: 'The file contains a NUL byte; it looks like a binary file, not text.',
        hint: 'Remove the NUL character, or save the file as plain UTF-8 text (not UTF-16).',
      },
    };
  }

  // Classic Mac line ends (a lone CR) are accepted like CRLF. Replacing each CR with LF keeps every
  // offset, so positions stay those of the file.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  return { text };
}

/** Size in MB with a precision that stays meaningful for small limits (as used in tests). */
function formatSize(bytes: number): string {
  const mb = bytes / 1_048_576;
  if (mb >= 0.1) return `${Number(mb.toFixed(mb >= 10 ? 0 : 1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (per the Unicode table of well-formed byte sequences), or -1 if all bytes are valid.
 * For a truncated or malformed multi-byte sequence, the sequence's first byte is reported:
 * that is the character the user has to fix.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0; // overlong
      if (b === 0xed) upper = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90; // overlong
      if (b === 0xf4) upper = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      const lo = k === 1 ? lower : 0x80;
      const hi = k === 1 ? upper : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * 1-based line and column of a byte offset. The column counts UTF-16 code units, as the YAML
 * layer does, so it matches what editors show; the bytes before `offset` are valid UTF-8 by construction.
 */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // The BOM is stripped from the text, so it must not count as a column either.
  if (lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && offset >= 3) lineStart = 3;
  const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, offset));
  return { line, column: prefix.length + 1 };
}

/** 1-based line and column of a character offset in already decoded text. */
function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
