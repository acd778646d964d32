/**
 * The verdict in words: terminal text, JSON, and the Markdown job summary. Pure. Logins, paths and
 * messages come from the pull request, so they are escaped before they reach Markdown.
 */
import { escapeMarkdownInline as md } from '../report/markdown-escape.ts';
import type { CommitVerdict } from './commit-verdict.ts';
import type { Verdict } from './evaluate.ts';

/** Where the verdict was posted, for the outputs. */
export interface VerdictContext {
  pr: number;
  headSha: string;
  /** Whether the commit status was posted (false with --dry-run). */
  posted: boolean;
  context: string;
  /** The commit's status, decided from every open pull request into the default branch with this head. */
  commit: CommitVerdict;
}

/** "decided by #42 (also the head of #43)" when several pull requests share the commit. */
function sharedLine(ctx: VerdictContext): string | undefined {
  const others = ctx.commit.pullRequests.filter((p) => p.number !== ctx.pr);
  if (ctx.commit.pullRequests.length === 0) return `No open pull request into the default branch has ${ctx.headSha.slice(0, 7)} as its head.`;
  if (others.length === 0 && ctx.commit.decidedBy === ctx.pr) return undefined;
  const list = ctx.commit.pullRequests.map((p) => `#${p.number} ${p.state}`).join(', ');
  return `Commit ${ctx.headSha.slice(0, 7)} is the head of ${list}; its status follows #${ctx.commit.decidedBy} (approved if any of them is).`;
}

const STATE_WORD = { success: 'satisfied', failure: 'not satisfied' } as const;

/** What `approvals` prints on a terminal. */
export function verdictText(verdict: Verdict, ctx: VerdictContext): string {
  const lines = [`Pull request #${ctx.pr} at ${ctx.headSha.slice(0, 7)}: approvals ${STATE_WORD[verdict.state]}.`];
  for (const requirement of verdict.requirements) {
    lines.push(`${requirement.satisfied ? '  ✔' : '  ✖'} ${requirement.title}`);
    for (const slot of requirement.slots) lines.push(`      ${slot.label}: ${slot.filledBy ? `approved by @${slot.filledBy}` : 'missing'}`);
    for (const problem of requirement.problems) lines.push(`      - ${problem}`);
  }
  if (verdict.requirements.length === 0) for (const problem of verdict.problems) lines.push(`  - ${problem}`);
  for (const note of verdict.notes) lines.push(`  note: ${note}`);
  const shared = sharedLine(ctx);
  if (shared) lines.push(shared);
  const { state, description } = ctx.commit;
  lines.push(ctx.posted ? `Posted ${state} (${ctx.context}): ${description}` : `Not posted (dry run): ${state}: ${description}`);
  return `${lines.join('\n')}\n`;
}

/** What `approvals --format json` prints. */
export function verdictJson(verdict: Verdict, ctx: VerdictContext): string {
  const { state, description, decidedBy, pullRequests } = ctx.commit;
  const own = { state: verdict.state, description: verdict.description };
  return `${JSON.stringify({ pr: ctx.pr, head: ctx.headSha, context: ctx.context, posted: ctx.posted, ...verdict, pullRequest: own, state, description, decidedBy, pullRequests }, null, 2)}\n`;
}

/** The job summary (GITHUB_STEP_SUMMARY). */
export function verdictSummary(verdict: Verdict, ctx: VerdictContext): string {
  const icon = verdict.state === 'success' ? '✅' : '❌';
  const out = [`## ${icon} Approvals ${STATE_WORD[verdict.state]} for #${ctx.pr}`, '', `Head commit \`${ctx.headSha.slice(0, 12)}\`; status \`${ctx.context}\`: **${ctx.commit.state}**: ${md(ctx.commit.description)}`, ''];
  const shared = sharedLine(ctx);
  if (shared) out.push(`> ${md(shared)}`, '');
  if (verdict.requirements.length > 0) {
    out.push('| requirement | needs | approved by |', '| --- | --- | --- |');
    for (const requirement of verdict.requirements) {
      const title = `${requirement.satisfied ? '✅' : '❌'} ${md(requirement.title)}`;
      if (requirement.slots.length === 0) out.push(`| ${title} | | |`);
      requirement.slots.forEach((slot, index) => {
        out.push(`| ${index === 0 ? title : ''} | ${md(slot.label)} | ${slot.filledBy ? md(`@${slot.filledBy}`) : 'missing'} |`);
      });
    }
    out.push('');
  }
  if (verdict.problems.length > 0) {
    out.push('### What is missing', '');
    for (const problem of verdict.problems) out.push(`- ${md(problem)}`);
    out.push('');
  }
  const notable = verdict.reviewers.filter((r) => r.note !== undefined || r.state === 'veto' || r.state === 'stale');
  if (notable.length > 0) {
    out.push('### Reviews that do not count as approvals', '');
    for (const reviewer of notable) {
      const state = reviewer.state === 'veto' ? 'changes requested (a veto)' : reviewer.state === 'stale' ? 'approval on an older commit' : reviewer.state === 'approved' ? 'approved' : '';
      const parts = [state, reviewer.note ?? ''].filter((part) => part !== '');
      out.push(`- ${md(`@${reviewer.login}`)}: ${md(parts.join('; '))}`);
    }
    out.push('');
  }
  for (const note of verdict.notes) out.push(`> ${md(note)}`, '');
  return `${out.join('\n')}\n`;
}

/** The job summary when the check could not run to a verdict. */
export function errorSummary(pr: number | undefined, message: string): string {
  return `## ⚠️ Approvals could not be checked${pr !== undefined ? ` for #${pr}` : ''}\n\n${md(message)}\n\nThe status is never success while this happens; re-run the workflow once the cause is fixed.\n\n`;
}
