import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../scripts/repo/front-matter.ts';

describe('splitFrontMatter', () => {
  const cases = [
    {
      name: 'front matter closed by ---',
      text: '---\nincident: INC-1\ntitle: x\n---\n# Body\ntext\n',
      expected: { frontMatter: 'incident: INC-1\ntitle: x\n', frontMatterStartLine: 2, body: '# Body\ntext\n', bodyStartLine: 5, unclosed: false },
    },
    {
      name: 'front matter closed by ...',
      text: '---\na: 1\n...\nBody\n',
      expected: { frontMatter: 'a: 1\n', frontMatterStartLine: 2, body: 'Body\n', bodyStartLine: 4, unclosed: false },
    },
    {
      name: 'CRLF line endings',
      text: '---\r\na: 1\r\nb: 2\r\n---\r\nBody\r\n',
      expected: { frontMatter: 'a: 1\r\nb: 2\r\n', frontMatterStartLine: 2, body: 'Body\r\n', bodyStartLine: 5, unclosed: false },
    },
    {
      name: 'trailing blanks on the delimiters',
      text: '--- \na: 1\n---\t\nBody',
      expected: { frontMatter: 'a: 1\n', frontMatterStartLine: 2, body: 'Body', bodyStartLine: 4, unclosed: false },
    },
    {
      name: 'closing delimiter at end of file without newline',
      text: '---\na: 1\n---',
      expected: { frontMatter: 'a: 1\n', frontMatterStartLine: 2, body: '', bodyStartLine: 4, unclosed: false },
    },
    {
      name: 'empty front matter',
      text: '---\n---\nBody\n',
      expected: { frontMatter: '', frontMatterStartLine: 2, body: 'Body\n', bodyStartLine: 3, unclosed: false },
    },
    {
      name: 'a later --- in the body is part of the body',
      text: '---\na: 1\n---\nintro\n---\nmore\n',
      expected: { frontMatter: 'a: 1\n', frontMatterStartLine: 2, body: 'intro\n---\nmore\n', bodyStartLine: 4, unclosed: false },
    },
    {
      name: 'no front matter',
      text: '# Title\n---\n',
      expected: { frontMatter: null, frontMatterStartLine: 1, body: '# Title\n---\n', bodyStartLine: 1, unclosed: false },
    },
    {
      name: 'a ---- line is not a delimiter',
      text: '----\na: 1\n---\n',
      expected: { frontMatter: null, frontMatterStartLine: 1, body: '----\na: 1\n---\n', bodyStartLine: 1, unclosed: false },
    },
    {
      name: 'front matter that is never closed',
      text: '---\na: 1\nBody\n',
      expected: { frontMatter: null, frontMatterStartLine: 1, body: '---\na: 1\nBody\n', bodyStartLine: 1, unclosed: true },
    },
    {
      name: 'only an opening line',
      text: '---',
      expected: { frontMatter: null, frontMatterStartLine: 1, body: '---', bodyStartLine: 1, unclosed: true },
    },
    {
      name: 'empty file',
      text: '',
      expected: { frontMatter: null, frontMatterStartLine: 1, body: '', bodyStartLine: 1, unclosed: false },
    },
  ];

  it.each(cases)('$name', ({ text, expected }) => {
    expect(splitFrontMatter(text)).toEqual(expected);
  });

  it('tolerates a leading BOM', () => {
    expect(splitFrontMatter('\uFEFF---\na: 1\n---\nB\n')).toMatchObject({ frontMatter: 'a: 1\n', bodyStartLine: 4 });
  });
});
