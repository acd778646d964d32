/**
 * The times of a post-mortem's timeline table, read the ways people write them: ISO 8601 with an
 * offset (`2026-10-14T09:42+02:00`), a date and a time (`2019-12-04 00:30`, `2026-10-29 02:14 CET`),
 * a date alone (`2021-12-17`: some time that day), a time alone (`02:14`, `9:42 AM`: the day of the
 * row above), or a month name (`Jan 14, 10:18 AM`, `14 January 2026 10:18`). Times are compared as
 * wall-clock times of the organisation's time zone: those without an offset as written, those with
 * one converted to it. Each time is an interval: exact for a date-time, the whole day for a date.
 * A time that names its instant (an offset, or the zone's own name for it: `02:07 CET` after
 * `02:58 CEST` on the night clocks go back) also carries that instant, which orders the rows where
 * the wall clock repeats an hour. Pure.
 */
import { DateTime } from 'luxon';
import { zoneAbbreviation } from '../time/zone-abbreviation.ts';

/** One row's time: the earliest and latest it may mean, as wall-clock times of the organisation's zone (epoch milliseconds read as UTC). */
export interface RowTime {
  from: number;
  to: number;
  /** The instant the cell names, when it names one (an offset, or the zone's name for the time of year). */
  instant?: number;
  /** The cell as written. */
  text: string;
  /** 1-based file line and column of the cell's text. */
  line: number;
  column: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const CLOCK = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?';

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T\s]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?:\s+[A-Z]{2,5})?$/i;
const MONTH_FIRST = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?:,?\\s+(?:at\\s+)?${CLOCK})?(?:\\s+[A-Z]{2,5})?$`, 'i');
const DAY_FIRST = new RegExp(`^(\\d{1,2})\\.?\\s+${MONTH}(?:,?\\s+(\\d{4}))?(?:,?\\s+(?:at\\s+)?${CLOCK})?(?:\\s+[A-Z]{2,5})?$`, 'i');
const CLOCK_ONLY = new RegExp(`^${CLOCK}(?:\\s+[A-Z]{2,5})?$`, 'i');

interface Parts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** An instant, when the text carries an offset. */
  exact?: number;
}

function hourOf(hour: string, meridiem: string | undefined): number {
  const h = Number(hour);
  if (!meridiem) return h;
  const pm = meridiem.toLowerCase().startsWith('p');
  return (h % 12) + (pm ? 12 : 0);
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** What a cell says, or undefined when it is no time this module reads (`Day 1`, `T+5 min`). */
export function readTimeCell(cell: string): Parts | undefined {
  const text = cell.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(text);
  if (m) {
    const [year, month, day] = m[1]!.split('-').map(Number) as [number, number, number];
    if (m[2] && m[3]) {
      const exact = DateTime.fromISO(`${m[1]}T${m[2]!.padStart(5, '0')}${m[3]}`, { setZone: true });
      return exact.isValid ? { exact: exact.toMillis() } : undefined;
    }
    if (!m[2]) return { year, month, day };
    const [hour, minute, second] = m[2].split(':').map(Number) as [number, number, number | undefined];
    return { year, month, day, hour, minute, second: Math.floor(second ?? 0) };
  }
  m = MONTH_FIRST.exec(text);
  if (m) return { month: monthOf(m[1]!), day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}), ...(m[4] ? { hour: hourOf(m[4], m[7]), minute: Number(m[5]), second: Number(m[6] ?? 0) } : {}) };
  m = DAY_FIRST.exec(text);
  if (m) return { day: Number(m[1]), month: monthOf(m[2]!), ...(m[3] ? { year: Number(m[3]) } : {}), ...(m[4] ? { hour: hourOf(m[4], m[7]), minute: Number(m[5]), second: Number(m[6] ?? 0) } : {}) };
  m = CLOCK_ONLY.exec(text);
  if (m) return { hour: hourOf(m[1]!, m[4]), minute: Number(m[2]), second: Number(m[3] ?? 0) };
  return undefined;
}

/** A GFM table row split into cells: each cell's text (trimmed) and its 1-based column in the line. */
function cellsOf(line: string): { text: string; column: number }[] | undefined {
  const trimmed = line.trimEnd();
  if (!trimmed.trimStart().startsWith('|') && !trimmed.includes('|')) return undefined;
  const cells: { text: string; column: number }[] = [];
  let start = line.indexOf('|') === line.search(/\S/) ? line.indexOf('|') + 1 : 0;
  for (let i = start; i <= trimmed.length; i++) {
    const end = i === trimmed.length || (trimmed[i] === '|' && trimmed[i - 1] !== '\\');
    if (!end) continue;
    const raw = line.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    if (!(i === trimmed.length && raw.trim() === '')) cells.push({ text: raw.trim(), column: start + lead + 1 });
    start = i + 1;
  }
  return cells;
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** A cell's text without the inline Markdown a time might be wrapped in (`**02:14**`, `` `02:14` ``). */
function plainCell(text: string): string {
  return text.replace(/^[*_`~]+|[*_`~]+$/g, '').replace(/&nbsp;/g, ' ').trim();
}

/** The column of a table that holds the times: the first whose header speaks of time or date, else the first. */
function timeColumn(header: readonly { text: string }[]): number {
  const index = header.findIndex((cell) => /\b(?:time|date|when|utc)\b/i.test(cell.text));
  return index < 0 ? 0 : index;
}

const DAY = 86_400_000;

// A zone's name for an offset does not change from row to row (CET, CEST): worked out once each,
// since Intl's formatting is the costly part of reading a timeline.
const abbreviations = new Map<string, string>();

function abbreviationOf(zone: string, local: DateTime): string {
  const key = `${zone}\0${local.offset}`;
  let name = abbreviations.get(key);
  if (name === undefined) abbreviations.set(key, (name = zoneAbbreviation(local)));
  return name;
}

/**
 * The instant of a wall-clock time (epoch milliseconds read as UTC) of `zone` whose written zone
 * name is `name`: of the offsets in force around that day, the one whose name it is.
 */
function namedInstant(wall: number, name: string, zone: string): number | undefined {
  const offsets = new Set([DateTime.fromMillis(wall - DAY, { zone }).offset, DateTime.fromMillis(wall + DAY, { zone }).offset]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const instant = wall - offset * 60_000;
    const local = DateTime.fromMillis(instant, { zone });
    if (local.offset === offset && abbreviationOf(zone, local).toUpperCase() === name.toUpperCase()) matches.push(instant);
  }
  return matches.length === 1 ? matches[0] : undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCDate() === day;
}

/**
 * The times of every row of the GFM tables in `lines` (a section's lines; `firstLine` is the file
 * line of the first), in order, read in `zone`; `reference` (an instant in the incident's day) gives
 * the date of rows that have none. Tables inside fenced code blocks are not tables.
 */
export function timelineRowTimes(lines: readonly string[], firstLine: number, zone: string, reference: number): RowTime[] {
  const rows: RowTime[] = [];
  // Times are compared as wall-clock times of the organisation's zone (epoch arithmetic in UTC).
  let last = new Date(reference + DateTime.fromMillis(reference, { zone }).offset * 60_000);
  let fence: string | undefined;
  let column: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) {
      fence = fence === undefined ? fenceMark : undefined;
      column = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const cells = cellsOf(line);
    if (!cells) {
      column = undefined;
      continue;
    }
    if (column === undefined) {
      // A table starts with a header row and a delimiter row.
      if (DELIMITER_ROW.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('-')) {
        column = timeColumn(cells);
        i++;
      }
      continue;
    }
    const cell = cells[column];
    if (!cell) continue;
    const text = plainCell(cell.text);
    const parts = readTimeCell(text);
    if (!parts) continue;
    let from: number;
    let to: number;
    let instant: number | undefined;
    if (parts.exact !== undefined) {
      // An instant, read as the wall clock of the organisation's zone so it compares with the rows that have no offset.
      instant = parts.exact;
      from = to = parts.exact + DateTime.fromMillis(parts.exact, { zone }).offset * 60_000;
    } else {
      let year = parts.year ?? last.getUTCFullYear();
      const lastMonth = last.getUTCMonth() + 1;
      // A date without a year that would fall more than half a year before the row above is in the next year.
      if (parts.year === undefined && parts.month !== undefined && parts.month < lastMonth - 6) year += 1;
      const month = parts.month ?? lastMonth;
      const day = parts.day ?? last.getUTCDate();
      if (!validDate(year, month, day) || (parts.hour ?? 0) > 23 || (parts.minute ?? 0) > 59) continue;
      if (parts.hour === undefined) {
        from = Date.UTC(year, month - 1, day);
        to = from + DAY - 1;
      } else {
        from = to = Date.UTC(year, month - 1, day, parts.hour, parts.minute ?? 0, parts.second ?? 0);
        // A time alone more than half a day before the row above is on the next day (a night-long incident).
        if (parts.day === undefined && from < last.getTime() - DAY / 2) from = to = from + DAY;
        const name = / ([A-Za-z]{2,5})$/.exec(text)?.[1];
        if (name && !/^[ap]\.?m\.?$/i.test(name)) instant = namedInstant(from, name, zone);
      }
    }
    rows.push({ from, to, ...(instant !== undefined ? { instant } : {}), text: cell.text, line: firstLine + i, column: cell.column });
    last = new Date(from);
  }
  return rows;
}
