import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInit, type InitOptions } from '../../scripts/commands/init.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { HASH_MARKER, MARKDOWN_MARKER } from '../../scripts/docs/marker.ts';
import { manifestOf, type ExampleManifest } from '../../scripts/init/example-organisation.ts';
import { loadSkeleton, readOrganisationTree } from '../../scripts/init/tree.ts';
import { POLICY_KINDS } from '../../scripts/schema/kinds.ts';
import { runCli, validateJson, type CliResult } from '../support/cli.ts';
import { TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/**
 * A temp copy of the fixture organisation (the example's data as the tests keep it) and its
 * fingerprint, taken before the test changes it, standing in for a fresh copy of the template.
 * tests/example/example-organisation.test.ts checks the shipped fingerprint itself.
 */
let manifest: ExampleManifest;
async function exampleCopy(): Promise<TempRepo> {
  repo = tempRepo();
  // The example's own tests ship with it, and go with it.
  repo.write('tests/example/seed-encoding.test.ts', "import { it } from 'vitest';\n");
  repo.write('tests/cli/validate.test.ts', "import { it } from 'vitest';\n");
  manifest = manifestOf(await readOrganisationTree(repo.root));
  return repo;
}

async function init(root: string, options: Omit<InitOptions, 'root' | 'now'> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { NO_COLOR: '1' },
    cwd: root,
    isTTY: false,
  };
  const code = await runInit({ root, now: TEST_NOW, ...options }, io, manifest);
  return { code, stdout, stderr };
}

/** Every file below `root` with its bytes, to show that a refused run touched nothing. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'base64'));
    }
  };
  visit(root);
  return files;
}

describe('oncall init', () => {
  it('ships a starter file for every policy kind', async () => {
    const paths = [...(await loadSkeleton()).keys()];
    expect(paths.filter((p) => p.startsWith('policy/')).sort()).toEqual(POLICY_KINDS.map((kind) => `policy/${kind}.yaml`).sort());
  });

  it('turns the example into an empty organisation that validates cleanly', async () => {
    repo = await exampleCopy();
    const result = await init(repo.root, { organisation: 'Acme: Platform #1', person: "Zoë O'Brien", github: 'zoe-ob', githubId: '58123904', timezone: 'America/New_York' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const { code, report } = await validateJson(repo.root);
    expect(report.diagnostics).toEqual([]);
    expect(code).toBe(0);

    expect(repo.read('policy/people.yaml')).toContain('id: zoe-o-brien');
    expect(repo.read('policy/people.yaml')).toContain('github: zoe-ob\n    github_id: 58123904\n');
    expect(repo.read('policy/organisation.yaml')).toContain('name: "Acme: Platform #1"');
    // The rotation starts on the Monday of the week init ran in, in the person's zone.
    expect(repo.read('rotations/on-call.yaml')).toContain('start: 2026-11-16');
    expect(existsSync(repo.path('rotations/ingestion.yaml'))).toBe(false);
    expect(readdirSync(repo.path('incidents'))).toEqual([]);
    expect(readdirSync(repo.path('signoffs'))).toEqual([]);
    expect(readdirSync(repo.path('docs/incidents'))).toEqual([]);
    // The example's tests go with it; the toolkit's tests stay.
    expect(existsSync(repo.path('tests/example'))).toBe(false);
    expect(existsSync(repo.path('tests/cli/validate.test.ts'))).toBe(true);
  });

  it('validates with the defaults too, and says the GitHub login must be replaced', async () => {
    repo = await exampleCopy();
    const result = await init(repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('replace-with-your-login');
    expect((await validateJson(repo.root)).code).toBe(0);
  });

  it('refuses to run a second time, touching nothing', async () => {
    repo = await exampleCopy();
    expect((await init(repo.root)).code).toBe(0);
    const before = snapshot(repo.root);
    const second = await init(repo.root);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('no longer holds exactly the example organisation');
    expect(second.stderr).toContain('Nothing was changed');
    expect(snapshot(repo.root)).toEqual(before);
  });

  it('refuses when one example file was edited or one file was added, touching nothing', async () => {
    for (const change of [
      (r: TempRepo) => r.replace('policy/people.yaml', 'name: Amara Okafor', 'name: Amara Okafor-Smith'),
      (r: TempRepo) => r.write('rotations/platform.yaml', 'id: platform\n'),
    ]) {
      repo = await exampleCopy();
      change(repo);
      const before = snapshot(repo.root);
      const result = await init(repo.root);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/policy\/people\.yaml|rotations\/platform\.yaml/);
      expect(snapshot(repo.root)).toEqual(before);
      repo.cleanup();
      repo = undefined;
    }
  });

  it('with --force replaces the policy but never deletes a hand-written file', async () => {
    repo = await exampleCopy();
    repo.write('rotations/platform.yaml', '# our own rotation\n');
    repo.write('incidents/2027/2027-01-05-our-outage.yaml', '# our own incident\n');
    repo.write('docs/runbook.md', `# Runbook\n\nWritten by hand, quoting the marker:\n${MARKDOWN_MARKER}\n`);
    repo.write('docs/roster.md', `${MARKDOWN_MARKER}\n# Roster\n`);
    repo.write('docs/calendars/on-call.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//oncall-as-code//calendar//EN\r\nEND:VCALENDAR\r\n');
    repo.write('.github/CODEOWNERS', `${HASH_MARKER}\n* @someone\n`);
    const edited = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';
    repo.write(edited, `${repo.read(edited)}# our own note\n`);

    const result = await init(repo.root, { force: true });
    expect(result.code).toBe(0);
    expect(repo.read('rotations/platform.yaml')).toBe('# our own rotation\n');
    expect(repo.read('incidents/2027/2027-01-05-our-outage.yaml')).toBe('# our own incident\n');
    expect(repo.read('docs/runbook.md')).toContain('Written by hand');
    expect(repo.read(edited)).toContain('# our own note');
    expect(result.stdout).toContain('Kept 3 files that are not part of the example');
    // Generated pages go (the docs command writes them anew); unchanged example records go too.
    expect(existsSync(repo.path('docs/roster.md'))).toBe(false);
    expect(existsSync(repo.path('docs/calendars'))).toBe(false);
    expect(existsSync(repo.path('.github/CODEOWNERS'))).toBe(false);
    expect(existsSync(repo.path('signoffs/2026/2026-11-02-ingestion-ga.yaml'))).toBe(false);
    expect(repo.read('policy/people.yaml')).toContain('replace-with-your-login');
  });

  it('keeps a hand-written rotation that sits where the starter rotation would go', async () => {
    repo = await exampleCopy();
    repo.write('rotations/on-call.yaml', '# ours\n');
    const result = await init(repo.root, { force: true });
    expect(result.code).toBe(0);
    expect(repo.read('rotations/on-call.yaml')).toBe('# ours\n');
    expect(result.stdout).toContain('Kept your rotations/on-call.yaml instead of the starter one.');
  });

  it('is a CLI command that refuses a tree without the example data', async () => {
    repo = tempRepo({ empty: true });
    const result = await runCli(['init', '--root', repo.root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('example file removed:');
    expect(result.stderr).toContain('Nothing was changed');
    expect(readdirSync(repo.path('policy'))).toEqual([]);
  });

  it('exits 2 on bad options, touching nothing', async () => {
    repo = tempRepo();
    const before = snapshot(repo.root);
    for (const args of [
      ['--github', '-not-a-login'],
      ['--timezone', 'Europe/Berln'],
      ['--person', '   '],
      ['--now', 'yesterday'],
    ]) {
      const result = await runCli(['init', '--root', repo.root, '--now', TEST_NOW, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^oncall: --/);
    }
    expect(snapshot(repo.root)).toEqual(before);
  });
});
