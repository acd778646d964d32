/**
 * The day a product was (or will be) handed from the team that built it to the team that runs it:
 * the date of its earliest signed hand-off decision, else the planned date in policy/lifecycle.yaml.
 */
import { DateTime } from 'luxon';
import type { RepoModel } from '../model/repo-model.ts';

/** The hand-off date (YYYY-MM-DD, read in `zone`), or undefined when none is signed or planned. */
export function handoffDate(model: RepoModel, productId: string, zone: string): string | undefined {
  const signed = model.signoffs
    .filter((s) => s.data.kind === 'handoff' && s.data.rollout === productId)
    .map((s) => DateTime.fromISO(s.data.at, { setZone: true }).setZone(zone).toISODate()!)
    .sort()[0];
  return signed ?? model.policy.lifecycle?.data.products.find((p) => p.id === productId)?.handoff?.planned;
}
