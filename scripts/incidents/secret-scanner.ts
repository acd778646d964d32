/**
 * Credentials found by secretlint's recommended preset (@secretlint/secretlint-rule-preset-recommend):
 * AWS secret access keys, GCP service-account keys, private keys, npm tokens, Slack tokens and
 * incoming webhooks, SendGrid, Shopify, GitHub, OpenAI, Anthropic, Linear and 1Password tokens,
 * basic-auth URLs and database connection strings.
 *
 * secretlint's own entry point (`lintSource` in @secretlint/core) returns a promise, and the rules
 * of this toolkit are synchronous. The preset's scanners are not: each is a secretlint rule whose
 * `file(source)` handler reports through its context as it runs. So the preset is loaded once,
 * asynchronously (like the Markdown parser: the pipeline loads it before it checks records), and
 * its scanners are then called directly through secretlint's rule interface, with a context that
 * collects their reports. tests/incidents/secretlint-equivalence.test.ts checks that this finds
 * exactly what `lintSource` finds; BENCHMARKS.md has the cost of both.
 */
import type { SecretLintRuleContext, SecretLintRuleCreator, SecretLintRuleReportHandler, SecretLintSourceCode } from '@secretlint/types';

/** One report of a secretlint scanner, narrowed to the secret itself. */
export interface SecretlintFinding {
  /** The scanner's id without the `@secretlint/secretlint-rule-` prefix, e.g. `aws`. */
  rule: string;
  /** The message id the scanner reported, e.g. `AWSSecretAccessKey`. */
  messageId: string;
  /** Offset of the secret in the scanned text. */
  index: number;
  /** The secret as written. */
  text: string;
}

interface Scanner {
  rule: string;
  handler: SecretLintRuleReportHandler;
}

interface Report {
  messageId: string;
  range: readonly [number, number];
  data: Record<string, unknown> | undefined;
}

let scanners: Scanner[] | undefined;
let loading: Promise<void> | undefined;
/** Where the scanners' reports go while one text is scanned (they are created once and reused). */
let sink: Report[] = [];

/**
 * The preset's comment filter (`secretlint-disable`) is left out: a secret committed to incident
 * notes is a leak whatever comment sits beside it.
 */
const SKIPPED = new Set(['@secretlint/secretlint-rule-filter-comments']);

/** Loads the preset (once; later calls return at once). */
export function loadSecretScanner(): Promise<void> {
  loading ??= (async () => {
    const { rules } = (await import('@secretlint/secretlint-rule-preset-recommend')) as { rules: SecretLintRuleCreator[] };
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      createTranslator: (messages) => (messageId, props) => ({
        message: messages[messageId as string]?.en(props) ?? String(messageId),
        messageId: String(messageId),
        data: props,
      }),
      report: (descriptor) => {
        sink.push({ messageId: descriptor.message.messageId, range: descriptor.range, data: descriptor.message.data as Record<string, unknown> | undefined });
      },
      ignore: () => undefined,
    };
    scanners = rules
      .filter((rule) => rule.meta.type === 'scanner' && !SKIPPED.has(rule.meta.id) && rule.meta.supportedContentTypes.some((t) => t === 'text' || t === 'all'))
      .map((rule) => ({ rule: rule.meta.id.replace('@secretlint/secretlint-rule-', ''), handler: rule.create(context, {}) }));
  })();
  return loading;
}

/** Whether {@link loadSecretScanner} has finished. */
export function secretScannerLoaded(): boolean {
  return scanners !== undefined;
}

/** A text as secretlint's scanners read it: a text file with no path (so no file-type special cases apply). */
function sourceOf(content: string): SecretLintSourceCode {
  const unsupported = () => {
    throw new Error('not available while scanning free text');
  };
  return {
    hasBOM: false,
    content,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: 'text',
    ext: '',
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
    locationToRange: unsupported,
    rangeToLocation: unsupported,
    positionToIndex: unsupported,
    indexToPosition: unsupported,
  } as SecretLintSourceCode;
}

/**
 * Where the secret of a report is. Scanners report a range, but some report the whole match
 * (`AWS_SECRET_ACCESS_KEY=...` from the key name on, with the secret's length) or a whole URL; the
 * secret itself is among the message's data, so it is looked for from the range's start.
 */
function secretSpan(text: string, report: Report): { index: number; text: string } {
  const [start, end] = report.range;
  const reported = text.slice(start, end);
  for (const value of Object.values(report.data ?? {})) {
    if (typeof value !== 'string' || value.length < 8 || value === reported) continue;
    const at = text.indexOf(value, start);
    if (at >= 0 && at <= end) return { index: at, text: value };
  }
  return { index: start, text: reported };
}

/** A credential in a URL (`scheme://user:password@host`): the password alone, as the other detectors point at it. */
function passwordInUrl(found: { index: number; text: string }): { index: number; text: string } {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i.exec(found.text);
  if (!match?.[1]) return found;
  return { index: found.index + match[0].length - 1 - match[1].length, text: match[1] };
}

/** Token characters after a reported span: some scanners cap a token's parts, and the whole token is the secret. */
function extendToken(text: string, found: { index: number; text: string }): { index: number; text: string } {
  let end = found.index + found.text.length;
  if (!/[A-Za-z0-9]$/.test(found.text)) return found;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text[end]!)) end++;
  return { index: found.index, text: text.slice(found.index, end) };
}

/** A scanner's report as secretlint gives it: rule, message id and range (what `lintSource` would report). */
export interface SecretlintReport {
  rule: string;
  messageId: string;
  range: readonly [number, number];
  data: Record<string, unknown> | undefined;
}

/** Every report of the preset's scanners on `text`, in the order they report. */
export function secretlintReports(text: string): SecretlintReport[] {
  if (!scanners) throw new Error('the secret scanner is not loaded yet (loadSecretScanner() must run first)');
  const source = sourceOf(text);
  const reports: SecretlintReport[] = [];
  for (const scanner of scanners) {
    sink = [];
    const pending = scanner.handler.file?.(source);
    // The preset's text scanners are synchronous; one that is not would report too late to be seen.
    if (pending instanceof Promise) throw new Error(`secretlint scanner "${scanner.rule}" is asynchronous`);
    for (const report of sink) reports.push({ rule: scanner.rule, ...report });
  }
  sink = [];
  return reports;
}

/** Every secret the preset finds in `text`, each narrowed to the secret itself. */
export function scanWithSecretlint(text: string): SecretlintFinding[] {
  const found: SecretlintFinding[] = [];
  for (const report of secretlintReports(text)) {
    const span = extendToken(text, passwordInUrl(secretSpan(text, report)));
    if (span.text !== '') found.push({ rule: report.rule, messageId: report.messageId, ...span });
  }
  return found;
}
