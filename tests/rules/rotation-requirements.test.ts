/**
 * The organisation's rotation requirements (policy/organisation.yaml rotation_requirements) and
 * the on-call team of a lifecycle stage, each broken once in a copy of the example organisation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { at, checkCase, expectExactly, validateAt, type Case } from '../incidents/support.ts';
import { tempRepo, type TempRepo } from '../support/repo.ts';

const ROTATION = 'rotations/ingestion.yaml';
const ORGANISATION = 'policy/organisation.yaml';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

const addOverride = (r: TempRepo, text: string) => r.replace(ROTATION, '  # A swap is a pair of overrides;', `${text}\n  # A swap is a pair of overrides;`);

const cases: Case[] = [
  {
    name: 'a policy that moves the hand-off to Tuesday finds the Monday rotation',
    edit: (r) => r.replace(ORGANISATION, 'handoff: { weekday: monday, time: "09:00" }', 'handoff: { weekday: tuesday, time: "09:00" }'),
    expect: (r) => [
      {
        ruleId: 'rotation-handoff-policy',
        severity: 'error',
        file: ROTATION,
        ...at(r, ROTATION, 'weekday: monday', 'monday'),
        message: 'handoff.weekday: rotation "ingestion" hands off on "monday", but policy/organisation.yaml rotation_requirements[0] (D9 rotation structure and cadence) requires "tuesday" for the rotations of product "ingestion".',
      },
    ],
  },
  {
    name: 'a weekly rotation where the policy says every two weeks',
    edit: (r) => r.replace(ORGANISATION, 'cadence: { unit: week, every: 1 }', 'cadence: { unit: week, every: 2 }'),
    expect: (r) => [
      {
        ruleId: 'rotation-handoff-policy',
        severity: 'error',
        file: ROTATION,
        ...at(r, ROTATION, 'cadence:', '{'),
        message: 'cadence: rotation "ingestion" changes hands every 1 week, but policy/organisation.yaml rotation_requirements[0] (D9 rotation structure and cadence) requires every 2 weeks for the rotations of product "ingestion".',
      },
    ],
  },
  {
    name: 'a primary tier slower to respond than the policy allows',
    edit: (r) => r.replace(ROTATION, 'response: 15m', 'response: 20m'),
    expect: (r) => [
      {
        ruleId: 'tier-requirements',
        severity: 'error',
        file: ROTATION,
        ...at(r, ROTATION, 'response: 20m', '20m'),
        message: 'tiers[0].response: tier "primary" of rotation "ingestion" responds within 20 minutes, longer than the 15 minutes policy/organisation.yaml rotation_requirements[0] (D9 rotation structure and cadence) requires.',
      },
    ],
  },
  {
    name: 'an owner tier covered in business hours alone',
    edit: (r) => r.replace(ROTATION, 'coverage: business-hours-and-on-call', 'coverage: business-hours'),
    expect: (r) => [
      {
        ruleId: 'tier-requirements',
        severity: 'error',
        file: ROTATION,
        ...at(r, ROTATION, 'coverage: business-hours', 'business-hours'),
        message: 'tiers[2].coverage: tier "owner" of rotation "ingestion" is covered "Business hours" (business-hours), less than the "Business hours + on call" (business-hours-and-on-call)',
      },
    ],
  },
  {
    name: 'a rotation without the owner tier the policy requires',
    edit: (r) => {
      r.replace(ROTATION, '  - id: owner', '  - id: lead');
      r.replace(ROTATION, 'escalates_to: { tier: owner }', 'escalates_to: { tier: lead }');
    },
    expect: (r) => [
      {
        ruleId: 'tier-requirements',
        severity: 'error',
        file: ROTATION,
        ...at(r, ROTATION, '  - id: primary', '-'),
        message: 'tiers: rotation "ingestion" has no tier "owner", which policy/organisation.yaml rotation_requirements[0] (D9 rotation structure and cadence) requires for the rotations of product "ingestion".',
      },
    ],
  },
  {
    name: 'someone from the operating team on call while the product stabilises',
    edit: (r) =>
      addOverride(r, `  - tier: secondary
    person: rosa-alvarez
    start: 2026-11-25T09:00:00+01:00
    end: 2026-11-26T09:00:00+01:00
    reason: Anchor covers a day`),
    expect: (r) => [
      {
        ruleId: 'stage-on-call-team',
        severity: 'error',
        file: ROTATION,
        ...at(r, ROTATION, 'person: rosa-alvarez', 'rosa-alvarez'),
        message:
          'overrides[1].person: "rosa-alvarez" of anchor-operations holds Secondary from 2026-11-25T09:00+01:00 to 2026-11-26T09:00+01:00, while product "ingestion" is in stage "stabilisation", whose on-call is drawn from egi-engineering.',
      },
    ],
  },
  {
    name: 'after the hand-off the stage no longer names the team (post-handoff-on-call speaks instead)',
    edit: (r) =>
      addOverride(r, `  - tier: secondary
    person: farid-haddad
    start: 2026-12-08T09:00:00+01:00
    end: 2026-12-09T09:00:00+01:00
    reason: Farid covers a day after the hand-off`),
    expect: (r) => [
      {
        ruleId: 'post-handoff-on-call',
        severity: 'error',
        file: ROTATION,
        ...at(r, ROTATION, 'person: farid-haddad', 'farid-haddad'),
      },
    ],
  },
];

describe('rotation requirements and stage on-call teams', () => {
  it.each(cases)('$name', (testCase) => checkCase(testCase, (repo) => repos.push(repo)));

  it('a rotation handing off at 17:00 where the policy says 09:00 is reported at its time, beside the hand-off notes it misplaces', async () => {
    const repo = tempRepo();
    repos.push(repo);
    repo.replace(ROTATION, 'time: "09:00"', 'time: "17:00"');
    const { code, diagnostics } = await validateAt(repo);
    expect(code).toBe(1);
    // The hand-off notes written for 09:00 no longer match a hand-off (the handoff-note rule says so).
    expect(diagnostics.filter((d) => d.ruleId !== 'rotation-handoff-policy').map((d) => [d.ruleId, d.file])).toEqual([
      ['handoff-note', 'handoffs/2026/2026-11-09-ingestion-primary.yaml'],
      ['handoff-note', 'handoffs/2026/2026-11-16-ingestion-primary.yaml'],
    ]);
    expectExactly(
      diagnostics.filter((d) => d.ruleId === 'rotation-handoff-policy'),
      [
        {
          ruleId: 'rotation-handoff-policy',
          severity: 'error',
          file: ROTATION,
          ...at(repo, ROTATION, 'time: "17:00"', '"17:00"'),
          message: 'handoff.time: rotation "ingestion" hands off at "17:00" (Europe/Berlin), but policy/organisation.yaml rotation_requirements[0] (D9 rotation structure and cadence) requires "09:00" local time for the rotations of product "ingestion".',
        },
      ],
    );
  });

  it('a rotation that hands off on Tuesday is reported at its weekday, beside what the move does to its shifts', async () => {
    const repo = tempRepo();
    repos.push(repo);
    repo.replace(ROTATION, 'weekday: monday', 'weekday: tuesday');
    const { code, diagnostics } = await validateAt(repo);
    expect(code).toBe(1);
    expectExactly(
      diagnostics.filter((d) => d.ruleId === 'rotation-handoff-policy'),
      [
        {
          ruleId: 'rotation-handoff-policy',
          severity: 'error',
          file: ROTATION,
          ...at(repo, ROTATION, 'weekday: tuesday', 'tuesday'),
          message: 'handoff.weekday: rotation "ingestion" hands off on "tuesday", but policy/organisation.yaml rotation_requirements[0] (D9 rotation structure and cadence) requires "monday" for the rotations of product "ingestion".',
        },
      ],
    );
  });

  it('requirements without products apply to every rotation', async () => {
    const repo = tempRepo();
    repos.push(repo);
    repo.replace(ORGANISATION, '  - products: [ingestion]\n', '  - ');
    repo.replace(ORGANISATION, '    source: D9 rotation structure and cadence', 'source: D9 rotation structure and cadence');
    repo.write(
      'rotations/platform.yaml',
      `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: platform
name: Platform on-call
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: friday, time: "09:00" }
start: 2027-01-01
tiers:
  - id: primary
    name: Primary
    coverage: always
    response: 15m
    rosters:
      - from: 2027-01-01
        participants: [chen-wei, noah-fischer, farid-haddad]
`,
    );
    const { diagnostics } = await validateAt(repo);
    const platform = 'rotations/platform.yaml';
    expectExactly(
      diagnostics.filter((d) => d.file === platform && d.ruleId !== 'coverage-gap'),
      [
        { ruleId: 'rotation-handoff-policy', severity: 'error', file: platform, ...at(repo, platform, 'weekday: friday', 'friday'), message: 'requires "monday" for every rotation' },
        { ruleId: 'tier-requirements', severity: 'error', file: platform, ...at(repo, platform, '  - id: primary', '-'), message: 'has no tier "secondary"' },
        { ruleId: 'tier-requirements', severity: 'error', file: platform, ...at(repo, platform, '  - id: primary', '-'), message: 'has no tier "owner"' },
      ],
    );
  });
});
