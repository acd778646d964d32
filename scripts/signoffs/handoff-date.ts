/** When a product is handed off from the building team to the operating team. Pure. */
import { DateTime } from 'luxon';
import type { RepoModel } from '../model/repo-model.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

/**
 * The hand-off date of a product, as a date in `zone`: its earliest signed hand-off decision
 * (signoffs/, kind handoff), else the planned date in policy/lifecycle.yaml; undefined without either.
 */
export function handoffDate(model: RepoModel, product: SchemaTypes['lifecycle']['products'][number], zone: string): string | undefined {
  const signed = model.signoffs
    .filter((s) => s.data.kind === 'handoff' && s.data.rollout === product.id)
    .map((s) => DateTime.fromISO(s.data.at, { setZone: true }).setZone(zone).toISODate()!)
    .sort()[0];
  return signed ?? product.handoff?.planned;
}
