/** Account ids by login (GET /users/{username}): how `github-ids` fills people.yaml. */
import { account } from './answers.ts';
import type { GitHubClient } from './client.ts';

/** The account's numeric id, or undefined when GitHub knows no such login. */
export async function readAccountId(client: GitHubClient, login: string): Promise<number | undefined> {
  let data: unknown;
  try {
    data = (await client.request('GET /users/{username}', { username: login })).data;
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 404) return undefined;
    throw error;
  }
  const user = account(data, `the account @${login}`);
  return user?.id;
}
