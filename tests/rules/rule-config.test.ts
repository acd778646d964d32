/**
 * An organisation sets a rule's severity, or turns it off, in policy/organisation.yaml `rules`
 * (as ESLint and Spectral allow); a misspelt or fixed rule id is reported where it is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyRuleSettings, ruleSettingsOf } from '../../scripts/check/rule-settings.ts';
import type { Diagnostic } from '../../scripts/report/diagnostic.ts';
import { configurableRuleIds } from '../../scripts/rules/index.ts';
import { validateJson } from '../support/cli.ts';
import { lineOf, tempRepo, type TempRepo } from '../support/repo.ts';

const ORGANISATION = 'policy/organisation.yaml';
const INCIDENT = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** A copy of the fixture with the given `rules:` block appended to policy/organisation.yaml. */
function withRules(block: string): TempRepo {
  repo = tempRepo();
  repo.write(ORGANISATION, `${repo.read(ORGANISATION)}rules:\n${block}`);
  return repo;
}

/** A root cause naming a person: a blameless-language warning by default. */
function blameSomeone(r: TempRepo): void {
  r.replace(INCIDENT, 'root_cause: A schema migration added', 'root_cause: Elif Yilmaz ran a schema migration that added');
}

/** Kavya (ingestion primary that week) on call in two rotations at once: a double-booking warning by default. */
function bookTwice(r: TempRepo): void {
  r.write(
    'rotations/platform.yaml',
    `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: platform
name: Platform on-call
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: monday, time: "09:00" }
start: 2026-11-23
tiers:
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
`,
  );
}

const brief = (d: { ruleId: string; severity: string; file: string }) => [d.ruleId, d.severity, d.file];

describe('rule settings in policy/organisation.yaml', () => {
  it('keep the defaults when nothing is set', async () => {
    repo = tempRepo();
    blameSomeone(repo);
    bookTwice(repo);
    const { code, report } = await validateJson(repo.root);
    expect(report.diagnostics.map(brief)).toEqual([
      ['blameless-language', 'warning', INCIDENT],
      ['double-booking', 'warning', 'rotations/platform.yaml'],
    ]);
    expect(code).toBe(0);
  });

  it('turn a rule off and make another an error (exit 1), on a cold and on a warm run', async () => {
    const r = withRules('  blameless-language: off\n  double-booking: error\n');
    blameSomeone(r);
    bookTwice(r);
    for (const run of ['cold', 'warm']) {
      const { code, report } = await validateJson(r.root);
      expect(report.diagnostics.map(brief), run).toEqual([['double-booking', 'error', 'rotations/platform.yaml']]);
      expect(report.summary, run).toMatchObject({ errors: 1, warnings: 0 });
      expect(code, run).toBe(1);
    }
  });

  it('make a rule\'s errors warnings, so validate passes', async () => {
    const r = withRules('  incident-times-ordered: warning\n');
    r.replace(INCIDENT, 'acknowledged: 2026-10-14T09:', 'acknowledged: 2026-10-14T07:');
    const { code, report } = await validateJson(r.root);
    expect(report.diagnostics.map(brief)).toEqual([['incident-times-ordered', 'warning', INCIDENT]]);
    expect(code).toBe(0);
  });

  it('report a misspelt rule id at its key, with a suggestion, and still apply the others', async () => {
    const r = withRules('  blameles-language: off\n  double-booking: error\n');
    bookTwice(r);
    const { code, report } = await validateJson(r.root);
    expect(report.diagnostics).toEqual([
      {
        ruleId: 'rule-config',
        severity: 'error',
        file: ORGANISATION,
        line: lineOf(r, ORGANISATION, 'blameles-language: off'),
        column: 3,
        endLine: lineOf(r, ORGANISATION, 'blameles-language: off'),
        endColumn: 20,
        message: 'rules.blameles-language: "blameles-language" is not a rule.',
        hint: 'Did you mean "blameless-language"? `npm run oncall -- rules` lists every rule.',
      },
      expect.objectContaining({ ruleId: 'double-booking', severity: 'error', file: 'rotations/platform.yaml' }),
    ]);
    expect(code).toBe(1);
  });

  it('refuse to configure what the loader and the schemas check, or the settings check itself', async () => {
    const r = withRules('  schema-type: off\n  rule-config: warning\n');
    const { code, report } = await validateJson(r.root);
    expect(report.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['rule-config', lineOf(r, ORGANISATION, 'schema-type: off'), 3, 'rules.schema-type: "schema-type" cannot be configured: the loader and the schemas rely on it, and a file that fails it is not checked further.'],
      ['rule-config', lineOf(r, ORGANISATION, 'rule-config: warning'), 3, 'rules.rule-config: "rule-config" cannot be configured: it checks these settings.'],
    ]);
    expect(code).toBe(1);
  });

  it('accept only off, warning and error as a setting', async () => {
    const r = withRules('  double-booking: fatal\n');
    const { report } = await validateJson(r.root);
    expect(report.diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([['schema-enum', ORGANISATION, lineOf(r, ORGANISATION, 'double-booking: fatal')]]);
  });
});

describe('applyRuleSettings', () => {
  const finding = (ruleId: string, severity: Diagnostic['severity']): Diagnostic => ({ ruleId, severity, file: 'f.yaml', line: 1, column: 1, message: 'm' });

  it('leaves notes as they are whatever the setting, and ignores what cannot be configured', () => {
    const settings = ruleSettingsOf({ 'postmortem-due': 'error', 'schema-type': 'off', 'coverage-gap': 'loud' }, configurableRuleIds());
    expect([...settings]).toEqual([['postmortem-due', 'error']]);
    expect(applyRuleSettings([finding('postmortem-due', 'note'), finding('postmortem-due', 'warning'), finding('schema-type', 'error')], settings)).toEqual([
      finding('postmortem-due', 'note'),
      finding('postmortem-due', 'error'),
      finding('schema-type', 'error'),
    ]);
  });
});
