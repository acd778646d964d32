import { afterEach, describe, expect, it } from 'vitest';
import { runCli, validateJson } from '../support/cli.ts';
import { FIXTURE_ROOT, tempRepo, lineOf, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe('oncall validate', () => {
  it('finds nothing wrong in the fixture organisation the tests run on', async () => {
    const { code, report } = await validateJson(FIXTURE_ROOT);
    expect(report.diagnostics).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.files).toBeGreaterThanOrEqual(23);
    expect(code).toBe(0);
  });

  it('prints the JSON shape the documentation promises, with repo-relative forward-slash paths', async () => {
    repo = tempRepo();
    repo.replace('rotations/ingestion.yaml', 'participants: [amara-okafor]', 'participants: [amara-okafr]');
    const { code, report } = await validateJson(repo.root);
    expect(code).toBe(1);
    expect(report.summary).toEqual({ files: expect.any(Number), errors: 1, warnings: 0, notes: 0 });
    const [d] = report.diagnostics;
    expect(Object.keys(d!).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'hint', 'line', 'message', 'ruleId', 'severity']);
    expect(d).toMatchObject({
      ruleId: 'reference-exists',
      severity: 'error',
      file: 'rotations/ingestion.yaml',
      line: lineOf(repo, 'rotations/ingestion.yaml', 'amara-okafr'),
      hint: 'Did you mean "amara-okafor"?',
    });
  });

  it('reports only the named files but still checks them against the whole repository', async () => {
    repo = tempRepo();
    repo.replace('rotations/ingestion.yaml', 'participants: [amara-okafor]', 'participants: [nobody-here]');
    repo.replace('policy/people.yaml', 'timezone: Europe/Rome', 'timezone: Europe/Rom');
    const all = await validateJson(repo.root);
    expect(all.report.diagnostics.map((d) => d.file).sort()).toEqual(['policy/people.yaml', 'rotations/ingestion.yaml']);
    const one = await validateJson(repo.root, [`${repo.root}/rotations/ingestion.yaml`]);
    expect(one.report.diagnostics.map((d) => d.file)).toEqual(['rotations/ingestion.yaml']);
    expect(one.report.summary.files).toBe(1);
  });

  it('exits 2 with a message for usage errors', async () => {
    const cases: string[][] = [
      ['validate', '--format', 'xml'],
      ['validate', '--root', '/nonexistent/folder'],
      ['validate', '--now', '2026-11-22T12:00:00'],
      ['validate', '--unknown-flag'],
      ['no-such-command'],
    ];
    for (const args of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('writes GitHub annotations and appends a job summary when asked', async () => {
    repo = tempRepo();
    repo.replace('rotations/ingestion.yaml', 'participants: [amara-okafor]', 'participants: [amara-okafr]');
    const summaryFile = repo.path('summary.md');
    const result = await runCli(['validate', '--root', repo.root, '--format', 'github', '--now', '2026-11-22T12:00:00+01:00'], {
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=rotations\/ingestion\.yaml,line=\d+,col=\d+/);
    expect(repo.read('summary.md')).toContain('reference-exists');
  });

  it('uses colour only on a terminal without NO_COLOR', async () => {
    repo = tempRepo();
    repo.replace('rotations/ingestion.yaml', 'participants: [amara-okafor]', 'participants: [amara-okafr]');
    const args = ['validate', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00'];
    expect((await runCli(args, { isTTY: true, env: { NO_COLOR: undefined } })).stdout).toContain('\x1b[');
    expect((await runCli(args, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await runCli(args, { isTTY: false, env: { NO_COLOR: undefined } })).stdout).not.toContain('\x1b[');
  });
});
