/**
 * History is immutable, end to end: a real git repository, a commit, a change, and
 * `validate --changed-since HEAD` as a pull request check would run it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validateJson } from '../support/cli.ts';
import { committedRepo, lineOf, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const ROTATION = 'rotations/ingestion.yaml';
const PRIMARY_ROSTER = `    rosters:
      - from: 2026-09-07
        participants: [ben-schultz, kavya-iyer, liam-novak, sofia-rossi]
      # Hand-off`;


async function historyFindings(root: string) {
  const result = await validateJson(root, ['--changed-since', 'HEAD']);
  return { ...result, history: result.report.diagnostics.filter((d) => d.ruleId === 'rotation-history') };
}

describe('rotation-history (validate --changed-since)', () => {
  it('shows the first rewritten shift when a past roster is reordered', async () => {
    repo = committedRepo();
    repo.replace(ROTATION, PRIMARY_ROSTER, PRIMARY_ROSTER.replace('[ben-schultz, kavya-iyer,', '[kavya-iyer, ben-schultz,'));
    const { code, history } = await historyFindings(repo.root);
    expect(code).toBe(1);
    expect(history).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: ROTATION,
        line: lineOf(repo, ROTATION, '- from: 2026-09-07', 1),
        message:
          'tiers[0].rosters[0]: this change rewrites history: from 2026-09-07T09:00+02:00 to 2026-09-14T09:00+02:00 "ben-schultz" was on call as "primary" of rotation "ingestion", and the change makes it "kavya-iyer". Who was on call before now (2026-11-22T12:00+01:00) cannot change.',
      }),
    ]);
  });

  it('accepts a change to the future: a roster from a later date and a new override', async () => {
    repo = committedRepo();
    // Ben shares the owner tier with Amara from January, and Liam, a day after his
    // primary week, takes one day of Ben's secondary week (23-30 November).
    repo.replace(ROTATION, '        participants: [amara-okafor]\n', '        participants: [amara-okafor]\n      - from: 2027-01-11\n        participants: [amara-okafor, ben-schultz]\n');
    repo.replace(ROTATION, '  # A swap is a pair of overrides;', '  - tier: secondary\n    person: liam-novak\n    start: 2026-11-24T09:00:00+01:00\n    end: 2026-11-25T09:00:00+01:00\n    reason: Ben at a family event\n  # A swap is a pair of overrides;');
    const { code, history, report } = await historyFindings(repo.root);
    expect(history).toEqual([]);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('catches an override added in the past, and a past override removed', async () => {
    repo = committedRepo();
    repo.replace(ROTATION, '  # A swap is a pair of overrides;', '  - tier: secondary\n    person: kavya-iyer\n    start: 2026-11-20T09:00:00+01:00\n    end: 2026-11-23T09:00:00+01:00\n    reason: Sofia ill\n  # A swap is a pair of overrides;');
    let { history } = await historyFindings(repo.root);
    expect(history.map((d) => [d.line, d.message])).toEqual([
      [
        lineOf(repo, ROTATION, 'reason: Sofia ill') - 4,
        'overrides[1]: this change rewrites history: from 2026-11-20T09:00+01:00 to 2026-11-22T12:00+01:00 "sofia-rossi" was on call as "secondary" of rotation "ingestion", and the change makes it "kavya-iyer". Who was on call before now (2026-11-22T12:00+01:00) cannot change.',
      ],
    ]);

    repo.cleanup();
    repo = committedRepo();
    const text = repo.read(ROTATION);
    const start = text.indexOf('  - tier: primary\n    person: liam-novak');
    const end = text.indexOf('  # A swap is a pair of overrides;');
    repo.write(ROTATION, text.slice(0, start) + text.slice(end));
    ({ history } = await historyFindings(repo.root));
    expect(history.map((d) => [d.line, d.message])).toEqual([
      [
        lineOf(repo, ROTATION, 'overrides:'),
        'overrides: this change rewrites history: from 2026-10-01T18:00+02:00 to 2026-10-02T09:00+02:00 "liam-novak" was on call as "primary" of rotation "ingestion", and the change makes it "sofia-rossi". Who was on call before now (2026-11-22T12:00+01:00) cannot change.',
      ],
    ]);
  });

  it('catches a moved hand-off time at the hand-off', async () => {
    repo = committedRepo();
    repo.replace(ROTATION, 'time: "09:00"', 'time: "10:00"');
    const { history } = await historyFindings(repo.root);
    expect(history.map((d) => [d.line, d.message])).toEqual([
      [
        lineOf(repo, ROTATION, 'time: "10:00"'),
        'handoff.time: this change rewrites history: from 2026-09-07T09:00+02:00 to 2026-09-07T10:00+02:00 "ben-schultz" was on call as "primary" of rotation "ingestion", and the change makes it nobody. Who was on call before now (2026-11-22T12:00+01:00) cannot change.',
      ],
    ]);
  });

  it('does not run without --changed-since, and ignores a rotation that is new in the change', async () => {
    repo = committedRepo();
    repo.replace(ROTATION, PRIMARY_ROSTER, PRIMARY_ROSTER.replace('[ben-schultz, kavya-iyer,', '[kavya-iyer, ben-schultz,'));
    const plain = await validateJson(repo.root);
    expect(plain.report.diagnostics.filter((d) => d.ruleId === 'rotation-history')).toEqual([]);
    repo.write(
      'rotations/platform.yaml',
      `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: platform
name: Platform on-call
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: monday, time: "09:00" }
start: 2026-11-02
tiers:
  - id: primary
    name: Primary
    coverage: always
    rosters:
      - from: 2026-11-02
        participants: [chen-wei, noah-fischer, farid-haddad]
`,
    );
    const { history } = await historyFindings(repo.root);
    expect(history.map((d) => d.file)).toEqual([ROTATION]);
  });
});
