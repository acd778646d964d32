/**
 * Closed history stays closed: a closed incident's severity, times and impact are frozen, and a
 * correction is a new, reasoned entry in `amendments` that reports and rules read. End to end on a
 * committed copy of the example organisation, with `validate --changed-since HEAD` as a pull
 * request check runs it and `report` as a reader of the amended values.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, validateJson } from '../support/cli.ts';
import { committedRepo, lineOf, TEST_NOW, type TempRepo } from '../support/repo.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CLOSED = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';
const RESOLVED = 'incidents/2026/2026-11-10-ingestion-stuck-upload.yaml';
const AMENDMENT = [
  'amendments:',
  '  - at: 2026-11-20T10:00:00+01:00',
  '    field: severity',
  '    value: P0',
  '    reason: Every beta workspace failed uploads; the impact review reclassified it.',
  '    by: amara-okafor',
  '',
].join('\n');


async function changedFindings(root: string, ruleId: string) {
  const result = await validateJson(root, ['--changed-since', 'HEAD']);
  return { ...result, found: result.report.diagnostics.filter((d) => d.ruleId === ruleId) };
}

describe('a closed incident', () => {
  it('refuses a new severity written over the recorded one, pointing at amendments', async () => {
    repo = committedRepo();
    repo.replace(CLOSED, '\nseverity: P1\n', '\nseverity: P0\n');
    const { code, found } = await changedFindings(repo.root, 'history-append-only');
    expect(code).toBe(1);
    expect(found).toEqual([
      expect.objectContaining({
        file: CLOSED,
        line: 5,
        column: 11,
        message: 'severity: changed from "P1" to "P0" in an existing incident record that is closed; once closed, it is corrected through a new entry in amendments (field, value, reason, by), and the recorded value stays.',
      }),
    ]);
  });

  it('refuses a moved resolution time', async () => {
    repo = committedRepo();
    repo.replace(CLOSED, 'resolved: 2026-10-14T12:10:00+02:00', 'resolved: 2026-10-14T10:10:00+02:00');
    const { found } = await changedFindings(repo.root, 'history-append-only');
    expect(found).toEqual([expect.objectContaining({ line: lineOf(repo, CLOSED, 'resolved: 2026-10-14T10:10'), column: 11 })]);
    expect(found[0]!.message).toMatch(/^resolved: changed from "2026-10-14T12:10:00\+02:00" to "2026-10-14T10:10:00\+02:00" in an existing incident record that is closed;/);
  });

  it('accepts a reasoned amendment, and the monthly report reads the amended severity', async () => {
    repo = committedRepo();
    repo.write(CLOSED, `${repo.read(CLOSED)}${AMENDMENT}`);
    const { code, report } = await validateJson(repo.root, ['--changed-since', 'HEAD']);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    const monthly = await runCli(['report', '--root', repo.root, '--month', '2026-10', '--format', 'json', '--now', TEST_NOW]);
    const incidents = (JSON.parse(monthly.stdout) as { incidents: { id: string; severity: string }[] }).incidents;
    expect(incidents.find((i) => i.id === '2026-10-14-ingestion-error-rate')?.severity).toBe('P0');
  });

  it('an amendment whose value the field cannot take', async () => {
    repo = committedRepo();
    repo.write(CLOSED, `${repo.read(CLOSED)}${AMENDMENT.replace('    value: P0', '    value: P9')}`);
    const { found } = await changedFindings(repo.root, 'incident-amendments');
    expect(found).toEqual([
      expect.objectContaining({
        line: lineOf(repo, CLOSED, 'value: P9'),
        column: 12,
        message: 'amendments[0].value: "P9" is not a severity in policy/severities.yaml, as severity needs.',
      }),
    ]);
  });

  it('a time corrected by an amendment is checked in order, at the amendment', async () => {
    repo = committedRepo();
    const before = AMENDMENT.replace('field: severity', 'field: acknowledged').replace('value: P0', 'value: 2026-10-14T09:00:00+02:00');
    repo.write(CLOSED, `${repo.read(CLOSED)}${before}`);
    const { found } = await changedFindings(repo.root, 'incident-times-ordered');
    expect(found).toEqual([
      expect.objectContaining({
        line: lineOf(repo, CLOSED, 'value: 2026-10-14T09:00'),
        column: 12,
        message: 'acknowledged: 2026-10-14T09:00:00+02:00 is before detected (2026-10-14T09:42:00+02:00).',
      }),
    ]);
  });
});

describe('an incident that is not closed yet', () => {
  it('may still have its severity and times edited', async () => {
    repo = committedRepo();
    repo.replace(RESOLVED, 'severity: P2', 'severity: P1');
    const { found } = await changedFindings(repo.root, 'history-append-only');
    expect(found).toEqual([]);
  });

  it('is not amended: the fields themselves are corrected', async () => {
    repo = committedRepo();
    repo.write(RESOLVED, `${repo.read(RESOLVED)}${AMENDMENT}`);
    const { found } = await changedFindings(repo.root, 'incident-amendments');
    expect(found).toEqual([expect.objectContaining({ line: lineOf(repo, RESOLVED, 'amendments:'), column: 1, message: 'amendments: the incident is resolved, not closed; until it is closed, correct the field itself.' })]);
  });
});
