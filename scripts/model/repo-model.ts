import type { ParsedYaml } from '../repo/parse-yaml.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { KindId, PolicyKindId } from '../schema/kinds.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

/** A schema-valid document: its typed data, and the file it came from (for positions). */
export interface Doc<K extends KindId = KindId> {
  kind: K;
  file: SourceFile;
  parsed: ParsedYaml;
  data: SchemaTypes[K];
}

/**
 * The repository as the rules see it. Only schema-valid documents are in it, so rules can trust the
 * types; a file that failed validation has already been reported and is left out.
 */
export interface RepoModel {
  files: readonly SourceFile[];
  policy: { [K in PolicyKindId]?: Doc<K> };
  rotations: Doc<'rotation'>[];
  incidents: Doc<'incident'>[];
  signoffs: Doc<'signoff'>[];
  /** On-call hand-off notes (handoffs/YYYY/<id>.yaml). */
  handoffs: Doc<'handoff'>[];
  postmortems: Doc<'postmortem'>[];
  /**
   * Ids carried by files that failed schema validation, per kind of thing they define. References
   * to them are not reported as dangling: the file's own errors say what is wrong.
   */
  unverifiedIds: Map<string, Set<string>>;
  /** Policy files that are missing or invalid: rules that need them do not run. */
  unavailablePolicy: Set<PolicyKindId>;
  /** Record kinds with at least one file that failed to load: rules that need them all do not run. */
  incompleteKinds: Set<KindId>;
  /**
   * Parsed values of policy files that failed schema validation. Their ids still count as defined,
   * so one mistake in policy/people.yaml does not hide every misspelt person elsewhere.
   */
  invalidPolicyValues: Map<PolicyKindId, unknown>;
  /**
   * When present, the documents (by path) whose own content rules check; the others are here only
   * to be looked up (a worker's batch of records, or the files a selection reports on).
   */
  checkOnly?: ReadonlySet<string>;
}

/** The documents whose own content rules check: every document, or those in checkOnly. */
export function documentsToCheck(model: RepoModel): Doc[] {
  const all = [...(Object.values(model.policy) as Doc[]), ...model.rotations, ...model.incidents, ...model.signoffs, ...model.handoffs, ...model.postmortems];
  const only = model.checkOnly;
  return only ? all.filter((doc) => only.has(doc.file.path)) : all;
}

export function emptyModel(files: readonly SourceFile[]): RepoModel {
  return {
    files,
    policy: {},
    rotations: [],
    incidents: [],
    signoffs: [],
    handoffs: [],
    postmortems: [],
    unverifiedIds: new Map(),
    unavailablePolicy: new Set(),
    incompleteKinds: new Set(),
    invalidPolicyValues: new Map(),
  };
}
