/**
 * What `oncall status` shows: each rollout's current phase, derived from its sign-off history, and
 * the history itself (who signed what, when). Pure: built from the loaded model.
 */
import { DateTime } from 'luxon';
import type { Doc, RepoModel } from '../model/repo-model.ts';
import { findPerson, joinWords, roleName, type PolicyView } from './holders.ts';
import { policyViewOf } from './model-view.ts';
import { phaseHistories } from './phase-history.ts';
import { signaturesOf } from './requirements.ts';

export interface StatusSignature {
  person: string;
  name: string;
  github?: string;
  role: string;
  roleName: string;
  /** signer, authorised_by or approved_by. */
  as: string;
}

export interface StatusEntry {
  id: string;
  file: string;
  kind: string;
  at: string;
  summary: string;
  from?: string;
  to?: string;
  phaseBefore: string;
  phaseAfter: string;
  vetoed: boolean;
  signatures: StatusSignature[];
  veto?: StatusSignature & { reason: string };
  /** What validate reports about this transition, if anything. */
  problems: string[];
}

export interface RolloutStatus {
  rollout: string;
  phase: { id: string; name: string };
  /** The record that put the rollout in its phase; null when it has not left the first phase. */
  since: { id: string; file: string; at: string } | null;
  history: StatusEntry[];
}

export interface StatusReport {
  rollouts: RolloutStatus[];
  /** Sign-off files left out because they are not valid (validate says why). */
  invalidRecords: string[];
}

/** The status of every rollout with sign-offs, and of products in policy/lifecycle.yaml without any. */
export function buildStatus(model: RepoModel, options: { now?: Date; rollout?: string } = {}): StatusReport {
  const approvals = model.policy.approvals!.data;
  const view = policyViewOf(model);
  const phaseName = (id: string) => approvals.phases.find((p) => p.id === id)?.name ?? id;
  const records = model.signoffs.filter((doc) => options.now === undefined || Date.parse(doc.data.at) <= options.now.getTime());
  const histories = phaseHistories(records, approvals);
  const rollouts: RolloutStatus[] = histories.map((history) => ({
    rollout: history.rollout,
    phase: { id: history.current, name: phaseName(history.current) },
    since: history.since ? { id: history.since.data.id, file: history.since.file.path, at: history.since.data.at } : null,
    history: history.steps.map((step) => entry(step.record, step.before, step.after, step.vetoed, step.problems.map((p) => p.message), view)),
  }));
  const first = approvals.phases[0]!.id;
  for (const product of model.policy.lifecycle?.data.products ?? []) {
    if (!rollouts.some((r) => r.rollout === product.id)) rollouts.push({ rollout: product.id, phase: { id: first, name: phaseName(first) }, since: null, history: [] });
  }
  rollouts.sort((a, b) => (a.rollout < b.rollout ? -1 : 1));
  const valid = new Set(model.signoffs.map((doc) => doc.file.path));
  return {
    rollouts: options.rollout === undefined ? rollouts : rollouts.filter((r) => r.rollout === options.rollout),
    invalidRecords: model.files.filter((file) => file.kind === 'signoff' && !valid.has(file.path)).map((file) => file.path),
  };
}

function signature(view: PolicyView | undefined, person: string, role: string, as: string): StatusSignature {
  const found = view ? findPerson(view, person) : undefined;
  return { person, name: found?.name ?? person, ...(found ? { github: found.github } : {}), role, roleName: view ? roleName(view, role) : role, as };
}

function entry(doc: Doc<'signoff'>, before: string, after: string, vetoed: boolean, problems: string[], view: PolicyView | undefined): StatusEntry {
  const data = doc.data;
  const signatures = signaturesOf(data).map((s) => signature(view, s.person, s.role, s.path[0] === 'signers' ? 'signer' : String(s.path[1])));
  const out: StatusEntry = {
    id: data.id,
    file: doc.file.path,
    kind: data.kind,
    at: data.at,
    summary: data.summary,
    phaseBefore: before,
    phaseAfter: after,
    vetoed,
    signatures,
    problems,
  };
  if (data.from !== undefined) out.from = data.from;
  if (data.to !== undefined) out.to = data.to;
  if (data.veto) out.veto = { ...signature(view, data.veto.person, data.veto.role, 'veto'), reason: data.veto.reason };
  return out;
}

/** "2026-10-14 10:35 +02:00", in the offset the record was written with. */
function when(at: string): string {
  const parsed = DateTime.fromISO(at, { setZone: true });
  return parsed.isValid ? parsed.toFormat('yyyy-LL-dd HH:mm ZZ') : at;
}

const KIND_WORD: Record<string, string> = {
  'phase-gate': 'phase gate',
  ga: 'GA',
  rollback: 'rollback',
  'kill-switch': 'kill switch',
  resume: 'resume',
  handoff: 'hand-off',
};

/** The report as text for a terminal. */
export function statusText(report: StatusReport): string {
  const lines: string[] = [];
  for (const rollout of report.rollouts) {
    const since = rollout.since ? ` since ${when(rollout.since.at)} (${rollout.since.id})` : ' (no sign-off has moved it yet)';
    lines.push(`${rollout.rollout}: ${rollout.phase.id} ${rollout.phase.name}${since}`);
    for (const step of rollout.history) {
      const move = step.from !== undefined && step.to !== undefined ? `${step.from} -> ${step.to}` : `in ${step.phaseBefore}`;
      const who = joinWords(
        step.signatures.map((s) => `${s.as === 'authorised_by' ? 'authorised by ' : s.as === 'approved_by' ? 'approved by ' : ''}${s.name} (${s.roleName})`),
      );
      lines.push(`  ${when(step.at)}  ${move.padEnd(8)}  ${(KIND_WORD[step.kind] ?? step.kind).padEnd(11)}  ${who}  [${step.id}]`);
      if (step.vetoed && step.veto) lines.push(`      vetoed by ${step.veto.name} (${step.veto.roleName}): ${step.veto.reason}; no change`);
      for (const problem of step.problems) lines.push(`      ! ${problem}`);
    }
    lines.push('');
  }
  if (report.rollouts.length === 0) lines.push('No rollouts: no sign-off records and no products in policy/lifecycle.yaml.', '');
  if (report.invalidRecords.length > 0) lines.push(`Left out (not valid; run validate): ${report.invalidRecords.join(', ')}`, '');
  return lines.join('\n');
}
