import type { Diagnostic, Summary } from './diagnostic.ts';

/** One finding as it appears in `--format json`. Optional keys are omitted, never `null`. */
export interface JsonDiagnostic {
  ruleId: string;
  severity: Diagnostic['severity'];
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint?: string;
}

/**
 * Copy only the public fields, in a fixed key order, so the JSON is a stable interface:
 * extra properties a rule might attach never leak, and consumers diffing output see no churn.
 */
export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
    message: d.message,
    // An empty hint carries no information; every formatter treats it as absent.
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

/**
 * Machine-readable report: `{diagnostics, summary}` pretty-printed with a trailing newline.
 * Each diagnostic has the keys `ruleId, severity, file, line, column, [endLine, endColumn,]
 * message[, hint]` in that order.
 */
export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary): string {
  const body = {
    diagnostics: diagnostics.map(toJsonDiagnostic),
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, notes: summary.notes },
  };
  return JSON.stringify(body, null, 2) + '\n';
}
