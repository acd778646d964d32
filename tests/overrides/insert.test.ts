import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { insertOverrides, OverrideEditError, type NewOverride } from '../../scripts/overrides/insert.ts';

const cover: NewOverride = { tier: 'primary', person: 'sam-osei', start: '2026-12-24T09:00:00+01:00', end: '2026-12-27T09:00:00+01:00', reason: 'Swap: Sam covers Yusuf' };

const rotation = `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: test   # the id
cadence: { unit: week, every: 1 }
tiers:
  - id: primary
    rosters:
      - from: 2026-09-07
        participants: [ana, ben]
`;

describe('insertOverrides', () => {
  it('appends to a block list in its own indentation and leaves every other byte as it was', () => {
    const text = `${rotation}overrides:
    # An indented list, with a comment before its first entry.
    - tier: primary
      person: ben
      start: 2026-10-01T18:00:00+02:00
      end: 2026-10-02T09:00:00+02:00
      reason: 'Ana travelling'   # quoted on purpose
`;
    const out = insertOverrides(text, [cover]);
    expect(out).toBe(`${text}    - tier: primary
      person: sam-osei
      start: 2026-12-24T09:00:00+01:00
      end: 2026-12-27T09:00:00+01:00
      reason: "Swap: Sam covers Yusuf"
`);
  });

  it('inserts before whatever follows the list', () => {
    const text = `overrides:\n  - { tier: primary, person: ben, start: "2026-10-01T18:00:00+02:00", end: "2026-10-02T09:00:00+02:00", reason: x }\n# trailing note\nname: Test\n`;
    const out = insertOverrides(text, [cover]);
    expect(out.startsWith(`overrides:\n  - { tier: primary, person: ben, start: "2026-10-01T18:00:00+02:00", end: "2026-10-02T09:00:00+02:00", reason: x }\n  - tier: primary\n`)).toBe(true);
    expect(out.endsWith('  reason: "Swap: Sam covers Yusuf"\n# trailing note\nname: Test\n')).toBe(true);
    expect(parse(out).overrides).toHaveLength(2);
  });

  it('adds an overrides list at the end of a file that has none, or replaces an empty one', () => {
    expect(insertOverrides(rotation, [cover])).toBe(`${rotation}overrides:\n  - tier: primary\n    person: sam-osei\n    start: 2026-12-24T09:00:00+01:00\n    end: 2026-12-27T09:00:00+01:00\n    reason: "Swap: Sam covers Yusuf"\n`);
    expect(insertOverrides(`${rotation}overrides: []\n`, [cover])).toBe(insertOverrides(rotation, [cover]));
  });

  it('keeps CRLF line ends', () => {
    const crlf = rotation.replace(/\n/g, '\r\n');
    const out = insertOverrides(crlf, [cover]);
    expect(out.startsWith(crlf)).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses a flow list it cannot extend without rewriting it, and broken YAML', () => {
    expect(() => insertOverrides(`${rotation}overrides: [{ tier: primary, person: ben, start: a, end: b, reason: c }]\n`, [cover])).toThrow(OverrideEditError);
    expect(() => insertOverrides('id: [unclosed\n', [cover])).toThrow(/not valid YAML/);
  });
});
