/**
 * `oncall swap` and `oncall cover` as a user runs them on a copy of the example organisation: the
 * overrides written (both sides, the rotation's zone, never the past), the file otherwise byte for
 * byte as it was, validation of the result, and the approvals the pull request will need.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, validateJson } from '../support/cli.ts';
import { lineOf, TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const ROTATION = 'rotations/ingestion.yaml';
const oncall = (args: string[]) => runCli([...args, '--root', repo!.root, '--now', TEST_NOW]);

describe('oncall swap', () => {
  it('writes both sides of a swap (Rosa and Yusuf trade tiers in the week of 7 December), validates them and lists the approvals', async () => {
    repo = tempRepo();
    const before = repo.read(ROTATION);
    const result = await oncall(['swap', 'rosa-alvarez', 'yusuf-demir', '--at', '2026-12-08', '--back', '2026-12-08', '--reason', 'Rosa on a course']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const added = `  - tier: primary
    person: yusuf-demir
    start: 2026-12-07T09:00:00+01:00
    end: 2026-12-14T09:00:00+01:00
    reason: "Swap: Yusuf Demir covers Rosa Alvarez (Rosa on a course)"
  - tier: secondary
    person: rosa-alvarez
    start: 2026-12-07T09:00:00+01:00
    end: 2026-12-14T09:00:00+01:00
    reason: "Swap: Rosa Alvarez covers Yusuf Demir (Rosa on a course)"
`;
    expect(repo.read(ROTATION)).toBe(before + added);
    expect(result.stdout).toBe(`rotations/ingestion.yaml: 2 overrides to add:
  overrides:
${added.replace(/^/gm, '  ').trimEnd()}
Validated: the change brings no new findings.
The pull request will need (policy/approvals.yaml):
  - rotations/** (path rule rotation-swap): needs approval from @rosa-alvarez (Rosa Alvarez), whose shifts this change moves
  - rotations/** (path rule rotation-swap): needs approval from @ydemir (Yusuf Demir), whose shifts this change moves
Wrote rotations/ingestion.yaml. Commit it and open a pull request.
`);
    const { report } = await validateJson(repo.root);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const now = JSON.parse((await runCli(['now', '--root', repo.root, '--at', '2026-12-10T12:00:00+01:00', '--format', 'json'])).stdout);
    expect(now.map((s: { tier: string; person: string }) => [s.tier, s.person])).toEqual([
      ['primary', 'yusuf-demir'],
      ['secondary', 'rosa-alvarez'],
      ['owner', 'amara-okafor'],
    ]);
  });

  it('implies the author\'s own consent', async () => {
    repo = tempRepo();
    const result = await oncall(['swap', 'rosa-alvarez', 'yusuf-demir', '--at', '2026-12-08', '--back', '2026-12-08', '--author', 'rosa-alvarez', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The pull request will need (policy/approvals.yaml, opened by @rosa-alvarez):\n  - rotations/** (path rule rotation-swap): needs approval from @ydemir (Yusuf Demir), whose shifts this change moves\nDry run: nothing was written.\n');
  });

  it('refuses a swap that would break the on-call limits, at the exact place, and writes nothing', async () => {
    repo = tempRepo();
    const before = repo.read(ROTATION);
    // Rosa taking Sam's primary week (14 December) runs straight into her secondary week (21 December).
    const result = await oncall(['swap', 'rosa-alvarez', 'sam-osei', '--at', '2026-12-08']);
    expect(result.code).toBe(1);
    expect(repo.read(ROTATION)).toBe(before);
    const line = lineOf(repo, ROTATION, 'participants: [rosa-alvarez, sam-osei, yusuf-demir, xavier-costa]', 2);
    expect(result.stdout).toContain(
      `  ${line}:24  error  tiers[1].rosters[1].participants[0]: "rosa-alvarez" is on call for 14 days without a break from 2026-12-14T09:00+01:00 to 2026-12-28T09:00+01:00, more than on_call.max_consecutive_days (7): ingestion Primary from 2026-12-14T09:00+01:00 to 2026-12-21T09:00+01:00, then ingestion Secondary from 2026-12-21T09:00+01:00 to 2026-12-28T09:00+01:00.  on-call-limits`,
    );
    expect(result.stdout).toContain('The change would bring this error; nothing was written.');
  });

  it('never writes the past: a shift under way is swapped from the next minute, a shift that is over is refused', async () => {
    repo = tempRepo();
    // At 12:00:30 on 22 November, Liam's primary week and Sofia's secondary week (16-23 November)
    // are under way; they trade tiers for the rest of it, both sides from the next minute.
    const under = await runCli(['swap', 'liam-novak', 'sofia-rossi', '--at', '2026-11-22T12:00:30+01:00', '--back', '2026-11-22T12:00:30+01:00', '--root', repo.root, '--now', '2026-11-22T12:00:30+01:00', '--dry-run']);
    expect(under.stdout).toContain('    - tier: primary\n      person: sofia-rossi\n      start: 2026-11-22T12:01:00+01:00\n      end: 2026-11-23T09:00:00+01:00\n');
    expect(under.stdout).toContain('    - tier: secondary\n      person: liam-novak\n      start: 2026-11-22T12:01:00+01:00\n      end: 2026-11-23T09:00:00+01:00\n');
    // Liam's secondary week of 9-16 November is over.
    const over = await oncall(['swap', 'liam-novak', 'sofia-rossi', '--at', '2026-11-10']);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe('oncall: --at: that shift of "liam-novak" is over; past shifts are the record of who was on call and cannot change.\n');
  });

  it('gives back the second person\'s next turn of the same tier by default', async () => {
    repo = tempRepo();
    repo.write(
      'rotations/platform.yaml',
      `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: platform
name: Platform on-call
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: monday, time: "09:00" }
start: 2027-01-04
tiers:
  - id: primary
    name: Primary
    coverage: always
    rosters:
      - from: 2027-01-04
        participants: [chen-wei, noah-fischer, farid-haddad, uma-patel]
`,
    );
    const result = await oncall(['swap', 'chen-wei', 'farid-haddad', '--at', '2027-01-05']);
    expect(result.code).toBe(0);
    expect(parse(repo.read('rotations/platform.yaml')).overrides).toEqual([
      { tier: 'primary', person: 'farid-haddad', start: '2027-01-04T09:00:00+01:00', end: '2027-01-11T09:00:00+01:00', reason: 'Swap: Farid Haddad covers Chen Wei' },
      { tier: 'primary', person: 'chen-wei', start: '2027-01-18T09:00:00+01:00', end: '2027-01-25T09:00:00+01:00', reason: 'Swap: Chen Wei covers Farid Haddad' },
    ]);
    expect(result.stdout).toContain('needs approval from @chenwei-sre (Chen Wei), whose shifts this change moves');
  });

  it('says what is wrong, with exit 2, for unknown people, a missing --at, and someone with no shift then', async () => {
    repo = tempRepo();
    for (const [args, message] of [
      [['swap', 'rosa-alvarez', 'yusuf-demri', '--at', '2026-12-08'], 'oncall: swap: "yusuf-demri" is not a person in policy/people.yaml.\n'],
      [['swap', 'rosa-alvarez', 'yusuf-demir'], "oncall: --at <shift> is required: a date-time inside the first person's shift, or its date.\n"],
      [['swap', 'amara-okafor', 'rosa-alvarez', '--at', '2026-12-08', '--tier', 'primary'], 'oncall: --at: "amara-okafor" holds no shift then in that rotation and tier. Run oncall schedule to see their shifts.\n'],
      [['swap', 'rosa-alvarez', 'rosa-alvarez', '--at', '2026-12-08'], 'oncall: swap: "rosa-alvarez" is named twice; name two people.\n'],
    ] as const) {
      const result = await oncall([...args]);
      expect(result.stderr, args.join(' ')).toBe(message);
      expect(result.code).toBe(2);
    }
  });
});

describe('oncall cover', () => {
  it('covers someone\'s time off with the first person free in the roster\'s order, in the rotation\'s zone', async () => {
    repo = tempRepo();
    const before = repo.read(ROTATION);
    const result = await oncall(['cover', 'sam-osei', '--from', '2026-12-16', '--to', '2026-12-17', '--author', 'sam-osei']);
    expect(result.code).toBe(0);
    expect(repo.read(ROTATION)).toBe(`${before}  - tier: primary
    person: yusuf-demir
    start: 2026-12-16T00:00:00+01:00
    end: 2026-12-18T00:00:00+01:00
    reason: "Cover: Yusuf Demir covers Sam Osei"
`);
    expect(result.stdout).toContain('The pull request will need (policy/approvals.yaml, opened by @samosei):\n  - rotations/** (path rule rotation-swap): needs approval from @ydemir (Yusuf Demir), whose shifts this change moves\n');
  });

  it('covers every tier the person holds in the period with --by, one override per tier', async () => {
    repo = tempRepo();
    // Ben is secondary 23 to 30 November (and on no other tier then); Noah, of EGI engineering (whose
    // on-call it is until the hand-off) but on no roster, takes two days.
    const result = await oncall(['cover', 'ben-schultz', '--from', '2026-11-24T09:00:00+01:00', '--to', '2026-11-26T09:00:00+01:00', '--by', 'noah-fischer', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rotations/ingestion.yaml: one override to add:\n  overrides:\n    - tier: secondary\n      person: noah-fischer\n      start: 2026-11-24T09:00:00+01:00\n      end: 2026-11-26T09:00:00+01:00\n      reason: "Cover: Noah Fischer covers Ben Schultz"\n');
    expect(result.stdout).toContain('Validated: the change brings no new findings.');
  });

  it('names nobody when everyone free would go past the limits, and asks for --by', async () => {
    repo = tempRepo();
    const result = await oncall(['cover', 'sam-osei', '--from', '2026-12-14T09:00:00+01:00', '--to', '2026-12-21T09:00:00+01:00']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('oncall: cover: nobody on the list of ingestion/primary is free 2026-12-14T09:00:00+01:00 to 2026-12-21T09:00:00+01:00 without going past the on-call limits; name someone with --by.\n');
  });
});
