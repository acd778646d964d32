import { DateTime } from 'luxon';
import { describeInterval } from '../schedule/describe.ts';
import { peopleNamedIn } from '../schedule/layers.ts';
import { shiftsOnwards } from '../schedule/onwards.ts';
import { formatPath } from '../util/paths.ts';
import type { Rule } from './rule.ts';

/**
 * Someone who has left cannot answer a page. A person's `left` date is their last day, so shifts
 * may run until the end of it (in the rotation's zone) and no further. Whether a participant exists
 * at all is the reference-exists rule's job.
 */
export const participantActive: Rule = {
  id: 'participant-active',
  description: 'No roster participant or override person is on call after the day they left (people[].left in policy/people.yaml).',
  severity: 'error',
  needs: ['people'],
  check(ctx) {
    const left = new Map<string, string>();
    for (const person of ctx.model.policy.people!.data.people) if (person.left !== undefined) left.set(person.id, person.left);
    if (left.size === 0) return;
    for (const doc of ctx.model.rotations) {
      const rotation = doc.data;
      const named = new Set(peopleNamedIn(rotation));
      const leavers = [...named].filter((id) => left.has(id));
      if (leavers.length === 0) continue;
      const goneFrom = new Map(leavers.map((id) => [id, DateTime.fromISO(left.get(id)!, { zone: rotation.timezone }).plus({ days: 1 }).toMillis()]));
      const earliest = Math.min(...goneFrom.values());
      const tierNames = new Map(rotation.tiers.map((t) => [t.id, t.name]));
      const reported = new Set<string>();
      for (const shift of shiftsOnwards(rotation, new Date(earliest))) {
        const gone = goneFrom.get(shift.person);
        if (gone === undefined || shift.end.getTime() <= gone) continue;
        const where = formatPath(shift.path);
        if (reported.has(where)) continue;
        reported.add(where);
        ctx.report(doc, shift.path, {
          message: `${where}: "${shift.person}" left on ${left.get(shift.person)} but holds ${tierNames.get(shift.tier) ?? shift.tier} of rotation "${rotation.id}" ${describeInterval(shift.start, shift.end, rotation.timezone)}.`,
          hint:
            shift.source === 'override'
              ? 'Name someone who is still here in the override.'
              : 'Take them off the list with a new roster whose "from" is a future date, and cover any remaining shifts with overrides.',
        });
      }
    }
  },
};
