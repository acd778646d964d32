/**
 * Documents reduced to their values: no text, no YAML Document, positions all line 1. For work that
 * needs the data alone (rendering pages, a worker's view of the context).
 */
import { LineCounter } from 'yaml';
import type { ParsedYaml } from '../repo/parse-yaml.ts';

/** A parsed file reduced to its value. */
export function dataOnlyParsed(file: string, value: unknown): ParsedYaml {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  return { file, text: '', doc: null, lineCounter, value, diagnostics: [], lineOffset: 0 };
}
