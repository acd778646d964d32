/**
 * Remembers the UTC offsets luxon computes for IANA zones. Luxon asks the platform (Intl) for a
 * zone's offset at every DateTime it creates or shifts, and the schedule engine creates hundreds of
 * thousands for a large organisation, nearly all at instants it has seen before. An offset depends
 * only on the zone and the instant's whole second (luxon drops the milliseconds), and a zone's rules
 * do not change while the process runs, so the remembered answer is always the one luxon would give.
 * Importing this module installs the memory once, for every user of luxon in the process.
 */
import { IANAZone } from 'luxon';

const INSTALLED = Symbol.for('oncall-as-code.zone-offset-memory');
/** Seconds remembered per zone before that zone's memory starts over (bounds memory, never correctness). */
const MAX_ENTRIES_PER_ZONE = 200_000;

type OffsetMethod = (this: IANAZone, ts: number) => number;
const prototype = IANAZone.prototype as unknown as { offset: OffsetMethod; [INSTALLED]?: true };

if (!prototype[INSTALLED]) {
  const computeOffset = prototype.offset;
  const memory = new Map<string, Map<number, number>>();
  prototype.offset = function offset(this: IANAZone, ts: number): number {
    const second = Math.floor(ts / 1000);
    if (!Number.isFinite(second)) return computeOffset.call(this, ts);
    let zone = memory.get(this.name);
    if (!zone) memory.set(this.name, (zone = new Map()));
    let minutes = zone.get(second);
    if (minutes === undefined) {
      minutes = computeOffset.call(this, ts);
      if (zone.size >= MAX_ENTRIES_PER_ZONE) zone.clear();
      zone.set(second, minutes);
    }
    return minutes;
  };
  prototype[INSTALLED] = true;
}
