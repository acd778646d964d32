/**
 * The rotation rules of `validate`, each broken once in a copy of the fixture organisation, with
 * the exact rule id, file, line and interval the user sees.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, validateJson } from '../support/cli.ts';
import { lineOf, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const ROTATION = 'rotations/ingestion.yaml';
const ROTATION_RULES = new Set([
  'coverage-gap',
  'double-booking',
  'on-call-limits',
  'override-overlap',
  'participant-active',
  'post-handoff-on-call',
  'production-coverage',
  'rotation-history',
]);

async function rotationFindings(root: string) {
  const { report } = await validateJson(root);
  return report.diagnostics.filter((d) => ROTATION_RULES.has(d.ruleId));
}

/** A second rotation (EGI platform team, Berlin) for the tests that need one. */
const platform = (body: string) => `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: platform
name: Platform on-call
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: monday, time: "09:00" }
start: 2026-11-23
${body}`;

const addOverride = (r: TempRepo, text: string) => r.replace(ROTATION, '  # A swap is a pair of overrides;', `${text}\n  # A swap is a pair of overrides;`);

describe('rotation rules on the fixture organisation', () => {
  it('finds nothing in the fixture data', async () => {
    repo = tempRepo();
    expect(await rotationFindings(repo.root)).toEqual([]);
  });
});

describe('coverage-gap', () => {
  it('reports the hour an override leaves uncovered before a roster starts', async () => {
    repo = tempRepo();
    repo.write(
      'rotations/platform.yaml',
      platform(`tiers:
  - id: primary
    name: Primary
    coverage: always
    rosters:
      - from: 2026-11-30
        participants: [chen-wei, noah-fischer, farid-haddad]
overrides:
  - tier: primary
    person: uma-patel
    start: 2026-11-23T09:00:00+01:00
    end: 2026-11-30T08:00:00+01:00
    reason: Uma covers until the roster starts
`),
    );
    const findings = await rotationFindings(repo.root);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'coverage-gap',
        severity: 'error',
        file: 'rotations/platform.yaml',
        line: lineOf(repo, 'rotations/platform.yaml', 'coverage: always'),
        message:
          'tiers[0]: rotation "platform", tier "primary" has nobody on call from 2026-11-30T08:00+01:00 to 2026-11-30T09:00+01:00 (1 hour), but the tier is covered 24/7.',
        hint: 'The tier\'s first roster takes effect on 2026-11-30; move its "from" earlier, or add an override for "primary" covering the gap.',
      }),
    ]);
  });

  it('only looks from --now to the horizon', async () => {
    repo = tempRepo();
    // Nobody 2-16 November: a gap before --now (22 November) is history, not a finding.
    repo.write(
      'rotations/platform.yaml',
      platform(`tiers:
  - id: primary
    name: Primary
    coverage: always
    rosters:
      - from: 2026-11-16
        participants: [chen-wei, noah-fischer, farid-haddad]
`).replace('start: 2026-11-23', 'start: 2026-11-02'),
    );
    expect(await rotationFindings(repo.root)).toEqual([]);
  });
});

describe('double-booking', () => {
  it('is an error for one person in two tiers of a rotation at once', async () => {
    repo = tempRepo();
    repo.replace(ROTATION, '        participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]\n        offset: 2', '        participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]');
    const findings = await rotationFindings(repo.root);
    expect(findings.map((d) => [d.ruleId, d.severity, d.line, d.message])).toEqual([
      [
        'double-booking',
        'error',
        lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]', 2),
        'tiers[1].rosters[1].participants[0]: "rosa-alvarez" holds both Primary and Secondary of rotation "ingestion" from 2026-12-07T09:00+01:00 to 2026-12-14T09:00+01:00, and 2 more times before the coverage horizon.',
      ],
      [
        'double-booking',
        'error',
        lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]', 2),
        'tiers[1].rosters[1].participants[1]: "sam-osei" holds both Primary and Secondary of rotation "ingestion" from 2026-12-14T09:00+01:00 to 2026-12-21T09:00+01:00, and 2 more times before the coverage horizon.',
      ],
      [
        'double-booking',
        'error',
        lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]', 2),
        'tiers[1].rosters[1].participants[2]: "yusuf-demir" holds both Primary and Secondary of rotation "ingestion" from 2026-12-21T09:00+01:00 to 2026-12-24T09:00+01:00, and 2 more times before the coverage horizon.',
      ],
      [
        'double-booking',
        'error',
        lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]', 2),
        'tiers[1].rosters[1].participants[3]: "xavier-costa" holds both Primary and Secondary of rotation "ingestion" from 2026-12-28T09:00+01:00 to 2026-12-31T09:00+01:00, and 2 more times before the coverage horizon.',
      ],
    ]);
  });

  it('is a warning for one person in two rotations at once, unless policy allows it', async () => {
    repo = tempRepo();
    repo.write(
      'rotations/platform.yaml',
      platform(`tiers:
  - id: primary
    name: Primary
    coverage: always
    rosters:
      - from: 2026-11-23
        participants: [chen-wei, noah-fischer, farid-haddad]
overrides:
  - tier: primary
    person: kavya-iyer
    start: 2026-11-25T09:00:00+01:00
    end: 2026-11-26T09:00:00+01:00
    reason: Chen at a conference
`),
    );
    const findings = await rotationFindings(repo.root);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'double-booking',
        severity: 'warning',
        file: 'rotations/platform.yaml',
        line: lineOf(repo, 'rotations/platform.yaml', 'person: kavya-iyer'),
        message:
          'overrides[0].person: "kavya-iyer" is on call in rotations "ingestion" (Primary) and "platform" (Primary) at once from 2026-11-25T09:00+01:00 to 2026-11-26T09:00+01:00.',
      }),
    ]);
    repo.replace('policy/organisation.yaml', 'allow_concurrent_rotations: false', 'allow_concurrent_rotations: true');
    expect(await rotationFindings(repo.root)).toEqual([]);
  });
});

describe('on-call-limits', () => {
  it('names the person and shifts of a turn longer than max_consecutive_days', async () => {
    repo = tempRepo();
    // Sam is primary 14-21 December; covering Yusuf's primary week too makes one 14-day turn.
    addOverride(repo, `  - tier: primary
    person: sam-osei
    start: 2026-12-21T09:00:00+01:00
    end: 2026-12-24T09:00:00+01:00
    reason: Yusuf moving house`);
    const findings = await rotationFindings(repo.root);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'on-call-limits',
        line: lineOf(repo, ROTATION, 'person: sam-osei', 1),
        message:
          'overrides[1].person: "sam-osei" is on call for 13 days without a break from 2026-12-14T09:00+01:00 to 2026-12-27T09:00+01:00, more than on_call.max_consecutive_days (7): ingestion Primary from 2026-12-14T09:00+01:00 to 2026-12-21T09:00+01:00, then ingestion Primary from 2026-12-21T09:00+01:00 to 2026-12-24T09:00+01:00, then ingestion Primary from 2026-12-24T09:00+01:00 to 2026-12-27T09:00+01:00.',
      }),
    ]);
  });

  it('leaves out a stretch that was too long before now and has no shift to come: nothing from now on can shorten it enough', async () => {
    repo = tempRepo();
    // Liam was secondary 9-16 November and is primary until the 23rd: fourteen days, the limit
    // passed on the 16th. On the 22nd only the shift in progress is left of it.
    expect(await rotationFindings(repo.root)).toEqual([]);
    // On the 15th the primary week was still to come, and moving it would have kept the limit.
    const earlier = await runCli(['validate', '--root', repo.root, '--format', 'json', '--now', '2026-11-15T12:00:00+01:00']);
    const findings = (JSON.parse(earlier.stdout) as { diagnostics: { ruleId: string; line: number; message: string }[] }).diagnostics.filter((d) => d.ruleId === 'on-call-limits');
    expect(findings.map((d) => [d.line, d.message])).toEqual([
      [
        lineOf(repo, ROTATION, 'participants: [ben-schultz, kavya-iyer, liam-novak, sofia-rossi]', 1),
        'tiers[0].rosters[0].participants[2]: "liam-novak" is on call for 14 days without a break from 2026-11-09T09:00+01:00 to 2026-11-23T09:00+01:00, more than on_call.max_consecutive_days (7): ingestion Secondary from 2026-11-09T09:00+01:00 to 2026-11-16T09:00+01:00, then ingestion Primary from 2026-11-16T09:00+01:00 to 2026-11-23T09:00+01:00.',
      ],
    ]);
  });

  it('names both shifts around a rest shorter than min_rest_between_shifts', async () => {
    repo = tempRepo();
    // Rosa's primary week ends 14 December 09:00; an evening on secondary (Xavier's week) leaves her 6 hours' rest.
    addOverride(repo, `  - tier: secondary
    person: rosa-alvarez
    start: 2026-12-14T15:00:00+01:00
    end: 2026-12-15T09:00:00+01:00
    reason: Xavier on a flight`);
    const findings = await rotationFindings(repo.root);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'on-call-limits',
        line: lineOf(repo, ROTATION, 'person: rosa-alvarez'),
        message:
          'overrides[1].person: "rosa-alvarez" rests only 6 hours between ingestion Primary from 2026-12-07T09:00+01:00 to 2026-12-14T09:00+01:00 and ingestion Secondary from 2026-12-14T15:00+01:00 to 2026-12-15T09:00+01:00, less than on_call.min_rest_between_shifts (12h).',
      }),
    ]);
  });
});

describe('override-overlap', () => {
  it('reports two overrides of one tier at the same time, and an override ending before it starts', async () => {
    repo = tempRepo();
    addOverride(repo, `  - tier: primary
    person: yusuf-demir
    start: 2026-12-26T09:00:00+01:00
    end: 2026-12-27T09:00:00+01:00
    reason: Yusuf back for Saturday
  - tier: secondary
    person: sam-osei
    start: 2027-01-10T09:00:00+01:00
    end: 2027-01-09T09:00:00+01:00
    reason: typo in the dates`);
    const findings = await rotationFindings(repo.root);
    // Sam's Christmas cover (overrides[3], 24-27 December) now overlaps Yusuf's Saturday (overrides[1]).
    expect(findings.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['override-overlap', lineOf(repo, ROTATION, 'end: 2027-01-09T09:00:00+01:00'), 'overrides[2].end: "2027-01-09T09:00:00+01:00" is not after its start "2027-01-10T09:00:00+01:00".'],
      [
        'override-overlap',
        lineOf(repo, ROTATION, 'person: sam-osei', 2) - 1,
        'overrides[3]: overlaps overrides[1] on tier "primary" of rotation "ingestion" from 2026-12-26T09:00+01:00 to 2026-12-27T09:00+01:00; "yusuf-demir" and "sam-osei" would both hold it.',
      ],
    ]);
  });
});

describe('participant-active', () => {
  it('reports roster entries and overrides of someone after the day they left', async () => {
    repo = tempRepo();
    repo.replace('policy/people.yaml', '    contacts: { slack: "@yusuf", pager: "opsgenie:yusuf-demir", pagerduty_user: PYDEM01 }', '    contacts: { slack: "@yusuf", pager: "opsgenie:yusuf-demir", pagerduty_user: PYDEM01 }\n    left: 2026-12-20');
    const findings = await rotationFindings(repo.root);
    const roster = lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]');
    expect(findings.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      [
        'participant-active',
        roster,
        'tiers[0].rosters[1].participants[2]: "yusuf-demir" left on 2026-12-20 but holds Primary of rotation "ingestion" from 2026-12-21T09:00+01:00 to 2026-12-24T09:00+01:00.',
      ],
      [
        'participant-active',
        lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]', 2),
        'tiers[1].rosters[1].participants[2]: "yusuf-demir" left on 2026-12-20 but holds Secondary of rotation "ingestion" from 2027-01-04T09:00+01:00 to 2027-01-11T09:00+01:00.',
      ],
      [
        'participant-active',
        lineOf(repo, ROTATION, 'person: yusuf-demir'),
        'overrides[2].person: "yusuf-demir" left on 2026-12-20 but holds Secondary of rotation "ingestion" from 2026-12-31T09:00+01:00 to 2027-01-02T09:00+01:00.',
      ],
    ]);
  });
});

describe('post-handoff-on-call', () => {
  it('reports the handing-off team in 24/7 tiers after the planned hand-off, but not in the business-hours owner tier', async () => {
    repo = tempRepo();
    repo.replace('policy/lifecycle.yaml', 'planned: 2026-12-07', 'planned: 2026-11-30');
    const findings = await rotationFindings(repo.root);
    expect(findings.map((d) => [d.ruleId, d.file, d.line, d.message])).toEqual([
      // The EGI week before the hand-off is held by overrides (Liam and Sofia, resting from their turns).
      [
        'post-handoff-on-call',
        ROTATION,
        lineOf(repo, ROTATION, 'person: liam-novak', 2),
        'overrides[4].person: "liam-novak" of egi-engineering holds Primary from 2026-11-30T09:00+01:00 to 2026-12-07T09:00+01:00, after product "ingestion" is handed off to anchor-operations on 2026-11-30.',
      ],
      [
        'post-handoff-on-call',
        ROTATION,
        lineOf(repo, ROTATION, 'person: sofia-rossi'),
        'overrides[5].person: "sofia-rossi" of egi-engineering holds Secondary from 2026-11-30T09:00+01:00 to 2026-12-07T09:00+01:00, after product "ingestion" is handed off to anchor-operations on 2026-11-30.',
      ],
    ]);
  });

});

describe('production-coverage', () => {
  it('reports the first week without a named primary and backup from production_enabled', async () => {
    repo = tempRepo();
    repo.replace('policy/lifecycle.yaml', 'production_enabled: 2026-09-07', 'production_enabled: 2026-08-31');
    const findings = await rotationFindings(repo.root);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'production-coverage',
        file: 'policy/lifecycle.yaml',
        line: lineOf(repo, 'policy/lifecycle.yaml', 'production_enabled: 2026-08-31'),
        message:
          'products[0].production_enabled: production-critical "ingestion" has no named Primary in rotation "ingestion" from 2026-08-31T09:00+02:00 to 2026-09-07T09:00+02:00 (week 1 from production on 2026-08-31, from 2026-08-31T09:00+02:00 to 2026-09-07T09:00+02:00).',
      }),
    ]);
  });

  it('needs two 24/7 tiers', async () => {
    repo = tempRepo();
    repo.replace(ROTATION, '    name: Secondary\n    coverage: always', '    name: Secondary\n    coverage: business-hours');
    const findings = await rotationFindings(repo.root);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'production-coverage',
        file: 'policy/lifecycle.yaml',
        line: lineOf(repo, 'policy/lifecycle.yaml', 'production_critical: true'),
        message: 'products[0].production_critical: "ingestion" is production-critical, but rotation "ingestion" has only one 24/7 tier ("primary"); it needs a named primary and backup.',
      }),
    ]);
  });
});
