#!/usr/bin/env node
/**
 * The benchmark's floor: read every data file of a repository and parse it with `yaml` into a
 * Document with source ranges (a post-mortem's front matter), single-threaded, nothing else.
 * Plain JavaScript, so no TypeScript loader is part of the measurement.
 *
 * Usage: node scripts/bench/floor.mjs <root>
 * Prints one JSON line: files, bytes, documents with errors, and the process's peak RSS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node scripts/bench/floor.mjs <root>\n');
  process.exit(2);
}

function* dataFiles(folder) {
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (folder !== 'docs/incidents') yield* dataFiles(path);
    } else if (/\.(yaml|md)$/.test(entry.name)) {
      yield path;
    }
  }
}

let files = 0;
let bytes = 0;
let withErrors = 0;
for (const folder of ['policy', 'rotations', 'incidents', 'signoffs', 'docs/incidents']) {
  for (const path of dataFiles(folder)) {
    const text = readFileSync(join(root, path), 'utf8');
    files++;
    bytes += Buffer.byteLength(text);
    let yamlText = text;
    if (path.endsWith('.md')) {
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
      yamlText = match ? match[1] : '';
    }
    const doc = parseDocument(yamlText);
    if (doc.errors.length > 0) withErrors++;
  }
}
process.stdout.write(`${JSON.stringify({ files, bytes, withErrors, maxRSS: process.resourceUsage().maxRSS })}\n`);
