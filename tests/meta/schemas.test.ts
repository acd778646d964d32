import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from '../../scripts/schema/kinds.ts';
import { allSchemas, type JsonSchema } from '../../scripts/schema/schemas.ts';
import { TOOLKIT_ROOT } from '../support/repo.ts';

/** Every subschema with the JSON pointer that reaches it. */
function* subschemas(schema: unknown, pointer = '#'): Generator<[string, JsonSchema]> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const node = schema as JsonSchema;
  yield [pointer, node];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || key === '$defs') {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) yield* subschemas(child, `${pointer}/${key}/${name}`);
    } else if (['items', 'additionalProperties', 'propertyNames', 'then', 'else', 'not'].includes(key)) {
      // `if` only selects a branch; its properties define nothing a file may contain.
      yield* subschemas(value, `${pointer}/${key}`);
    } else if (['oneOf', 'anyOf', 'allOf'].includes(key)) {
      for (const [i, child] of (value as unknown[]).entries()) yield* subschemas(child, `${pointer}/${key}/${i}`);
    }
  }
}

describe('the schemas', () => {
  const schemas = allSchemas();

  it.each(schemas.map((s) => [s.name, s.schema] as const))('%s is draft 2020-12 with an $id equal to its file name', (name, schema) => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(name);
    expect(typeof schema.description).toBe('string');
  });

  it.each(schemas.map((s) => [s.name, s.schema] as const))('%s describes every property, for editors', (_name, schema) => {
    const undocumented: string[] = [];
    for (const [pointer, node] of subschemas(schema)) {
      for (const [prop, child] of Object.entries((node.properties as Record<string, JsonSchema> | undefined) ?? {})) {
        if (typeof child !== 'object' || typeof child.description !== 'string' || child.description.length < 3) {
          undocumented.push(`${pointer}/properties/${prop}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it.each(schemas.map((s) => [s.name, s.schema] as const))('%s closes every object it defines (no silent unknown fields)', (_name, schema) => {
    const open: string[] = [];
    for (const [pointer, node] of subschemas(schema)) {
      if (node.properties !== undefined && node.additionalProperties !== false) open.push(pointer);
    }
    expect(open).toEqual([]);
  });

  it.each(schemas.map((s) => [s.name, s.schema] as const))(
    '%s gives the items of every uniqueItems list a type (ajv checks untyped items pairwise, so a long list would take minutes)',
    (_name, schema) => {
      const untyped: string[] = [];
      for (const [pointer, node] of subschemas(schema)) {
        if (node.uniqueItems !== true) continue;
        const items = node.items as JsonSchema | undefined;
        if (!items || items.type === undefined) untyped.push(pointer);
      }
      expect(untyped).toEqual([]);
    },
  );

  it('are mapped to their files in .vscode/settings.json', () => {
    const settings = JSON.parse(readFileSync(join(TOOLKIT_ROOT, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    const expected = Object.fromEntries(
      FILE_KINDS.filter((k) => k.id !== 'postmortem').map((k) => [`./schemas/${k.id}.schema.json`, [k.glob]]),
    );
    expect(settings['yaml.schemas']).toEqual(expected);
  });
});
