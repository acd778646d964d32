/**
 * CODEOWNERS says what the approvals check enforces: GitHub applies only the last matching line, so
 * the generated lines give every path the union of the owners of every rule matching it, and a
 * pattern the two cannot read alike is a validate finding at its line in policy/approvals.yaml.
 */
import picomatch from 'picomatch';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, validateJson } from '../support/cli.ts';
import { lineOf, tempRepo, TEST_NOW, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const APPROVALS = 'policy/approvals.yaml';
const ROTATION_RULE = '  - id: rotation-swap\n    paths: ["rotations/**"]';

/** Adds a path rule after the toolkit rule. */
function addRule(r: TempRepo, rule: string): void {
  r.replace(APPROVALS, ROTATION_RULE, `${rule}\n${ROTATION_RULE}`);
}

/** The owners GitHub asks for a path: those of the last CODEOWNERS line whose pattern matches it. */
function githubOwners(codeowners: string, path: string): string[] {
  let owners: string[] = [];
  for (const line of codeowners.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [pattern, ...names] = line.trim().split(/\s+/);
    if (picomatch(pattern!.replace(/^\//, ''), { dot: true })(path)) owners = names;
  }
  return owners;
}

describe('generated CODEOWNERS', () => {
  it('gives a file two rules match the owners of both, whatever order policy/approvals.yaml lists them in', async () => {
    repo = tempRepo();
    addRule(repo, '  - id: people\n    paths: ["policy/people.yaml"]\n    require: [support-lead]\n    reason: People data is checked by the support lead too.');
    // The narrower rule first: GitHub would otherwise let the later, broader line win.
    repo.replace(APPROVALS, 'paths:\n  - id: policy\n', 'paths:\n  - id: people-first\n    paths: ["policy/roles.yaml"]\n    require: [database-owner]\n    reason: A second rule listed before the broad one.\n  - id: policy\n');
    const run = await runCli(['docs', '--root', repo.root, '--now', TEST_NOW]);
    expect(run.code).toBe(0);
    const codeowners = repo.read('.github/CODEOWNERS');
    const policyOwners = ['@amara-okafor', '@bschultz', '@chenwei-sre', '@dreyes', '@gracelin', '@hmartin'];
    expect(new Set(githubOwners(codeowners, 'policy/people.yaml'))).toEqual(new Set([...policyOwners, '@isla-murphy', '@jberg']));
    expect(new Set(githubOwners(codeowners, 'policy/roles.yaml'))).toEqual(new Set([...policyOwners, '@elif-y', '@fhaddad']));
    expect(new Set(githubOwners(codeowners, 'policy/severities.yaml'))).toEqual(new Set(policyOwners));
    const lines = codeowners.split('\n').filter((line) => line.startsWith('/policy'));
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['/policy/**', '/policy/roles.yaml', '/policy/people.yaml']);
  });
});

describe('approvals-path-pattern', () => {
  it('an extended glob is reported at its line, with the fix', async () => {
    repo = tempRepo();
    addRule(repo, '  - id: data\n    paths: ["signoffs/**/*.+(yaml|yml)"]\n    require: [ingestion-owner]\n    reason: Decisions.');
    const { code, report } = await validateJson(repo.root);
    expect(code).toBe(1);
    expect(report.diagnostics.filter((d) => d.ruleId === 'approvals-path-pattern')).toEqual([
      expect.objectContaining({
        file: APPROVALS,
        line: lineOf(repo, APPROVALS, '+(yaml|yml)'),
        column: 13,
        message: 'paths[2].paths[0]: "signoffs/**/*.+(yaml|yml)" is an extended glob: the approvals check reads it, but GitHub\'s CODEOWNERS does not, so no one is asked to review those files.',
        hint: 'Write each alternative as a pattern of its own (e.g. "*.yaml" and "*.yml" instead of "*.+(yaml|yml)").',
      }),
    ]);
  });

  it('a plain folder name owns the folder on GitHub but matches no file in the check', async () => {
    repo = tempRepo();
    addRule(repo, '  - id: decisions\n    paths: [signoffs]\n    require: [ingestion-owner]\n    reason: Decisions.');
    const { report } = await validateJson(repo.root);
    expect(report.diagnostics.filter((d) => d.ruleId === 'approvals-path-pattern')).toEqual([
      expect.objectContaining({
        line: lineOf(repo, APPROVALS, 'paths: [signoffs]'),
        column: 13,
        message: 'paths[2].paths[0]: "signoffs" names a folder: GitHub\'s CODEOWNERS gives its owners everything in it, but the approvals check matches only a file of that exact name.',
        hint: 'Write "signoffs/**" to guard everything in the folder.',
      }),
    ]);
  });

  it('two rules whose patterns share files without one holding the other', async () => {
    repo = tempRepo();
    addRule(repo, '  - id: people\n    paths: ["policy/people.*"]\n    require: [support-lead]\n    reason: People data.');
    repo.replace(APPROVALS, '    paths: ["policy/**"]', '    paths: ["policy/*.yaml"]');
    const { report } = await validateJson(repo.root);
    expect(report.diagnostics.filter((d) => d.ruleId === 'approvals-path-pattern')).toEqual([
      expect.objectContaining({
        line: lineOf(repo, APPROVALS, '"policy/people.*"'),
        column: 13,
        message:
          'paths[2].paths[0]: "policy/people.*" (rule people) and "policy/*.yaml" (rule policy) share files, but neither holds the other; GitHub applies only the last CODEOWNERS line, so those files would get the owners of one rule only.',
      }),
    ]);
  });

  it('the example organisation has none', async () => {
    repo = tempRepo();
    const { report } = await validateJson(repo.root);
    expect(report.diagnostics.filter((d) => d.ruleId === 'approvals-path-pattern')).toEqual([]);
  });
});
