/** Types of the generated module compiled-validators.js (see generate-validators.ts). */
import type { ValidateFunction } from 'ajv';

/** Hash of the schemas, options and versions the module was generated from. */
export declare const SOURCE_HASH: string;
export declare const organisation: ValidateFunction;
export declare const people: ValidateFunction;
export declare const roles: ValidateFunction;
export declare const raci: ValidateFunction;
export declare const severities: ValidateFunction;
export declare const escalation: ValidateFunction;
export declare const lifecycle: ValidateFunction;
export declare const kill_switch: ValidateFunction;
export declare const approvals: ValidateFunction;
export declare const communication: ValidateFunction;
export declare const rotation: ValidateFunction;
export declare const incident: ValidateFunction;
export declare const signoff: ValidateFunction;
export declare const postmortem: ValidateFunction;
