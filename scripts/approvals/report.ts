/**
 * The verdict in words: terminal text, JSON, and the Markdown job summary. Pure. Logins, paths and
 * messages come from the pull request, so they are escaped before they reach Markdown.
 */
import { escapeMarkdownInline as md } from '../report/markdown-escape.ts';
import type { Verdict } from './evaluate.ts';

/** Where the verdict was posted, for the outputs. */
export interface VerdictContext {
  pr: number;
  headSha: string;
  /** Whether the commit status was posted (false with --dry-run). */
  posted: boolean;
  context: string;
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
  lines.push(ctx.posted ? `Posted ${verdict.state} (${ctx.context}): ${verdict.description}` : `Not posted (dry run): ${verdict.state}: ${verdict.description}`);
  return `${lines.join('\n')}\n`;
}

/** What `approvals --format json` prints. */
export function verdictJson(verdict: Verdict, ctx: VerdictContext): string {
  return `${JSON.stringify({ pr: ctx.pr, head: ctx.headSha, context: ctx.context, posted: ctx.posted, ...verdict }, null, 2)}\n`;
}

/** The job summary (GITHUB_STEP_SUMMARY). */
export function verdictSummary(verdict: Verdict, ctx: VerdictContext): string {
  const icon = verdict.state === 'success' ? '✅' : '❌';
  const out = [`## ${icon} Approvals ${STATE_WORD[verdict.state]} for #${ctx.pr}`, '', `Head commit \`${ctx.headSha.slice(0, 12)}\`; status \`${ctx.context}\`: **${verdict.state}**: ${md(verdict.description)}`, ''];
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
