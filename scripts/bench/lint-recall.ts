/**
 * `npm run lint-recall [-- --corpus <dir>]`: precision and recall of the sensitive-data and
 * blameless-language rules over planted variants of the real post-mortems (planted.ts), and what
 * secretlint costs called as this toolkit calls it and through its own asynchronous entry point.
 *
 * Every plant goes into every corpus document that has its place; a variant counts a true positive
 * when the plant's rule reports at the planted span's exact line and column, a false negative when
 * it does not, and a false positive for every other finding of the two rules in the variant (a
 * plant that must pass, or anything else the rules say there).
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkRepository } from '../check/check-repository.ts';
import { loadRuleLibraries } from '../check/rule-libraries.ts';
import { secretlintReports } from '../incidents/secret-scanner.ts';
import { parseSource } from '../repo/parse-source.ts';
import type { SourceFile } from '../repo/source-file.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { blamelessLanguage } from '../rules/blameless-language.ts';
import { sensitiveData } from '../rules/sensitive-data.ts';
import { kindOfPath } from '../schema/kinds.ts';
import { PLANTED_PEOPLE, PLANTED_POLICY, PLANTS, plantInto, type Plant, type Variant } from './planted.ts';
import { corpusOrganisation, corpusRoot } from './postmortem-corpus.ts';

/** The instant the variants are checked at (no rule measured here reads it). */
export const PLANTED_NOW = new Date('2026-11-22T12:00:00+01:00');

const RULES = [sensitiveData, blamelessLanguage];

/** The corpus organisation with the plants' people and settings, by path, and its corpus records. */
export function plantedOrganisation(root = corpusRoot()): { files: Map<string, string>; records: string[] } {
  const { files, incidents, postmortems } = corpusOrganisation(root);
  files.set('policy/people.yaml', `${files.get('policy/people.yaml')!}${PLANTED_PEOPLE}`);
  files.set('policy/organisation.yaml', `${files.get('policy/organisation.yaml')!.replace(/\n*$/, '\n')}${PLANTED_POLICY}`);
  return { files, records: [...postmortems, ...incidents] };
}

function sourceOf(path: string, text: string): SourceFile {
  return parseSource(path, kindOfPath(path)!, new TextEncoder().encode(text)).file;
}

/** Parsed files of an organisation, by path, to check again with one file changed. */
export function parsedFiles(files: ReadonlyMap<string, string>): Map<string, SourceFile> {
  return new Map([...files].map(([path, text]) => [path, sourceOf(path, text)]));
}

/**
 * What the two rules report on `path` when its text is `text`. They read the policy and the one
 * record (they are document rules: scripts/check/rule-placement.ts), so the record is checked beside
 * the policy files alone.
 */
export function findingsWith(parsed: ReadonlyMap<string, SourceFile>, path: string, text: string): Diagnostic[] {
  const files = [...[...parsed.values()].filter((file) => file.path.startsWith('policy/')), sourceOf(path, text)];
  return checkRepository(files, { now: PLANTED_NOW, rules: RULES }).diagnostics.filter((d) => d.file === path && (d.ruleId === 'sensitive-data' || d.ruleId === 'blameless-language'));
}

/** How one variant came out. */
export interface Outcome {
  plant: Plant;
  variant: Variant;
  truePositive: boolean;
  /** Findings of the two rules other than the planted one. */
  falsePositives: Diagnostic[];
}

export function judge(plant: Plant, variant: Variant, findings: readonly Diagnostic[]): Outcome {
  const hit = variant.expected
    ? findings.find((d) => d.ruleId === plant.rule && d.line === variant.expected!.line && d.column === variant.expected!.column)
    : undefined;
  return { plant, variant, truePositive: hit !== undefined, falsePositives: findings.filter((d) => d !== hit) };
}

interface Tally {
  tp: number;
  fn: number;
  fp: number;
  variants: number;
}

const percent = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

function tallyOf(outcomes: readonly Outcome[]): Tally {
  const tally = { tp: 0, fn: 0, fp: 0, variants: outcomes.length };
  for (const o of outcomes) {
    if (o.plant.finding !== undefined) {
      if (o.truePositive) tally.tp++;
      else tally.fn++;
    }
    tally.fp += o.falsePositives.length;
  }
  return tally;
}

function row(label: string, t: Tally): string {
  return `| ${label} | ${t.variants} | ${t.tp} | ${t.fn} | ${t.fp} | ${percent(t.tp, t.tp + t.fp)} | ${percent(t.tp, t.tp + t.fn)} |`;
}

/** Milliseconds per call of `run` over `texts`, after a warm-up round. */
async function timePerText(texts: readonly string[], run: (text: string) => unknown): Promise<number> {
  for (const text of texts) await run(text);
  const rounds = 20;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of texts) await run(text);
  return (performance.now() - started) / (rounds * texts.length);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' } }, strict: true });
  await loadRuleLibraries({ markdown: true, secrets: true });
  const { files, records } = plantedOrganisation(values.corpus ?? corpusRoot());
  const parsed = parsedFiles(files);

  const baseline = records.flatMap((path) => findingsWith(parsed, path, files.get(path)!));
  const outcomes: Outcome[] = [];
  for (const plant of PLANTS) {
    for (const path of records) {
      const variant = plantInto(path, files.get(path)!, plant);
      if (variant) outcomes.push(judge(plant, variant, findingsWith(parsed, path, variant.text)));
    }
  }

  const lines = [
    `Corpus: ${records.length} real records (${records.filter((p) => p.endsWith('.md')).length} post-mortems), ${baseline.length} finding(s) of the two rules on them as published.`,
    '',
    '| plants | variants | caught (TP) | missed (FN) | false alarms (FP) | precision | recall |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const SET_NAMES = { issue: 'measured examples', more: 'further variants', harder: 'probing the known limits' } as const;
  for (const set of ['issue', 'more', 'harder'] as const) {
    for (const rule of ['sensitive-data', 'blameless-language'] as const) {
      lines.push(row(`${SET_NAMES[set]}, ${rule}`, tallyOf(outcomes.filter((o) => o.plant.set === set && o.plant.rule === rule))));
    }
  }
  lines.push(row('**all**', tallyOf(outcomes)));
  const misses = outcomes.filter((o) => o.plant.finding !== undefined && !o.truePositive);
  const alarms = outcomes.filter((o) => o.falsePositives.length > 0);
  if (misses.length + alarms.length > 0) lines.push('');
  // One line per plant (each is in several documents).
  const missed = new Map<string, number>();
  for (const o of misses) missed.set(o.plant.name, (missed.get(o.plant.name) ?? 0) + 1);
  for (const [name, count] of missed) lines.push(`missed: ${name} (${count} variant${count === 1 ? '' : 's'})`);
  const alarmed = new Map<string, { count: number; example: string }>();
  for (const o of alarms) {
    for (const d of o.falsePositives) {
      const known = alarmed.get(o.plant.name);
      alarmed.set(o.plant.name, { count: (known?.count ?? 0) + 1, example: known?.example ?? `${d.ruleId}: ${d.message}` });
    }
  }
  for (const [name, { count, example }] of alarmed) lines.push(`false alarm: ${name} (${count} finding${count === 1 ? '' : 's'}, e.g. ${example})`);

  // secretlint's cost per post-mortem body: as the rule calls it, and through @secretlint/core's lintSource.
  const bodies = records.filter((p) => p.endsWith('.md')).map((p) => files.get(p)!);
  const { lintSource } = await import('@secretlint/core');
  const { creator: preset } = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = { rules: [{ id: preset.meta.id, rule: preset }] };
  const direct = await timePerText(bodies, (text) => secretlintReports(text));
  const viaCore = await timePerText(bodies, (text) => lintSource({ source: { content: text, filePath: 'postmortem.md', ext: '.md', contentType: 'text' }, options: { config } }));
  lines.push('', `secretlint per post-mortem (mean ${Math.round(bodies.reduce((s, b) => s + b.length, 0) / bodies.length)} characters): ${direct.toFixed(3)} ms through the rule interface, ${viaCore.toFixed(3)} ms through lintSource.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`lint-recall: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
