/**
 * The synthetic organisation's people and teams: the example organisation's people, then generated
 * ones up to the scale, each with a unique id, GitHub login and Slack handle.
 */
import type { Random } from '../prng.ts';
import { FIRST_NAMES, LAST_NAMES, TEAM_WORDS, TIME_ZONES } from './vocabulary.ts';

export interface SyntheticPerson {
  id: string;
  name: string;
  github: string;
  timezone: string;
  team: string;
  phone: string;
  /** Last day, for the few who have left (they are never named anywhere else). */
  left?: string;
}

export interface SyntheticTeam {
  id: string;
  name: string;
}

export interface Staff {
  teams: SyntheticTeam[];
  /** Generated people only (the example's people stay in the example's file). */
  people: SyntheticPerson[];
  /** Generated people who have not left, for rosters, roles and records. */
  active: SyntheticPerson[];
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `count` generated people in `count / 20` teams; about one in a hundred has left. */
export function generateStaff(random: Random, count: number, takenIds: ReadonlySet<string>): Staff {
  const teamCount = Math.max(2, Math.round(count / 20));
  const teams = Array.from({ length: teamCount }, (_, i) => {
    const word = TEAM_WORDS[i % TEAM_WORDS.length]!;
    const id = `${word}-${String(i + 1).padStart(3, '0')}`;
    return { id, name: `${word[0]!.toUpperCase()}${word.slice(1)} team ${i + 1}` };
  });
  const ids = new Set(takenIds);
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let id = slug(`${first} ${last}`);
    for (let n = 2; ids.has(id); n++) id = slug(`${first} ${last} ${n}`);
    ids.add(id);
    const person: SyntheticPerson = {
      id,
      name: `${first} ${last}`,
      github: `${slug(first).slice(0, 6)}${slug(last).slice(0, 6)}${i + 1}`,
      timezone: random.pick(TIME_ZONES),
      team: teams[i % teamCount]!.id,
      phone: `+49 30 7${String(100000 + i).slice(-6, -3)} ${String(100000 + i).slice(-3)}`,
    };
    if (random.chance(0.01)) person.left = `2025-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    people.push(person);
  }
  return { teams, people, active: people.filter((p) => p.left === undefined) };
}
