import { roleName } from '../signoffs/holders.ts';
import { policyViewOf } from '../signoffs/model-view.ts';
import type { Rule } from './rule.ts';

/** Confirmations compare as people write them: case and surrounding spaces aside. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The GA form asks each approver to confirm something specific: the owner that the technical
 * criteria are met and the system is stable, the PM that client feedback is acceptable and nothing
 * blocks, the SRE Lead that infrastructure is stable, monitoring adequate and on-call trained. A
 * signature without those confirmations signs nothing in particular. policy/approvals.yaml
 * gates[].confirms lists them per role, for GA or any gate that asks.
 */
export const signoffGaConfirmations: Rule = {
  id: 'signoff-ga-confirmations',
  description:
    "Each signer of a gate whose rule lists confirmations (policy/approvals.yaml gates[].confirms, e.g. the GA form) confirms every item listed for their role in its confirms.",
  severity: 'error',
  needs: ['approvals'],
  check(ctx) {
    const gates = ctx.model.policy.approvals!.data.gates;
    const view = policyViewOf(ctx.model);
    for (const doc of ctx.model.signoffs) {
      const record = doc.data;
      if (record.kind !== 'ga' && record.kind !== 'phase-gate') continue;
      const gate = gates.find((g) => g.from === record.from && g.to === record.to);
      if (!gate?.confirms) continue;
      (record.signers ?? []).forEach((signer, i) => {
        const wanted = gate.confirms![signer.role];
        if (!wanted || wanted.length === 0) return;
        const given = new Set((signer.confirms ?? []).map(normalise));
        const missing = wanted.filter((item) => !given.has(normalise(item)));
        if (missing.length === 0) return;
        const role = view ? roleName(view, signer.role) : signer.role;
        ctx.report(doc, signer.confirms ? ['signers', i, 'confirms'] : ['signers', i], {
          message: `signers[${i}]: ${signer.person} signs ${record.kind === 'ga' ? 'GA' : `the ${gate.from} to ${gate.to} gate`} as ${role} without confirming ${missing.map((m) => `"${m}"`).join(', ')}.`,
          hint: `Add confirms: [${wanted.join(', ')}] once ${missing.length > 1 ? 'they hold' : 'it holds'}; the form (policy/approvals.yaml gates ${gate.from} to ${gate.to}) asks the ${role} to confirm ${wanted.length > 1 ? 'each' : 'it'}.`,
          ...(signer.confirms ? { target: 'key' as const } : {}),
        });
      });
    }
  },
};
