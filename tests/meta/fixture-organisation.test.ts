/**
 * The fixture organisation every toolkit test runs on (tests/fixtures/organisation) cannot rot: it
 * validates without a finding at the tests' instant, and its generated pages and calendars are what
 * the toolkit renders from its data. `npm run regenerate` renders them again after a change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, validateJson } from '../support/cli.ts';
import { FIXTURE_ROOT, TEST_NOW } from '../support/repo.ts';

const FIX = 'Run `npm run regenerate` and commit tests/fixtures/organisation.';

function filesBelow(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue;
    const path = join(name.parentPath, name.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}

describe('the fixture organisation', () => {
  it('validates without a finding at the tests\' instant', async () => {
    const { code, report } = await validateJson(FIXTURE_ROOT, ['--no-cache']);
    expect(report.diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it('has generated pages that are up to date', async () => {
    const result = await runCli(['docs', '--check', '--root', FIXTURE_ROOT]);
    expect(result.stdout, FIX).toContain('up to date');
    expect(result.code, FIX).toBe(0);
  });

  it('has the calendars the toolkit renders for it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'oncall-fixture-calendars-'));
    try {
      const result = await runCli(['calendar', '--root', FIXTURE_ROOT, '--out', out, '--now', TEST_NOW]);
      expect(result.code).toBe(0);
      const rendered = filesBelow(out);
      expect(rendered.size).toBeGreaterThan(0);
      expect(filesBelow(join(FIXTURE_ROOT, 'docs', 'calendars')), FIX).toEqual(rendered);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
