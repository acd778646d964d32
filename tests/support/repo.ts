/**
 * Test repositories: a copy of the fixture organisation in a temp folder, changed file by file.
 * Tests break one thing each and assert the exact diagnostic it produces.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The toolkit's own files: scripts/, schemas/, README.md, package.json, .github/workflows/. */
export const TOOLKIT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The organisation the toolkit's tests run on: a plain copy of data files (and the pages and
 * calendars `npm run regenerate` renders from them at TEST_NOW), kept apart from the example
 * organisation at the repository root, which `oncall init` replaces with an adopter's own data.
 */
export const FIXTURE_ROOT = join(TOOLKIT_ROOT, 'tests', 'fixtures', 'organisation');

/** The fixed "now" tests run at, so time-dependent rules give the same answers every day. */
export const TEST_NOW = '2026-11-22T12:00:00+01:00';

const DATA_FOLDERS = ['policy', 'rotations', 'incidents', 'signoffs', 'handoffs', 'docs/incidents'];

export interface TempRepo {
  root: string;
  path(relative: string): string;
  read(relative: string): string;
  write(relative: string, content: string | Uint8Array): void;
  /** Replaces `from` with `to` in a file; fails the test if `from` is not there exactly once. */
  replace(relative: string, from: string, to: string): void;
  remove(relative: string): void;
  cleanup(): void;
}

/** A temp copy of the fixture organisation's data (or an empty tree with `empty: true`). */
export function tempRepo(options: { empty?: boolean } = {}): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'oncall-test-'));
  if (!options.empty) {
    for (const folder of DATA_FOLDERS) {
      cpSync(join(FIXTURE_ROOT, folder), join(root, folder), { recursive: true });
    }
  } else {
    mkdirSync(join(root, 'policy'));
  }
  const path = (relative: string) => join(root, relative);
  return {
    root,
    path,
    read: (relative) => readFileSync(path(relative), 'utf8'),
    write(relative, content) {
      mkdirSync(dirname(path(relative)), { recursive: true });
      writeFileSync(path(relative), content);
    },
    replace(relative, from, to) {
      const text = readFileSync(path(relative), 'utf8');
      const count = text.split(from).length - 1;
      if (count !== 1) throw new Error(`expected exactly one "${from}" in ${relative}, found ${count}`);
      writeFileSync(path(relative), text.replace(from, to));
    },
    remove: (relative) => rmSync(path(relative), { recursive: true, force: true }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** 1-based line of the first line containing `needle` in a file of the repo (for exact line assertions). */
export function lineOf(repo: TempRepo, relative: string, needle: string, occurrence = 1): number {
  const lines = repo.read(relative).split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${needle}" not found in ${relative}`);
}

/** A temp copy of the example organisation committed to a fresh git repository: the base a pull request's `validate --changed-since HEAD` compares with. */
export function committedRepo(): TempRepo {
  const r = tempRepo();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: r.root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  return r;
}
