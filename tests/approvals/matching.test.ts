import { describe, expect, it } from 'vitest';
import { fitDescription } from '../../scripts/approvals/evaluate.ts';
import { maximumMatching } from '../../scripts/approvals/matching.ts';

describe('maximumMatching', () => {
  it('fills GA with Alice {PM, SRE Lead}, Bob {SRE Lead}, Carol {Ingestion Owner}: Alice takes PM', () => {
    // Slots in the order a greedy pass would get wrong: SRE Lead first, with Alice listed first.
    const slots = [{ candidates: ['carol'] }, { candidates: ['alice', 'bob'] }, { candidates: ['alice'] }];
    expect(maximumMatching(slots)).toEqual(['carol', 'bob', 'alice']);
  });

  it('one person fills at most one slot', () => {
    expect(maximumMatching([{ candidates: ['alice'] }, { candidates: ['alice'] }])).toEqual(['alice', undefined]);
  });

  it('finds the maximum through a chain of reassignments', () => {
    const slots = [{ candidates: ['a', 'b'] }, { candidates: ['a', 'c'] }, { candidates: ['a'] }];
    const assignment = maximumMatching(slots);
    expect(new Set(assignment).size).toBe(3);
    expect(assignment[2]).toBe('a');
  });

  it('leaves slots without candidates empty', () => {
    expect(maximumMatching([{ candidates: [] }, { candidates: ['x'] }])).toEqual([undefined, 'x']);
  });
});

describe('fitDescription', () => {
  it('keeps short descriptions and shortens long ones to 140 characters at a word, keeping the tail', () => {
    expect(fitDescription('needs approval from SRE Lead: one of @chenwei-sre, @dreyes', '')).toBe('needs approval from SRE Lead: one of @chenwei-sre, @dreyes');
    const long = `${'word '.repeat(40)}(+2 more)`;
    const fitted = fitDescription(long, ' (+2 more)');
    expect(fitted.length).toBeLessThanOrEqual(140);
    expect(fitted.endsWith('word… (+2 more)')).toBe(true);
  });
});
