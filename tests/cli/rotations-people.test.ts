/**
 * The checks that reason about people rather than tiers: limits and rest across every tier and
 * rotation, time off, and tiers covered by several layers (follow-the-sun), each on a copy of the
 * example organisation with the exact rule id, file, line, column and message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, validateJson } from '../support/cli.ts';
import { FOLLOW_THE_SUN } from '../support/follow-the-sun.ts';
import { lineOf, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const ROTATION = 'rotations/ingestion.yaml';
const PEOPLE = 'policy/people.yaml';
const RULES = new Set(['coverage-gap', 'double-booking', 'layer-overlap', 'on-call-limits', 'participant-active', 'time-off-conflict']);

async function findings(root: string, now?: string) {
  if (now === undefined) return (await validateJson(root)).report.diagnostics.filter((d) => RULES.has(d.ruleId));
  const result = await runCli(['validate', '--root', root, '--format', 'json', '--now', now]);
  return (JSON.parse(result.stdout) as Awaited<ReturnType<typeof validateJson>>['report']).diagnostics.filter((d) => RULES.has(d.ruleId));
}

const platform = (tiers: string) => `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: platform
name: Platform on-call
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: monday, time: "09:00" }
start: 2026-11-23
tiers:
${tiers}`;

const twoTiers = (participants: string, offset: number) => `  - id: primary
    name: Primary
    coverage: always
    rosters:
      - from: 2026-11-23
        participants: ${participants}
  - id: secondary
    name: Secondary
    coverage: always
    rosters:
      - from: 2026-11-23
        participants: ${participants}
        offset: ${offset}
`;

/** Adds `text` under a person's entry in people.yaml (after their contacts line). */
function addToPerson(r: TempRepo, contacts: string, text: string) {
  r.replace(PEOPLE, contacts, `${contacts}\n${text}`);
}

const SAM = '    contacts: { slack: "@sam", phone: "+44 20 5550 1020", pager: "opsgenie:sam-osei", pagerduty_user: PSOSE01 }';

describe('on-call-limits, per person across tiers', () => {
  it('reports secondary then primary as one 14-day stretch (three people, offset 1)', async () => {
    repo = tempRepo();
    repo.write('rotations/platform.yaml', platform(twoTiers('[chen-wei, noah-fischer, farid-haddad]', 1)));
    const result = await findings(repo.root);
    const line = lineOf(repo, 'rotations/platform.yaml', 'participants: [chen-wei, noah-fischer, farid-haddad]');
    expect(result.map((d) => [d.ruleId, d.file, d.line, d.column, d.message])).toEqual([
      [
        'on-call-limits',
        'rotations/platform.yaml',
        line,
        24,
        'tiers[0].rosters[0].participants[0]: "chen-wei" is on call for 14 days without a break from 2026-12-07T09:00+01:00 to 2026-12-21T09:00+01:00, more than on_call.max_consecutive_days (7): platform Secondary from 2026-12-07T09:00+01:00 to 2026-12-14T09:00+01:00, then platform Primary from 2026-12-14T09:00+01:00 to 2026-12-21T09:00+01:00.',
      ],
      [
        'on-call-limits',
        'rotations/platform.yaml',
        line,
        34,
        'tiers[0].rosters[0].participants[1]: "noah-fischer" is on call for 14 days without a break from 2026-11-23T09:00+01:00 to 2026-12-07T09:00+01:00, more than on_call.max_consecutive_days (7): platform Secondary from 2026-11-23T09:00+01:00 to 2026-11-30T09:00+01:00, then platform Primary from 2026-11-30T09:00+01:00 to 2026-12-07T09:00+01:00.',
      ],
      [
        'on-call-limits',
        'rotations/platform.yaml',
        line,
        48,
        'tiers[0].rosters[0].participants[2]: "farid-haddad" is on call for 14 days without a break from 2026-11-30T09:00+01:00 to 2026-12-14T09:00+01:00, more than on_call.max_consecutive_days (7): platform Secondary from 2026-11-30T09:00+01:00 to 2026-12-07T09:00+01:00, then platform Primary from 2026-12-07T09:00+01:00 to 2026-12-14T09:00+01:00.',
      ],
    ]);
  });

  it('reports two people alternating primary and secondary: on call every hour to the horizon and beyond', async () => {
    repo = tempRepo();
    repo.write('rotations/platform.yaml', platform(twoTiers('[chen-wei, noah-fischer]', 1)));
    const result = await findings(repo.root);
    // The stretch runs to the end of the last shift that reaches the horizon (14 February 12:00).
    expect(result.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      [
        'on-call-limits',
        lineOf(repo, 'rotations/platform.yaml', 'participants: [chen-wei, noah-fischer]', 1),
        'tiers[0].rosters[0].participants[1]: "noah-fischer" is on call for at least 84 days without a break from 2026-11-23T09:00+01:00 to 2027-02-15T09:00+01:00 (to the coverage horizon), more than on_call.max_consecutive_days (7): platform Secondary from 2026-11-23T09:00+01:00 to 2026-11-30T09:00+01:00, then platform Primary from 2026-11-30T09:00+01:00 to 2026-12-07T09:00+01:00, then platform Secondary from 2026-12-07T09:00+01:00 to 2026-12-14T09:00+01:00, and 9 more shifts.',
      ],
      [
        'on-call-limits',
        lineOf(repo, 'rotations/platform.yaml', 'participants: [chen-wei, noah-fischer]', 2),
        'tiers[1].rosters[0].participants[0]: "chen-wei" is on call for at least 84 days without a break from 2026-11-23T09:00+01:00 to 2027-02-15T09:00+01:00 (to the coverage horizon), more than on_call.max_consecutive_days (7): platform Primary from 2026-11-23T09:00+01:00 to 2026-11-30T09:00+01:00, then platform Secondary from 2026-11-30T09:00+01:00 to 2026-12-07T09:00+01:00, then platform Primary from 2026-12-07T09:00+01:00 to 2026-12-14T09:00+01:00, and 9 more shifts.',
      ],
    ]);
  });

  it('accepts four people with the secondary two places behind: a week off between turns', async () => {
    repo = tempRepo();
    repo.write('rotations/platform.yaml', platform(twoTiers('[chen-wei, noah-fischer, farid-haddad, uma-patel]', 2)));
    expect(await findings(repo.root)).toEqual([]);
  });
});

describe('time-off-conflict', () => {
  it('reports a roster shift in someone\'s time off, with who could cover in the roster\'s order and their load', async () => {
    repo = tempRepo();
    // Sam is primary 14-21 December; his two days off are London days (01:00 to 01:00 Berlin time).
    // Xavier is secondary that week; Yusuf and Rosa came off their weeks on the 14th, rested.
    addToPerson(repo, SAM, '    time_off:\n      - { from: 2026-12-16, to: 2026-12-17, reason: Family visit }');
    const result = await findings(repo.root);
    expect(result).toEqual([
      expect.objectContaining({
        ruleId: 'time-off-conflict',
        severity: 'error',
        file: ROTATION,
        line: lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]'),
        column: 38,
        message:
          'tiers[0].rosters[1].participants[1]: "sam-osei" is away 2026-12-16 to 2026-12-17 (Family visit) (people[19].time_off[0] in policy/people.yaml) but holds Primary of rotation "ingestion" from 2026-12-16T01:00+01:00 to 2026-12-18T01:00+01:00.',
        hint: 'Cover it with an override (oncall cover sam-osei --from 2026-12-16T01:00+01:00 --to 2026-12-18T01:00+01:00 --by <person>). Next available in the roster\'s order: "yusuf-demir" (264 h on call in the four weeks around it), "rosa-alvarez" (336 h).',
      }),
    ]);
  });

  it('never shows a private reason, and reports an override in someone\'s time off', async () => {
    repo = tempRepo();
    // Sam's Christmas cover (overrides[1], 24-27 December) falls in his time off.
    addToPerson(repo, SAM, '    time_off:\n      - { from: "2026-12-23T18:00:00+00:00", to: "2026-12-25T08:00:00+00:00", reason: Hospital appointment, private: true }');
    const result = await findings(repo.root);
    expect(result.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      [
        'time-off-conflict',
        lineOf(repo, ROTATION, 'person: sam-osei'),
        13,
        'overrides[1].person: "sam-osei" is away 2026-12-23T18:00+00:00 to 2026-12-25T08:00+00:00 (people[19].time_off[0] in policy/people.yaml) but holds Primary of rotation "ingestion" from 2026-12-24T09:00+01:00 to 2026-12-25T09:00+01:00.',
      ],
    ]);
    expect(JSON.stringify(result)).not.toContain('Hospital');
  });

  it('reports time off that ends before it starts, at its "to"', async () => {
    repo = tempRepo();
    addToPerson(repo, SAM, '    time_off:\n      - from: 2027-03-10\n        to: 2027-03-01');
    expect((await findings(repo.root)).map((d) => [d.ruleId, d.file, d.line, d.column, d.message])).toEqual([
      ['time-off-conflict', PEOPLE, lineOf(repo, PEOPLE, 'to: 2027-03-01'), 13, 'people[19].time_off[0].to: "2027-03-01" is not after its from "2027-03-10".'],
    ]);
  });

  it('is quiet once an override covers the time off', async () => {
    repo = tempRepo();
    addToPerson(repo, SAM, '    time_off:\n      - { from: 2026-12-16, to: 2026-12-17 }');
    repo.replace(
      ROTATION,
      '  # A swap is a pair of overrides;',
      '  - tier: primary\n    person: yusuf-demir\n    start: 2026-12-16T00:00:00+00:00\n    end: 2026-12-18T00:00:00+00:00\n    reason: Cover for Sam\n  # A swap is a pair of overrides;',
    );
    expect(await findings(repo.root)).toEqual([]);
  });

  it('names nobody when covering would take everyone who is free past the limits', async () => {
    repo = tempRepo();
    // All of Sam's week: Yusuf and Rosa would be on call twelve days in a row, Xavier is secondary.
    addToPerson(repo, SAM, '    time_off:\n      - { from: 2026-12-14, to: 2026-12-18 }');
    const [finding] = await findings(repo.root);
    expect(finding!.hint).toBe(
      'Cover it with an override; nobody on the list is free then without going past the on-call limits, so split the cover between people, ask someone outside the rotation, or change the time off.',
    );
  });
});

describe('layers (follow-the-sun)', () => {
  // Berlin 09:00-21:00 Berlin time and Sydney 07:00-19:00 Sydney time meet exactly while Berlin is on
  // CET and Sydney on AEDT (25 October to 4 April), and drift apart around the DST changes.
  const followTheSun = (onTop = '') => platform(`  - id: primary
    name: Primary
    coverage: always
    layers:
      - id: sydney
        timezone: Australia/Sydney
        restrictions: [{ from: "07:00", to: "19:00" }]
        rosters:
          - from: 2026-09-07
            participants: [uma-patel, farid-haddad]
      - id: berlin
        timezone: Europe/Berlin
        restrictions: [{ from: "09:00", to: "21:00" }]${onTop}
        rosters:
          - from: 2026-09-07
            participants: [chen-wei, noah-fischer]
`).replace('start: 2026-11-23', 'start: 2026-09-07');

  // On 10 October the ingestion rotation's own secondary still ran one place behind its primary,
  // so its engineers' fourteen-day stretches are findings too; only the layered tier's count here.
  const platformFindings = async (root: string) => (await findings(root, '2026-10-10T12:00:00+02:00')).filter((d) => d.file === 'rotations/platform.yaml');

  it('is clean where the layers meet exactly', async () => {
    repo = tempRepo();
    repo.write('rotations/platform.yaml', followTheSun());
    expect(await findings(repo.root)).toEqual([]);
  });

  it('reports the daily overlap and gap while Sydney is on summer time and Berlin not yet on winter time', async () => {
    repo = tempRepo();
    repo.write('rotations/platform.yaml', followTheSun());
    const result = await platformFindings(repo.root);
    expect(result.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      [
        'coverage-gap',
        lineOf(repo, 'rotations/platform.yaml', 'coverage: always'),
        15,
        'tiers[0]: rotation "platform", tier "primary" has nobody on call from 2026-10-10T21:00+02:00 to 2026-10-10T22:00+02:00 (1 hour), and 14 more gaps before the coverage horizon (15 hours in all), but the tier is covered 24/7.',
      ],
      [
        'layer-overlap',
        lineOf(repo, 'rotations/platform.yaml', '- id: berlin'),
        9,
        'tiers[0].layers[1]: layers "sydney" and "berlin" of tier "primary" both cover from 2026-10-11T09:00+02:00 to 2026-10-11T10:00+02:00, and 13 more times before the coverage horizon; "uma-patel" and "chen-wei" would both think they hold the tier.',
      ],
    ]);
    expect(result[0]!.hint).toBe('Change the layers\' restrictions so they meet without a gap (layers in different zones drift apart when the clocks change), add a layer or an override for "primary" covering the gap.');
  });

  it('accepts the overlap when the later layer is on top, but still reports the gaps', async () => {
    repo = tempRepo();
    repo.write('rotations/platform.yaml', followTheSun('\n        on_top: true'));
    expect((await platformFindings(repo.root)).map((d) => d.ruleId)).toEqual(['coverage-gap']);
  });
});

describe('now and schedule show time off, layers and rotations not started yet', () => {

  it('now says "not started yet" for a rotation whose first hand-off is ahead, not "coverage gap"', async () => {
    repo = tempRepo();
    repo.write('rotations/platform.yaml', platform(twoTiers('[chen-wei, noah-fischer, farid-haddad, uma-patel]', 2)).replaceAll('2026-11-23', '2027-01-04'));
    const result = await runCli(['now', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00', '--rotation', 'platform', '--tz', 'Europe/Berlin']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Primary    not started yet: first on call Mon 4 Jan 2027 09:00 +01:00');
    expect(result.stdout).not.toContain('coverage gap');
  });

  it('now names the layer on call, and shows when the holder is away', async () => {
    repo = tempRepo();
    repo.write('rotations/global.yaml', FOLLOW_THE_SUN);
    addToPerson(repo, '    contacts: { slack: "@uma", phone: "+44 20 5550 1022" }', '    time_off:\n      - { from: 2026-11-21, to: 2026-11-22, reason: Conference, private: true }');
    const result = await runCli(['now', '--root', repo.root, '--now', '2026-11-22T12:00:00+01:00', '--rotation', 'global', '--tz', 'Europe/Berlin']);
    // Sunday noon in Berlin: the weekday Berlin layer is off, so the Sydney layer holds the tier.
    expect(result.stdout).toContain('Primary  Uma Patel (uma-patel)');
    expect(result.stdout).toContain('layer: Sydney; Australia/Sydney; weekly, hand-off Monday 09:00; on call around the clock');
    expect(result.stdout).toContain('away 2026-11-21 to 2026-11-22: find cover (oncall cover uma-patel --from ... --to ...)');
    expect(result.stdout).not.toContain('Conference');
    const monday = await runCli(['now', '--root', repo.root, '--at', '2026-11-23T10:00:00+01:00', '--rotation', 'global', '--format', 'json']);
    expect(JSON.parse(monday.stdout)).toEqual([
      { rotation: 'global', tier: 'primary', person: 'noah-fischer', layer: 'berlin', start: '2026-11-23T09:00:00+01:00', end: '2026-11-23T21:00:00+01:00' },
    ]);
  });

  it('schedule lists each layer\'s people per hand-off, the layers\' clocks, and time off in the period', async () => {
    repo = tempRepo();
    repo.write('rotations/global.yaml', FOLLOW_THE_SUN);
    addToPerson(repo, SAM, '    time_off:\n      - { from: 2026-11-24, to: 2026-11-26, reason: Moving house }');
    const result = await runCli(['schedule', '--root', repo.root, '--from', '2026-11-23T09:00:00+01:00', '--to', '2026-12-06', '--now', '2026-11-22T12:00:00+01:00']);
    expect(result.code).toBe(0);
    const global = result.stdout.slice(result.stdout.indexOf('global: Global on-call'));
    expect(global).toContain('  Primary layer sydney: Sydney; Australia/Sydney; weekly, hand-off Monday 09:00; on call around the clock');
    expect(global).toContain('  Primary layer berlin: Berlin day; Europe/Berlin; weekly, hand-off Monday 09:00; on call Mon, Tue, Wed, Thu, Fri 09:00-21:00; on top of earlier layers');
    expect(global).toMatch(/^Mon 23 Nov 2026 09:00\s+sydney: farid-haddad, uma-patel; berlin: noah-fischer$/m);
    expect(result.stdout).toContain('Time off in this period:\n  Sam Osei (sam-osei): away 2026-11-24 to 2026-11-26 (Moving house)\n');
  });
});

describe('the schema for layers and time off', () => {
  const owner = `    escalates_to: { role: sre-lead }
    rosters:
      - from: 2026-09-07
        participants: [amara-okafor]`;

  it.each([
    [
      'a tier with both rosters and layers',
      ROTATION,
      owner,
      `    escalates_to: { role: sre-lead }
    layers:
      - id: day
        rosters: [{ from: 2026-09-07, participants: [amara-okafor] }]
    rosters:
      - from: 2026-09-07
        participants: [amara-okafor]`,
      (r: TempRepo) => lineOf(r, ROTATION, '        participants: [amara-okafor]') - 2,
      ['schema-constraint', 5, 'tiers[2]: field "rosters" is not allowed here.'],
    ],
    ['a tier with neither', ROTATION, owner, '    escalates_to: { role: sre-lead }', (r: TempRepo) => lineOf(r, ROTATION, '  - id: owner'), ['schema-required', 5, 'tiers[2]: "rosters" is required.']],
    [
      'a restriction mixing a time and a weekday time',
      ROTATION,
      owner,
      `    escalates_to: { role: sre-lead }
    layers:
      - id: day
        restrictions: [{ from: "09:00", to: "friday 17:00" }]
        rosters: [{ from: 2026-09-07, participants: [amara-okafor] }]`,
      (r: TempRepo) => lineOf(r, ROTATION, 'restrictions: [{ from: "09:00", to: "friday 17:00" }]'),
      ['schema-pattern', 45, 'tiers[2].layers[0].restrictions[0].to: "friday 17:00" does not match the expected form.'],
    ],
    [
      'time off at a date-time without an offset',
      PEOPLE,
      SAM,
      `${SAM}\n    time_off:\n      - { from: "2026-12-16T09:00:00", to: 2026-12-17 }`,
      (r: TempRepo) => lineOf(r, PEOPLE, 'time_off:') + 1,
      ['schema', 17, 'people[19].time_off[0].from: "2026-12-16T09:00:00" does not match any of the allowed forms.'],
    ],
  ] as const)('reports %s at its line and column', async (_name, file, from, to, lineIn, [ruleId, column, message]) => {
    repo = tempRepo();
    repo.replace(file, from, to);
    const { report } = await validateJson(repo.root);
    const line = lineIn(repo);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.file, d.line, d.column, d.message])).toEqual([[ruleId, file, line, column, message]]);
  });
});
