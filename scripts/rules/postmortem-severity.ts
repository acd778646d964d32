import type { Rule } from './rule.ts';

/**
 * The template's required sections depend on a post-mortem's severity, which its front matter
 * states so the post-mortem can be checked on its own; that severity must be its incident's, or a
 * post-mortem could leave out sections by claiming a milder one.
 */
export const postmortemSeverity: Rule = {
  id: 'postmortem-severity',
  description: "A post-mortem's severity (front matter) is its incident's severity, since it decides which template sections are required.",
  severity: 'error',
  needs: ['incident'],
  check(ctx) {
    const severities = new Map(ctx.model.incidents.map((doc) => [doc.data.id, doc.data.severity]));
    for (const doc of ctx.model.postmortems) {
      const severity = doc.data.severity;
      const incident = severities.get(doc.data.incident);
      if (severity === undefined || incident === undefined || severity === incident) continue;
      ctx.report(doc, ['severity'], {
        message: `severity: "${severity}" differs from the severity of incident "${doc.data.incident}", "${incident}".`,
        hint: `Set severity: ${incident}; the sections the template requires follow from it.`,
      });
    }
  },
};
