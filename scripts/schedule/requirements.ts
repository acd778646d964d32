/** Which of the organisation's rotation requirements (policy/organisation.yaml) a rotation must meet. */
import type { SchemaTypes } from '../types/schema-types.ts';
import type { Coverage } from './business-hours.ts';

export type RotationRequirement = NonNullable<SchemaTypes['organisation']['rotation_requirements']>[number];

/** A requirement with its index in `rotation_requirements`, for messages that point back to it. */
export interface ApplicableRequirement {
  index: number;
  requirement: RotationRequirement;
  /** How the requirement names its scope in a message: `for the rotations of product "ingestion"`. */
  scope: string;
  /** Where it is written, for messages: `policy/organisation.yaml rotation_requirements[0] (its source)`. */
  where: string;
}

/** The requirements that apply to a rotation: those naming its product, and those naming no product. */
export function requirementsFor(organisation: SchemaTypes['organisation'], rotation: SchemaTypes['rotation']): ApplicableRequirement[] {
  const out: ApplicableRequirement[] = [];
  (organisation.rotation_requirements ?? []).forEach((requirement, index) => {
    const where = `policy/organisation.yaml rotation_requirements[${index}]${requirement.source ? ` (${requirement.source})` : ''}`;
    if (requirement.products === undefined) out.push({ index, requirement, where, scope: 'for every rotation' });
    else if (rotation.product !== undefined && requirement.products.includes(rotation.product)) {
      out.push({ index, requirement, where, scope: `for the rotations of product "${rotation.product}"` });
    }
  });
  return out;
}

/** Coverage from the least to the most: each kind meets the requirements of those before it. */
const COVERAGE_ORDER: readonly Coverage[] = ['business-hours', 'business-hours-and-on-call', 'always'];

/** Whether a tier's coverage meets a required coverage. */
export function coverageMeets(actual: Coverage, required: Coverage): boolean {
  return COVERAGE_ORDER.indexOf(actual) >= COVERAGE_ORDER.indexOf(required);
}
