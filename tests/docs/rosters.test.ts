/** The roster and people pages show layers, time off (never a private reason) and fairness. */
import { afterEach, describe, expect, it } from 'vitest';
import { FOLLOW_THE_SUN } from '../support/follow-the-sun.ts';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import { renderRepository } from './support.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});


describe('roster and people pages', () => {
  it('show each layer of a follow-the-sun tier, who holds it per week, and time off without private reasons', async () => {
    repo = tempRepo();
    repo.write('rotations/global.yaml', FOLLOW_THE_SUN);
    repo.replace(
      'policy/people.yaml',
      '    contacts: { slack: "@uma", phone: "+44 20 5550 1022" }',
      '    contacts: { slack: "@uma", phone: "+44 20 5550 1022" }\n    time_off:\n      - { from: 2026-11-30, to: 2026-12-04, reason: Family visit }\n      - { from: 2026-12-10, to: 2026-12-10, reason: Clinic, private: true }',
    );
    const pages = await renderRepository(repo.root);
    const roster = pages.get('docs/rosters/global.md')!;
    expect(roster).toContain('| Primary | 24/7, 2 layers | — | — |');
    expect(roster).toContain('| Primary | Sydney; Australia/Sydney; weekly, hand-off Monday 09:00; on call around the clock |');
    expect(roster).toContain('| Primary | Berlin day; Europe/Berlin; weekly, hand-off Monday 09:00; on call Mon, Tue, Wed, Thu, Fri 09:00-21:00; on top of earlier layers |');
    expect(roster).toContain('| Mon 23 Nov 2026 09:00 | Mon 30 Nov 2026 09:00 | Sydney: [Farid Haddad](../people.md#farid-haddad), [Uma Patel](../people.md#uma-patel); Berlin day: [Noah Fischer](../people.md#noah-fischer) |');
    expect(roster).toContain('| [Uma Patel](../people.md#uma-patel) | Mon 30 Nov 2026 01:00 | Sat 5 Dec 2026 01:00 | Family visit |');
    expect(roster).toContain('| [Uma Patel](../people.md#uma-patel) | Thu 10 Dec 2026 01:00 | Fri 11 Dec 2026 01:00 | |');
    expect(roster).not.toContain('Clinic');
    // Sunday noon: the weekday Berlin layer is off, so Sydney holds the tier (times in the rotation's zone, Berlin).
    expect(roster).toContain('| Primary (sydney) | [Uma Patel](../people.md#uma-patel) |');
    const people = pages.get('docs/people.md')!;
    expect(people).toContain('away Mon 30 Nov 2026 00:00 to Sat 5 Dec 2026 00:00 (Family visit)');
    expect(people).toContain('away Thu 10 Dec 2026 00:00 to Fri 11 Dec 2026 00:00 |');
    expect(people).not.toContain('Clinic');
  });

  it('show fairness: hours, shares of the mean, weekend and night hours, pages this period and this year', async () => {
    repo = tempRepo();
    const roster = (await renderRepository(repo.root)).get('docs/rosters/ingestion.md')!;
    const section = roster.slice(roster.indexOf('## Fairness'), roster.indexOf('## Hand-off checklist'));
    expect(section).toContain('| Person | Hours | Share | Weekend | Night | Pages | Hours this year | Share this year | Pages this year | Flags |');
    // Counted as scheduled to the next hand-off, so the table stays the same between hand-offs.
    expect(section).toContain('over the 4 weeks to the next hand-off (Mon 23 Nov 2026 09:00)');
    // The four hand-off weeks from Mon 26 Oct: each engineer holds one primary and one secondary week
    // (336 hours), and has one page (the 29 Oct outage, 10 and 18 Nov). This year to 23 Nov Kavya has
    // 6 weeks and 2 pages against a mean of 924.5 hours and 1.5 pages: within 1.5x, so not flagged.
    expect(section).toContain('| [Kavya Iyer](../people.md#kavya-iyer) | 336\\.0 | 1\\.00 | 96\\.0 | 126\\.0 | 1 | 1008\\.0 | 1\\.09 | 2 | |');
    // The owner tier is business hours + on call, reachable the whole shift: all 672 hours of the four
    // weeks, and 1849 this year (from 7 Sep, with the 169-hour week across the end of summer time);
    // paged in the 29 Oct outage, and in the 14 Oct incident before the four weeks.
    expect(section).toContain('| [Amara Okafor](../people.md#amara-okafor) | 672\\.0 | 1\\.00 | 192\\.0 | 252\\.0 | 1 | 1849\\.0 | 1\\.00 | 2 | |');
  });
});
