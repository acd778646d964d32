/** Who is on call at one instant. */
import type { SchemaTypes } from '../types/schema-types.ts';
import { expandRotation } from './expand.ts';
import type { Shift } from './types.ts';

/**
 * The shifts holding the rotation at `instant`: one per tier that has someone then, in tier order.
 * Costs the same for any instant, however long the rotation has existed.
 */
export function onCallAt(rotation: SchemaTypes['rotation'], instant: Date): Shift[] {
  const t = instant.getTime();
  return expandRotation(rotation, instant, new Date(t + 1)).filter((shift) => shift.start.getTime() <= t && t < shift.end.getTime());
}
