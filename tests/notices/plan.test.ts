/** Which notices are due when: follow-the-sun hand-offs, one reminder per stint, people away, the lookback. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadScheduleData } from '../../scripts/commands/schedule.ts';
import { planNotices } from '../../scripts/notices/plan.ts';
import { renderNotice } from '../../scripts/notices/render.ts';
import { FOLLOW_THE_SUN } from '../support/follow-the-sun.ts';
import { tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const HOUR = 3_600_000;

async function plan(now: string, lookbackHours = 6, remindHours = 24) {
  const data = await loadScheduleData(repo!.root, undefined, { incidents: true });
  return { data, notices: planNotices(data.model, { now: new Date(now), lookbackMs: lookbackHours * HOUR, remindBeforeMs: remindHours * HOUR }) };
}

describe('planNotices', () => {
  it('announces both daily hand-offs of a follow-the-sun tier, each once, with a stable key', async () => {
    repo = tempRepo();
    repo.write('rotations/global.yaml', FOLLOW_THE_SUN);
    // Tuesday 24 November, 22:00 Berlin: Berlin handed to Sydney at 21:00.
    const { notices } = await plan('2026-11-24T22:00:00+01:00');
    const global = notices.filter((n) => n.rotation === 'global');
    expect(global.map((n) => [n.key, n.changes.map((c) => [c.layer, c.outgoing, c.incoming])])).toEqual([['handoff/global/20261124T2000Z', [['sydney', 'noah-fischer', 'farid-haddad']]]]);
    // The morning after: Sydney hands back at 09:00; the evening's notice is older than the lookback.
    const morning = (await plan('2026-11-25T09:30:00+01:00')).notices.filter((n) => n.rotation === 'global' && n.kind === 'handoff');
    expect(morning.map((n) => n.key)).toEqual(['handoff/global/20261125T0800Z']);
  });

  it('reminds once per stint, not every morning of a turn on a restricted layer', async () => {
    repo = tempRepo();
    repo.write('rotations/global.yaml', FOLLOW_THE_SUN);
    // Sunday 29 November: Uma starts her Sydney week at Monday 09:00 Sydney time (Sunday 23:00 in
    // Berlin), Chen his Berlin week on Monday at 09:00; from then on their days are no new stints.
    const sunday = (await plan('2026-11-29T12:00:00+01:00')).notices.filter((n) => n.kind === 'reminder' && n.rotation === 'global');
    expect(sunday.map((n) => n.key)).toEqual(['reminder/global/primary/20261129T2200Z/uma-patel', 'reminder/global/primary/20261130T0800Z/chen-wei']);
    const monday = (await plan('2026-11-30T12:00:00+01:00')).notices.filter((n) => n.kind === 'reminder' && n.rotation === 'global');
    expect(monday).toEqual([]);
  });

  it('flags an incoming person who is away, and never shows why when the reason is private', async () => {
    repo = tempRepo();
    repo.replace(
      'policy/people.yaml',
      '    contacts: { slack: "@rosa", phone: "+34 91 555 0119", pager: "opsgenie:rosa-alvarez", pagerduty_user: PRALV01 }',
      '    contacts: { slack: "@rosa", phone: "+34 91 555 0119", pager: "opsgenie:rosa-alvarez", pagerduty_user: PRALV01 }\n    time_off:\n      - { from: 2026-12-07, to: 2026-12-08, reason: Surgery, private: true }',
    );
    const { data, notices } = await plan('2026-12-07T10:00:00+01:00');
    const handoff = notices.find((n) => n.kind === 'handoff')!;
    expect(handoff.changes[0]).toMatchObject({ tier: 'primary', incoming: 'rosa-alvarez', incomingAway: true });
    const people = new Map(data.model.policy.people!.data.people.map((p) => [p.id, p]));
    const text = renderNotice(handoff, people, new Date('2026-12-07T10:00:00+01:00'), 'slack');
    expect(text).toContain('- Primary: Rosa Alvarez (@rosa) comes on until Mon 14 Dec 09:00 (away then: find cover); Liam Novak (@liam) goes off');
    expect(text).not.toContain('Surgery');
  });

  it('escapes names and titles for Slack', async () => {
    repo = tempRepo();
    repo.replace('rotations/ingestion.yaml', 'name: Ingestion on-call', 'name: "Ingestion <!channel> & co"');
    const { data, notices } = await plan('2026-12-07T10:00:00+01:00');
    const people = new Map(data.model.policy.people!.data.people.map((p) => [p.id, p]));
    expect(renderNotice(notices[0]!, people, new Date('2026-12-07T10:00:00+01:00'), 'slack')).toContain('*Hand-off: Ingestion &lt;!channel&gt; &amp; co*');
  });
});
