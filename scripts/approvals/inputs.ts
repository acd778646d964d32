/**
 * Gathers what the evaluator needs besides the pull request: the policy at the default branch's
 * current commit (never the head: a change cannot grant itself a role or relax a rule), the sign-off
 * history a new decision joins, and the changed records at both sides. Files come through a
 * {@link RevisionReader}, so this works over GitHub's API or a local git checkout alike.
 */
import { buildModel } from '../check/build-model.ts';
import { parseSource } from '../repo/parse-source.ts';
import type { SourceFile } from '../repo/source-file.ts';
import { kindOfPath, POLICY_KINDS, type KindId } from '../schema/kinds.ts';
import { validateValue } from '../schema/validators.ts';
import type { PolicyView } from '../signoffs/holders.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PullRequestSnapshot, RecordChange, RecordKind, RecordVersion } from './snapshot.ts';

/** Reads a file's bytes at a revision (undefined when it does not exist there), and lists a folder's files. */
export interface RevisionReader {
  read(ref: string, path: string): Promise<Uint8Array | undefined>;
  /** Paths of every file under `folder` at `ref`, sorted. */
  list(ref: string, folder: string): Promise<string[]>;
  /**
   * Many files at once, where the source can do that cheaply (a git checkout reads thousands of
   * sign-offs in one process); paths missing at `ref` are absent. Without it, `read` is asked for each.
   */
  readMany?(ref: string, paths: readonly string[]): Promise<Map<string, Uint8Array>>;
}

/** The default branch's policy cannot be read or is invalid: nothing can be decided. */
export class BasePolicyError extends Error {
  override readonly name = 'BasePolicyError';
}

const REQUIRED_POLICY = ['people', 'roles', 'approvals'] as const;
const RECORD_KINDS: readonly RecordKind[] = ['signoff', 'incident', 'rotation'];

/** Parses and schema-checks one record file. Pure. */
export function parseRecord<K extends RecordKind>(kind: K, path: string, bytes: Uint8Array): RecordVersion<K> {
  const { file, diagnostics } = parseSource(path, kind, bytes);
  const error = diagnostics.find((d) => d.severity === 'error');
  if (error || !file.parsed) return { path, invalid: `is not a readable YAML file (line ${error?.line ?? 1}: ${error?.message ?? 'unreadable'}); run validate.` };
  const problems = validateValue(kind, file.parsed.value);
  if (problems.length > 0) {
    const first = problems[0]!;
    return { path, invalid: `is not a valid ${kind} record (${first.instancePath || '(top level)'} ${first.message ?? ''}); run validate.` };
  }
  return { path, value: file.parsed.value as SchemaTypes[K], bytes };
}

/** The files a decision is judged by, at one commit, and the policy view they give. */
export interface BaseContext {
  /** Every policy file, the rotations roles are held by, and (when asked for) every sign-off record. */
  files: SourceFile[];
  policy: PolicyView;
}

/**
 * The policy at `baseSha` (every policy file, and the rotations that hold roles), plus every
 * sign-off record when `signoffs` is set (a new decision is checked against the history it joins).
 */
export async function readBaseContext(reader: RevisionReader, baseSha: string, options: { signoffs?: boolean } = {}): Promise<BaseContext> {
  const files: SourceFile[] = [];
  const load = async (path: string, kind: KindId) => {
    const bytes = await reader.read(baseSha, path);
    if (bytes !== undefined) files.push(parseSource(path, kind, bytes).file);
  };
  // Hundreds of rotations and thousands of sign-offs: in one read where the source allows it.
  const loadAll = async (paths: readonly string[], kind: KindId) => {
    if (!reader.readMany) {
      for (const path of paths) await load(path, kind);
      return;
    }
    const read = await reader.readMany(baseSha, paths);
    for (const path of paths) {
      const bytes = read.get(path);
      if (bytes !== undefined) files.push(parseSource(path, kind, bytes).file);
    }
  };
  for (const kind of POLICY_KINDS) await load(`policy/${kind}.yaml`, kind);
  const first = buildModel(files).model;
  for (const kind of REQUIRED_POLICY) {
    if (!first.policy[kind]) {
      const present = files.some((f) => f.kind === kind);
      throw new BasePolicyError(`policy/${kind}.yaml on the default branch (commit ${baseSha.slice(0, 12)}) is ${present ? 'not valid' : 'missing'}, so approvals cannot be decided.`);
    }
  }
  // Rotation-held roles (On-Call) need their rotations; files are named after their ids.
  const rotationIds = new Set<string>();
  for (const role of first.policy.roles!.data.roles) if (role.holder && 'rotation' in role.holder) rotationIds.add(role.holder.rotation);
  await loadAll([...rotationIds].map((id) => `rotations/${id}.yaml`), 'rotation');
  if (options.signoffs) await loadAll((await reader.list(baseSha, 'signoffs')).filter((path) => kindOfPath(path) === 'signoff'), 'signoff');
  const model = buildModel(files).model;
  const policy: PolicyView = {
    people: model.policy.people!.data,
    roles: model.policy.roles!.data,
    approvals: model.policy.approvals!.data,
    rotations: model.rotations.map((doc) => doc.data),
    ...(model.policy['kill-switch'] ? { killSwitch: model.policy['kill-switch'].data } : {}),
    ...(model.policy.organisation ? { zone: model.policy.organisation.data.timezone } : {}),
  };
  return { files, policy };
}

/** The policy view at `baseSha` (see {@link readBaseContext}). */
export async function readBasePolicy(reader: RevisionReader, baseSha: string): Promise<PolicyView> {
  return (await readBaseContext(reader, baseSha)).policy;
}

/**
 * The changed sign-off, incident and rotation records: each read at the base (at its old path for a
 * rename) and at the head. Existence at the base, not GitHub's file status, decides whether a record
 * is new, since the status is relative to the merge base.
 */
export async function readRecordChanges(pr: PullRequestSnapshot, baseSha: string, base: RevisionReader, head: RevisionReader): Promise<RecordChange[]> {
  const out: RecordChange[] = [];
  for (const file of pr.files) {
    const kind = [kindOfPath(file.path), file.previousPath ? kindOfPath(file.previousPath) : undefined].find((k): k is RecordKind =>
      (RECORD_KINDS as readonly string[]).includes(k ?? ''),
    );
    if (!kind) continue;
    const change: RecordChange = { kind, file };
    // A copy leaves its source in place; only a rename moves a record away from its old path.
    const oldPath = file.status === 'renamed' && file.previousPath ? file.previousPath : file.path;
    if (kindOfPath(oldPath) === kind) {
      const before = await base.read(baseSha, oldPath);
      if (before !== undefined) change.before = parseRecord(kind, oldPath, before);
    }
    if (file.status !== 'removed' && kindOfPath(file.path) === kind) {
      const after = await head.read(pr.headSha, file.path);
      if (after === undefined) throw new BasePolicyError(`GitHub lists ${file.path} as changed, but it is not at the head commit ${pr.headSha.slice(0, 12)}.`);
      change.after = parseRecord(kind, file.path, after);
    }
    out.push(change);
  }
  return out;
}
