/** `oncall github-ids` against the local GitHub API: looks up account ids and writes them into people.yaml. */
import { afterEach, describe, expect, it } from 'vitest';
import { runGithubIds } from '../../scripts/commands/github-ids.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { emptyState, fakeUser, startGitHubServer, type GitHubServer } from '../support/github-server.ts';
import { validateJson } from '../support/cli.ts';
import { tempRepo, type TempRepo } from '../support/repo.ts';

let server: GitHubServer | undefined;
let repo: TempRepo | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  repo?.cleanup();
  repo = undefined;
});

const PEOPLE = 'policy/people.yaml';

async function run(args: { write?: boolean }) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: server!.env(), cwd: repo!.root, isTTY: false };
  const code = await runGithubIds({ root: repo!.root, ...args }, io, { clientOptions: { timeoutMs: 1_500, retries: 1, secondMs: 2 } });
  return { code, stdout, stderr };
}

/** The example with two people's ids removed; GitHub knows both accounts. */
async function setUp() {
  repo = tempRepo();
  repo.replace(PEOPLE, '    github: chenwei-sre\n    github_id: 73008910\n', '    github: chenwei-sre\n');
  repo.replace(PEOPLE, '    github: dreyes\n    github_id: ', '    github: dreyes\n    github_idx: ');
  repo.write(PEOPLE, repo.read(PEOPLE).replace(/\n {4}github_idx: \d+/, ''));
  const state = emptyState();
  state.users = { 'chenwei-sre': { ...fakeUser('chenwei-sre'), id: 73008910 }, dreyes: { ...fakeUser('dreyes'), id: 4410021 } };
  server = await startGitHubServer(state);
}

describe('oncall github-ids', () => {
  it('lists the ids it found and changes nothing without --write', async () => {
    await setUp();
    const before = repo!.read(PEOPLE);
    const result = await run({});
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('chen-wei: @chenwei-sre is account 73008910\ndana-reyes: @dreyes is account 4410021\nRun again with --write to add them to policy/people.yaml.\n');
    expect(repo!.read(PEOPLE)).toBe(before);
  });

  it('--write adds each id after the github line, leaves everything else as it was, and validate is clean', async () => {
    await setUp();
    const before = repo!.read(PEOPLE);
    const result = await run({ write: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote 2 github_ids to policy/people.yaml.');
    const after = repo!.read(PEOPLE);
    expect(after).toContain('    github: chenwei-sre\n    github_id: 73008910\n    timezone: Europe/Berlin\n');
    expect(after).toContain('    github: dreyes\n    github_id: 4410021\n');
    expect(after.replace('    github_id: 73008910\n', '').replace('    github_id: 4410021\n', '')).toBe(before);
    const { code, report } = await validateJson(repo!.root);
    expect(code).toBe(0);
    expect(report.diagnostics.filter((d) => d.ruleId === 'person-github-id')).toEqual([]);
  });

  it('a login GitHub does not know: exit 1, and the others are still written', async () => {
    await setUp();
    delete server!.state.users.dreyes;
    const result = await run({ write: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('dana-reyes: GitHub has no account @dreyes; check the login.');
    expect(repo!.read(PEOPLE)).toContain('    github: chenwei-sre\n    github_id: 73008910\n');
  });
});
