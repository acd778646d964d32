/**
 * `oncall github-ids`: looks up the account id of everyone in policy/people.yaml who has none yet
 * (GET /users/<login>) and prints them; with --write, writes each on a new line after the person's
 * `github:` line, leaving the rest of the file as it was. Approvals match people by this id.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createGitHubClient, describeGitHubError, type GitHubClientOptions } from '../github/client.ts';
import { readAccountId } from '../github/users.ts';
import { writeFileAtomic } from '../incidents/write-new-file.ts';
import { insertGithubIds } from '../people/github-ids.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveRoot } from './options.ts';

export interface GithubIdsOptions {
  root?: string;
  write?: boolean;
}

const PEOPLE = 'policy/people.yaml';

/** Exit 0 when every id was found, 1 when a login is unknown to GitHub or an entry could not be written, 2 on usage or GitHub errors. */
export async function runGithubIds(options: GithubIdsOptions, io: CommandIO, deps: { clientOptions?: GitHubClientOptions } = {}): Promise<number> {
  const root = resolveRoot(options.root, io);
  const path = join(root, PEOPLE);
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new UsageError(`${PEOPLE}: cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  });
  let people: { id?: unknown; github?: unknown; github_id?: unknown }[];
  try {
    const value = parse(text) as { people?: unknown } | null;
    people = Array.isArray(value?.people) ? (value.people as typeof people) : [];
  } catch {
    io.stderr(`oncall: ${PEOPLE} is not valid YAML; run npm run oncall -- validate.\n`);
    return 1;
  }
  const missing = people.filter((p) => typeof p.id === 'string' && typeof p.github === 'string' && p.github_id === undefined) as { id: string; github: string }[];
  if (missing.length === 0) {
    io.stdout(`Everyone in ${PEOPLE} has a github_id.\n`);
    return 0;
  }
  // Looking up accounts needs no repository; the client only checks that one is named.
  const client = createGitHubClient({ ...io.env, GITHUB_REPOSITORY: io.env.GITHUB_REPOSITORY ?? 'any/any' }, { log: (message) => io.stderr(`oncall: ${message}\n`), ...deps.clientOptions });
  const ids = new Map<string, number>();
  let code = 0;
  for (const person of missing) {
    let id: number | undefined;
    try {
      id = await readAccountId(client, person.github);
    } catch (error) {
      io.stderr(`oncall: looking up @${person.github}: ${describeGitHubError(error)}\n`);
      return 2;
    }
    if (id === undefined) {
      io.stdout(`${person.id}: GitHub has no account @${person.github}; check the login.\n`);
      code = 1;
      continue;
    }
    ids.set(person.id, id);
    io.stdout(`${person.id}: @${person.github} is account ${id}\n`);
  }
  if (!options.write) {
    if (ids.size > 0) io.stdout(`Run again with --write to add ${ids.size === 1 ? 'it' : 'them'} to ${PEOPLE}.\n`);
    return code;
  }
  const plan = insertGithubIds(text, ids);
  for (const { person, reason } of plan.skipped) {
    io.stdout(`${person}: not written: ${reason}.\n`);
    code = 1;
  }
  if (plan.written.length > 0) {
    await writeFileAtomic(path, plan.text);
    io.stdout(`Wrote ${plan.written.length} github_id${plan.written.length === 1 ? '' : 's'} to ${PEOPLE}.\n`);
  }
  return code;
}
