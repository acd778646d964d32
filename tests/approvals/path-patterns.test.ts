/** How the approvals check's patterns and GitHub's CODEOWNERS lines relate (scripts/approvals/path-patterns.ts). */
import { describe, expect, it } from 'vitest';
import { codeownersLines, codeownersProblem, partialOverlaps, patternInside, patternsOverlap } from '../../scripts/approvals/path-patterns.ts';

describe('path patterns', () => {
  it.each([
    ['policy/people.yaml', 'policy/**', true],
    ['policy/*.yaml', 'policy/**', true],
    ['policy/**', 'policy/**', true],
    ['policy/**', 'policy/people.yaml', false],
    ['policy/**', '**/*.yaml', false],
    ['docs/**/*.md', 'docs/**', true],
  ])('%s lies inside %s: %s', (inner, outer, expected) => {
    expect(patternInside(inner, outer)).toBe(expected);
  });

  it.each([
    ['policy/*.yaml', '**/people.yaml', true],
    ['policy/people.*', 'policy/*.yaml', true],
    ['policy/**', 'scripts/**', false],
    ['package.json', 'package-lock.json', false],
  ])('%s and %s share files: %s', (a, b, expected) => {
    expect(patternsOverlap(a, b)).toBe(expected);
  });

  it.each([
    ['*.+(yaml|yml)', 'is an extended glob'],
    ['policy/{people,roles}.yaml', 'uses braces'],
    ['policy/[pr]*.yaml', 'uses a character class'],
    ['!docs/**', 'is a negation'],
    ['signoffs', 'names a folder'],
    ['signoffs/', 'names a folder'],
    ['/policy/**', 'starts with "/"'],
    ['my docs/**', 'holds a space'],
  ])('%s cannot be written for CODEOWNERS: %s', (glob, words) => {
    expect(codeownersProblem(glob)?.message).toContain(words);
  });

  it.each(['policy/**', 'package.json', 'docs/*.md', '**/CODEOWNERS', 'Makefile'])('%s reads the same anchored in CODEOWNERS', (glob) => {
    expect(codeownersProblem(glob)).toBeUndefined();
  });

  it('orders a nested pattern after the one holding it, with the owners of both', () => {
    const lines = codeownersLines([
      { id: 'people', patterns: ['policy/people.yaml'], owners: ['support'] },
      { id: 'policy', patterns: ['policy/**'], owners: ['owner', 'sre'] },
      { id: 'odd', patterns: ['*.+(yaml|yml)'], owners: ['x'] },
    ]);
    expect(lines).toEqual([
      { pattern: 'policy/**', rules: ['policy'], owners: ['owner', 'sre'] },
      { pattern: 'policy/people.yaml', rules: ['people', 'policy'], owners: ['support', 'owner', 'sre'] },
    ]);
  });

  it('names patterns of different rules that meet without nesting', () => {
    expect(partialOverlaps([{ id: 'a', patterns: ['policy/*.yaml'], owners: [] }, { id: 'b', patterns: ['policy/people.*', 'scripts/**'], owners: [] }])).toEqual([
      { a: { rule: 'a', pattern: 'policy/*.yaml' }, b: { rule: 'b', pattern: 'policy/people.*' } },
    ]);
  });
});
