/**
 * One sync pass, shared by `--plan` and `--apply`: read PagerDuty, compute the desired state, plan.
 * The two differ only in what follows (print, or send and verify).
 */
import type { RepoModel } from '../model/repo-model.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { PagerDutyClient } from './client.ts';
import { desiredState, type DesiredState, type SyncProblem } from './desired.ts';
import { planSync, schedulesNeedingOverrides, type Plan } from './plan.ts';
import { readAccount, readOverrides, readUsers, type CurrentState } from './read.ts';

export interface SyncPass {
  state: DesiredState;
  current: CurrentState;
  plan: Plan;
}

/** Reads PagerDuty and plans; returns the problems instead when a person cannot be paged. */
export async function syncPass(
  client: PagerDutyClient,
  model: RepoModel,
  rotations: readonly SchemaTypes['rotation'][],
  now: Date,
): Promise<{ pass: SyncPass; problems?: undefined } | { pass?: undefined; problems: SyncProblem[] }> {
  const users = await readUsers(client);
  const { state, problems } = desiredState(model, users, { now, rotations });
  if (problems.length > 0) return { problems };
  const window = { since: state.now, until: state.overridesUntil };
  const account = await readAccount(client, window, users);
  const overrides = await readOverrides(client, schedulesNeedingOverrides(state, account, rotations), window);
  const current: CurrentState = { ...account, overrides };
  const people = new Map([...state.users].map(([person, user]) => [user, person]));
  const plan = planSync({ state, current, rotations, repositoryRotations: new Set(model.rotations.map((d) => d.data.id)), people });
  return { pass: { state, current, plan } };
}
