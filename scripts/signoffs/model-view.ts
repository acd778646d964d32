import type { RepoModel } from '../model/repo-model.ts';
import type { PolicyView } from './holders.ts';

/** The policy view of a loaded repository; undefined when people or roles are unavailable. */
export function policyViewOf(model: RepoModel): PolicyView | undefined {
  const people = model.policy.people?.data;
  const roles = model.policy.roles?.data;
  if (!people || !roles) return undefined;
  return {
    people,
    roles,
    rotations: model.rotations.map((doc) => doc.data),
    ...(model.policy.approvals ? { approvals: model.policy.approvals.data } : {}),
    ...(model.policy['kill-switch'] ? { killSwitch: model.policy['kill-switch'].data } : {}),
    ...(model.policy.organisation ? { zone: model.policy.organisation.data.timezone } : {}),
  };
}
