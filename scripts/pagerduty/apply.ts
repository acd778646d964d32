/**
 * Sends a plan to PagerDuty: the only step `--apply` has that `--plan` does not. Order matters so
 * that a run stopped at any request leaves PagerDuty consistent and the next run converges without
 * duplicates: schedules first (a new one carries its marker from its first request, so the next
 * plan finds it), then overrides (a new one is recognised by its user and times), then each
 * schedule's marker with the override ids it owns, then escalation policies (which need the
 * schedules' ids), deletions last.
 */
import { isoInZone } from '../schedule/local-time.ts';
import { parseLayer, parseSchedule, unwrap, type PdLayer } from './api-types.ts';
import { PagerDutyAnswerError, PagerDutyError, type PagerDutyClient } from './client.ts';
import type { DesiredPolicy, DesiredState } from './desired.ts';
import { policyMarker, readScheduleMarker, scheduleMarker, withMarker, withoutMarker } from './marker.ts';
import type { Operation, OverrideOperation, Plan, ScheduleOperation } from './plan.ts';
import type { CurrentState } from './read.ts';

/** The run stopped at a failed request; what was sent before it stays sent. */
export class ApplyStopped extends Error {
  override readonly name = 'ApplyStopped';
  readonly applied: number;
  readonly total: number;
  override readonly cause: unknown;
  constructor(applied: number, total: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.applied = applied;
    this.total = total;
    this.cause = cause;
  }
}

export interface ApplyReport {
  /** Operations carried out, in order. */
  applied: Operation[];
  /** Marker updates (override ids) written besides the operations. */
  ledgersWritten: number;
}

const withoutUndefined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export async function applyPlan(plan: Plan, state: DesiredState, current: CurrentState, client: PagerDutyClient): Promise<ApplyReport> {
  const applied: Operation[] = [];
  const total = plan.operations.length;
  const scheduleIds = new Map<string, string>();
  const layersAfter = new Map<string, PdLayer[]>();
  const payloads = new Map<string, ScheduleOperation['payload']>();
  const desiredByKey = new Map(state.schedules.map((s) => [s.key, s]));
  for (const schedule of current.schedules) {
    const marker = readScheduleMarker(schedule.description);
    if (marker) scheduleIds.set(`${marker.rotation}/${marker.tier}`, schedule.id);
  }
  for (const d of state.schedules) {
    if (d.adoptId !== undefined && current.schedules.some((s) => s.id === d.adoptId)) scheduleIds.set(d.key, d.adoptId);
  }
  const ledgers = new Map<string, Set<string>>();
  for (const schedule of current.schedules) {
    const marker = readScheduleMarker(schedule.description);
    if (marker) ledgers.set(schedule.id, new Set(marker.overrides));
  }
  for (const entry of plan.ledgers) ledgers.set(entry.scheduleId, new Set(entry.overrides));
  const ledgerChanged = new Set(plan.ledgers.map((l) => l.scheduleId));

  const step = async <T>(operation: Operation | undefined, run: () => Promise<T>): Promise<T> => {
    try {
      const result = await run();
      if (operation) applied.push(operation);
      return result;
    } catch (error) {
      throw new ApplyStopped(applied.length, total, error);
    }
  };
  const markerFor = (key: string, scheduleId: string) => {
    const [rotation = '', tier = ''] = key.split('/');
    return scheduleMarker(rotation, tier, [...(ledgers.get(scheduleId) ?? [])]);
  };

  // 1. New schedules, each marked from its first request.
  for (const op of plan.operations) {
    if (op.object !== 'schedule' || op.action !== 'create') continue;
    const answer = await step(op, () =>
      client.post('/schedules', { schedule: withoutUndefined({ type: 'schedule', ...op.payload, description: withMarker(op.payload.description, markerFor(op.key, '')) }) }),
    );
    const created = parseSchedule(unwrap(answer, 'schedule', 'the new schedule'));
    scheduleIds.set(op.key, created.id);
    layersAfter.set(created.id, created.schedule_layers);
    payloads.set(created.id, { ...op.payload, schedule_layers: created.schedule_layers });
  }

  const scheduleOf = (op: OverrideOperation) => {
    const id = op.scheduleId ?? scheduleIds.get(op.key);
    if (id === undefined) throw new ApplyStopped(applied.length, total, new Error(`${op.key}: no schedule to put the override in.`));
    return id;
  };

  // 2. Overrides: removed ones first, then new ones, one request per schedule.
  for (const op of plan.operations) {
    if (op.object !== 'override' || op.action !== 'delete') continue;
    const id = scheduleOf(op);
    await step(op, () => client.delete(`/schedules/${encodeURIComponent(id)}/overrides/${encodeURIComponent(op.id!)}`));
    ledgers.get(id)?.delete(op.id!);
    ledgerChanged.add(id);
  }
  const creates = new Map<string, OverrideOperation[]>();
  for (const op of plan.operations) {
    if (op.object !== 'override' || op.action !== 'create') continue;
    const id = scheduleOf(op);
    creates.set(id, [...(creates.get(id) ?? []), op]);
  }
  for (const [id, ops] of creates) {
    const answer = await step(undefined, () =>
      client.post(`/schedules/${encodeURIComponent(id)}/overrides`, {
        overrides: ops.map((op) => ({ start: isoInZone(op.start, op.zone), end: isoInZone(op.end, op.zone), user: { id: op.user, type: 'user_reference' }, time_zone: op.zone })),
      }),
    );
    if (!Array.isArray(answer) || answer.length !== ops.length) {
      throw new ApplyStopped(applied.length, total, new PagerDutyAnswerError(`PagerDuty's answer to POST /schedules/${id}/overrides is not one result per override.`));
    }
    const ledger = ledgers.get(id) ?? new Set<string>();
    ledgers.set(id, ledger);
    ledgerChanged.add(id);
    answer.forEach((result: unknown, i) => {
      const item = (typeof result === 'object' && result !== null ? result : {}) as { status?: unknown; override?: { id?: unknown }; errors?: unknown };
      if (item.status !== 201 || typeof item.override?.id !== 'string') {
        const errors = Array.isArray(item.errors) ? item.errors.filter((e) => typeof e === 'string').join('; ') : '';
        throw new ApplyStopped(applied.length, total, new PagerDutyError(`PagerDuty refused an override of ${ops[i]!.key} (${ops[i]!.person ?? ops[i]!.user}, ${isoInZone(ops[i]!.start, ops[i]!.zone)}): ${errors || `status ${String(item.status)}`}.`, { status: Number(item.status) || 0, method: 'POST', path: `/schedules/${id}/overrides` }));
      }
      ledger.add(item.override.id);
      applied.push(ops[i]!);
    });
  }

  // 3. Schedule changes, and the markers that list the overrides each schedule owns.
  for (const op of plan.operations) {
    if (op.object === 'schedule' && op.action === 'update') payloads.set(op.id!, op.payload);
  }
  const updates = new Map(plan.operations.filter((op): op is ScheduleOperation => op.object === 'schedule' && op.action === 'update').map((op) => [op.id!, op]));
  const toWrite = new Set([...updates.keys(), ...ledgerChanged]);
  for (const id of toWrite) {
    const op = updates.get(id);
    const key = op?.key ?? [...scheduleIds].find(([, value]) => value === id)?.[0];
    if (key === undefined) continue;
    let payload = payloads.get(id);
    if (!payload) {
      const existing = current.schedules.find((s) => s.id === id);
      if (!existing) continue;
      payload = { name: existing.name, time_zone: existing.time_zone, description: withoutMarker(existing.description), schedule_layers: existing.schedule_layers };
    }
    const layers = (layersAfter.get(id) && !op ? layersAfter.get(id)! : payload.schedule_layers).map((l) => {
      const { rendered_schedule_entries: _entries, ...rest } = l;
      return rest;
    });
    const managed = desiredByKey.has(key);
    const description = managed || readScheduleMarker(current.schedules.find((s) => s.id === id)?.description ?? '') ? withMarker(payload.description, markerFor(key, id)) : payload.description;
    const answer = await step(op, () => client.put(`/schedules/${encodeURIComponent(id)}`, { schedule: withoutUndefined({ type: 'schedule', name: payload.name, time_zone: payload.time_zone, description, schedule_layers: layers }) }));
    const updated = unwrap(answer, 'schedule', `schedule ${id}`);
    if (typeof updated === 'object' && updated !== null && Array.isArray((updated as { schedule_layers?: unknown }).schedule_layers)) {
      // Listed highest first, as every answer: turned round to the order a request sends.
      layersAfter.set(id, ((updated as { schedule_layers: unknown[] }).schedule_layers).map((l, i) => parseLayer(l, `schedule ${id} layer ${i}`)).reverse());
    }
  }

  // 4. Escalation policies, which point at the schedules by id.
  const rulesOf = (d: DesiredPolicy) =>
    d.rules.map((rule) => ({
      escalation_delay_in_minutes: rule.delayMinutes,
      targets: rule.targets.map((t) => {
        if (t.type === 'user') return { id: t.user, type: 'user_reference' };
        const id = scheduleIds.get(t.key);
        if (id === undefined) throw new ApplyStopped(applied.length, total, new Error(`${d.key}: the schedule ${t.key} the policy pages does not exist.`));
        return { id, type: 'schedule_reference' };
      }),
    }));
  for (const op of plan.operations) {
    if (op.object !== 'escalation_policy' || op.action === 'delete' || !op.desired) continue;
    const d = op.desired;
    const existing = current.policies.find((p) => p.id === op.id);
    const description = d.adoptId !== undefined && existing ? existing.description : withMarker(d.description, policyMarker(d.key));
    // A policy the data names by id keeps its name, as its description.
    const name = d.adoptId !== undefined && existing ? existing.name : d.name;
    const body = { escalation_policy: { type: 'escalation_policy', name, description, num_loops: d.numLoops, escalation_rules: rulesOf(d) } };
    if (op.action === 'create') await step(op, () => client.post('/escalation_policies', body));
    else await step(op, () => client.put(`/escalation_policies/${encodeURIComponent(op.id!)}`, body));
  }
  for (const op of plan.operations) {
    if (op.object === 'escalation_policy' && op.action === 'delete') await step(op, () => client.delete(`/escalation_policies/${encodeURIComponent(op.id!)}`));
  }
  return { applied, ledgersWritten: [...ledgerChanged].filter((id) => !updates.has(id)).length };
}
