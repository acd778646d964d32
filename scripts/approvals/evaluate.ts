/**
 * Decides whether a pull request carries the approvals its change needs. Pure: the policy is the
 * default branch's at evaluation time, never the head's (a change cannot grant itself a role or
 * relax a rule), the pull request is a snapshot read by an adapter, and the current time is a
 * parameter.
 *
 * What counts, in order:
 * - each reviewer's latest APPROVED or CHANGES_REQUESTED review (COMMENTED and PENDING change
 *   nothing); a dismissed review counts as nothing, except that a dismissed veto stands unless the
 *   vetoing person or a holder of a `review.veto_dismissal` role dismissed it (never the author);
 * - an approval only on the current head commit;
 * - never the author or anyone who pushed to the branch or authored or committed a commit (unless
 *   `review.author_counts`), bots, deleted accounts, accounts that are not a person in
 *   policy/people.yaml (by account id where people.yaml records one, else by login,
 *   case-insensitively), people who have left, or accounts without write access to the repository;
 * - required roles are filled by distinct people through maximum matching;
 * - a standing veto by a holder of any role a requirement names blocks that requirement;
 * - a changed record must also pass the record rules validate applies to it (given as findings);
 * - a new sign-off dated more than `review.max_record_age` before the pull request was opened, or
 *   after now, needs today's holders of its roles as well as those of its time.
 */
import picomatch from 'picomatch';
import { historyChanges } from '../history/amendable.ts';
import { describeHistoryChange, recordLabel } from '../history/describe.ts';
import { peopleWhoseShiftsMove } from '../schedule/diff.ts';
import { peopleNamedIn } from '../schedule/layers.ts';
import { nominalMinutes, parseDuration } from '../util/duration.ts';
import { identify } from './identity.ts';
import { findPerson, hasLeftBy, joinWords, listRoles, personLabel, roleHolders, roleName, type PolicyView } from '../signoffs/holders.ts';
import { decisionRuleFor, signaturesOf, type RequiredSlot } from '../signoffs/requirements.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { maximumMatching } from './matching.ts';
import type { Account, MovedShifts, PullRequestSnapshot, RecordChange, ReviewSnapshot } from './snapshot.ts';

/** GitHub lists at most this many files of a pull request; beyond it the change cannot be checked. */
export const GITHUB_FILE_LIMIT = 3000;
/** GitHub lists at most this many commits of a pull request. */
export const GITHUB_COMMIT_LIMIT = 250;
/** GitHub's limit on a commit status description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

export interface EvaluationInput {
  /** The policy on the default branch at evaluation time; `approvals` is required. */
  policy: PolicyView;
  pr: PullRequestSnapshot;
  /** Changed sign-off, incident and rotation records, read at the base and at the head. */
  records: readonly RecordChange[];
  now: Date;
  /** What the record rules (validate's, run against the base policy) find in the changed records. */
  recordFindings?: readonly RecordFinding[];
  /** Who a rotation change moves; default the schedule engine's comparison at every instant. */
  movedShifts?: MovedShifts;
}

/** A finding of a record rule in a changed record, e.g. a rollback that goes forward. */
export interface RecordFinding {
  path: string;
  line: number;
  ruleId: string;
  message: string;
}

/** How far before its pull request a sign-off may be dated when `review.max_record_age` is not set. */
export const DEFAULT_MAX_RECORD_AGE = '72h';

/** One required approval and who gave it. */
export interface SlotOutcome {
  /** "SRE Lead", or "Grace Lin (@gracelin), signer as Product Manager". */
  label: string;
  /** Logins that could fill it (eligible holders). */
  candidates: string[];
  filledBy?: string;
}

/** One rule the change falls under: a guarded path, or a sign-off record. */
export interface RequirementOutcome {
  id: string;
  /** "policy/** (path rule policy)", "GA (P3 to P4) in signoffs/2026/x.yaml". */
  title: string;
  /** Why the rule exists, from the policy. */
  why?: string;
  files: string[];
  slots: SlotOutcome[];
  problems: string[];
  satisfied: boolean;
}

/** Repository permissions that carry write access (maintain reads as write on GitHub's endpoint). */
const WRITE_ACCESS = new Set(['admin', 'write']);

export interface ReviewerOutcome {
  login: string;
  person?: string;
  state: 'approved' | 'stale' | 'veto' | 'none';
  /** Whether an approval from this reviewer can fill a slot. */
  counts: boolean;
  note?: string;
}

export interface Verdict {
  state: 'success' | 'failure';
  /** The commit status description: what is missing, at most 140 characters. */
  description: string;
  /** Everything that is missing or wrong, each a sentence with its context. */
  problems: string[];
  requirements: RequirementOutcome[];
  reviewers: ReviewerOutcome[];
  /** Reviews that were ignored and why (deleted accounts, bots, the author). */
  notes: string[];
}

interface PersonSlot {
  person: string;
  /** For the summary table: "Grace Lin, signing as Product Manager". */
  label: string;
  /** For the problem: "who signs it as Product Manager". */
  role: string;
  /** A rotation change's author agrees to their own moved shift by proposing it. */
  authorConsents?: boolean;
}

interface Need {
  id: string;
  title: string;
  why?: string;
  files: string[];
  /** When role holding is read: the decision's time for a sign-off, now for a path rule. */
  at: Date;
  roleSlots: RequiredSlot[];
  personSlots: PersonSlot[];
  vetoable: boolean;
  problems: string[];
}

const lower = (login: string) => login.toLowerCase();

function isBot(account: Account): boolean {
  return account.type === 'Bot' || lower(account.login).endsWith('[bot]');
}

/** The verdict for a pull request. */
export function evaluateApprovals(input: EvaluationInput): Verdict {
  const { policy, pr, now } = input;
  const approvals = policy.approvals;
  if (!approvals) throw new Error('the default branch has no valid policy/approvals.yaml');
  const notes: string[] = [];

  if (pr.changedFileCount > GITHUB_FILE_LIMIT || pr.files.length < pr.changedFileCount) {
    return failClosed(
      `the pull request changes ${pr.changedFileCount} files; GitHub lists at most ${GITHUB_FILE_LIMIT}, so its approvals cannot be checked. Split it into smaller pull requests.`,
    );
  }
  const authorCounts = approvals.review.author_counts;
  if (!authorCounts && (pr.commitCount > GITHUB_COMMIT_LIMIT || pr.commits.length < pr.commitCount)) {
    return failClosed(
      `the pull request has ${pr.commitCount} commits; GitHub lists at most ${GITHUB_COMMIT_LIMIT}, so who pushed to it cannot be checked. Squash or split it.`,
    );
  }

  const loginOf = (personId: string) => findPerson(policy, personId)?.github ?? personId;
  const who = identify(policy);
  // Who may not fill a slot: the author, and everyone GitHub records as pushing to the branch or
  // git names as author or committer of a commit (metadata alone can be forged, so it only adds).
  const barred: { account: Account; reason: string }[] = [];
  if (pr.author) barred.push({ account: pr.author, reason: 'opened this pull request' });
  for (const account of pr.pushers) barred.push({ account, reason: 'pushed to this pull request' });
  for (const commit of pr.commits) for (const account of [commit.author, commit.committer]) if (account) barred.push({ account, reason: 'pushed commits to this pull request' });
  const barredAccount = (account: Account) =>
    authorCounts ? undefined : barred.find((b) => lower(b.account.login) === lower(account.login) || (b.account.id !== undefined && b.account.id === account.id));
  const barredPerson = (personId: string) => {
    if (authorCounts) return undefined;
    const person = findPerson(policy, personId);
    return barred.find((b) => who(b.account).person?.id === personId || (person !== undefined && lower(b.account.login) === lower(person.github)));
  };
  const author = pr.author ? lower(pr.author.login) : undefined;

  // Each reviewer's standing, from their latest review that says something.
  const reviewers = readReviews(input, policy, who, barredAccount, notes);
  const approvers = new Map<string, string>();
  for (const reviewer of reviewers) if (reviewer.state === 'approved' && reviewer.counts && reviewer.person) approvers.set(reviewer.person, reviewer.login);

  const needs = [...pathNeeds(input, approvals), ...recordNeeds(input)];
  const requirements: RequirementOutcome[] = [];
  const problems: string[] = [];

  for (const need of needs) {
    const outcome: RequirementOutcome = { id: need.id, title: need.title, files: need.files, slots: [], problems: [...need.problems], satisfied: false };
    if (need.why) outcome.why = need.why;

    const roles = [...new Set(need.roleSlots.flatMap((slot) => slot.roles))];
    for (const reviewer of reviewers) {
      if (reviewer.state !== 'veto' || !reviewer.person) continue;
      const heldRoles = roles.filter((role) => roleHolders(policy, role, need.at).includes(reviewer.person!));
      const named = need.personSlots.some((slot) => slot.person === reviewer.person);
      if ((need.vetoable && heldRoles.length > 0) || named) {
        const as = heldRoles.length > 0 ? ` (${listRoles(policy, heldRoles)})` : '';
        const dismissers = approvals.review.veto_dismissal ?? [];
        outcome.problems.push(
          `vetoed by @${reviewer.login}${as}: the veto stands until @${reviewer.login} approves${dismissers.length > 0 ? ` or someone holding ${joinWords(dismissers.map((role) => roleName(policy, role)), 'or')} dismisses it` : ''}.`,
        );
      }
    }

    const holdersBySlot = need.roleSlots.map((slot) => [...new Set(slot.roles.flatMap((role) => roleHolders(policy, role, need.at)))]);
    const assignment = maximumMatching(holdersBySlot.map((holders) => ({ candidates: holders.filter((person) => approvers.has(person)) })));
    need.roleSlots.forEach((slot, index) => {
      const holders = holdersBySlot[index]!;
      const eligible = holders.filter((person) => !barredPerson(person));
      const filledBy = assignment[index];
      outcome.slots.push({ label: slot.label, candidates: eligible.map(loginOf), ...(filledBy ? { filledBy: approvers.get(filledBy)! } : {}) });
      if (filledBy) return;
      const why: string[] = [];
      for (const person of holders) {
        const reviewer = reviewers.find((r) => r.person === person);
        const bar = barredPerson(person);
        if (bar) why.push(`@${loginOf(person)} ${bar.reason}`);
        else if (reviewer?.state === 'stale') why.push(`@${reviewer.login} approved an older commit`);
        else if (approvers.has(person)) {
          const taken = assignment.indexOf(person);
          if (taken >= 0) why.push(`@${approvers.get(person)} already counts as ${need.roleSlots[taken]!.label}`);
        }
      }
      const who =
        holders.length === 0
          ? 'no one holds it on the default branch'
          : eligible.length === 0
            ? 'no holder can approve'
            : eligible.length === 1
              ? `@${loginOf(eligible[0]!)}`
              : `one of ${eligible.map((person) => `@${loginOf(person)}`).join(', ')}`;
      outcome.problems.push(`needs approval from ${slot.label}: ${who}${why.length > 0 ? ` (${why.join('; ')})` : ''}`);
    });

    for (const slot of need.personSlots) {
      const login = loginOf(slot.person);
      const consents = slot.authorConsents === true && author !== undefined && lower(login) === author;
      const approved = approvers.has(slot.person);
      outcome.slots.push({ label: slot.label, candidates: [login], ...(approved || consents ? { filledBy: login } : {}) });
      if (approved || consents) continue;
      const reviewer = reviewers.find((r) => r.person === slot.person);
      const bar = barredPerson(slot.person);
      const why =
        bar && !slot.authorConsents
          ? ` (@${login} ${bar.reason}, so their approval cannot count; have someone else open it)`
          : reviewer?.state === 'stale'
            ? ` (@${login} approved an older commit)`
            : '';
      const name = findPerson(policy, slot.person)?.name;
      outcome.problems.push(`needs approval from @${login}${name ? ` (${name})` : ''}, ${slot.role}${why}`);
    }

    outcome.satisfied = outcome.problems.length === 0;
    requirements.push(outcome);
    // Problems about a record already start with its path; the others get the requirement's title.
    for (const problem of outcome.problems) problems.push(need.files.some((file) => problem.startsWith(`${file}: `)) ? problem : `${need.title}: ${problem}`);
  }

  const state = problems.length === 0 ? 'success' : 'failure';
  const firstProblem = requirements.flatMap((r) => r.problems)[0];
  const description =
    state === 'success'
      ? requirements.length === 0
        ? 'No sign-off records or guarded files changed; no approvals required.'
        : `Approved: ${requirements.map((r) => r.title).join('; ')}`
      : `${firstProblem}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`;
  return { state, description: fitDescription(description, problems.length > 1 ? ` (+${problems.length - 1} more)` : ''), problems, requirements, reviewers, notes };
}

function failClosed(problem: string): Verdict {
  return { state: 'failure', description: fitDescription(problem, ''), problems: [problem], requirements: [], reviewers: [], notes: [] };
}

/** Line ends and other control characters: a status description is one line of plain text. */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Shortens a description to GitHub's limit, keeping the "(+n more)" tail. Text from data (role
 * names, file paths) may hold line ends and control characters; each run of them becomes a space.
 */
export function fitDescription(raw: string, tail: string): string {
  const text = raw.replace(NOT_ONE_LINE, ' ');
  if (text.length <= STATUS_DESCRIPTION_LIMIT) return text;
  const keep = tail && text.endsWith(tail) ? tail : '';
  const body = keep ? text.slice(0, -keep.length) : text;
  let cut = body.slice(0, STATUS_DESCRIPTION_LIMIT - keep.length - 1);
  // Never end on half of a surrogate pair (an emoji), which would not encode.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  // End on a whole word when one is near.
  const space = cut.lastIndexOf(' ');
  if (space > cut.length - 20) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…${keep}`;
}

/** Each reviewer's standing, in order of first review. */
function readReviews(
  input: EvaluationInput,
  policy: PolicyView,
  who: ReturnType<typeof identify>,
  barredAccount: (account: Account) => { reason: string } | undefined,
  notes: string[],
): ReviewerOutcome[] {
  const { pr, now } = input;
  const approvals = policy.approvals!;
  const latest = new Map<string, { account: Account; review: ReviewSnapshot | undefined }>();
  let deleted = 0;
  for (const review of pr.reviews) {
    if (!review.user) {
      deleted += 1;
      continue;
    }
    // One account, one standing: keyed by account id where GitHub gives one.
    const key = review.user.id !== undefined ? `#${review.user.id}` : lower(review.user.login);
    const entry = latest.get(key) ?? { account: review.user, review: undefined };
    // COMMENTED and PENDING reviews say nothing about approval; they neither approve nor lift a veto.
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED') entry.review = review;
    latest.set(key, entry);
  }
  if (deleted > 0) notes.push(deleted === 1 ? 'A review from a deleted account does not count.' : `${deleted} reviews from deleted accounts do not count.`);

  const dismissalOf = new Map<number, (typeof pr.dismissals)[number]>();
  for (const dismissal of pr.dismissals) dismissalOf.set(dismissal.reviewId, dismissal);
  const mayDismiss = (actor: Account | null, reviewer: Account): boolean => {
    if (!actor || isBot(actor)) return false;
    // The author (and anyone who pushed) is the party the veto protects against.
    if (barredAccount(actor) || (pr.author && lower(actor.login) === lower(pr.author.login))) return false;
    if (actor.id !== undefined && reviewer.id !== undefined ? actor.id === reviewer.id : lower(actor.login) === lower(reviewer.login)) return true;
    const person = who(actor).person;
    return person !== undefined && (approvals.review.veto_dismissal ?? []).some((role) => roleHolders(policy, role, now).includes(person.id));
  };

  const out: ReviewerOutcome[] = [];
  for (const { account, review } of latest.values()) {
    const identity = who(account);
    const person = identity.person;
    const outcome: ReviewerOutcome = { login: account.login, state: 'none', counts: false };
    if (person) outcome.person = person.id;
    if (isBot(account)) {
      outcome.note = 'a bot; bots never count';
      notes.push(`@${account.login} is a bot; its reviews do not count.`);
      out.push(outcome);
      continue;
    }
    if (review?.state === 'APPROVED') outcome.state = review.commitId !== null && lower(review.commitId) === lower(pr.headSha) ? 'approved' : 'stale';
    else if (review?.state === 'CHANGES_REQUESTED') outcome.state = 'veto';
    else if (review?.state === 'DISMISSED') {
      const dismissal = dismissalOf.get(review.id);
      if (!dismissal) {
        // Without the event it is unknown whether a veto was dismissed, or by whom: keep it.
        outcome.state = 'veto';
        outcome.note = `review ${review.id} was dismissed, but GitHub shows no review_dismissed event for it, so it is treated as a standing veto`;
      } else if (lower(dismissal.reviewState) === 'changes_requested' && !mayDismiss(dismissal.actor, account)) {
        outcome.state = 'veto';
        outcome.note = `their veto was dismissed by ${dismissal.actor ? `@${dismissal.actor.login}` : 'a deleted account'}, who may not lift it`;
      } else {
        outcome.note = lower(dismissal.reviewState) === 'approved' ? 'their approval was dismissed' : 'their review was dismissed';
      }
    }
    const bar = barredAccount(account);
    const permission = pr.permissions[lower(account.login)];
    if (bar) {
      outcome.note = bar.reason;
    } else if (!person) {
      outcome.note = outcome.note ?? identity.note ?? 'not in policy/people.yaml on the default branch';
    } else if (hasLeftBy(policy, person.id, now)) {
      outcome.note = `left on ${person.left}`;
    } else if (review?.state === 'APPROVED' && (permission === undefined || !WRITE_ACCESS.has(permission))) {
      // A login in people.yaml is only a name, and an organisation member may hold read access only:
      // what counts is the account's permission on this repository.
      outcome.note = `has no write access to this repository (permission ${permission ?? 'unknown'})`;
    } else {
      outcome.counts = true;
      if (identity.note) outcome.note = identity.note;
    }
    if (outcome.state === 'stale') outcome.note = outcome.note ?? `approved ${review?.commitId?.slice(0, 7) ?? 'an older commit'}, not the head commit ${pr.headSha.slice(0, 7)}`;
    out.push(outcome);
  }
  return out;
}

/** Path rules (policy/approvals.yaml `paths`) the change touches, renamed and deleted files by their old path too. */
function pathNeeds(input: EvaluationInput, approvals: SchemaTypes['approvals']): Need[] {
  const { pr, now, policy } = input;
  const needs: Need[] = [];
  for (const rule of approvals.paths) {
    const matches = picomatch(rule.paths, { dot: true });
    const files = pr.files.filter((file) => matches(file.path) || (file.previousPath !== undefined && matches(file.previousPath)));
    if (files.length === 0) continue;
    const need: Need = {
      id: `path:${rule.id}`,
      title: `${rule.paths.join(', ')} (path rule ${rule.id})`,
      why: rule.reason,
      files: files.map((file) => (file.previousPath && file.previousPath !== file.path ? `${file.previousPath} -> ${file.path}` : file.path)),
      at: now,
      roleSlots: (rule.require ?? []).map((role) => ({ roles: [role], label: roleName(policy, role) })),
      personSlots: [],
      vetoable: true,
      problems: [],
    };
    if (rule.require_affected_people) affectedPeople(input, files, need);
    needs.push(need);
  }
  return needs;
}

/** Adds a person slot for everyone whose shifts the change moves, in each changed rotation. */
function affectedPeople(input: EvaluationInput, files: readonly { path: string; previousPath?: string }[], need: Need): void {
  const { records, now, policy } = input;
  // Every instant, past and future however far ahead: a change to the past is refused by validate
  // and must not slip through here either, and a shift years out is still someone's shift.
  const moved = input.movedShifts ?? peopleWhoseShiftsMove;
  const people = new Set<string>();
  for (const file of files) {
    const change = records.find((r) => r.kind === 'rotation' && r.file.path === file.path) as RecordChange<'rotation'> | undefined;
    if (!change) {
      need.problems.push(`${file.path}: not a rotation file, so whose shifts it moves is unknown; the change cannot be approved automatically.`);
      continue;
    }
    const versions = [change.before, change.after];
    const broken = versions.find((v) => v?.invalid !== undefined);
    if (broken) {
      need.problems.push(`${broken.path}: ${broken.invalid}`);
      continue;
    }
    const before = change.before?.value;
    const after = change.after?.value;
    if (before && after) for (const person of moved(before, after)) people.add(person);
    // A new or deleted rotation moves everyone on it.
    else for (const rotation of [before, after]) for (const person of rotationPeople(rotation)) people.add(person);
  }
  for (const person of [...people].sort()) {
    const name = findPerson(policy, person)?.name ?? person;
    need.personSlots.push({ person, label: `${name}, whose shifts move`, role: 'whose shifts this change moves', authorConsents: true });
  }
}

function rotationPeople(rotation: SchemaTypes['rotation'] | undefined): string[] {
  return rotation ? peopleNamedIn(rotation) : [];
}

/** Sign-off and incident records: new decisions need their signers, old records must not be rewritten. */
function recordNeeds(input: EvaluationInput): Need[] {
  const { records, policy, now, pr } = input;
  const needs: Need[] = [];
  // Business time (2bd) counts at its nominal length here: the bound is about weeks, not hours.
  const maxAge = nominalMinutes(parseDuration(policy.approvals?.review.max_record_age ?? DEFAULT_MAX_RECORD_AGE) ?? { amount: 72, unit: 'h' }) * 60_000;
  const opened = Date.parse(pr.createdAt);
  for (const change of records) {
    if (change.kind === 'rotation' || (!change.before && !change.after)) continue;
    const path = change.file.path;
    const label = recordLabel(change.kind);
    const problems: string[] = [];
    const oldPath = change.before?.path;

    if (change.before && (!change.after || oldPath !== path)) {
      problems.push(`${oldPath}: an existing ${label} is ${change.after ? 'renamed' : 'deleted'}; records are append-only.`);
    } else if (change.before && change.after) {
      if (change.before.invalid !== undefined || change.after.invalid !== undefined) {
        problems.push(`${path}: ${change.after.invalid ?? change.before.invalid}`);
      } else {
        for (const history of historyChanges(change.kind, change.before.value, change.after.value)) problems.push(`${path}: ${describeHistoryChange(change.kind, history)}`);
      }
    }
    // The same record rules validate applies (the transition, who signs, the incident's own rules),
    // against the policy on the default branch.
    if (change.after) for (const finding of input.recordFindings ?? []) if (finding.path === path) problems.push(`${path}: ${finding.message} (${finding.ruleId}, line ${finding.line})`);
    if (change.kind !== 'signoff') {
      if (problems.length > 0) needs.push({ id: `record:${path}`, title: path, files: [path], at: now, roleSlots: [], personSlots: [], vetoable: false, problems });
      continue;
    }

    const after = change.after;
    const isNew = !change.before || oldPath !== path;
    if (after?.invalid !== undefined && isNew) problems.push(`${path}: ${after.invalid}`);
    const record = after?.value as SchemaTypes['signoff'] | undefined;
    if (!record) {
      needs.push({ id: `record:${path}`, title: path, files: [path], at: now, roleSlots: [], personSlots: [], vetoable: false, problems });
      continue;
    }

    const at = new Date(record.at);
    const need: Need = { id: `signoff:${path}`, title: path, files: [path], at, roleSlots: [], personSlots: [], vetoable: true, problems };
    if (isNew) {
      const lookup = decisionRuleFor(record, policy);
      if ('rule' in lookup) {
        need.title = `${lookup.rule.decision} in ${path}`;
        need.roleSlots = lookup.rule.slots;
        need.vetoable = lookup.rule.vetoable;
      } else if ('problem' in lookup) {
        problems.push(`${path}: ${lookup.problem.message}`);
      } else {
        problems.push(`${path}: the decision matches no rule in the default branch's policy (no such gate, rollback type, kill-switch action or scenario, or resume scope); run validate.`);
      }
      if (record.veto) problems.push(`${path}: the record names a veto by ${personLabel(policy, record.veto.person)}, so the decision is blocked.`);
      const rollback = record.rollback;
      if (rollback && rollback.authorised_by.person === rollback.approved_by.person) {
        problems.push(`${path}: ${personLabel(policy, rollback.approved_by.person)} both authorised and approved the rollback; the approver is a different person.`);
      }
    }
    const seen = new Set<string>();
    for (const signature of signaturesOf(record)) {
      const role = roleName(policy, signature.role);
      if (!findPerson(policy, signature.person)) {
        problems.push(`${path}: "${signature.person}" is not a person in policy/people.yaml on the default branch.`);
        continue;
      }
      if (isNew && !roleHolders(policy, signature.role, at).includes(signature.person)) {
        const holders = roleHolders(policy, signature.role, at).map((p) => `@${findPerson(policy, p)?.github ?? p}`);
        problems.push(
          `${path}: ${personLabel(policy, signature.person)} signs as ${role} but does not hold it at the record's time on the default branch (${holders.length > 0 ? `held by ${holders.join(', ')}` : 'no one holds it'}).`,
        );
      }
      if (seen.has(signature.person)) continue;
      seen.add(signature.person);
      need.personSlots.push({ person: signature.person, label: `${findPerson(policy, signature.person)!.name}, signing as ${role}`, role: `who signs it as ${role}` });
    }
    needs.push(need);
    // `at` is written by the author: a date far before the pull request (or after now) could borrow
    // the authority of whoever held the roles then. Such a record needs today's holders as well.
    const dated = at.getTime();
    if (isNew && need.roleSlots.length > 0 && (dated < opened - maxAge || dated > now.getTime())) {
      const bound = policy.approvals?.review.max_record_age ?? DEFAULT_MAX_RECORD_AGE;
      needs.push({
        id: `current:${path}`,
        title: `today's holders for ${need.title}`,
        why: dated > now.getTime()
          ? `The record is dated ${record.at}, after now, so the roles' holders today approve it as well.`
          : `The record is dated ${record.at}, more than ${bound} (review.max_record_age) before the pull request was opened (${pr.createdAt}), so the roles' holders today approve it as well.`,
        files: [path],
        at: now,
        roleSlots: need.roleSlots.map((slot) => ({ ...slot, label: `${slot.label} (holder today)` })),
        personSlots: [],
        vetoable: need.vetoable,
        problems: [],
      });
    }
  }
  return needs;
}
