/**
 * Generates TypeScript types from the JSON Schemas, so the schemas stay the single source of truth.
 * `--check` exits 1 when the committed file is stale (run in CI).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { FILE_KINDS } from './kinds.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemasDir = join(repoRoot, 'schemas');
const outFile = join(repoRoot, 'scripts', 'types', 'schema-types.ts');

async function generate(): Promise<string> {
  const root: JSONSchema = {
    title: 'SchemaTypes',
    type: 'object',
    additionalProperties: false,
    required: FILE_KINDS.map((k) => k.id),
    properties: Object.fromEntries(FILE_KINDS.map((k) => [k.id, { $ref: `${k.id}.schema.json` }])),
  };
  const body = await compile(root, 'SchemaTypes', {
    cwd: schemasDir,
    bannerComment:
      '/* Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit: change the schema and regenerate. */',
    additionalProperties: false,
    unknownAny: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  return body;
}

const check = process.argv.includes('--check');
const fresh = await generate();
if (check) {
  const current = await readFile(outFile, 'utf8').catch(() => '');
  if (current !== fresh) {
    console.error('scripts/types/schema-types.ts is stale: run `npm run gen:types` and commit the result.');
    process.exit(1);
  }
  console.log('schema types are up to date');
} else {
  await writeFile(outFile, fresh);
  console.log(`wrote ${outFile.slice(repoRoot.length + 1)}`);
}
