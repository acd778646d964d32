/**
 * Generated rotations, shaped like the example's: weekly primary and secondary tiers (the same four
 * people, the secondary two turns behind, so everyone has a week off between turns), a
 * business-hours owner tier, and overrides that cover a
 * night of the primary tier by whoever is off that week. Every rotation has its own people, so
 * nobody is double-booked across rotations and everyone rests between stretches.
 */
import type { Random } from '../prng.ts';
import { addDays, daysBetween, isoInZone, mondayOf, wallClock } from './instants.ts';
import { TIME_ZONES } from './vocabulary.ts';
import { modeline, scalar } from './yaml-text.ts';

export interface SyntheticOverride {
  tier: string;
  person: string;
  start: string;
  end: string;
  reason: string;
}

export interface SyntheticRotation {
  id: string;
  name: string;
  product: string;
  timezone: string;
  /** Monday of the first hand-off. */
  start: string;
  participants: string[];
  owner: string;
  overrides: SyntheticOverride[];
}

/** The override that covers Wednesday night of the week `weeksFromNow` weeks after `now`, by whoever is off then. */
export function nightOverride(rotation: SyntheticRotation, now: string, weeksFromNow: number, reason: string): SyntheticOverride | undefined {
  const monday = addDays(mondayOf(now), weeksFromNow * 7);
  const week = daysBetween(rotation.start, monday) / 7;
  if (week < 0) return undefined;
  const n = rotation.participants.length;
  // In week k the primary is participant k, the secondary k + 2; k + 3 last held the primary a week ago and is off.
  const person = rotation.participants[(week + 3) % n]!;
  const wednesday = addDays(monday, 2);
  return {
    tier: 'primary',
    person,
    start: isoInZone(wallClock(wednesday, '18:00', rotation.timezone), rotation.timezone),
    end: isoInZone(wallClock(addDays(wednesday, 1), '09:00', rotation.timezone), rotation.timezone),
    reason,
  };
}

/** `count` rotations for `products`, staffed from `pool` (five people each, none shared). */
export function generateRotations(random: Random, products: readonly string[], pool: readonly string[], now: string): SyntheticRotation[] {
  const rotations: SyntheticRotation[] = [];
  let next = 0;
  for (const product of products) {
    const staff = pool.slice(next, next + 5);
    next += 5;
    if (staff.length < 5) throw new Error(`not enough people to staff rotation ${product}`);
    const start = mondayOf(addDays('2024-01-01', random.int(0, 880)));
    const rotation: SyntheticRotation = {
      id: product,
      name: `${product} on-call`,
      product,
      timezone: random.pick(TIME_ZONES),
      start,
      participants: staff.slice(0, 4),
      owner: staff[4]!,
      overrides: [],
    };
    for (const [weeks, reason] of [
      [-3, 'Covering a night while the primary travels to a customer workshop'],
      [2, 'Swap: covering a night for a family event'],
      [5, 'Covering a night during a planned database upgrade'],
    ] as const) {
      const override = nightOverride(rotation, now, weeks, reason);
      if (override) rotation.overrides.push(override);
    }
    rotations.push(rotation);
  }
  return rotations;
}

/** The rotation file, in the example's style. */
export function rotationYaml(rotation: SyntheticRotation): string {
  const path = `rotations/${rotation.id}.yaml`;
  const people = `[${rotation.participants.join(', ')}]`;
  const lines = [
    modeline(path, 'rotation'),
    `id: ${rotation.id}`,
    `name: ${scalar(rotation.name)}`,
    `product: ${rotation.product}`,
    `timezone: ${rotation.timezone}`,
    'cadence: { unit: week, every: 1 }',
    'handoff:',
    '  weekday: monday',
    '  time: "09:00"',
    '  checklist:',
    '    outgoing:',
    `      - ${JSON.stringify(`Update #${rotation.id} with a status summary`)}`,
    '      - Document any ongoing issues',
    '      - Confirm incoming on-call is available',
    '    incoming:',
    '      - Review last 24h of alerts',
    '      - Verify pager/alert receipt',
    `start: ${rotation.start}`,
    'tiers:',
    '  - id: primary',
    '    name: Primary',
    '    coverage: always',
    '    response: 15m',
    '    escalates_to: { tier: secondary }',
    '    rosters:',
    `      - from: ${rotation.start}`,
    `        participants: ${people}`,
    '  - id: secondary',
    '    name: Secondary',
    '    coverage: always',
    '    response: 30m',
    '    escalates_to: { tier: owner }',
    '    rosters:',
    `      - from: ${rotation.start}`,
    `        participants: ${people}`,
    '        offset: 2',
    '  - id: owner',
    '    name: Service Owner',
    '    coverage: business-hours',
    '    response: 1h',
    '    escalates_to: { role: sre-lead }',
    '    rosters:',
    `      - from: ${rotation.start}`,
    `        participants: [${rotation.owner}]`,
  ];
  if (rotation.overrides.length > 0) {
    lines.push('overrides:');
    for (const o of rotation.overrides) {
      lines.push(`  - tier: ${o.tier}`, `    person: ${o.person}`, `    start: ${o.start}`, `    end: ${o.end}`, `    reason: ${scalar(o.reason)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
