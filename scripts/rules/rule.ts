import type { DocPath, LocateTarget } from '../repo/locate.ts';
import type { Severity } from '../report/diagnostic.ts';
import type { DefinitionIndex } from '../model/definitions.ts';
import type { Doc, RepoModel } from '../model/repo-model.ts';
import type { KindId } from '../schema/kinds.ts';

/** What a rule reports: a path into a document, never a position (the runner locates it). */
export interface Finding {
  message: string;
  hint?: string;
  /** Overrides the rule's default severity. */
  severity?: Severity;
  /** Point at the mapping key rather than the value. */
  target?: LocateTarget;
}

/** Everything a rule may read. Pure data: no file system, no network, no clock. */
export interface RuleContext {
  model: RepoModel;
  definitions: DefinitionIndex;
  /** The current instant, as the command was given it (`--now`, default the clock). */
  now: Date;
  /**
   * The repository at the base revision (`validate --changed-since <ref>`), for rules that compare
   * a change with what was there before (history must not be rewritten). Undefined otherwise.
   */
  base?: RepoModel;
  /**
   * When each post-mortem (docs/incidents/...) was first committed, read from git by the command:
   * a final post-mortem without `published` counts as completed then. Undefined outside a git
   * checkout (nothing known); a path missing from the map is not committed yet.
   */
  firstCommits?: ReadonlyMap<string, Date>;
  report(doc: Doc, path: DocPath, finding: Finding): void;
  /** For findings in a post-mortem's Markdown body: a 1-based file line and column. */
  reportAt(doc: Doc, line: number, column: number, finding: Finding): void;
}

/** A semantic rule: one concern, one file under scripts/rules/, named after its id. */
export interface Rule {
  id: string;
  description: string;
  /** The severity of its findings, unless a finding says otherwise (see alsoReports). */
  severity: Severity;
  /** The other severities some of its findings carry (the README's rule table says so). */
  alsoReports?: readonly Severity[];
  /**
   * What must be loaded in full for the rule to give true answers: a policy kind means that file is
   * present and valid; a record kind (rotation, incident, signoff, postmortem) means every file of
   * that kind loaded. Otherwise the rule waits: the broken file's own errors are already reported,
   * and a rule reasoning over a partial picture would only add false findings.
   */
  needs: readonly KindId[];
  check(ctx: RuleContext): void;
}

/** A rule implemented by the loader or the schemas rather than by a check function. */
export interface BuiltInRule {
  id: string;
  description: string;
  severity: Severity;
  stage: 'file' | 'yaml' | 'schema' | 'runner';
}
