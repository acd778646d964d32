/** How serious a finding is. Errors fail the check; warnings and notes are shown but do not. */
export type Severity = 'error' | 'warning' | 'note';

/**
 * One finding, as every formatter and test sees it.
 * Positions are 1-based; `file` is repository-relative with forward slashes.
 */
export interface Diagnostic {
  /** Stable id of the rule that produced it, e.g. `reference-exists` or `schema-type`. */
  ruleId: string;
  severity: Severity;
  /** Repository-relative path with forward slashes, e.g. `policy/people.yaml`. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** What is wrong, in the user's terms: `<where>: <what>`. */
  message: string;
  /** How to fix it, where that is clear. */
  hint?: string;
}

/** Counts shown at the end of a report and in `--format json`. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  notes: number;
}

export function summarise(diagnostics: readonly Diagnostic[], files: number): Summary {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  return { files, errors: count('error'), warnings: count('warning'), notes: count('note') };
}

/** Stable order: by file, then position, then rule id, so output never depends on rule order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
