import { codeownersProblem, partialOverlaps } from '../approvals/path-patterns.ts';
import type { Rule } from './rule.ts';

/**
 * The approvals check reads `paths` with picomatch; GitHub reads the CODEOWNERS lines generated from
 * them with its own gitignore-like rules and applies only the last line that matches a file. A
 * pattern the two read differently, or two rules' patterns that share files while neither holds
 * the other, make GitHub ask for other reviewers than the check requires.
 */
export const approvalsPathPattern: Rule = {
  id: 'approvals-path-pattern',
  description:
    "Every path pattern in policy/approvals.yaml means the same to the approvals check and to GitHub's CODEOWNERS (no extended globs, braces, character classes or negations; a folder as folder/**), and patterns of different rules either nest or do not meet.",
  severity: 'error',
  needs: ['approvals'],
  check(ctx) {
    const doc = ctx.model.policy.approvals!;
    const folders = new Set(['.github', 'docs', 'incidents', 'policy', 'rotations', 'schemas', 'scripts', 'signoffs', 'tests']);
    for (const file of ctx.model.files) {
      const parts = file.path.split('/');
      for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    }
    doc.data.paths.forEach((rule, r) => {
      rule.paths.forEach((glob, p) => {
        const problem = codeownersProblem(glob, folders);
        if (problem) ctx.report(doc, ['paths', r, 'paths', p], { message: `paths[${r}].paths[${p}]: ${problem.message}.`, hint: problem.hint });
      });
    });
    const rules = doc.data.paths.map((rule) => ({ id: rule.id, patterns: rule.paths, owners: [] }));
    for (const { a, b } of partialOverlaps(rules)) {
      const r = doc.data.paths.findIndex((rule) => rule.id === b.rule);
      const p = doc.data.paths[r]!.paths.indexOf(b.pattern);
      ctx.report(doc, ['paths', r, 'paths', p], {
        message: `paths[${r}].paths[${p}]: "${b.pattern}" (rule ${b.rule}) and "${a.pattern}" (rule ${a.rule}) share files, but neither holds the other; GitHub applies only the last CODEOWNERS line, so those files would get the owners of one rule only.`,
        hint: `Make one pattern lie inside the other, or add a rule for the files they share (its pattern inside both).`,
      });
    }
  },
};
