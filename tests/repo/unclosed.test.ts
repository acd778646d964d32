import { describe, expect, it } from 'vitest';
import { unclosedOpener } from '../../scripts/repo/unclosed.ts';

describe('unclosedOpener', () => {
  it.each([
    { name: 'an open flow sequence', text: 'a: [1, 2\nb: 3\n', kind: '[' as const, at: 3 },
    { name: 'the outer of two nested brackets when only the inner closes', text: 'a: [1, [2]\n', kind: '[' as const, at: 3 },
    { name: 'an open double quote', text: 'a: 1\ntitle: "Repeated\nb: 2\n', kind: '"' as const, at: 12 },
    { name: 'an open single quote, not the apostrophe before it', text: "note: it's fine\nb: 'open\n", kind: "'" as const, at: 19 },
  ])('finds $name', ({ text, kind, at }) => {
    expect(unclosedOpener(text, kind)).toBe(at);
  });

  it.each([
    { name: 'closed brackets', text: 'a: [1, 2]\nb: {c: 1}\n', kind: '[' as const },
    { name: 'brackets inside quotes', text: 'a: "[not a list"\n', kind: '[' as const },
    { name: 'brackets in a comment', text: 'a: 1 # [see below\n', kind: '[' as const },
    { name: 'an escaped quote', text: 'a: "say \\"hi\\""\n', kind: '"' as const },
    { name: "a doubled single quote", text: "a: 'it''s'\n", kind: "'" as const },
  ])('ignores $name', ({ text, kind }) => {
    expect(unclosedOpener(text, kind)).toBeUndefined();
  });
});
