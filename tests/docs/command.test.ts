/** `oncall docs [--check]` on disk: what it writes, what it refuses to touch, and what --check says. */
import { lstatSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKDOWN_MARKER } from '../../scripts/docs/marker.ts';
import { runCli } from '../support/cli.ts';
import { TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

function fresh(): TempRepo {
  const repo = tempRepo();
  repos.push(repo);
  return repo;
}

const docs = (repo: TempRepo, ...extra: string[]) => runCli(['docs', '--root', repo.root, '--now', TEST_NOW, ...extra]);

/** Every file below a folder, repository-relative, sorted. */
function filesUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else out.push(path);
    }
  };
  visit(folder);
  return out.sort();
}

function snapshot(root: string, paths: readonly string[]) {
  return new Map(paths.map((p) => [p, { bytes: readFileSync(join(root, p)), mtime: statSync(join(root, p)).mtimeMs }]));
}

describe('oncall docs', () => {
  it('writes the pages, then writes nothing when nothing changed', async () => {
    const repo = fresh();
    const first = await docs(repo);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created docs/README.md');
    expect(first.stdout).toContain('created .github/CODEOWNERS');
    const written = filesUnder(repo.root, 'docs').filter((p) => !p.startsWith('docs/incidents/'));
    const old = Date.now() / 1000 - 3600;
    for (const path of written) utimesSync(repo.path(path), old, old);
    const before = snapshot(repo.root, written);

    const second = await docs(repo);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/docs: 0 written, 0 removed, 20 unchanged/);
    expect(snapshot(repo.root, written)).toEqual(before);
  });

  it('keeps the "as of" instant while nothing on the pages changes, and moves it when something does', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    const written = filesUnder(repo.root, 'docs').filter((p) => !p.startsWith('docs/incidents/'));
    const before = snapshot(repo.root, written);
    // An hour later nobody's shift has changed hands and nothing fell due: nothing is rewritten.
    const later = await runCli(['docs', '--root', repo.root, '--now', '2026-11-22T13:00:00+01:00']);
    expect(later.stdout).toMatch(/docs: 0 written, 0 removed, 20 unchanged/);
    expect(snapshot(repo.root, written)).toEqual(before);
    expect(repo.read('docs/README.md')).toContain('<!-- oncall-as-code docs as of 2026-11-22T12:00:00+01:00 -->');

    // A data change rewrites its page and moves the instant the pages say they show.
    repo.replace('policy/severities.yaml', 'name: Critical', 'name: Critical outage');
    const changed = await runCli(['docs', '--root', repo.root, '--now', '2026-11-22T14:00:00+01:00']);
    expect(changed.stdout).toContain('updated docs/policy/severities.md');
    expect(changed.stdout).toContain('updated docs/README.md');
    expect(repo.read('docs/README.md')).toContain('<!-- oncall-as-code docs as of 2026-11-22T14:00:00+01:00 -->');
    expect(repo.read('docs/README.md')).toContain('as of Sun 22 Nov 2026 14:00 (Europe/Berlin)');
    expect(repo.read('docs/action-items.md')).toContain('as of Sun 22 Nov 2026 14:00 (Europe/Berlin)');
  });

  it('gives byte-identical files in two repositories with the same data and --now', async () => {
    const a = fresh();
    const b = fresh();
    expect((await docs(a)).code).toBe(0);
    expect((await docs(b)).code).toBe(0);
    const files = [...filesUnder(a.root, 'docs'), '.github/CODEOWNERS'];
    expect([...filesUnder(b.root, 'docs'), '.github/CODEOWNERS']).toEqual(files);
    for (const file of files) expect(readFileSync(b.path(file)).equals(readFileSync(a.path(file))), file).toBe(true);
  });

  it('leaves a hand-written file in the way byte for byte, writes the rest, and exits 1', async () => {
    const repo = fresh();
    const handWritten = '# Our people\n\nKept by hand | with a table cell\r\n';
    repo.write('docs/people.md', handWritten);
    const result = await docs(repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('docs: docs/people.md: a file is in the way: it was not generated');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(repo.path('docs/people.md'), 'utf8')).toBe(handWritten);
    expect(readFileSync(repo.path('docs/README.md'), 'utf8').split('\n')[0]).toBe(MARKDOWN_MARKER);

    const check = await docs(repo, '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^in the way docs\/people\.md/m);
  });

  it('treats a symbolic link at a generated path as in the way and never follows it', async () => {
    const repo = fresh();
    repo.write('outside.md', 'not docs\n');
    repo.write('docs/.keep', '');
    symlinkSync(repo.path('outside.md'), repo.path('docs/README.md'));
    const result = await docs(repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('docs/README.md: a file is in the way: it is a symbolic link');
    expect(lstatSync(repo.path('docs/README.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(repo.path('outside.md'), 'utf8')).toBe('not docs\n');
  });

  it('never writes, rewrites or removes anything in docs/incidents/, where post-mortems are written by hand', async () => {
    const repo = fresh();
    // Even a file there that carries the marker is left alone: that folder is not the generator's.
    repo.write('docs/incidents/README.md', `${MARKDOWN_MARKER}\n\nIndex kept by hand.\n`);
    const postmortems = filesUnder(repo.root, 'docs/incidents');
    const old = Date.now() / 1000 - 3600;
    for (const path of postmortems) utimesSync(repo.path(path), old, old);
    const before = snapshot(repo.root, postmortems);
    expect((await docs(repo)).code).toBe(0);
    repo.remove('incidents');
    repo.remove('signoffs');
    expect((await docs(repo)).code).toBe(0);
    expect(filesUnder(repo.root, 'docs/incidents')).toEqual(postmortems);
    expect(snapshot(repo.root, postmortems)).toEqual(before);
  });

  it('removes a generated page only when its source is gone, and never a hand-written one', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    repo.write('docs/notes.md', '# Notes kept by hand\n');
    repo.write('docs/rollouts/extra.md', '# Also by hand\n');
    repo.write('docs/old-page.md', `${MARKDOWN_MARKER}\n\n# A page whose source was deleted\n`);
    repo.remove('signoffs');
    const result = await docs(repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('removed docs/rollouts/ingestion.md (its source is gone)');
    expect(result.stdout).toContain('removed docs/old-page.md (its source is gone)');
    expect(filesUnder(repo.root, 'docs').filter((p) => !p.startsWith('docs/incidents/'))).toEqual(
      expect.arrayContaining(['docs/notes.md', 'docs/rollouts/extra.md']),
    );
    expect(readFileSync(repo.path('docs/notes.md'), 'utf8')).toBe('# Notes kept by hand\n');
  });

  it('removes a folder a removed page leaves empty', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    repo.remove('signoffs');
    expect((await docs(repo)).code).toBe(0);
    expect(() => statSync(repo.path('docs/rollouts'))).toThrow();
  });

  it('generates nothing from data with errors, so a typo never makes a page disappear', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    const roles = readFileSync(repo.path('docs/policy/roles.md'));
    repo.replace('policy/roles.yaml', 'category: technical\n    responsibility: End-to-end', 'category: technicl\n    responsibility: End-to-end');
    const result = await docs(repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('policy/roles.yaml');
    expect(readFileSync(repo.path('docs/policy/roles.md')).equals(roles)).toBe(true);
  });

  it('leaves no temporary files behind', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    repo.replace('policy/roles.yaml', 'name: SRE Lead', 'name: Site Reliability Lead');
    expect((await docs(repo)).code).toBe(0);
    expect([...filesUnder(repo.root, 'docs'), ...filesUnder(repo.root, '.github')].filter((p) => p.endsWith('.tmp'))).toEqual([]);
  });
});

describe('oncall docs --check', () => {
  it('says the pages are up to date, and after a data change lists what docs would regenerate, without failing', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    const clean = await docs(repo, '--check');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('up to date');

    repo.replace('policy/severities.yaml', 'The product is completely down', 'The product is entirely down');
    const stale = await docs(repo, '--check');
    expect(stale.code).toBe(0);
    expect(stale.stdout).toMatch(/^stale {6}docs\/policy\/severities\.md$/m);
    expect(stale.stdout).toContain('1 generated file would change');
    expect(stale.stdout).toContain('The docs workflow regenerates them on the default branch after a merge');
    // --check writes nothing.
    expect(readFileSync(repo.path('docs/policy/severities.md'), 'utf8')).not.toContain('entirely down');
  });

  it('writes the pages that would change, with their diffs, to the GitHub job summary', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    repo.replace('policy/severities.yaml', 'The product is completely down', 'The product is entirely down');
    repo.write('outside/summary.md', '');
    const result = await runCli(['docs', '--check', '--root', repo.root], { env: { GITHUB_STEP_SUMMARY: repo.path('outside/summary.md') } });
    expect(result.code).toBe(0);
    const summary = repo.read('outside/summary.md');
    expect(summary).toContain('After this change is merged, the docs workflow regenerates 1 file on the default branch; nothing needs to be committed here.');
    expect(summary).toContain('- `docs/policy/severities.md` will be updated');
    expect(summary).toContain('\n-| **P0: Critical** | The product is completely down');
    expect(summary).toContain('\n+| **P0: Critical** | The product is entirely down');
  });

  it('lists missing and orphaned files', async () => {
    const repo = fresh();
    expect((await docs(repo)).code).toBe(0);
    repo.remove('docs/policy/raci.md');
    repo.write('docs/policy/retired.md', `${MARKDOWN_MARKER}\n\n# Retired\n`);
    const result = await docs(repo, '--check');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^missing {4}docs\/policy\/raci\.md$/m);
    expect(result.stdout).toMatch(/^orphaned {3}docs\/policy\/retired\.md$/m);
  });

  it('without --now checks against the instant the pages were generated for, not the clock', async () => {
    const repo = fresh();
    expect((await runCli(['docs', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00'])).code).toBe(0);
    const result = await runCli(['docs', '--check', '--root', repo.root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('the instant recorded in docs/README.md');
  });
});
