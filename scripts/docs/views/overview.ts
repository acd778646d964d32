/** Views of the index page (docs/README.md) and of .github/CODEOWNERS. */
import type { RepoModel } from '../../model/repo-model.ts';
import { onCallAt } from '../../schedule/on-call.ts';
import { codeownersLines, codeownersProblem } from '../../approvals/path-patterns.ts';
import { roleHolders } from '../../signoffs/holders.ts';
import { policyViewOf } from '../../signoffs/model-view.ts';
import { localDateTime } from '../format.ts';
import type { Site } from '../site.ts';
import type { rolloutViews } from './records.ts';

export function indexView(model: RepoModel, site: Site, now: Date, asOf: Date, rollouts: ReturnType<typeof rolloutViews>) {
  const p = site.paths;
  const policyPages = [
    { path: p.lifecycle, title: 'Support ownership', about: 'who supports a product at each lifecycle stage, SLAs and reporting' },
    { path: p.roles, title: 'Roles and assignments', about: 'responsibilities, authority, who holds each role and how to reach them' },
    { path: p.raci, title: 'RACI matrix', about: 'who is responsible, accountable, consulted and informed for each activity' },
    { path: p.severities, title: 'Severity levels', about: 'definitions, examples and targets' },
    { path: p.escalation, title: 'Escalation', about: 'levels, ladders per severity, triggers and scenarios' },
    { path: p.killSwitch, title: 'Kill-switch authority', about: 'who may pause, roll back or disable, and who may resume' },
    { path: p.approvals, title: 'Sign-off rules', about: 'phase gates, GA, rollback authority and path ownership' },
    { path: p.communication, title: 'Communication', about: 'channels, who says what when, and message templates' },
    { path: p.onCall, title: 'On-call expectations', about: 'what is expected of the person on call, and limits' },
  ].filter((page): page is { path: string; title: string; about: string } => page.path !== undefined);
  const onCall = model.rotations.flatMap((doc) => {
    const rotation = doc.data;
    const shifts = onCallAt(rotation, now);
    return rotation.tiers.map((tier) => {
      const shift = shifts.find((s) => s.tier === tier.id);
      return {
        rotationName: rotation.name,
        rosterPath: site.paths.rosters.get(rotation.id)!,
        tierName: tier.name,
        person: shift?.person,
        until: shift ? `${localDateTime(shift.end, rotation.timezone)} (${rotation.timezone})` : undefined,
      };
    });
  });
  const postmortems = model.postmortems
    .map((doc) => ({ path: doc.file.path, title: doc.data.title, incident: doc.data.incident }))
    .sort((a, b) => (a.incident < b.incident ? 1 : a.incident > b.incident ? -1 : 0));
  return {
    title: site.organisation,
    asOf: localDateTime(asOf, site.zone),
    zone: site.zone,
    onCall,
    rollouts: rollouts.map((r) => ({ path: r.path, productName: r.productName, current: r.current, currentName: r.currentName, since: r.since })),
    policyPages,
    rosters: model.rotations.map((doc) => ({ name: doc.data.name, path: site.paths.rosters.get(doc.data.id)! })),
    postmortems,
  };
}

/**
 * CODEOWNERS from the path rules: each pattern GitHub can read the same way as the approvals check,
 * anchored at the root, with the owners of its own rule and of every rule whose pattern holds it,
 * in an order where a pattern comes after those holding it. GitHub applies only the last matching
 * line, so each file's last line names every owner the check requires (scripts/approvals/path-patterns.ts).
 */
export function codeownersView(model: RepoModel, now: Date) {
  const approvals = model.policy.approvals?.data;
  const view = policyViewOf(model);
  const loginOf = (personId: string) => view?.people.people.find((person) => person.id === personId)?.github;
  const roleName = (id: string) => model.policy.roles?.data.roles.find((r) => r.id === id)?.name ?? id;
  const rules = (approvals?.paths ?? []).map((rule) => {
    const roles = rule.require ?? [];
    const logins = [...new Set(roles.flatMap((role) => (view ? roleHolders(view, role, now) : [])).map(loginOf).filter((l): l is string => l !== undefined))];
    const requirement = [
      ...(roles.length > 0 ? [`approval from ${roles.map(roleName).join(', ')}${roles.length > 1 ? ', each by a different person' : ''}`] : []),
      ...(rule.require_affected_people ? ['approval from every person whose shifts the change moves'] : []),
    ].join('; and ');
    return { id: rule.id, reason: rule.reason, requirement: requirement || 'no approval', patterns: rule.paths, owners: logins };
  });
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const lines = codeownersLines(rules).map((line) => ({
    pattern: `/${line.pattern}`,
    owners: line.owners,
    rule: byId.get(line.rules[0]!)!,
    also: line.rules.slice(1),
  }));
  // A rule's heading is printed before the first of its lines that follows another rule's.
  const shown = lines.map((line, i) => ({ ...line, heading: i === 0 || lines[i - 1]!.rule.id !== line.rule.id }));
  const unsupported = rules.flatMap((rule) => rule.patterns.flatMap((glob) => (codeownersProblem(glob) ? [{ rule: rule.id, glob }] : [])));
  return { lines: shown, unsupported };
}
