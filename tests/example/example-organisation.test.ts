/**
 * The example organisation shipped at the repository's root: valid, its generated pages current,
 * and recognised by `oncall init` as the untouched example. These tests belong to the example data:
 * `oncall init` removes them together with it.
 */
import { describe, expect, it } from 'vitest';
import { compareWithExample, isExactlyTheExample } from '../../scripts/init/example-organisation.ts';
import { loadManifest, readOrganisationTree } from '../../scripts/init/tree.ts';
import { runCli, validateJson } from '../support/cli.ts';
import { EXAMPLE_ROOT } from './root.ts';

describe('the example organisation', () => {
  it('validates without a finding', async () => {
    const { code, report } = await validateJson(EXAMPLE_ROOT, ['--no-cache']);
    expect(report.diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it('has committed pages that are up to date', async () => {
    const result = await runCli(['docs', '--check', '--root', EXAMPLE_ROOT]);
    expect(result.stdout).toContain('up to date');
    expect(result.code).toBe(0);
  });

  it('is what `oncall init` recognises as the untouched example', async () => {
    const comparison = compareWithExample(await readOrganisationTree(EXAMPLE_ROOT), loadManifest());
    expect(comparison, 'The example data changed: run `npm run regenerate` and commit scripts/init/example-manifest.json.').toEqual({
      missing: [],
      changed: [],
      extra: [],
    });
    expect(isExactlyTheExample(comparison)).toBe(true);
  });
});
