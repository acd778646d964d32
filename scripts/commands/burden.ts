/**
 * `oncall burden --from <date> --to <date>`: per person, on-call hours per tier, weekend and night
 * hours in their own zone, and number of shifts, as a table or JSON.
 */
import { DateTime } from 'luxon';
import { businessCalendar } from '../time/business-time.ts';
import { NIGHT_ENDS, NIGHT_STARTS, computeBurden } from '../schedule/burden.ts';
import { humanInZone, isoInZone } from '../schedule/local-time.ts';
import { parseWindow } from '../schedule/window.ts';
import type { CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, organisationZone, reportProblems, resolveDataFormat, textTable, usageOnWindowError } from './schedule.ts';

export interface BurdenOptions {
  root?: string;
  now?: string;
  from?: string;
  to?: string;
  rotation?: string;
  format?: string;
}

const hours = (value: number) => value.toFixed(1);

/** Runs `oncall burden`; exit 0, or 1 when a file it needs has errors. */
export async function runBurden(options: BurdenOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  const format = resolveDataFormat(options.format);
  const data = await loadScheduleData(root, options.rotation);
  const zone = organisationZone(data.model);
  // Default: the four weeks up to the start of today.
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const { from, to } = usageOnWindowError(() => parseWindow(options, zone, { from: today.minus({ days: 28 }).toJSDate(), days: 28 }));
  const organisation = data.model.policy.organisation?.data;
  const people = new Map((data.model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
  const burden = computeBurden({
    rotations: data.rotations,
    people,
    ...(organisation ? { businessHours: businessCalendar(organisation) } : {}),
    from,
    to,
  });

  if (format === 'json') {
    const out = {
      from: isoInZone(from, zone),
      to: isoInZone(to, zone),
      night: { starts: `${String(NIGHT_STARTS).padStart(2, '0')}:00`, ends: `${String(NIGHT_ENDS).padStart(2, '0')}:00` },
      people: burden.map(({ person, ...rest }) => ({ person, name: people.get(person)?.name ?? person, ...rest })),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return reportProblems(data, io);
  }

  const rows = burden.map((b) => [
    b.person,
    b.timezone,
    String(b.shifts),
    hours(b.hours),
    hours(b.weekendHours),
    hours(b.nightHours),
    b.tiers.map((t) => `${t.rotation}/${t.tier} ${hours(t.hours)}`).join(', '),
  ]);
  const lines = [
    `On-call burden from ${humanInZone(from, zone)} to ${humanInZone(to, zone)}`,
    `Hours on call; weekend (Saturday, Sunday) and night (${String(NIGHT_STARTS).padStart(2, '0')}:00-${String(NIGHT_ENDS).padStart(2, '0')}:00) hours in each person's own time zone; tiers covered in business hours alone count business hours only.`,
    '',
    rows.length > 0 ? textTable(['Person', 'Time zone', 'Shifts', 'Hours', 'Weekend', 'Night', 'Hours per tier'], rows) : 'Nobody was on call in this period.',
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return reportProblems(data, io);
}
