/** The CLI as a real process: the bin entry, exit codes, and a reader that closes the pipe early. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, TOOLKIT_ROOT, tempRepo } from '../support/repo.ts';

const BIN = join(TOOLKIT_ROOT, 'scripts', 'bin', 'oncall.js');

describe('the oncall bin', () => {
  it('prints help and exits 0', () => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { cwd: FIXTURE_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: oncall');
  });

  it('validates the fixture organisation and exits 0', () => {
    const result = spawnSync(process.execPath, [BIN, 'validate', '--now', '2026-11-22T12:00:00+01:00'], {
      cwd: FIXTURE_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('checks post-mortems that only the Markdown parser reads, with both cores and without (the parser is loaded on demand)', () => {
    const repo = tempRepo();
    try {
      const path = 'docs/incidents/2026-10-14-ingestion-error-rate.md';
      // Not plain Markdown (emphasis, a code block holding a heading): the parser reads this body.
      // The "Impact" heading inside the code block is not a heading, so the section is missing.
      const text = repo.read(path);
      repo.write(path, text.replace(/^## Impact$/m, '```md\n## Impact\n```\n\nThe **impact** section is gone'));
      for (const workers of ['0', '1']) {
        const result = spawnSync(process.execPath, [BIN, 'validate', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00', '--format', 'json', '--no-cache'], {
          encoding: 'utf8',
          env: { ...process.env, ONCALL_WORKERS: workers },
        });
        const report = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string; message: string }[] };
        expect(report.diagnostics.filter((d) => d.ruleId === 'rule-failed'), `workers ${workers}`).toEqual([]);
        expect(report.diagnostics.some((d) => d.ruleId === 'postmortem-sections' && d.file === path && d.message.includes('"Impact"')), `workers ${workers}`).toBe(true);
        expect(result.status).toBe(1);
      }
    } finally {
      repo.cleanup();
    }
  });

  it('exits 2 on an unknown command, without a stack trace', () => {
    const result = spawnSync(process.execPath, [BIN, 'frobnicate'], { cwd: FIXTURE_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('ends quietly when the reader closes the pipe early (oncall schedule ... | head -1)', async () => {
    // Ten years of shifts is far more than a pipe buffers, so the writer meets the closed pipe.
    const args = ['schedule', '--from', '2026-09-07', '--to', '2036-09-07', '--format', 'json', '--now', '2026-11-22T12:00:00+01:00'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: FIXTURE_ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
