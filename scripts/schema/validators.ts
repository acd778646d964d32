/**
 * Schema validation for every file kind. The validators are compiled once, at build time, into
 * scripts/schema/compiled-validators.js (ajv standalone code, `npm run gen:validators`), so a run
 * spends no time compiling schemas. That module records a hash of what it was made from (the
 * schemas, the ajv options and versions); when it does not match, it is stale and not used: the
 * schemas are compiled here instead, with the same options, so results never depend on which path ran.
 *
 * `x-ref`, `x-amendable` and `x-closed` are annotations read by the toolkit (reference and history rules),
 * declared here so ajv's strict mode accepts them.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import * as compiledModule from './compiled-validators.js';
import { FILE_KINDS, type KindId } from './kinds.ts';
import { allSchemas, schemaFileName } from './schemas.ts';
import { DATE_OR_DATE_TIME_FORMAT, DATE_TIME_FORMAT, IANA_TIME_ZONE_FORMAT, PHONE_REGION_FORMAT } from './formats.ts';

const require = createRequire(import.meta.url);

/** The ajv options every validator is compiled with, at build time and at run time alike. */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictRequired: false,
  strictTypes: false,
  allowUnionTypes: true,
} as const satisfies Options;

/** The export name of a kind's validator in the compiled module (`kill-switch` is not an identifier). */
export function compiledExportName(kind: KindId): string {
  return kind.replace(/-/g, '_');
}

/** An ajv instance with every schema added, as both the runtime and the generator use it. */
export function createAjv(extra: Options = {}): Ajv2020 {
  // Loaded only here: a run with fresh compiled validators never needs ajv's compiler.
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // ajv-formats is CommonJS with a default export.
  const formatsModule = require('ajv-formats') as { default?: unknown };
  const addFormats = (formatsModule.default ?? formatsModule) as (ajv: Ajv2020) => Ajv2020;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  ajv.addFormat('iana-time-zone', IANA_TIME_ZONE_FORMAT);
  ajv.addFormat('date-time', DATE_TIME_FORMAT);
  ajv.addFormat('date-or-date-time', DATE_OR_DATE_TIME_FORMAT);
  ajv.addFormat('phone-region', PHONE_REGION_FORMAT);
  ajv.addVocabulary(['x-ref', 'x-amendable', 'x-closed']);
  for (const { name, schema } of allSchemas()) ajv.addSchema(schema, name);
  return ajv;
}

let sourceHash: string | undefined;

/** A hash of everything the validators are made from: schemas, options, ajv and ajv-formats versions. */
export function validatorSourceHash(): string {
  if (sourceHash === undefined) {
    const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
    const hash = createHash('sha256');
    hash.update(JSON.stringify(AJV_OPTIONS));
    hash.update(`\0ajv ${version('ajv')}\0ajv-formats ${version('ajv-formats')}\0`);
    for (const { name, schema } of allSchemas()) hash.update(`${name}\0${JSON.stringify(schema)}\0`);
    sourceHash = hash.digest('hex');
  }
  return sourceHash;
}

type CompiledModule = { SOURCE_HASH?: string } & Record<string, ValidateFunction | string | undefined>;

/** The compiled module, when it was made from the current schemas; undefined when stale. */
function freshCompiled(): CompiledModule | undefined {
  const module = compiledModule as unknown as CompiledModule;
  return module.SOURCE_HASH === validatorSourceHash() ? module : undefined;
}

let ajv: Ajv2020 | undefined;
let compiled: CompiledModule | undefined | null = null;
const validators = new Map<KindId, ValidateFunction>();

/** Whether the build-time validators are in use (false when the compiled module is stale). */
export function usingCompiledValidators(): boolean {
  if (compiled === null) compiled = freshCompiled();
  return compiled !== undefined;
}

/** The validator of a file kind: the build-time one when fresh, else compiled now (once). */
export function validatorFor(kind: KindId): ValidateFunction {
  let validate = validators.get(kind);
  if (validate) return validate;
  if (usingCompiledValidators()) validate = compiled![compiledExportName(kind)] as ValidateFunction | undefined;
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.getSchema(schemaFileName(kind));
    if (!validate) throw new Error(`schema ${schemaFileName(kind)} is missing`);
  }
  validators.set(kind, validate);
  return validate;
}

/** Validates a parsed value; returns ajv's errors (empty when valid). */
export function validateValue(kind: KindId, value: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** Every kind, for the generator. */
export const VALIDATED_KINDS: readonly KindId[] = FILE_KINDS.map((k) => k.id);
