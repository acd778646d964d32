import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../scripts/cli.ts';
import { processIO } from '../../scripts/commands/io.ts';
import { TOOLKIT_ROOT } from '../support/repo.ts';

const readme = readFileSync(join(TOOLKIT_ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(TOOLKIT_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe('the README', () => {
  const table = readme.slice(readme.indexOf('## Dependencies'));

  it.each(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }))('says why %s is a dependency', (name) => {
    expect(table).toContain(`\`${name}\``);
  });

  it('lists every command the CLI offers', () => {
    const commands = buildProgram(processIO(), () => {}).commands.map((c) => c.name());
    for (const command of commands) expect(readme, command).toMatch(new RegExp(`\`${command}[ \`]`));
  });

  it('shows the two commands a new user starts with', () => {
    expect(readme).toContain('npm ci && npm run oncall -- validate');
    expect(readme).toContain('npm ci && npm test');
  });

  it('names only npm scripts that exist', () => {
    for (const [, script] of readme.matchAll(/npm run ([a-z:-]+)/g)) {
      expect(pkg.scripts, script).toHaveProperty(script!);
    }
  });
});
