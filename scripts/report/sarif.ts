import type { Diagnostic } from './diagnostic.ts';
import { messageWithHint } from './github.ts';

/** A rule as listed in the SARIF driver, so code scanning can show what each id means. */
export interface RuleDescription {
  id: string;
  description: string;
}

/** Options for {@link formatSarif}. */
export interface SarifOptions {
  /** Version of oncall-as-code, e.g. from package.json; passed in so this module stays pure. */
  toolVersion: string;
  /** Known rules; results whose rule is missing here get a stub entry so `ruleIndex` stays valid. */
  rules: readonly RuleDescription[];
}

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF wants a URI reference, not a path: a space, `#`, `%` or `?` in a file name would
 * otherwise be misread, and a first segment like `c:` would look like a scheme.
 */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(d: Diagnostic): Record<string, number> | undefined {
  // SARIF positions are 1-based; a finding without a real position is reported on the file alone.
  if (!(d.line >= 1)) return undefined;
  return {
    startLine: d.line,
    ...(d.column >= 1 ? { startColumn: d.column } : {}),
    ...(d.endLine !== undefined && d.endLine >= 1 ? { endLine: d.endLine } : {}),
    ...(d.endColumn !== undefined && d.endColumn >= 1 ? { endColumn: d.endColumn } : {}),
  };
}

/**
 * SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers: one run whose driver is
 * `oncall-as-code`, the rule list, and one result per finding with its level, message (hint
 * appended) and location. Columns are declared as UTF-16 code units, which is what JavaScript
 * string offsets (and so the YAML parser's positions) count. Returned as pretty JSON with a
 * trailing newline.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const rules: { id: string; shortDescription: { text: string } }[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (id: string, description: string) => {
    if (ruleIndex.has(id)) return;
    ruleIndex.set(id, rules.length);
    rules.push({ id, shortDescription: { text: description } });
  };
  for (const rule of options.rules) addRule(rule.id, rule.description);
  for (const d of diagnostics) addRule(d.ruleId, d.ruleId);

  const results = diagnostics.map((d) => {
    const where = region(d);
    return {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId),
      level: d.severity,
      message: { text: messageWithHint(d) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(d.file) },
            ...(where ? { region: where } : {}),
          },
        },
      ],
    };
  });

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'oncall-as-code', version: options.toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
