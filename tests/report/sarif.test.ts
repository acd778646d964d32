import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../scripts/report/sarif.ts';
import { diag, SAMPLE } from './helpers.ts';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: Record<string, number>;
    };
  }[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
    columnKind: string;
    results: SarifResult[];
  }[];
}

const RULES = [
  { id: 'schema-type', description: 'Values have the type the schema requires.' },
  { id: 'reference-exists', description: 'References point at things that exist.' },
];

function sarif(...args: Parameters<typeof formatSarif>): SarifLog {
  const out = formatSarif(...args);
  expect(out.endsWith('}\n')).toBe(true);
  return JSON.parse(out) as SarifLog;
}

describe('formatSarif', () => {
  it('produces one SARIF 2.1.0 run with the driver and its rules', () => {
    const log = sarif(SAMPLE, { toolVersion: '1.2.3', rules: RULES });
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run?.tool.driver.name).toBe('oncall-as-code');
    expect(run?.tool.driver.version).toBe('1.2.3');
    expect(run?.columnKind).toBe('utf16CodeUnits');
    // Given rules first, in order; then a stub for a rule that reported but was not described.
    expect(run?.tool.driver.rules).toEqual([
      { id: 'schema-type', shortDescription: { text: 'Values have the type the schema requires.' } },
      { id: 'reference-exists', shortDescription: { text: 'References point at things that exist.' } },
      { id: 'stale-rotation', shortDescription: { text: 'stale-rotation' } },
    ]);
  });

  it('maps each finding to a result with level, message, rule index and location', () => {
    const [run] = sarif(SAMPLE, { toolVersion: '1.2.3', rules: RULES }).runs;
    const results = run?.results ?? [];
    expect(results).toHaveLength(SAMPLE.length);
    expect(results).toEqual([
      {
        ruleId: 'stale-rotation',
        ruleIndex: 2,
        level: 'note',
        message: { text: 'rotation has not changed in 180 days' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'rotations/primary.yaml' },
              region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 9 },
            },
          },
        ],
      },
      {
        ruleId: 'reference-exists',
        ruleIndex: 1,
        level: 'error',
        message: { text: 'participants[2]: "alcie" is not a person in policy/people.yaml. Hint: Did you mean "alice"?' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'incidents/2024-05-01.yaml' },
              region: { startLine: 12, startColumn: 5 },
            },
          },
        ],
      },
      {
        ruleId: 'schema-type',
        ruleIndex: 0,
        level: 'warning',
        message: { text: 'severity: expected one of sev1, sev2, sev3' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'incidents/2024-05-01.yaml' },
              region: { startLine: 3, startColumn: 1 },
            },
          },
        ],
      },
    ]);
    for (const r of results) expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
  });

  it.each([
    ['policy/people.yaml', 'policy/people.yaml'],
    ['docs/on call #1?.yaml', 'docs/on%20call%20%231%3F.yaml'],
    ['c:/x/100%.yaml', 'c%3A/x/100%25.yaml'],
  ])('writes file %j as URI reference %j', (file, uri) => {
    const [run] = sarif([diag({ file })], { toolVersion: '0.1.0', rules: [] }).runs;
    expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(uri);
  });

  it('leaves out the region when a finding has no real position', () => {
    const [run] = sarif([diag({ line: 0, column: 0 })], { toolVersion: '0.1.0', rules: [] }).runs;
    expect(run?.results[0]?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'a.yaml' } });
  });

  it('lists each rule once even if given twice', () => {
    const [run] = sarif([diag({ ruleId: 'x' })], {
      toolVersion: '0.1.0',
      rules: [
        { id: 'x', description: 'first' },
        { id: 'x', description: 'second' },
      ],
    }).runs;
    expect(run?.tool.driver.rules).toEqual([{ id: 'x', shortDescription: { text: 'first' } }]);
    expect(run?.results[0]?.ruleIndex).toBe(0);
  });

  it('produces an empty result list when there are no findings', () => {
    const [run] = sarif([], { toolVersion: '0.1.0', rules: RULES }).runs;
    expect(run?.results).toEqual([]);
    expect(run?.tool.driver.rules).toHaveLength(2);
  });
});
