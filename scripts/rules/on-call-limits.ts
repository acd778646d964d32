import { DateTime, IANAZone } from 'luxon';
import type { Doc } from '../model/repo-model.ts';
import { limitedIntervals } from '../schedule/business-hours.ts';
import { businessCalendar } from '../time/business-time.ts';
import { describeInterval, describeLength } from '../schedule/describe.ts';
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { durationMillis, horizonEnd } from '../schedule/policy.ts';
import type { LocatedShift } from '../schedule/types.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/** A stretch of on-call time: the intervals that touch, and the shifts they came from. */
interface Run {
  start: number;
  end: number;
  parts: { doc: Doc<'rotation'>; shift: LocatedShift; tierName: string; start: number; end: number }[];
}

function merge(parts: Run['parts']): Run[] {
  const runs: Run[] = [];
  for (const part of [...parts].sort((a, b) => a.start - b.start)) {
    const last = runs.at(-1);
    if (last && part.start <= last.end) {
      last.end = Math.max(last.end, part.end);
      last.parts.push(part);
    } else {
      runs.push({ start: part.start, end: part.end, parts: [part] });
    }
  }
  return runs;
}

function describeParts(parts: Run['parts']): string {
  const unique = [...new Map(parts.map((p) => [p.shift, p])).values()];
  const shown = unique.slice(0, 3).map((p) => `${p.doc.data.id} ${p.tierName} ${describeInterval(p.shift.start, p.shift.end, p.doc.data.timezone)}`);
  const more = unique.length - shown.length;
  return shown.join(', then ') + (more > 0 ? `, and ${more} more ${more === 1 ? 'shift' : 'shifts'}` : '');
}

/**
 * Limits are about people, not tiers: someone who is secondary one week and primary the next is on
 * call for fourteen days in a row, and two people alternating primary and secondary are never off.
 * So a stretch is every unbroken run of a person's on-call time across all tiers and rotations
 * (tiers covered in business hours, with or without on call outside them, counting only the
 * organisation's business hours: scripts/schedule/business-hours.ts says why), and it may not be
 * longer than on_call.max_consecutive_days; between two stretches the person rests at least
 * on_call.min_rest_between_shifts. Only stretches that reach past now are reported, since the past
 * cannot change, and of those only the ones the data can still keep within the limit: a stretch
 * that was already too long before now and has no shift still to come ends with the shift in
 * progress, and no change from now on brings it within the limit. The finding points at the shift
 * that takes the stretch past the limit.
 */
export const onCallLimits: Rule = {
  id: 'on-call-limits',
  description:
    'Per person, across every tier and rotation: no stretch of on-call time longer than on_call.max_consecutive_days, and at least on_call.min_rest_between_shifts between stretches, from now to the coverage horizon (business-hours tiers count business hours); the finding names the person and the shifts.',
  severity: 'error',
  needs: ['organisation'],
  check(ctx) {
    const organisation = ctx.model.policy.organisation!.data;
    const maxDays = organisation.on_call.max_consecutive_days;
    const minRest = durationMillis(organisation.on_call.min_rest_between_shifts) ?? 0;
    const hours = businessCalendar(organisation);
    const now = ctx.now.getTime();
    // Look back far enough to see the start of a stretch that is already too long at `now`.
    const from = DateTime.fromMillis(now, { zone: organisation.timezone }).minus({ days: maxDays + 1 }).toMillis();
    const to = horizonEnd(organisation, ctx.now).getTime();

    const byPerson = new Map<string, Run['parts']>();
    for (const doc of ctx.model.rotations) {
      const compiled = compileRotation(doc.data);
      for (const tier of compiled.tiers) {
        for (const shift of expandTier(compiled, tier, from, to)) {
          for (const interval of limitedIntervals({ start: shift.start.getTime(), end: shift.end.getTime() }, tier.coverage, hours)) {
            const part = { doc, shift, tierName: tier.name, ...interval };
            const list = byPerson.get(shift.person);
            if (list) list.push(part);
            else byPerson.set(shift.person, [part]);
          }
        }
      }
    }

    const reported = new Set<string>();
    const report = (part: Run['parts'][number], kind: string, message: string, hint: string) => {
      const key = `${part.doc.file.path}|${formatPath(part.shift.path)}|${kind}`;
      if (reported.has(key)) return;
      reported.add(key);
      ctx.report(part.doc, part.shift.path, { message: `${formatPath(part.shift.path)}: ${message}`, hint });
    };

    for (const [person, parts] of byPerson) {
      const runs = merge(parts);
      for (const run of runs) {
        if (run.end <= now) continue;
        const zone = run.parts[0]!.doc.data.timezone;
        // With the same UTC offset at both ends the local days are elapsed days; only a DST change needs the calendar.
        const sameOffset = IANAZone.create(zone).offset(run.start) === IANAZone.create(zone).offset(run.end);
        if (sameOffset && run.end - run.start <= maxDays * 86_400_000) continue;
        const days = DateTime.fromMillis(run.end, { zone }).diff(DateTime.fromMillis(run.start, { zone }), 'days').days;
        if (days <= maxDays) continue;
        // Point at the shift that takes the stretch past the limit: usually the roster entry or override that doubled it.
        const limitEnd = DateTime.fromMillis(run.start, { zone }).plus({ days: maxDays }).toMillis();
        if (limitEnd <= now && run.parts.every((p) => p.shift.start.getTime() <= now)) continue;
        const culprit = run.parts.find((p) => p.end > limitEnd) ?? run.parts[0]!;
        const open = run.end >= to ? 'at least ' : '';
        const until = run.end >= to ? ' (to the coverage horizon)' : '';
        report(
          culprit,
          'stretch',
          `"${person}" is on call for ${open}${describeLength(run.end - run.start)} without a break ${describeInterval(run.start, run.end, zone)}${until}, more than on_call.max_consecutive_days (${maxDays}): ${describeParts(run.parts)}.`,
          'Leave a break between someone\'s turns: give the tiers offsets so nobody holds one tier right after another (in a list of four, offset 2 leaves a week off between a primary and a secondary week), or move one of the shifts with an override.',
        );
      }
      for (let i = 0; i + 1 < runs.length; i++) {
        const before = runs[i]!;
        const after = runs[i + 1]!;
        const rest = after.start - before.end;
        if (rest >= minRest || after.start <= now) continue;
        const last = before.parts.reduce((a, b) => (b.end > a.end ? b : a));
        const next = after.parts[0]!;
        report(
          next,
          'rest',
          `"${person}" rests only ${describeLength(rest)} between ${describeParts([last])} and ${describeParts([next])}, less than on_call.min_rest_between_shifts (${organisation.on_call.min_rest_between_shifts}).`,
          'Move one of the two shifts with an override so the person rests long enough in between.',
        );
      }
    }
  },
};
