import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic, summarise } from '../../scripts/report/diagnostic.ts';
import { type Format, formatReport } from '../../scripts/report/index.ts';
import { SAMPLE } from './helpers.ts';

const summary = summarise(SAMPLE, 14);
const options = { toolVersion: '1.0.0', rules: [{ id: 'schema-type', description: 'Types match.' }] };
// Message prefixes free of characters that JSON would escape, so they can be found in every format.
const sortedMessages = [...SAMPLE].sort(compareDiagnostics).map((d) => d.message.slice(0, 16));

describe('formatReport', () => {
  it.each<Format>(['pretty', 'json', 'github', 'sarif'])('%s: sorts findings and leaves the input alone', (format) => {
    const input = [...SAMPLE];
    const { stdout } = formatReport(format, input, summary, options);
    expect(input).toEqual(SAMPLE);
    const positions = sortedMessages.map((m) => stdout.indexOf(m));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('returns summary Markdown only for github', () => {
    for (const format of ['pretty', 'json', 'sarif'] as const) {
      expect(formatReport(format, SAMPLE, summary, options)).not.toHaveProperty('summaryMarkdown');
    }
    const github = formatReport('github', SAMPLE, summary, options);
    expect(github.summaryMarkdown).toMatch(/^## oncall-as-code\n/);
    expect(github.stdout.trimEnd().split('\n').map((l) => l.slice(0, 9))).toEqual(['::warning', '::error f', '::notice ']);
  });

  it('colours pretty output only when asked, defaulting to none', () => {
    expect(formatReport('pretty', SAMPLE, summary, options).stdout).not.toContain('\u001b');
    expect(formatReport('pretty', SAMPLE, summary, { ...options, color: false }).stdout).not.toContain('\u001b');
    expect(formatReport('pretty', SAMPLE, summary, { ...options, color: true }).stdout).toContain('\u001b[');
  });

  it('passes the tool version and rules to SARIF', () => {
    const log = JSON.parse(formatReport('sarif', SAMPLE, summary, options).stdout) as {
      runs: { tool: { driver: { version: string; rules: { id: string }[] } } }[];
    };
    expect(log.runs[0]?.tool.driver.version).toBe('1.0.0');
    expect(log.runs[0]?.tool.driver.rules[0]?.id).toBe('schema-type');
  });

  it('rejects an unknown format instead of printing nothing', () => {
    expect(() => formatReport('xml' as Format, [] as Diagnostic[], summary, options)).toThrow(/Unknown report format: xml/);
  });
});
