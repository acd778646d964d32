/**
 * `oncall calendar --out <dir>`: writes `rotations/<id>.ics` and `people/<id>.ics` under the folder.
 * Files are written atomically (temporary file, then rename) and only where nothing is in the way
 * but a calendar this command wrote before (recognised by its PRODID); anything else in the way is
 * an error and nothing at all is written. Calendars of rotations and people that no longer exist
 * are removed, again only if they are ours. Unchanged files are not touched.
 */
import { lstat, mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { CALENDAR_PRODID, previousEvents, renderCalendars, type PreviousEvent } from '../schedule/ical.ts';
import { businessCalendar } from '../time/business-time.ts';
import { horizonEnd } from '../schedule/policy.ts';
import { parseWindow } from '../schedule/window.ts';
import { UsageError, type CommandIO } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';
import { loadScheduleData, organisationZone, reportProblems, usageOnWindowError } from './schedule.ts';
import { writeAtomically } from './write-atomically.ts';

export interface CalendarOptions {
  root?: string;
  now?: string;
  out?: string;
  from?: string;
  to?: string;
  rotation?: string;
}

const SUBFOLDERS = ['rotations', 'people'] as const;

type Existing = { kind: 'missing' } | { kind: 'ours'; content: string } | { kind: 'foreign'; why: string };

/** Whether a file's first bytes carry our PRODID: only such files may be replaced or removed. */
function isOurs(head: string): boolean {
  return head.startsWith('BEGIN:VCALENDAR\r\n') && head.includes(`\r\nPRODID:${CALENDAR_PRODID}\r\n`);
}

async function inspect(path: string): Promise<Existing> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'foreign', why: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (info.isSymbolicLink()) return { kind: 'foreign', why: 'is a symbolic link' };
  if (!info.isFile()) return { kind: 'foreign', why: 'is not a regular file' };
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (!isOurs(buffer.subarray(0, bytesRead).toString('utf8'))) return { kind: 'foreign', why: 'is not a calendar written by oncall calendar' };
  } finally {
    await handle.close();
  }
  return { kind: 'ours', content: await readFile(path, 'utf8') };
}

/** The default window: from the first of last month to the end of the month the coverage horizon ends in. */
function defaultWindow(now: Date, zone: string, horizon: Date): { from: Date; to: Date } {
  const from = DateTime.fromJSDate(now, { zone }).startOf('month').minus({ months: 1 });
  const to = DateTime.fromJSDate(horizon, { zone }).startOf('month').plus({ months: 1 });
  return { from: from.toJSDate(), to: to.toJSDate() };
}

/** Runs `oncall calendar`; exit 1 when something not ours is in the way (nothing is written then) or a file it needs has errors. */
export async function runCalendar(options: CalendarOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  if (options.out === undefined || options.out === '') throw new UsageError('--out <dir> is required: the folder to write the .ics files to.');
  const out = resolve(io.cwd, options.out);
  const outInfo = await lstat(out).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) throw new UsageError(`--out: "${options.out}" exists and is not a folder.`);

  const data = await loadScheduleData(root, options.rotation);
  const zone = organisationZone(data.model);
  const defaults = defaultWindow(now, zone, horizonEnd(data.model.policy.organisation?.data, now));
  const days = Math.round(DateTime.fromJSDate(defaults.to).diff(DateTime.fromJSDate(defaults.from), 'days').days);
  const window = usageOnWindowError(() =>
    options.from === undefined && options.to === undefined ? defaults : parseWindow(options, zone, { from: defaults.from, days }),
  );
  const people = new Map((data.model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
  const organisation = data.model.policy.organisation?.data;
  // The calendars written last time number the SEQUENCE of events whose content changed since.
  const previous = new Map<string, PreviousEvent>();
  for (const folder of SUBFOLDERS) {
    const info = await lstat(join(out, folder)).catch(() => undefined);
    if (!info?.isDirectory() || info.isSymbolicLink()) continue;
    const names = await readdir(join(out, folder)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (!name.endsWith('.ics')) continue;
      const state = await inspect(join(out, folder, name));
      if (state.kind === 'ours') for (const [uid, event] of previousEvents(state.content)) previous.set(uid, event);
    }
  }
  const files = renderCalendars({
    rotations: data.rotations,
    people,
    ...(organisation ? { businessHours: businessCalendar(organisation) } : {}),
    previous,
    from: window.from,
    to: window.to,
  });

  // Check everything before writing anything, so a foreign file leaves the folder as it was.
  const blocked: string[] = [];
  for (const folder of SUBFOLDERS) {
    const info = await lstat(join(out, folder)).catch(() => undefined);
    if (info && (!info.isDirectory() || info.isSymbolicLink())) blocked.push(`${join(out, folder)} is not a folder`);
  }
  const existing = new Map<string, Existing>();
  if (blocked.length === 0) {
    for (const path of files.keys()) {
      const state = await inspect(join(out, path));
      existing.set(path, state);
      if (state.kind === 'foreign') blocked.push(`${join(out, path)} ${state.why}`);
    }
  }
  if (blocked.length > 0) {
    for (const line of blocked) io.stderr(`oncall: ${line}; it was left unchanged and no calendar was written.\n`);
    io.stderr('oncall: move it away or choose another --out folder.\n');
    return 1;
  }

  // Calendars we wrote earlier for rotations or people that are gone (only with the full set, not --rotation).
  const stale: string[] = [];
  if (options.rotation === undefined) {
    for (const folder of SUBFOLDERS) {
      const names = await readdir(join(out, folder)).catch(() => [] as string[]);
      for (const name of names.sort()) {
        const path = `${folder}/${name}`;
        if (!name.endsWith('.ics') || files.has(path)) continue;
        if ((await inspect(join(out, path))).kind === 'ours') stale.push(path);
      }
    }
  }

  let written = 0;
  let unchanged = 0;
  for (const [path, content] of files) {
    const state = existing.get(path);
    if (state?.kind === 'ours' && state.content === content) {
      unchanged += 1;
      continue;
    }
    try {
      await mkdir(dirname(join(out, path)), { recursive: true });
      await writeAtomically(join(out, path), content);
    } catch (error) {
      // A full disk or a read-only folder: say which file, and that it was left as it was.
      throw new UsageError(`calendar: could not write ${join(out, path)} (${(error as NodeJS.ErrnoException).code ?? String(error)}); it was left as it was. ${written} calendar${written === 1 ? ' was' : 's were'} written before it.`);
    }
    written += 1;
  }
  for (const path of stale) await rm(join(out, path));

  const inside = relative(io.cwd, out);
  const where = inside === '' ? '.' : inside.startsWith('..') ? out : inside;
  const range = `${DateTime.fromJSDate(window.from, { zone }).toISODate()} to ${DateTime.fromJSDate(window.to, { zone }).toISODate()}`;
  io.stdout(
    `Calendars for ${range} in ${where}: ${written} written, ${unchanged} unchanged${stale.length > 0 ? `, ${stale.length} removed (${stale.join(', ')})` : ''}.\n`,
  );
  return reportProblems(data, io);
}
