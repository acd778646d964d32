/**
 * The key of the toolkit a cache was written by: its version, its schemas and validator build, the
 * Node.js version (the cache is stored in V8's serialization format), and the content of its own
 * sources, so a changed rule or schema never meets results computed by the old one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatorSourceHash } from '../schema/validators.ts';
import { TOOLKIT_VERSION } from '../version.ts';

const SCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What a toolkit key is made of. */
export interface ToolkitParts {
  version: string;
  nodeVersion: string;
  /** Hash of the schemas and the validator build (validators.ts validatorSourceHash). */
  validators: string;
  /** Folder of the toolkit's sources; its code, templates and data count (not the benchmark's code). */
  sourcesDir: string;
}

/** The key of a toolkit made of these parts. */
export function computeToolkitKey(parts: ToolkitParts): string {
  const hash = createHash('sha1');
  hash.update(`${parts.version}\0${parts.nodeVersion}\0${parts.validators}\0`);
  const sources = (readdirSync(parts.sourcesDir, { recursive: true }) as string[])
    .filter((path) => /\.(?:ts|js|mjs|hbs|json)$/.test(path) && !path.split(/[\\/]/).includes('bench'))
    .sort();
  for (const path of sources) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(parts.sourcesDir, path)));
  }
  return hash.digest('hex');
}

let key: string | undefined;

/** This toolkit's key (computed once per process). */
export function toolkitKey(): string {
  key ??= computeToolkitKey({ version: TOOLKIT_VERSION, nodeVersion: process.version, validators: validatorSourceHash(), sourcesDir: SCRIPTS_DIR });
  return key;
}
