/**
 * Loads the repository model for the incident commands (new, report, remind): every file read and
 * schema-checked, and a clear usage error when a policy file they rely on is missing or invalid.
 */
import { buildModel } from '../check/build-model.ts';
import { UsageError } from '../commands/io.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { readRepository } from '../repo/read-repository.ts';
import type { PolicyKindId } from '../schema/kinds.ts';

/**
 * Reads and schema-checks the repository at `root`; throws a UsageError if `needs` are not all
 * valid. Incident records and post-mortems with errors are left out; `warn` hears how many.
 */
export async function loadModel(root: string, needs: readonly PolicyKindId[], warn?: (message: string) => void): Promise<RepoModel> {
  const read = await readRepository(root);
  const { model } = buildModel(read.files);
  const valid = new Set([...model.incidents, ...model.postmortems].map((doc) => doc.file.path));
  const leftOut = read.files.filter((file) => (file.kind === 'incident' || file.kind === 'postmortem') && !valid.has(file.path));
  if (warn && leftOut.length > 0) {
    warn(`${leftOut.length} incident or post-mortem file${leftOut.length === 1 ? ' has' : 's have'} errors and ${leftOut.length === 1 ? 'is' : 'are'} left out (${leftOut.map((f) => f.path).join(', ')}); run \`npm run oncall -- validate\`.`);
  }
  const unavailable = needs.filter((kind) => model.unavailablePolicy.has(kind));
  if (unavailable.length > 0) {
    throw new UsageError(
      `${unavailable.map((kind) => `policy/${kind}.yaml`).join(', ')} ${unavailable.length === 1 ? 'is' : 'are'} missing or invalid; run \`npm run oncall -- validate\` and fix ${unavailable.length === 1 ? 'it' : 'them'} first.`,
    );
  }
  return model;
}
