/**
 * `oncall schedule --from <date> --to <date>`: the shifts of every rotation as a table (one row per
 * hand-off, one column per tier) or as JSON. Also holds what the rotation commands share: loading
 * the data they need and reporting files that could not be used.
 */
import { coverageLabel } from '../schedule/business-hours.ts';
import { DateTime } from 'luxon';
import { buildModel } from '../check/build-model.ts';
import type { RepoModel } from '../model/repo-model.ts';
import { readRepository } from '../repo/read-repository.ts';
import { formatPretty } from '../report/pretty.ts';
import { summarise, type Diagnostic } from '../report/diagnostic.ts';
import { compileRotation, expandRotation } from '../schedule/expand.ts';
import { describeLayerClock } from '../schedule/describe.ts';
import { layersOf, peopleNamedIn } from '../schedule/layers.ts';
import { isoInZone } from '../schedule/local-time.ts';
import { describeTimeOff, timeOffByPerson } from '../schedule/time-off.ts';
import type { Shift } from '../schedule/types.ts';
import { WindowError, parseInstant, parseWindow } from '../schedule/window.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { suggestion } from '../util/suggest.ts';
import { UsageError, type CommandIO } from './io.ts';
import { DATA_FORMATS, resolveChoice, resolveNow, resolveRoot } from './options.ts';

type Rotation = SchemaTypes['rotation'];

/** What the rotation commands work from. */
export interface ScheduleData {
  model: RepoModel;
  rotations: Rotation[];
  /** Problems in files the commands rely on (rotations and policy); shown on stderr. */
  problems: Diagnostic[];
}

const RELEVANT = /^(rotations\/|policy\/(people|roles|organisation|escalation|lifecycle)\.yaml$)/;
const RELEVANT_WITH_INCIDENTS = /^(rotations\/|incidents\/|policy\/(people|roles|organisation|escalation|lifecycle)\.yaml$)/;

/**
 * Reads and schema-checks the repository. Invalid files are left out (as `validate` would report
 * them); the problems in files these commands use are returned so the command can warn and exit 1.
 */
export async function loadScheduleData(root: string, rotationId?: string, options: { incidents?: boolean } = {}): Promise<ScheduleData> {
  // Sign-offs and post-mortems play no part in schedules; incidents only where pages are counted.
  const read = await readRepository(root, { roots: options.incidents ? ['policy', 'rotations', 'incidents'] : ['policy', 'rotations'] });
  const built = buildModel(read.files);
  const relevant = options.incidents ? RELEVANT_WITH_INCIDENTS : RELEVANT;
  const problems = [...read.diagnostics, ...built.diagnostics].filter((d) => d.severity === 'error' && relevant.test(d.file));
  let rotations = built.model.rotations.map((doc) => doc.data).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (rotationId !== undefined) {
    const match = rotations.filter((r) => r.id === rotationId);
    if (match.length === 0) {
      const broken = problems.some((d) => d.file === `rotations/${rotationId}.yaml`);
      if (!broken) throw new UsageError(`--rotation: "${rotationId}" is not a rotation in rotations/. ${suggestion(rotationId, rotations.map((r) => r.id))}`);
    }
    rotations = match;
  }
  return { model: built.model, rotations, problems };
}

/** Prints load problems to stderr; returns the exit code they imply (1 when there are any). */
export function reportProblems(data: ScheduleData, io: CommandIO): number {
  if (data.problems.length === 0) return 0;
  const files = new Set(data.problems.map((d) => d.file)).size;
  io.stderr(formatPretty(data.problems, summarise(data.problems, files), { color: false }));
  io.stderr('oncall: files with errors were left out; run `oncall validate` for details.\n');
  return 1;
}

/** The organisation's zone, for reading dates given without one. */
export function organisationZone(model: RepoModel): string {
  return model.policy.organisation?.data.timezone ?? 'UTC';
}

/** Turns a bad --from/--to/--at into a usage error. */
export function usageOnWindowError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof WindowError) throw new UsageError(error.message);
    throw error;
  }
}

/** `--format` for the rotation commands. */
export function resolveDataFormat(format: string | undefined): 'pretty' | 'json' {
  return resolveChoice(format, DATA_FORMATS);
}

/** A shift as JSON: instants in ISO 8601 with the rotation's local offset. */
export function shiftJson(shift: Shift, zone: string, extra = true): Record<string, string> {
  const out: Record<string, string> = {
    rotation: shift.rotation,
    tier: shift.tier,
    person: shift.person,
    start: isoInZone(shift.start, zone),
    end: isoInZone(shift.end, zone),
  };
  if (shift.layer !== undefined) out.layer = shift.layer;
  if (extra) {
    out.source = shift.source;
    if (shift.reason !== undefined) out.reason = shift.reason;
  }
  return out;
}

export interface ScheduleOptions {
  root?: string;
  now?: string;
  from?: string;
  to?: string;
  rotation?: string;
  format?: string;
}

const DAY = 'ccc d LLL yyyy HH:mm';

/** Lays out rows of cells as an aligned text table with a header rule. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  // The last column is not padded, so its rule only spans the header.
  const rule = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? header[i]!.length : w));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

function describeCadence(rotation: Rotation): string {
  const every = rotation.cadence.every ?? 1;
  const unit = rotation.cadence.unit;
  const cadence = every === 1 ? (unit === 'week' ? 'weekly' : 'daily') : `every ${every} ${unit}s`;
  const day = unit === 'week' && rotation.handoff.weekday ? `${rotation.handoff.weekday[0]!.toUpperCase()}${rotation.handoff.weekday.slice(1)} ` : '';
  return `${cadence}, hand-off ${day}${rotation.handoff.time} ${rotation.timezone}`;
}

/** One rotation's shifts in [from, to) as a table: a row per hand-off, a column per tier. */
export function scheduleTable(rotation: Rotation, from: Date, to: Date): string {
  const compiled = compileRotation(rotation);
  const { clock } = compiled;
  const zone = rotation.timezone;
  const shifts = expandRotation(rotation, from, to);
  const local = (t: number) => DateTime.fromMillis(t, { zone }).toFormat(DAY, { locale: 'en-GB' });
  const brief = (t: number) => DateTime.fromMillis(t, { zone }).toFormat('ccc d LLL HH:mm', { locale: 'en-GB' });
  const rows: string[][] = [];
  const first = Math.max(clock.indexAt(from.getTime()), 0);
  const last = clock.indexAt(to.getTime() - 1);
  for (let k = first; k <= last; k++) {
    const start = clock.handoffAt(k);
    const end = clock.handoffAt(k + 1);
    const cells = rotation.tiers.map((tier) => {
      const inPeriod = shifts.filter((s) => s.tier === tier.id && s.start.getTime() < end && s.end.getTime() > start);
      const roster = inPeriod.filter((s) => s.source === 'roster');
      const overrides = inPeriod
        .filter((s) => s.source === 'override')
        .map((s) => `${s.person} ${brief(s.start.getTime())} to ${brief(s.end.getTime())}`);
      // A layered tier lists each layer's people: "berlin: chen-wei; sydney: ava-brooks".
      const main = tier.layers
        ? tier.layers
            .map((layer) => [layer.id, [...new Set(roster.filter((s) => s.layer === layer.id).map((s) => s.person))].join(', ')] as const)
            .filter(([, people]) => people !== '')
            .map(([id, people]) => `${id}: ${people}`)
            .join('; ') || '-'
        : [...new Set(roster.map((s) => s.person))].join(', ') || '-';
      return overrides.length > 0 ? `${main} (override: ${overrides.join('; ')})` : main;
    });
    rows.push([local(start), ...cells]);
  }
  const title = `${rotation.id}: ${rotation.name} (${describeCadence(rotation)})`;
  if (rows.length === 0) return `${title}\n  no shifts in this period (the rotation starts ${local(clock.handoffAt(0))})\n`;
  // A tier not covered 24/7 says so, since its holder is not on call at every hour of the shift.
  const header = rotation.tiers.map((t) => (t.coverage === 'always' ? t.name : `${t.name} (${coverageLabel(t.coverage).toLowerCase()})`));
  const layers = rotation.tiers.flatMap((tier, index) =>
    tier.layers ? layersOf(rotation, index).map((layer) => `  ${tier.name} layer ${layer.id}: ${describeLayerClock(layer)}`) : [],
  );
  return `${title}\n${layers.length > 0 ? `${layers.join('\n')}\n` : ''}${textTable([`Hand-off (${zone})`, ...header], rows)}\n`;
}

/** The time off of the people named in the rotations that overlaps [from, to), as lines. */
export function timeOffLines(data: ScheduleData, from: Date, to: Date): string[] {
  const people = data.model.policy.people?.data.people ?? [];
  const named = new Set(data.rotations.flatMap((rotation) => peopleNamedIn(rotation)));
  const lines: string[] = [];
  for (const [person, entries] of timeOffByPerson(people.filter((p) => named.has(p.id)))) {
    const zone = people.find((p) => p.id === person)!.timezone;
    for (const entry of entries) {
      if (entry.start < to.getTime() && entry.end > from.getTime()) lines.push(`  ${people.find((p) => p.id === person)!.name} (${person}): ${describeTimeOff(entry, zone)}`);
    }
  }
  return lines;
}

/** Runs `oncall schedule`; exit 0, or 1 when a file it needs has errors. */
export async function runSchedule(options: ScheduleOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const now = resolveNow(options.now);
  const format = resolveDataFormat(options.format);
  const data = await loadScheduleData(root, options.rotation);
  const zone = organisationZone(data.model);
  const startOfToday = usageOnWindowError(() => parseInstant('--now', DateTime.fromJSDate(now, { zone }).toISODate()!, zone));
  const { from, to } = usageOnWindowError(() => parseWindow(options, zone, { from: startOfToday, days: 28 }));

  if (format === 'json') {
    const shifts = data.rotations.flatMap((rotation) => expandRotation(rotation, from, to).map((s) => shiftJson(s, rotation.timezone)));
    io.stdout(`${JSON.stringify(shifts, null, 2)}\n`);
  } else {
    const away = timeOffLines(data, from, to);
    io.stdout(
      (data.rotations.map((rotation) => scheduleTable(rotation, from, to)).join('\n') || 'No rotations in rotations/.\n') +
        (away.length > 0 ? `\nTime off in this period:\n${away.join('\n')}\n` : ''),
    );
  }
  return reportProblems(data, io);
}
