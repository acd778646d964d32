/**
 * Hand-off notices and shift reminders, from the same data as everything else. Pure: the model and
 * the current instant in, the notices due out, each with a deterministic key so a sender can tell
 * whether it was already posted (see ledger.ts) and never post it twice.
 *
 * - A hand-off notice is due when a tier of a rotation changes hands at an instant in
 *   (now - lookback, now]: who comes on, who goes off, the open incidents of the rotation's product
 *   and the latest hand-off note. Tiers changing hands at the same instant share one notice.
 * - A reminder is due when someone's stint starts in (now, now + remindBefore]: "you are on call
 *   from tomorrow 09:00", in their own zone. A stint starts when the person did not hold the tier in
 *   the day before, so a follow-the-sun layer reminds once per turn, not every morning.
 * Hand-offs older than the lookback are not announced: a notice about last week helps nobody.
 */
import { DateTime } from 'luxon';
import type { RepoModel } from '../model/repo-model.ts';
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { awayDuring, timeOffByPerson } from '../schedule/time-off.ts';
import type { LocatedShift } from '../schedule/types.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { latestHandoffNote, type HandoffNote } from './handoff-note.ts';

type Rotation = SchemaTypes['rotation'];
type Person = SchemaTypes['people']['people'][number];

const DAY = 86_400_000;
const OPEN = new Set(['detected', 'acknowledged', 'mitigated']);

/** One tier changing hands. */
export interface TierChange {
  tier: string;
  tierName: string;
  layer?: string;
  incoming?: string;
  /** When the incoming person's shift ends. */
  until?: Date;
  outgoing?: string;
  /** Whether the incoming person is away then (time off): nobody may answer. */
  incomingAway: boolean;
}

/** A notice to post. */
export interface Notice {
  /** Deterministic: the same hand-off or reminder always has the same key. */
  key: string;
  kind: 'handoff' | 'reminder';
  rotation: string;
  rotationName: string;
  zone: string;
  at: Date;
  /** For hand-offs. */
  changes: TierChange[];
  openIncidents: { id: string; severity: string; title: string; status: string }[];
  note?: HandoffNote;
  /** The fields a hand-off note has (the rotation's `handoff.note_fields`), to ask for one when missing. */
  noteFields: string[];
  /** For reminders: who, which tier, until when. */
  person?: string;
  tierName?: string;
  until?: Date;
}

export interface NoticeOptions {
  now: Date;
  /** How far back a hand-off is still announced. */
  lookbackMs: number;
  /** How far ahead a stint is reminded of. */
  remindBeforeMs: number;
}

const compact = (t: number) => DateTime.fromMillis(t, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmm'Z'");

function holderAt(shifts: readonly LocatedShift[], t: number): LocatedShift | undefined {
  return shifts.find((s) => s.start.getTime() <= t && t < s.end.getTime());
}

/** Every notice due at `now`, hand-offs then reminders, each in time order. */
export function planNotices(model: RepoModel, options: NoticeOptions): Notice[] {
  const now = options.now.getTime();
  const from = now - options.lookbackMs;
  const ahead = now + options.remindBeforeMs;
  const people = model.policy.people?.data.people ?? [];
  const timeOff = timeOffByPerson(people);
  const notices: Notice[] = [];
  for (const doc of [...model.rotations].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    const rotation = doc.data;
    const compiled = compileRotation(rotation);
    const handoffs = new Map<number, TierChange[]>();
    for (const tier of compiled.tiers) {
      // A day of margin on both sides: to see who held the tier before a change, and a stint's day before.
      const shifts = expandTier(compiled, tier, from - DAY, ahead + 1);
      for (const shift of shifts) {
        const start = shift.start.getTime();
        const before = holderAt(shifts, start - 1);
        if (start > from && start <= now && before?.person !== shift.person) {
          const change: TierChange = {
            tier: tier.id,
            tierName: tier.name,
            ...(shift.layer !== undefined ? { layer: shift.layer } : {}),
            incoming: shift.person,
            until: shift.end,
            ...(before ? { outgoing: before.person } : {}),
            incomingAway: awayDuring(timeOff, shift.person, { start, end: shift.end.getTime() }) !== undefined,
          };
          handoffs.set(start, [...(handoffs.get(start) ?? []), change]);
        }
        const stint = !shifts.some((s) => s !== shift && s.person === shift.person && s.end.getTime() > start - DAY && s.start.getTime() < start);
        if (stint && start > now && start <= ahead) {
          notices.push({
            key: `reminder/${rotation.id}/${tier.id}/${compact(start)}/${shift.person}`,
            kind: 'reminder',
            rotation: rotation.id,
            rotationName: rotation.name,
            zone: rotation.timezone,
            at: shift.start,
            changes: [],
            openIncidents: [],
            noteFields: [],
            person: shift.person,
            tierName: `${tier.name}${shift.layer !== undefined ? ` (${shift.layer})` : ''}`,
            until: shift.end,
          });
        }
      }
    }
    for (const [at, changes] of [...handoffs].sort(([a], [b]) => a - b)) {
      const note = latestHandoffNote(model, rotation, new Date(at));
      notices.push({
        key: `handoff/${rotation.id}/${compact(at)}`,
        kind: 'handoff',
        rotation: rotation.id,
        rotationName: rotation.name,
        zone: rotation.timezone,
        at: new Date(at),
        changes,
        openIncidents: openIncidents(model, rotation, at),
        ...(note ? { note } : {}),
        noteFields: rotation.handoff.note_fields ?? [],
      });
    }
  }
  return notices.sort((a, b) => (a.kind === b.kind ? a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : 1) : a.kind === 'handoff' ? -1 : 1));
}

function openIncidents(model: RepoModel, rotation: Rotation, at: number): Notice['openIncidents'] {
  if (rotation.product === undefined) return [];
  return model.incidents
    .map((doc) => doc.data)
    .filter((incident) => incident.product === rotation.product && OPEN.has(incident.status) && Date.parse(incident.detected) <= at)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((incident) => ({ id: incident.id, severity: incident.severity, title: incident.title, status: incident.status }));
}

/** `tomorrow 09:00`, `today 21:00`, or `Mon 14 Dec 09:00`: when a stint starts, in a person's zone. */
export function relativeStart(start: Date, now: Date, zone: string): string {
  const at = DateTime.fromJSDate(start, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  const time = at.toFormat('HH:mm');
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  return at.toFormat('ccc d LLL HH:mm', { locale: 'en-GB' });
}

/** A person's name and handle for a message: `Sam Osei (@sam)`. */
export type PersonLookup = ReadonlyMap<string, Pick<Person, 'name' | 'timezone' | 'github' | 'contacts'>>;
