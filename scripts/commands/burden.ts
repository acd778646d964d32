/**
 * `oncall burden --from <date> --to <date>`: per person, on-call hours per tier, weekend and night
 * hours in their own zone, pages from incident records, time away, and their share of the team's
 * mean, over the period and over the year to date, with outliers flagged; as tables or JSON.
 */
import { DateTime } from 'luxon';
import { businessCalendar } from '../time/business-time.ts';
import { NIGHT_ENDS, NIGHT_STARTS, OUTLIER_FACTOR, computeBurden, describeFlag, type BurdenInput, type TeamBurden } from '../schedule/burden.ts';
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
const pad2 = (n: number) => String(n).padStart(2, '0');

function teamJson(burden: TeamBurden, zone: string, names: ReadonlyMap<string, string>) {
  return {
    from: isoInZone(burden.from, zone),
    to: isoInZone(burden.to, zone),
    pools: burden.pools,
    people: burden.people.map(({ person, ...rest }) => ({ person, name: names.get(person) ?? person, ...rest })),
    pages: burden.pages.map((page) => ({ ...page, at: isoInZone(page.at, zone) })),
  };
}

function flagsText(flags: TeamBurden['people'][number]['flags']): string {
  return flags.map(describeFlag).join('; ');
}

/** One line per pool of two or more people: who takes turns together and their means. */
function poolLines(burden: TeamBurden): string[] {
  return burden.pools
    .filter((pool) => pool.members.length > 1)
    .map(({ members, mean }) => `Taking turns: ${members.join(', ')}: mean ${hours(mean.hours)} h, weekend ${hours(mean.weekendHours)} h, night ${hours(mean.nightHours)} h, ${mean.pages} ${mean.pages === 1 ? 'page' : 'pages'}.`);
}

/** Runs `oncall burden`; exit 0, or 1 when a file it needs has errors. */
export async function runBurden(options: BurdenOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  const format = resolveDataFormat(options.format);
  const data = await loadScheduleData(root, options.rotation, { incidents: true });
  const zone = organisationZone(data.model);
  // Default: the four weeks up to the start of today.
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const { from, to } = usageOnWindowError(() => parseWindow(options, zone, { from: today.minus({ days: 28 }).toJSDate(), days: 28 }));
  const organisation = data.model.policy.organisation?.data;
  const people = new Map((data.model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
  const names = new Map([...people.values()].map((p) => [p.id, p.name]));
  const productRotations = new Map((data.model.policy.lifecycle?.data.products ?? []).flatMap((p) => (p.rotation ? [[p.id, p.rotation] as const] : [])));
  const base: Omit<BurdenInput, 'from' | 'to'> = {
    rotations: data.rotations,
    people,
    ...(organisation ? { businessHours: businessCalendar(organisation) } : {}),
    incidents: data.model.incidents.map((doc) => doc.data),
    productRotations,
  };
  const burden = computeBurden({ ...base, from, to });
  const yearStart = DateTime.fromJSDate(now, { zone }).startOf('year').toJSDate();
  const yearToDate = computeBurden({ ...base, from: yearStart, to: now });

  if (format === 'json') {
    const out = {
      ...teamJson(burden, zone, names),
      night: { starts: `${pad2(NIGHT_STARTS)}:00`, ends: `${pad2(NIGHT_ENDS)}:00` },
      outlierFactor: OUTLIER_FACTOR,
      yearToDate: teamJson(yearToDate, zone, names),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return reportProblems(data, io);
  }

  const rows = burden.people.map((b) => [
    b.person,
    b.timezone,
    String(b.shifts),
    hours(b.hours),
    b.pool !== undefined ? b.share.toFixed(2) : '',
    hours(b.weekendHours),
    hours(b.nightHours),
    `${b.pages}${b.nightPages > 0 ? ` (${b.nightPages} at night)` : ''}`,
    b.awayDays > 0 ? `${b.awayDays} d` : '',
    b.tiers.map((t) => `${t.rotation}/${t.tier} ${hours(t.hours)}`).join(', '),
    flagsText(b.flags),
  ]);
  const ytdRows = yearToDate.people.map((b) => [b.person, hours(b.hours), b.pool !== undefined ? b.share.toFixed(2) : '', hours(b.weekendHours), hours(b.nightHours), String(b.pages), flagsText(b.flags)]);
  const pageRows = burden.pages.map((p) => [
    DateTime.fromJSDate(p.at, { zone }).toFormat('ccc d LLL yyyy HH:mm', { locale: 'en-GB' }),
    p.incident,
    p.person,
    p.kind,
    p.rotation ? `${p.rotation}/${p.tier}` : 'off shift',
    p.night ? 'night' : '',
  ]);
  const lines = [
    `On-call burden from ${humanInZone(from, zone)} to ${humanInZone(to, zone)}`,
    `Hours on call; weekend (Saturday, Sunday) and night (${pad2(NIGHT_STARTS)}:00-${pad2(NIGHT_ENDS)}:00) hours in each person's own time zone; tiers covered in business hours alone count business hours only. Share: hours against the mean of the people taking turns on the same lists (1.00 is even); flagged beyond ${OUTLIER_FACTOR}x that mean, or hours below 1/${OUTLIER_FACTOR} of it. Pages: the first responder on call when an incident was detected, and everyone an escalation named.`,
    ...poolLines(burden),
    '',
    rows.length > 0 ? textTable(['Person', 'Time zone', 'Shifts', 'Hours', 'Share', 'Weekend', 'Night', 'Pages', 'Away', 'Hours per tier', 'Flags'], rows) : 'Nobody was on call in this period.',
    '',
    `Year to date, from ${humanInZone(yearStart, zone)} to ${humanInZone(now, zone)}`,
    ...poolLines(yearToDate),
    '',
    ytdRows.length > 0 ? textTable(['Person', 'Hours', 'Share', 'Weekend', 'Night', 'Pages', 'Flags'], ytdRows) : 'Nobody was on call this year.',
  ];
  if (pageRows.length > 0) lines.push('', `Pages in the period (${zone})`, textTable(['When', 'Incident', 'Person', 'Kind', 'On call in', 'Night'], pageRows));
  io.stdout(`${lines.join('\n')}\n`);
  return reportProblems(data, io);
}
