/**
 * What `oncall swap` and `oncall cover` share once the overrides are planned: add them to the
 * rotation files (comments and formatting kept), validate the repository as it would be, say which
 * approvals the pull request will need, and write the files (atomically) unless the change brings
 * new errors or it is a dry run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from 'yaml';
import { previewApprovals, type RotationChange } from '../approvals/preview.ts';
import { checkRepository } from '../check/check-repository.ts';
import { insertOverrides, OverrideEditError } from '../overrides/insert.ts';
import type { OverridePlan } from '../overrides/plan.ts';
import { readRepository } from '../repo/read-repository.ts';
import { parseSource } from '../repo/parse-source.ts';
import type { SourceFile } from '../repo/source-file.ts';
import { summarise, type Diagnostic } from '../report/diagnostic.ts';
import { formatPretty } from '../report/pretty.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { UsageError, type CommandIO } from './io.ts';
import type { ScheduleData } from './schedule.ts';
import { writeAtomically } from './write-atomically.ts';

export interface ApplyOptions {
  dryRun?: boolean;
  /** Person id of whoever opens the pull request: their own consent is implied. */
  author?: string;
  now: Date;
}

const key = (d: Diagnostic) => `${d.ruleId}\u0000${d.file}\u0000${d.message}`;

/** Adds the planned overrides, validates, previews approvals and writes; the exit code. */
export async function applyOverridePlans(root: string, data: ScheduleData, plans: readonly OverridePlan[], options: ApplyOptions, io: CommandIO): Promise<number> {
  const people = data.model.policy.people?.data;
  if (options.author !== undefined && !people?.people.some((p) => p.id === options.author)) throw new UsageError(`--author: "${options.author}" is not a person in policy/people.yaml.`);
  const edits: { path: string; text: string; before: SchemaTypes['rotation']; plan: OverridePlan }[] = [];
  for (const plan of plans) {
    const doc = data.model.rotations.find((d) => d.data.id === plan.rotation)!;
    const path = doc.file.path;
    const text = await readFile(join(root, path), 'utf8');
    try {
      edits.push({ path, text: insertOverrides(text, plan.overrides), before: doc.data, plan });
    } catch (error) {
      if (error instanceof OverrideEditError) {
        io.stderr(`oncall: ${path}: ${error.message} Nothing was written.\n`);
        return 1;
      }
      throw error;
    }
  }

  // The repository as it would be: only policy and rotations bear on rotation rules.
  const read = await readRepository(root, { roots: ['policy', 'rotations'] });
  const changed = new Map(edits.map((edit) => [edit.path, parseSource(edit.path, 'rotation', new TextEncoder().encode(edit.text)).file]));
  const afterFiles: SourceFile[] = read.files.map((file) => changed.get(file.path) ?? file);
  const before = new Set(checkRepository(read.files, { now: options.now }).diagnostics.map(key));
  const result = checkRepository(afterFiles, { now: options.now });
  const introduced = result.diagnostics.filter((d) => !before.has(key(d)));

  for (const edit of edits) {
    io.stdout(`${edit.path}: ${edit.plan.overrides.length === 1 ? 'one override' : `${edit.plan.overrides.length} overrides`} to add:\n`);
    io.stdout(`${new Document({ overrides: edit.plan.overrides }).toString({ lineWidth: 0 }).trimEnd().replace(/^/gm, '  ')}\n`);
  }
  if (introduced.length > 0) {
    const errors = introduced.filter((d) => d.severity === 'error');
    io.stdout(formatPretty(introduced, summarise(introduced, new Set(introduced.map((d) => d.file)).size), { color: false }));
    if (errors.length > 0) {
      io.stdout(`The change would bring ${errors.length === 1 ? 'this error' : 'these errors'}; nothing was written. Choose other shifts or people (or fix the cause) and try again.\n`);
      return 1;
    }
  } else {
    io.stdout('Validated: the change brings no new findings.\n');
  }

  const policy = data.model.policy;
  if (policy.people && policy.roles && policy.approvals) {
    const view = {
      people: policy.people.data,
      roles: policy.roles.data,
      approvals: policy.approvals.data,
      rotations: data.model.rotations.map((d) => d.data),
      ...(policy['kill-switch'] ? { killSwitch: policy['kill-switch'].data } : {}),
    };
    const after = new Map(result.model.rotations.map((d) => [d.file.path, d.data]));
    const changes: RotationChange[] = edits.map((edit) => ({ path: edit.path, before: edit.before, after: after.get(edit.path)! }));
    const author = options.author !== undefined ? people!.people.find((p) => p.id === options.author)!.github : undefined;
    const verdict = previewApprovals(view, changes, options.now, author);
    if (verdict.problems.length > 0) {
      io.stdout(`The pull request will need (policy/approvals.yaml${author ? `, opened by @${author}` : ''}):\n${verdict.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    } else {
      io.stdout(`The pull request needs no further approvals${author ? ` when @${author} opens it` : ''}.\n`);
    }
  } else {
    io.stdout('Approvals: policy/people.yaml, roles.yaml or approvals.yaml is missing or invalid here, so what the pull request needs cannot be said.\n');
  }

  if (options.dryRun) {
    io.stdout('Dry run: nothing was written.\n');
    return 0;
  }
  for (const edit of edits) await writeAtomically(join(root, edit.path), edit.text);
  io.stdout(`Wrote ${edits.map((e) => e.path).join(', ')}. Commit it and open a pull request.\n`);
  return 0;
}
