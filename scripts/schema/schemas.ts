/**
 * The JSON Schemas, read once from schemas/. They are static assets of the toolkit, not user data,
 * so they are read from the toolkit's own folder even when `--root` points at another repository.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { FILE_KINDS, type KindId } from './kinds.ts';

export type JsonSchema = { [key: string]: unknown };

export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');

const cache = new Map<string, JsonSchema>();

/** A schema by file name, e.g. `defs.schema.json`. */
export function schemaFile(name: string): JsonSchema {
  let schema = cache.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, name), 'utf8')) as JsonSchema;
    cache.set(name, schema);
  }
  return schema;
}

export function schemaFileName(kind: KindId): string {
  return `${kind}.schema.json`;
}

/** Every schema: the shared definitions first, then one per file kind. */
export function allSchemas(): { name: string; schema: JsonSchema }[] {
  return [
    { name: 'defs.schema.json', schema: schemaFile('defs.schema.json') },
    ...FILE_KINDS.map((k) => ({ name: schemaFileName(k.id), schema: schemaFile(schemaFileName(k.id)) })),
  ];
}
