/**
 * Adopting the toolkit end to end, as the README says, on a fresh copy of this repository (its
 * files as git has them, node_modules linked): `init`, the first day's edits from the README's own
 * snippets, then `npm test`, `validate` and `docs --check` all pass; a newer release taken with
 * `upgrade` keeps the data and passes them again. Every step runs as a user types it, through npm.
 *
 * It runs the whole test suite inside the copy, so it has its own command: `npm run test:adoption`
 * (CI runs it after `npm test`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLKIT_PATHS } from '../../scripts/upgrade/toolkit-files.ts';
import { TOOLKIT_ROOT } from '../support/repo.ts';

let work: string;
let repo: string;

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();
}

/** `npm <args>` in the adopted repository, as a user runs it. */
function npm(...args: string[]): { code: number | null; output: string } {
  const result = spawnSync('npm', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** This repository's files as git has them (and files not yet committed), copied to `into`. */
function copyRepository(into: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: TOOLKIT_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(TOOLKIT_ROOT, file), join(into, file));
    } catch (error) {
      // A file deleted in the work tree but still in the index.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(TOOLKIT_ROOT, 'node_modules'), join(into, 'node_modules'), 'dir');
}

/** The README's snippet marked `<!-- first day: <what> -->`, from the fenced block that follows it. */
function readmeSnippet(what: string): string {
  const readme = readFileSync(join(TOOLKIT_ROOT, 'README.md'), 'utf8');
  const marker = `<!-- first day: ${what} -->\n`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no snippet marked <!-- first day: ${what} -->`);
  // A fence inside a list item is indented; its lines lose that indentation, as in GFM.
  const block = /^( *)```[a-z]*\n([\s\S]*?)\n\1```/.exec(readme.slice(at + marker.length));
  if (!block) throw new Error(`no fenced block after <!-- first day: ${what} -->`);
  const indent = block[1]!.length;
  return `${block[2]!.split('\n').map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n')}\n`;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'oncall-adoption-'));
  repo = join(work, 'our-oncall');
  copyRepository(repo);
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'Created from the template');
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('adopting the toolkit, as the README says', () => {
  it('init turns the example into our organisation, which validates', () => {
    const init = npm('run', '-s', 'oncall', '--', 'init', '--organisation', 'Acme', '--person', 'Ada Lovelace', '--github', 'ada-lovelace', '--github-id', '5811203', '--timezone', 'Europe/London');
    expect(init.output).toContain('Turned');
    expect(init.code).toBe(0);
    const validate = npm('run', '-s', 'oncall', '--', 'validate');
    expect(validate.output).toContain('no problems');
    expect(validate.code).toBe(0);
    const docs = npm('run', '-s', 'oncall', '--', 'docs');
    expect(docs.code).toBe(0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'Start our on-call policy');
  });

  it('takes the first day\'s changes from the README: people, the rotation, a severity', () => {
    const people = join(repo, 'policy', 'people.yaml');
    writeFileSync(people, `${readFileSync(people, 'utf8')}${readmeSnippet('append to policy/people.yaml')}`);
    const rotation = join(repo, 'rotations', 'on-call.yaml');
    const participants = readmeSnippet('the participants line of rotations/on-call.yaml');
    writeFileSync(rotation, readFileSync(rotation, 'utf8').replace(/^ {8}participants: .*\n/m, participants));
    expect(readFileSync(rotation, 'utf8')).toContain(participants);
    const severities = join(repo, 'policy', 'severities.yaml');
    writeFileSync(severities, `${readFileSync(severities, 'utf8')}${readmeSnippet('append to policy/severities.yaml')}`);

    const validate = npm('run', '-s', 'oncall', '--', 'validate');
    expect(validate.output).toContain('no problems');
    expect(validate.code).toBe(0);
    // The pull request does not commit pages: the check lists what the docs workflow will change.
    const check = npm('run', '-s', 'oncall', '--', 'docs', '--check');
    expect(check.output).toMatch(/would change/);
    expect(check.code).toBe(0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'Add the team');
  });

  it('takes a newer toolkit with upgrade, keeping the data', () => {
    const release = join(work, 'release');
    for (const path of TOOLKIT_PATHS) {
      try {
        cpSync(join(TOOLKIT_ROOT, path), join(release, path), { recursive: true, filter: (source) => !/node_modules|\.oncall-cache/.test(source) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    const pkg = JSON.parse(readFileSync(join(release, 'package.json'), 'utf8')) as { version: string };
    writeFileSync(join(release, 'package.json'), `${JSON.stringify({ ...pkg, version: '9.9.9' }, null, 2)}\n`);
    const people = readFileSync(join(repo, 'policy', 'people.yaml'), 'utf8');

    const upgrade = npm('run', '-s', 'oncall', '--', 'upgrade', '--from', release);
    expect(upgrade.output).toContain('to 9.9.9');
    expect(upgrade.code).toBe(0);
    expect(readFileSync(join(repo, 'policy', 'people.yaml'), 'utf8')).toBe(people);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'Upgrade oncall-as-code to 9.9.9');
  });

  it('passes npm test, validate and docs --check', () => {
    const test = npm('test');
    expect(test.code, test.output.slice(-4000)).toBe(0);
    expect(test.output).toMatch(/Tests +\d+ passed/);
    expect(npm('run', '-s', 'oncall', '--', 'validate').code).toBe(0);
    const check = npm('run', '-s', 'oncall', '--', 'docs', '--check');
    expect(check.code).toBe(0);
  });
});
