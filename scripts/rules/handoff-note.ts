import { instantOf, formatInstant } from '../incidents/instants.ts';
import { describeInterval } from '../schedule/describe.ts';
import { compileRotation, expandTier } from '../schedule/expand.ts';
import { suggestion } from '../util/suggest.ts';
import type { Rule } from './rule.ts';

/** How far around a note's instant the schedule is expanded to find the shifts it hands between. */
const SEARCH_MS = 62 * 86_400_000;

/**
 * A hand-off note records a real hand-off: the rotation's tier changes hands at the note's `at`,
 * from the person whose shift ends then to the person whose shift starts (overrides included), so
 * the note can be found from the roster and the incoming person knows it is theirs. Its affected
 * environment is one the organisation's triage names.
 */
export const handoffNote: Rule = {
  id: 'handoff-note',
  description:
    "A hand-off note (handoffs/) names a tier of its rotation that changes hands at its `at`, from the outgoing holder (`from`) to the incoming one (`to`) as the schedule has them, and an affected environment from policy/organisation.yaml triage.environments (or none).",
  severity: 'error',
  needs: [],
  check(ctx) {
    const environments = ctx.model.policy.organisation?.data.triage?.environments;
    for (const doc of ctx.model.handoffs) {
      const note = doc.data;
      if (environments && note.affected_environment !== 'none' && !environments.includes(note.affected_environment)) {
        ctx.report(doc, ['affected_environment'], {
          message: `affected_environment: "${note.affected_environment}" is not an environment of policy/organisation.yaml triage.environments (${environments.join(', ')}).`,
          hint: `${suggestion(note.affected_environment, environments)} Write none when no environment is affected.`,
        });
      }
      const rotation = ctx.model.rotations.find((r) => r.data.id === note.rotation)?.data;
      if (!rotation) continue; // reference-exists reports an unknown rotation
      const compiled = compileRotation(rotation);
      const tier = compiled.tiers.find((t) => t.id === note.tier);
      if (!tier) {
        ctx.report(doc, ['tier'], {
          message: `tier: rotation "${rotation.id}" has no tier "${note.tier}".`,
          hint: suggestion(note.tier, compiled.tiers.map((t) => t.id)),
        });
        continue;
      }
      const at = instantOf(note.at)?.getTime();
      if (at === undefined) continue;
      const shifts = expandTier(compiled, tier, at - SEARCH_MS, at + SEARCH_MS);
      const incoming = shifts.find((s) => s.start.getTime() === at);
      if (!incoming) {
        const current = shifts.find((s) => s.start.getTime() < at && s.end.getTime() > at);
        const next = shifts.find((s) => s.start.getTime() > at);
        const nearest = [current?.start, next?.start].filter((d): d is Date => d !== undefined).map((d) => formatInstant(d, rotation.timezone));
        ctx.report(doc, ['at'], {
          message: `at: ${tier.name} of rotation "${rotation.id}" does not change hands at ${formatInstant(new Date(at), rotation.timezone)}${current ? `; "${current.person}" holds it ${describeInterval(current.start, current.end, rotation.timezone)}` : ''}.`,
          hint: nearest.length > 0 ? `Use the instant of the hand-off: ${nearest.join(' or ')}.` : 'Use the instant of the hand-off.',
        });
        continue;
      }
      if (incoming.person !== note.to) {
        ctx.report(doc, ['to'], {
          message: `to: "${note.to}" is not the incoming holder of ${tier.name} at ${note.at}; "${incoming.person}" takes over ${describeInterval(incoming.start, incoming.end, rotation.timezone)}.`,
          hint: `Address the note to "${incoming.person}", or record the swap as an override in rotations/${rotation.id}.yaml first.`,
        });
      }
      const outgoing = shifts.find((s) => s.end.getTime() === at);
      if (outgoing && outgoing.person !== note.from) {
        ctx.report(doc, ['from'], {
          message: `from: "${note.from}" is not the outgoing holder of ${tier.name} at ${note.at}; "${outgoing.person}" held it ${describeInterval(outgoing.start, outgoing.end, rotation.timezone)}.`,
          hint: `The note is written by the outgoing holder, "${outgoing.person}".`,
        });
      }
    }
  },
};
