/**
 * Inputs on which a second YAML reader once gave `validate` a different verdict from the `yaml`
 * package, each planted in a real data file of the example organisation: `validate` must give
 * `yaml`'s verdict (its findings, exact, and its exit code). The plain reader declines every one of
 * them, so `yaml` reads them (tests/repo/plain-yaml.property.test.ts covers their families).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { FIXTURE_ROOT } from '../support/repo.ts';
import { expectOutcome, parseFixture, runFixture, type Fixture } from './fixture-cases.ts';

const INCIDENT = 'incidents/2026/2026-11-10-ingestion-stuck-upload.yaml';
const POSTMORTEM = 'docs/incidents/2026-10-29-ingestion-outage.md';

/** The 1-based line of the first line holding `text` in an example file, as it is before any edit. */
function lineOf(file: string, text: string): number {
  return readFileSync(join(FIXTURE_ROOT, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}
const LAST_LINE = 'resolution: The lock was released by hand; a lock timeout is tracked as a bug.\n';

/** A fixture written in code, checked by the same parser as the fixture files. */
function fixture(name: string, description: string, edits: unknown[], expect: unknown[]): Fixture {
  return parseFixture(name, JSON.stringify({ description, edits, expect }));
}

const CASES: Fixture[] = [
  fixture(
    'indented document marker',
    'A post-mortem whose front matter starts with an indented "---" line is a YAML syntax error',
    [{ file: POSTMORTEM, replace: '---\nincident: 2026-10-29-ingestion-outage\n', with: '---\n ---\nincident: 2026-10-29-ingestion-outage\n' }],
    [
      { ruleId: 'yaml-syntax', file: POSTMORTEM, line: 2, column: 2, message: 'Implicit keys need to be on a single line' },
      // yaml then reads every later line as stray text in the stream, and the first 20 findings are shown.
      ...Array.from({ length: 19 }, (_, i) => ({ ruleId: 'yaml-syntax', file: POSTMORTEM, line: 4 + i })),
    ],
  ),
  fixture(
    'scalar after a sequence item',
    'A key written after a quoted list item on its line is a YAML syntax error, not a new key',
    [{ file: POSTMORTEM, replace: 'authors: [sofia-rossi, chen-wei]\nstatus: final\n', with: 'authors:\n- sofia-rossi\n- "chen-wei" status: final\n' }],
    [{ ruleId: 'yaml-syntax', file: POSTMORTEM, line: { of: '"chen-wei" status' }, message: 'Unexpected scalar' }],
  ),
  fixture(
    'comment line between a key and its value',
    'A comment line between a key and its value on the next line is a YAML syntax error',
    [{ file: 'policy/organisation.yaml', replace: '  max_consecutive_days: 7\n', with: '  max_consecutive_days:\n  #TODO confirm with the SRE lead\n    7\n' }],
    [{ ruleId: 'yaml-syntax', file: 'policy/organisation.yaml', line: lineOf('policy/organisation.yaml', 'max_consecutive_days: 7') + 2, column: 5, message: 'Implicit keys need to be on a single line' }],
  ),
  fixture(
    'escape beyond U+10FFFF',
    'A \\U escape beyond the last Unicode character is a YAML syntax error',
    [{ file: INCIDENT, replace: "title: One client's upload stuck in processing", with: 'title: "One client\'s upload stuck in processing \\U001F6003"' }],
    [{ ruleId: 'yaml-syntax', file: INCIDENT, line: { of: 'title:' }, message: 'Invalid escape sequence' }],
  ),
  fixture(
    'block scalar with an indentation indicator and only blanks',
    'A literal block scalar with an indentation indicator and nothing but blanks is empty text',
    [{ file: INCIDENT, replace: LAST_LINE, with: 'resolution: |1\n  ' }],
    [{ ruleId: 'schema-constraint', file: INCIDENT, line: { of: 'resolution:' } }],
  ),
  fixture(
    'keep chomping with blanks at the end of the file',
    'A keep-chomping block scalar ending in blanks at the end of the file holds one line break, not two',
    [
      { file: INCIDENT, replace: 'severity: P2\n', with: '' },
      { file: INCIDENT, replace: LAST_LINE, with: `${LAST_LINE}severity: |+\n\n ` },
    ],
    // The message quotes the value read: one line break.
    [{ ruleId: 'schema-pattern', file: INCIDENT, line: { of: 'severity:' }, message: 'severity: "\\n" does not match' }],
  ),
  fixture(
    'escaped line break before a blank line',
    'In double quotes, an escaped line break followed by a blank line reads as one space, so a name split there is still found',
    [{ file: INCIDENT, replace: 'root_cause: A worker crashed while holding the per-document processing lock, and the lock had no expiry.', with: 'root_cause: "A deploy by Kavya\\\n\n  Iyer skipped the canary."' }],
    [{ ruleId: 'blameless-language', file: INCIDENT, line: { of: 'root_cause:' }, severity: 'warning' }],
  ),
];

describe('validate gives the yaml package\'s verdict on inputs another reader once read differently', () => {
  it.each(CASES.map((c) => ({ name: c.name, fixture: c })))('$name', async ({ fixture: c }) => {
    expectOutcome(c, await runFixture(c));
  });
});
