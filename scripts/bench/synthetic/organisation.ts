/**
 * A synthetic organisation of the repository's exact shape, generated deterministically from a seed
 * and a scale, from the example organisation's files: the same policy files extended to the scale,
 * rotations, incidents, post-mortems and sign-offs that all validate; and a change of ten files
 * (one rotation, five incidents, four sign-offs) for `validate --changed-since`.
 */
import { parse } from 'yaml';
import { onCallAt } from '../../schedule/on-call.ts';
import type { SchemaTypes } from '../../types/schema-types.ts';
import { seededRandom } from '../prng.ts';
import { generateStaff } from './people.ts';
import { generatePolicy } from './policy.ts';
import {
  generateIncidents,
  generateSignoffs,
  incidentYaml,
  postmortemMarkdown,
  RECORD_ZONE,
  resumeSignoff,
  type SyntheticIncident,
} from './records.ts';
import { generateRotations, nightOverride, rotationYaml } from './rotations.ts';
import { isoInZone } from './instants.ts';
import { PRODUCT_WORDS } from './vocabulary.ts';

export type ScaleName = 'small' | 'large';

export interface Scale {
  people: number;
  rotations: number;
  incidents: number;
  postmortems: number;
  signoffs: number;
}

export const SCALES: Record<ScaleName, Scale> = {
  small: { people: 200, rotations: 20, incidents: 500, postmortems: 150, signoffs: 100 },
  large: { people: 2000, rotations: 300, incidents: 20_000, postmortems: 5000, signoffs: 5000 },
};

/** The instant the synthetic data is valid at; the benchmark passes it as `--now`. */
export const SYNTHETIC_NOW = '2026-11-22T12:00:00+01:00';

export interface SyntheticOrganisation {
  /** Every file of the base revision, by repository-relative path. */
  files: Map<string, string>;
  /** The change on top of it: new contents by path. */
  change: Map<string, string>;
}

function countWhere(paths: Iterable<string>, pattern: RegExp): number {
  let n = 0;
  for (const path of paths) if (pattern.test(path)) n++;
  return n;
}

/**
 * Generates the organisation. `example` holds the example organisation's data files by path
 * (policy/, rotations/, incidents/, signoffs/, docs/incidents/); they are all kept.
 */
export function generateOrganisation(example: Map<string, string>, seed: string, scale: Scale): SyntheticOrganisation {
  const random = seededRandom(`${seed}/oncall-synthetic`);
  const now = Date.parse(SYNTHETIC_NOW);
  const files = new Map<string, string>();
  for (const [path, text] of example) if (!path.startsWith('policy/')) files.set(path, text);

  const examplePeople = (parse(example.get('policy/people.yaml') ?? '') as { people?: { id: string }[] } | null)?.people ?? [];
  const exampleIds = new Set(examplePeople.map((person) => person.id));
  const staff = generateStaff(random.fork('people'), Math.max(0, scale.people - exampleIds.size), exampleIds);

  const exampleRotations = countWhere(example.keys(), /^rotations\//);
  const products = Array.from({ length: Math.max(0, scale.rotations - exampleRotations) }, (_, i) => `${PRODUCT_WORDS[i % PRODUCT_WORDS.length]}-${String(i + 1).padStart(3, '0')}`);
  const rotationPool = staff.active.map((p) => p.id);
  const rotations = generateRotations(random.fork('rotations'), products, rotationPool, SYNTHETIC_NOW.slice(0, 10));
  for (const [path, text] of generatePolicy({ example, staff, rotations, random: random.fork('policy') })) files.set(path, text);
  for (const rotation of rotations) files.set(`rotations/${rotation.id}.yaml`, rotationYaml(rotation));

  const takenIds = new Set([...example.keys()].filter((p) => p.startsWith('incidents/')).map((p) => p.slice(p.lastIndexOf('/') + 1, -5)));
  const exampleIncidents = takenIds.size;
  const examplePostmortems = countWhere(example.keys(), /^docs\/incidents\/.*\.md$/);
  // People outside every rotation take the other incident roles and own action items.
  const others = staff.active.slice(rotations.length * 5).map((p) => p.id);
  const incidents = generateIncidents(random.fork('incidents'), {
    count: Math.max(0, scale.incidents - exampleIncidents),
    major: Math.max(0, scale.postmortems - examplePostmortems),
    products: rotations.map((r) => ({ id: r.product, staff: [...r.participants, r.owner] })),
    people: others.length > 0 ? others : rotationPool,
    now,
    takenIds,
    onCallAt: onCallIn(example.get('rotations/ingestion.yaml')),
  });
  const postmortemRandom = random.fork('postmortems');
  const byProduct = new Map<string, string[]>();
  for (const incident of incidents) {
    files.set(incident.path, incidentYaml(incident));
    if (incident.postmortem) files.set(incident.postmortem, postmortemMarkdown(postmortemRandom, incident, others.length > 0 ? others : rotationPool, now));
    const list = byProduct.get(incident.product) ?? [];
    list.push(incident.id);
    byProduct.set(incident.product, list);
  }

  const exampleSignoffs = countWhere(example.keys(), /^signoffs\//);
  const signoffs = generateSignoffs(random.fork('signoffs'), products, Math.max(0, scale.signoffs - exampleSignoffs), (p) => byProduct.get(p) ?? [], now);
  for (const signoff of signoffs) files.set(signoff.path, signoff.text);

  return { files, change: generateChange(random.fork('change'), { rotations, incidents, signoffs, files, now }) };
}

/** Who is on call (first tier) in a rotation file at an instant; nobody when the file is missing. */
function onCallIn(text: string | undefined): (at: number) => string | undefined {
  const rotation = text === undefined ? undefined : (parse(text) as SchemaTypes['rotation']);
  return (at) => (rotation ? onCallAt(rotation, new Date(at))[0]?.person : undefined);
}

/** Ten files: a new future override in one rotation, a timeline entry appended to five incidents, two sign-offs amended and two added. */
function generateChange(
  random: ReturnType<typeof seededRandom>,
  input: { rotations: ReturnType<typeof generateRotations>; incidents: SyntheticIncident[]; signoffs: ReturnType<typeof generateSignoffs>; files: Map<string, string>; now: number },
): Map<string, string> {
  const change = new Map<string, string>();
  const rotation = input.rotations[0];
  if (rotation) {
    const override = nightOverride(rotation, SYNTHETIC_NOW.slice(0, 10), 8, 'Covering a night during a conference talk');
    if (override) change.set(`rotations/${rotation.id}.yaml`, rotationYaml({ ...rotation, overrides: [...rotation.overrides, override] }));
  }
  const resolved = input.incidents.filter((i) => i.resolved !== undefined);
  for (let k = 0; k < 5 && resolved.length > 0; k++) {
    const incident = resolved[Math.floor(((k + 0.5) * resolved.length) / 5)]!;
    const entry = { at: incident.resolved! + 86_400_000, event: 'Follow-up review held with the owning team', by: incident.commander };
    change.set(incident.path, incidentYaml({ ...incident, timeline: [...incident.timeline, entry] }));
  }
  // Rollouts whose last decision is well before now can take one more.
  const lastOf = new Map<string, number>();
  for (const s of input.signoffs) lastOf.set(s.rollout, Math.max(lastOf.get(s.rollout) ?? 0, s.at));
  const quiet = [...lastOf].filter(([, at]) => at < input.now - 10 * 86_400_000).map(([rollout]) => rollout);
  for (const rollout of quiet.slice(0, 2)) {
    const signoff = resumeSignoff(random, rollout, lastOf.get(rollout)! + 2 * 86_400_000);
    change.set(signoff.path, signoff.text);
  }
  for (const signoff of input.signoffs.slice(0, 2)) {
    change.set(signoff.path, `${input.files.get(signoff.path)!}notes: ${JSON.stringify(`Reviewed in the monthly rollout review on ${isoInZone(input.now - 86_400_000, RECORD_ZONE).slice(0, 10)}.`)}\n`);
  }
  return change;
}
