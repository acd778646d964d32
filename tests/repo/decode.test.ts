import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8 } from '../../scripts/repo/decode.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

describe('decodeSource', () => {
  it('returns plain UTF-8 text unchanged', () => {
    expect(decodeSource(enc('a: 1\nname: Zoë\n'), 'f.yaml')).toEqual({ text: 'a: 1\nname: Zoë\n' });
  });

  it('strips a leading BOM silently', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'a: 1\n'), 'f.yaml')).toEqual({ text: 'a: 1\n' });
  });

  it('keeps CRLF line endings', () => {
    expect(decodeSource(enc('a: 1\r\nb: 2\r\n'), 'f.yaml')).toEqual({ text: 'a: 1\r\nb: 2\r\n' });
  });

  it('accepts a file of exactly maxBytes', () => {
    expect(decodeSource(enc('x'.repeat(10)), 'f.yaml', { maxBytes: 10 })).toEqual({ text: 'x'.repeat(10) });
  });

  const rejected: {
    name: string;
    input: Uint8Array;
    limits?: { maxBytes: number };
    ruleId: string;
    line: number;
    column: number;
    message: RegExp;
  }[] = [
    {
      name: 'oversized input (default 1 MB limit)',
      input: new Uint8Array(2_000_000).fill(0x61),
      ruleId: 'file-too-large',
      line: 1,
      column: 1,
      message: /1\.9 MB.*limit of 1 MB/,
    },
    {
      name: 'oversized input (custom limit)',
      input: enc('x'.repeat(11)),
      limits: { maxBytes: 10 },
      ruleId: 'file-too-large',
      line: 1,
      column: 1,
      message: /11 bytes.*10 bytes/,
    },
    { name: 'invalid byte on line 2', input: bytes('a: 1\nb: caf', [0xff], '\n'), ruleId: 'file-encoding', line: 2, column: 7, message: /not valid UTF-8.*0xff/ },
    { name: 'Latin-1 é after a multi-byte character', input: bytes('x: é ', [0xe9], '\n'), ruleId: 'file-encoding', line: 1, column: 6, message: /0xe9/ },
    { name: 'truncated sequence at end of file', input: bytes('a: 1\r\nb: ', [0xe2, 0x82]), ruleId: 'file-encoding', line: 2, column: 4, message: /0xe2/ },
    { name: 'overlong encoding', input: bytes('a: ', [0xc0, 0x80]), ruleId: 'file-encoding', line: 1, column: 4, message: /0xc0/ },
    { name: 'UTF-16 surrogate encoded in UTF-8', input: bytes('a\nb\nc: ', [0xed, 0xa0, 0x80]), ruleId: 'file-encoding', line: 3, column: 4, message: /0xed/ },
    { name: 'UTF-16 file (BOM FF FE)', input: bytes([0xff, 0xfe, 0x61, 0x00]), ruleId: 'file-encoding', line: 1, column: 1, message: /0xff/ },
    { name: 'invalid byte after a BOM is counted without the BOM', input: bytes([0xef, 0xbb, 0xbf], 'ab', [0x80]), ruleId: 'file-encoding', line: 1, column: 3, message: /0x80/ },
    { name: 'NUL byte', input: bytes('a: 1\nb: x', [0x00], 'y\n'), ruleId: 'file-encoding', line: 2, column: 5, message: /NUL/ },
    { name: 'NUL byte after a BOM', input: bytes([0xef, 0xbb, 0xbf], [0x00]), ruleId: 'file-encoding', line: 1, column: 1, message: /NUL/ },
  ];

  it.each(rejected)('rejects $name', ({ input, limits, ruleId, line, column, message }) => {
    const result = decodeSource(input, 'policy/x.yaml', limits);
    expect('diagnostic' in result).toBe(true);
    if (!('diagnostic' in result)) return;
    const d = result.diagnostic;
    expect({ ruleId: d.ruleId, severity: d.severity, file: d.file, line: d.line, column: d.column }).toEqual({
      ruleId,
      severity: 'error',
      file: 'policy/x.yaml',
      line,
      column,
    });
    expect(d.message).toMatch(message);
    expect(d.hint).toBeTruthy();
  });

  it('oversized hint says to split the file', () => {
    const result = decodeSource(new Uint8Array(11), 'f.yaml', { maxBytes: 10 });
    expect('diagnostic' in result && result.diagnostic.hint).toMatch(/split/);
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with the fatal TextDecoder on every two-byte sequence', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0x80; a <= 0xff; a += 1) {
      for (const b of [0x00, 0x41, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xff]) {
        const input = Uint8Array.from([a, b, 0x80, 0x80]);
        let valid = true;
        try {
          decoder.decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(input) < 0, `${a.toString(16)} ${b.toString(16)}`).toBe(valid);
      }
    }
  });

  it('returns -1 for valid text, including 4-byte characters', () => {
    expect(firstInvalidUtf8(enc('ok 🚨 ü ✓'))).toBe(-1);
  });
});
