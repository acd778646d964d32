import type { Rule } from './rule.ts';

/** A backup who is also the primary is no backup: the role has a single point of failure. */
export const roleBackupDiffers: Rule = {
  id: 'role-backup-differs',
  description: "A role's backup differs from its primary, and no holder is listed twice.",
  severity: 'error',
  needs: ['roles'],
  check(ctx) {
    const doc = ctx.model.policy.roles!;
    doc.data.roles.forEach((role, index) => {
      const holder = role.holder;
      if (!('primary' in holder)) return;
      if (holder.backup !== undefined && holder.backup === holder.primary) {
        ctx.report(doc, ['roles', index, 'holder', 'backup'], {
          message: `roles[${index}].holder.backup: "${holder.backup}" is also the primary ${role.name}.`,
          hint: 'Name a different person as backup, so the role is covered when the primary is away.',
        });
      }
      (holder.others ?? []).forEach((other, o) => {
        if (other === holder.primary || other === holder.backup) {
          ctx.report(doc, ['roles', index, 'holder', 'others', o], {
            message: `roles[${index}].holder.others[${o}]: "${other}" already holds ${role.name} as ${other === holder.primary ? 'primary' : 'backup'}.`,
            hint: 'List each holder once.',
          });
        }
      });
    });
  },
};
