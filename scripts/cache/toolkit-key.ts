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

/** Source files of the toolkit that validation can run (the benchmark's own code is not among them). */
function sourceFiles(): string[] {
  return (readdirSync(SCRIPTS_DIR, { recursive: true }) as string[])
    .filter((path) => /\.(?:ts|js|mjs|hbs|json)$/.test(path) && !path.split(/[\\/]/).includes('bench'))
    .sort();
}

let key: string | undefined;

/** The toolkit's key (computed once per process). */
export function toolkitKey(): string {
  if (key === undefined) {
    const hash = createHash('sha1');
    hash.update(`${TOOLKIT_VERSION}\0${process.version}\0${validatorSourceHash()}\0`);
    for (const path of sourceFiles()) {
      hash.update(`${path}\0`);
      hash.update(readFileSync(join(SCRIPTS_DIR, path)));
    }
    key = hash.digest('hex');
  }
  return key;
}
