/**
 * Compiles every schema into standalone validation code (ajv standalone), so validation starts
 * without compiling schemas. The module records the hash of what it was made from; validators.ts
 * uses it only while that hash matches. `--check` exits 1 when the committed module is stale (CI).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { _ } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { schemaFileName } from './schemas.ts';
import { compiledExportName, createAjv, VALIDATED_KINDS, validatorSourceHash } from './validators.ts';

const standaloneCode = ((standaloneModule as unknown as { default?: typeof standaloneModule }).default ?? standaloneModule) as unknown as (
  ajv: unknown,
  refs: Record<string, string>,
) => string;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outFile = join(repoRoot, 'scripts', 'schema', 'compiled-validators.js');

/** The module's text: imports for the formats and ajv's runtime helpers, then the generated code. */
export function generateValidatorModule(): string {
  const ajv = createAjv({ code: { source: true, esm: true, formats: _`formats` } });
  const refs = Object.fromEntries(VALIDATED_KINDS.map((kind) => [compiledExportName(kind), schemaFileName(kind)]));
  const code = standaloneCode(ajv, refs);
  // ajv's standalone code requires its runtime helpers (CommonJS) even in ESM mode, so give it `require`.
  const header = [
    '/* Generated from schemas/*.schema.json by `npm run gen:validators`. Do not edit: change the schema and regenerate. */',
    "import { createRequire } from 'node:module';",
    "import { DATE_OR_DATE_TIME_FORMAT, DATE_TIME_FORMAT, IANA_TIME_ZONE_FORMAT, PHONE_REGION_FORMAT } from './formats.ts';",
    'const require = createRequire(import.meta.url);',
    "const formats = { ...require('ajv-formats/dist/formats').fullFormats, 'iana-time-zone': IANA_TIME_ZONE_FORMAT, 'date-time': DATE_TIME_FORMAT, 'date-or-date-time': DATE_OR_DATE_TIME_FORMAT, 'phone-region': PHONE_REGION_FORMAT };",
    `export const SOURCE_HASH = ${JSON.stringify(validatorSourceHash())};`,
  ];
  return `${header.join('\n')}\n${code.replace(/^"use strict";/, '')}\n`;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const check = process.argv.includes('--check');
  const fresh = generateValidatorModule();
  if (check) {
    const current = await readFile(outFile, 'utf8').catch(() => '');
    if (current !== fresh) {
      console.error('scripts/schema/compiled-validators.js is stale: run `npm run gen:validators` and commit the result.');
      process.exit(1);
    }
    console.log('compiled validators are up to date');
  } else {
    await writeFile(outFile, fresh);
    console.log(`wrote ${outFile.slice(repoRoot.length + 1)}`);
  }
}
