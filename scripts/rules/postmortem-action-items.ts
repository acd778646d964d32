import { actionItemStandings } from '../postmortems/action-items.ts';
import type { Rule } from './rule.ts';

/**
 * Follow-up tracked to completion, and no infinite post-mortem backlog: every action
 * item has an owner, a due date and a status (the schema requires them; reference-exists checks the
 * owner). An open item past its due date is a warning, and an error once it is overdue by more than
 * policy/organisation.yaml `follow_up.action_item_grace`.
 */
export const postmortemActionItems: Rule = {
  id: 'postmortem-action-items',
  description: 'Post-mortem action items are tracked to completion: an open item past its due date is a warning, an error after the grace period in policy/organisation.yaml (follow_up.action_item_grace); ids are unique; done dates match the status; owners have not left.',
  severity: 'error',
  alsoReports: ['warning'],
  needs: ['organisation'],
  check(ctx) {
    const grace = ctx.model.policy.organisation!.data.follow_up?.action_item_grace;
    const people = new Map((ctx.model.policy.people?.data.people ?? []).map((p) => [p.id, p]));
    for (const standing of actionItemStandings(ctx.model, ctx.now)) {
      const { item, index, postmortem: doc } = standing;
      const at = ['action_items', index] as const;
      if (standing.overdue) {
        const days = `${standing.daysOverdue} day${standing.daysOverdue === 1 ? '' : 's'}`;
        ctx.report(doc, [...at, 'due'], {
          message: `action_items[${index}].due: ${item.id} ("${item.title}") is ${item.status} and ${days} past its due date ${item.due}${standing.pastGrace ? `, beyond the ${grace} grace period` : ''}.`,
          hint: `Finish it and set status: done with the done date, or agree a new due date with its owner (${item.owner}). Every unresolved action item is a bet that the incident will not recur.`,
          severity: standing.pastGrace ? 'error' : 'warning',
        });
      }
      if (item.status === 'done' && item.done === undefined) {
        ctx.report(doc, [...at, 'status'], {
          message: `action_items[${index}].status: ${item.id} is done but has no done date.`,
          hint: 'Add done: with the date it was completed.',
          severity: 'warning',
        });
      }
      if (item.done !== undefined && item.status !== 'done') {
        ctx.report(doc, [...at, 'done'], {
          message: `action_items[${index}].done: ${item.id} has a done date (${item.done}) but its status is "${item.status}".`,
          hint: 'Set status: done, or remove the done date.',
        });
      }
      const owner = people.get(item.owner);
      if (standing.open && owner?.left !== undefined && owner.left < (ctx.now.toISOString().slice(0, 10))) {
        ctx.report(doc, [...at, 'owner'], {
          message: `action_items[${index}].owner: "${item.owner}" left on ${owner.left}, and ${item.id} is still ${item.status}.`,
          hint: 'Give the item a new owner.',
          severity: 'warning',
        });
      }
    }
    for (const doc of ctx.model.postmortems) {
      const seen = new Set<string>();
      doc.data.action_items.forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.report(doc, ['action_items', index, 'id'], {
            message: `action_items[${index}].id: "${item.id}" is used by an earlier action item of this post-mortem.`,
            hint: 'Number the items AI-1, AI-2, ... without repeats: reminders and links follow the id.',
          });
        }
        seen.add(item.id);
      });
    }
  },
};
