import { DateTime } from 'luxon';
import { organisationZone } from '../incidents/policy.ts';
import { readPostmortemBody, templateSectionsOf } from '../postmortems/markdown.ts';
import { templateOf } from '../postmortems/template.ts';
import { timelineRowTimes, type RowTime } from '../postmortems/timeline-table.ts';
import type { Rule } from './rule.ts';

/**
 * A post-mortem's timeline table runs forward, as an incident record's timeline must: a row before
 * the one above it is a wrong date, time or zone, or a row in the wrong place. Times without a
 * date take the day of the row above (the incident's day for the first); a date alone means some
 * time that day, so it is out of order only when the whole day is before the row above.
 */
export const postmortemTimelineOrdered: Rule = {
  id: 'postmortem-timeline-ordered',
  description: "The rows of a post-mortem's timeline table are in time order (ISO 8601 date-times with an offset, dates and times in the organisation's time zone, dates alone, times alone, month names).",
  severity: 'error',
  needs: [],
  check(ctx) {
    const zone = organisationZone(ctx.model);
    // The template's section that holds the timeline table (the one `new postmortem` fills with it).
    const template = templateOf(ctx.model) ?? [];
    const timelineSection = template.find((section) => section.fill === 'timeline');
    if (!timelineSection) return;
    for (const doc of ctx.model.postmortems) {
      const markdown = doc.file.markdown;
      if (!markdown) continue;
      const timeline = templateSectionsOf(readPostmortemBody(markdown.text, markdown.startLine), template).get(timelineSection.id);
      if (!timeline) continue;
      const day = DateTime.fromISO(doc.data.incident.slice(0, 10), { zone });
      const first = timeline.section.heading.line + 1;
      const lines = markdown.text.split('\n').slice(first - markdown.startLine, timeline.section.endLine - markdown.startLine + 1);
      const rows = timelineRowTimes(lines, first, zone, day.isValid ? day.toMillis() : 0);
      // Rows that both name their instant compare by it (an hour repeated when clocks go back);
      // the others by the zone's wall clock.
      const before = (row: RowTime, above: RowTime) => (row.instant !== undefined && above.instant !== undefined ? row.instant < above.instant : row.to < above.from);
      const after = (row: RowTime, above: RowTime) => (row.instant !== undefined && above.instant !== undefined ? row.instant > above.instant : row.from > above.from);
      let latest = rows[0];
      for (const row of rows.slice(1)) {
        if (latest && before(row, latest)) {
          ctx.reportAt(doc, row.line, row.column, {
            message: `The timeline row at "${row.text}" is before the row above it at "${latest.text}".`,
            hint: 'Keep the timeline in chronological order; check the date, the time and its time zone.',
          });
          continue;
        }
        if (!latest || after(row, latest)) latest = row;
      }
    }
  },
};
