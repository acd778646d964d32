/**
 * Which roles a decision needs, read from policy/approvals.yaml (gates, GA, rollback types, hand-off)
 * and policy/kill-switch.yaml (kill-switch actions and scenarios, resume scopes). One source for the
 * offline rules and the online approvals check, so both ask for the same people.
 */
import type { DocPath } from '../repo/locate.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { joinWords, roleName, type PolicyView } from './holders.ts';

export type SignoffData = SchemaTypes['signoff'];

/** One required signature: any one of `roles`, by a person who fills no other slot. */
export interface RequiredSlot {
  roles: string[];
  /** "SRE Lead", or "On-Call or Ingestion Owner" when any of several roles will do. */
  label: string;
}

/** What a decision needs. */
export interface DecisionRule {
  /** The decision in words: "GA (P3 to P4)", "a P1 incident rollback". */
  decision: string;
  slots: RequiredSlot[];
  /** Every role that may sign the decision (a signature in another role has no authority here). */
  authority: string[];
  /** Whether a holder of a required role can veto it (a gate may say `veto: none`). */
  vetoable: boolean;
  /** Where the rule is written, for hints: "policy/approvals.yaml gates (P3 to P4)". */
  source: string;
}

export type DecisionLookup =
  | { rule: DecisionRule }
  /** The record cannot be matched to a rule; `problem` says why, at a path in the record. */
  | { problem: { path: DocPath; message: string; hint?: string } }
  /** Another rule reports the cause (an unknown type, a missing gate). */
  | { skip: true };

/** A person signing in a role somewhere in a record. */
export interface Signature {
  person: string;
  role: string;
  path: DocPath;
}

function slot(view: PolicyView, roles: readonly string[]): RequiredSlot {
  return { roles: [...roles], label: joinWords(roles.map((id) => roleName(view, id)), 'or') };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The signatures a record carries: its signers, and a rollback's authoriser and approver. */
export function signaturesOf(record: SignoffData): Signature[] {
  const out: Signature[] = (record.signers ?? []).map((signer, index) => ({ person: signer.person, role: signer.role, path: ['signers', index] }));
  if (record.rollback) {
    out.push({ person: record.rollback.authorised_by.person, role: record.rollback.authorised_by.role, path: ['rollback', 'authorised_by'] });
    out.push({ person: record.rollback.approved_by.person, role: record.rollback.approved_by.role, path: ['rollback', 'approved_by'] });
  }
  return out;
}

/** The rule a record's decision falls under. */
export function decisionRuleFor(record: SignoffData, view: PolicyView): DecisionLookup {
  const approvals = view.approvals;
  switch (record.kind) {
    case 'phase-gate':
    case 'ga': {
      const gate = approvals?.gates.find((g) => g.from === record.from && g.to === record.to);
      if (!gate) return { skip: true };
      const roles = unique(gate.require);
      return {
        rule: {
          decision: record.kind === 'ga' ? `GA (${gate.from} to ${gate.to})` : `the ${gate.from} to ${gate.to} gate`,
          slots: roles.map((role) => slot(view, [role])),
          authority: roles,
          vetoable: gate.veto !== 'none',
          source: `policy/approvals.yaml gates (${gate.from} to ${gate.to})`,
        },
      };
    }
    case 'rollback': {
      const type = approvals?.rollback.types.find((t) => t.id === record.rollback?.type);
      if (!type) return { skip: true };
      const roles = unique([...type.decide, ...(type.approve ?? [])]);
      return {
        rule: {
          decision: `a ${type.name} rollback`,
          slots: roles.map((role) => slot(view, [role])),
          authority: roles,
          vetoable: true,
          source: `policy/approvals.yaml rollback.types (${type.id})`,
        },
      };
    }
    case 'kill-switch': {
      const killSwitch = view.killSwitch;
      const action = killSwitch?.actions.find((a) => a.id === record.kill_switch?.action);
      const scenario = killSwitch?.scenarios.find((s) => s.id === record.kill_switch?.scenario);
      if (!action || !scenario) return { skip: true };
      const approve = unique([...action.approve, ...scenario.approval.roles]);
      const slots = approve.map((role) => slot(view, [role]));
      const activators = scenario.activate === 'anyone' ? [] : scenario.activate;
      // Whoever activates must hold an activating role; when an approving role may also activate,
      // that approver's signature covers activation, so no extra person is asked for.
      if (activators.length > 0 && !activators.some((role) => approve.includes(role))) slots.unshift(slot(view, activators));
      return {
        rule: {
          decision: `the kill switch "${action.name}" for "${scenario.name}"`,
          slots,
          authority: unique([...activators, ...approve]),
          vetoable: true,
          source: `policy/kill-switch.yaml (action ${action.id}, scenario ${scenario.id})`,
        },
      };
    }
    case 'resume': {
      const scopeId = record.kill_switch?.resume_scope;
      if (scopeId === undefined) {
        const scopes = view.killSwitch?.resume.map((r) => r.id) ?? [];
        return {
          problem: {
            path: ['kill_switch'],
            message: 'kill_switch: a resume names its resume_scope, so the resume authority can be checked.',
            hint: scopes.length > 0 ? `Add resume_scope: one of ${scopes.join(', ')}.` : 'Add resume_scope.',
          },
        };
      }
      const scope = view.killSwitch?.resume.find((r) => r.id === scopeId);
      if (!scope) return { skip: true };
      const roles = unique(scope.authority);
      return {
        rule: {
          decision: `a resume after "${scope.scope}"`,
          slots: roles.map((role) => slot(view, [role])),
          authority: roles,
          vetoable: true,
          source: `policy/kill-switch.yaml resume (${scope.id})`,
        },
      };
    }
    case 'handoff': {
      const handoff = approvals?.handoff;
      if (!handoff) {
        return { problem: { path: ['kind'], message: 'kind: policy/approvals.yaml has no handoff rule, so a hand-off cannot be signed.', hint: 'Add handoff.require to policy/approvals.yaml.' } };
      }
      const roles = unique(handoff.require);
      return {
        rule: {
          decision: 'the hand-off',
          slots: roles.map((role) => slot(view, [role])),
          authority: roles,
          vetoable: true,
          source: 'policy/approvals.yaml handoff',
        },
      };
    }
  }
}

/** "Ingestion Owner, Product Manager and SRE Lead" for a rule's slots. */
export function describeSlots(rule: DecisionRule): string {
  return joinWords(rule.slots.map((s) => s.label));
}
