/**
 * The layers of a tier. A tier is covered by one or more layers, each a roster with its own clock
 * (zone, cadence, hand-off, start) and optional restrictions (when in the day or week it is on
 * call). A tier written with plain `rosters` is one layer on the rotation's clock; a tier with
 * `layers` (follow-the-sun, day and night) has one per entry, each defaulting to the rotation's
 * settings. The model is explicit on purpose: per layer a roster, a zone, a hand-off cadence and
 * restrictions, which is what a PagerDuty schedule layer or a Grafana OnCall rotation holds.
 */
import type { DocPath } from '../repo/locate.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

type Rotation = SchemaTypes['rotation'];
type Tier = Rotation['tiers'][number];
export type Roster = NonNullable<Tier['rosters']>[number];
export type LayerData = NonNullable<Tier['layers']>[number];
export type Restriction = NonNullable<LayerData['restrictions']>[number];

/** What hand-offs are computed from: a rotation's settings, or a layer's with the rotation's as defaults. */
export interface ClockSpec {
  timezone: string;
  cadence: { unit: 'week' | 'day'; every?: number };
  handoff: { weekday?: string; time: string };
  start: string;
}

/** One layer of a tier, with every default filled in. */
export interface LayerSpec extends ClockSpec {
  /** Index in the tier's `layers`, or undefined for a tier written with plain `rosters`. */
  index: number | undefined;
  /** The layer's id; for a plain tier, the tier's id. */
  id: string;
  name?: string;
  restrictions: readonly Restriction[];
  /** Whether a shift the restrictions leave without time uses up a turn (`take-turn`) or not (`skip`). */
  emptyShifts: 'skip' | 'take-turn';
  /** Whether the layer holds the tier on purpose where it overlaps an earlier layer. */
  onTop: boolean;
  rosters: readonly Roster[];
  /** Where the layer is in the rotation file: `['tiers', t]` or `['tiers', t, 'layers', l]`. */
  path: DocPath;
}

/** The layers of the tier at `tierIndex`, in file order (later layers hold the tier where they overlap earlier ones). */
export function layersOf(rotation: Rotation, tierIndex: number): LayerSpec[] {
  const tier = rotation.tiers[tierIndex]!;
  if (!tier.layers) {
    return [
      {
        index: undefined,
        id: tier.id,
        timezone: rotation.timezone,
        cadence: rotation.cadence,
        handoff: rotation.handoff,
        start: rotation.start,
        restrictions: [],
        emptyShifts: 'skip',
        onTop: false,
        rosters: tier.rosters ?? [],
        path: ['tiers', tierIndex],
      },
    ];
  }
  return tier.layers.map((layer, index) => ({
    index,
    id: layer.id,
    ...(layer.name !== undefined ? { name: layer.name } : {}),
    timezone: layer.timezone ?? rotation.timezone,
    cadence: layer.cadence ?? rotation.cadence,
    handoff: layer.handoff ?? { ...(rotation.handoff.weekday !== undefined ? { weekday: rotation.handoff.weekday } : {}), time: rotation.handoff.time },
    start: layer.start ?? rotation.start,
    restrictions: layer.restrictions ?? [],
    emptyShifts: layer.empty_shifts ?? 'skip',
    onTop: layer.on_top === true,
    rosters: layer.rosters,
    path: ['tiers', tierIndex, 'layers', index],
  }));
}

/** Every roster list of a tier, across its layers, with its path in the rotation file. */
export function rostersOf(tier: Tier, tierIndex: number): { roster: Roster; path: DocPath }[] {
  if (!tier.layers) return (tier.rosters ?? []).map((roster, r) => ({ roster, path: ['tiers', tierIndex, 'rosters', r] }));
  return tier.layers.flatMap((layer, l) => layer.rosters.map((roster, r) => ({ roster, path: ['tiers', tierIndex, 'layers', l, 'rosters', r] })));
}

/** Everyone on any roster list of a tier, in order of first mention. */
export function participantsOf(tier: Tier): string[] {
  const out = new Set<string>();
  for (const { roster } of rostersOf(tier, 0)) for (const person of roster.participants) out.add(person);
  return [...out];
}

/** Everyone a rotation names: roster participants of every tier and layer, and override people. */
export function peopleNamedIn(rotation: Rotation): string[] {
  const out = new Set<string>();
  for (const tier of rotation.tiers) for (const person of participantsOf(tier)) out.add(person);
  for (const override of rotation.overrides ?? []) out.add(override.person);
  return [...out];
}
