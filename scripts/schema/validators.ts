/**
 * One ajv instance; every schema compiled once, on first use.
 * `x-ref` and `x-amendable` are annotations read by the toolkit (reference and history rules),
 * declared here so ajv's strict mode accepts them.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { KindId } from './kinds.ts';
import { allSchemas, schemaFileName } from './schemas.ts';
import { isIanaZone } from '../util/timezones.ts';

// ajv-formats is CommonJS with a default export; under NodeNext the default lands on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

let ajv: Ajv2020 | undefined;
const compiled = new Map<KindId, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addFormat('iana-time-zone', { type: 'string', validate: isIanaZone });
    ajv.addVocabulary(['x-ref', 'x-amendable']);
    for (const { name, schema } of allSchemas()) ajv.addSchema(schema, name);
  }
  return ajv;
}

export function validatorFor(kind: KindId): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    const found = instance().getSchema(schemaFileName(kind));
    if (!found) throw new Error(`schema ${schemaFileName(kind)} is missing`);
    validate = found;
    compiled.set(kind, validate);
  }
  return validate;
}

/** Validates a parsed value; returns ajv's errors (empty when valid). */
export function validateValue(kind: KindId, value: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
