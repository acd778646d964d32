import type { Rule } from './rule.ts';

/** A backup who is also the primary is no backup: the role has a single point of failure. */
export const roleBackupDiffers: Rule = {
  id: 'role-backup-differs',
  description: "In every assignment of a named role, the backup differs from the primary, and no holder is listed twice.",
  severity: 'error',
  needs: ['roles'],
  check(ctx) {
    const doc = ctx.model.policy.roles!;
    doc.data.roles.forEach((role, r) => {
      (role.holders ?? []).forEach((assignment, a) => {
        const where = `roles[${r}].holders[${a}]`;
        if (assignment.backup !== undefined && assignment.backup === assignment.primary) {
          ctx.report(doc, ['roles', r, 'holders', a, 'backup'], {
            message: `${where}.backup: "${assignment.backup}" is also the primary ${role.name}.`,
            hint: 'Name a different person as backup, so the role is covered when the primary is away.',
          });
        }
        (assignment.others ?? []).forEach((other, o) => {
          if (other === assignment.primary || other === assignment.backup) {
            ctx.report(doc, ['roles', r, 'holders', a, 'others', o], {
              message: `${where}.others[${o}]: "${other}" already holds ${role.name} as ${other === assignment.primary ? 'primary' : 'backup'}.`,
              hint: 'List each holder once.',
            });
          }
        });
      });
    });
  },
};
