/**
 * `--format` means the same in every command: pretty (the default) for people, json for programs,
 * markdown where the output is a document; validate adds github and sarif. A name outside a
 * command's list is a usage error that names the list.
 */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../scripts/cli.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURE_ROOT, TEST_NOW } from '../support/repo.ts';

const silent: CommandIO = { stdout: () => {}, stderr: () => {}, env: {}, cwd: FIXTURE_ROOT, isTTY: false };

/** Every command (sub-commands by their full name) with the choices of its --format, if it has one. */
function formatChoices(): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const visit = (command: ReturnType<typeof buildProgram>, prefix: string) => {
    for (const sub of command.commands) {
      const name = `${prefix}${sub.name()}`;
      const format = sub.options.find((o) => o.long === '--format');
      if (format) out.set(name, format.argChoices ?? []);
      visit(sub, `${name} `);
    }
  };
  visit(buildProgram(silent, () => {}), '');
  return out;
}

const KNOWN = ['pretty', 'json', 'markdown', 'github', 'sarif'];

describe('--format', () => {
  const choices = formatChoices();

  it('is offered by every command that prints results', () => {
    expect([...choices.keys()].sort()).toEqual(['approvals', 'burden', 'notify', 'now', 'remind', 'report', 'rules', 'schedule', 'status', 'sync pagerduty', 'validate']);
  });

  it.each([...formatChoices()])('%s offers pretty first and json, from one vocabulary', (_name, list) => {
    expect(list[0]).toBe('pretty');
    expect(list).toContain('json');
    for (const format of list) expect(KNOWN).toContain(format);
  });

  it('offers markdown for the documents: the monthly report, the rule table and validate\'s findings', () => {
    const withMarkdown = [...choices].filter(([, list]) => list.includes('markdown')).map(([name]) => name);
    expect(withMarkdown.sort()).toEqual(['report', 'rules', 'sync pagerduty', 'validate']);
  });

  it.each([
    ['remind', ['remind', '--format', 'text']],
    ['rules', ['rules', '--format', 'text']],
    ['report', ['report', '--month', '2026-10', '--format', 'html']],
  ])('%s refuses a format outside its list, naming the list', async (_name, args) => {
    const result = await runCli([...args, '--root', FIXTURE_ROOT]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/argument '[a-z]+' is invalid\. Allowed choices are pretty, json/);
  });

  it('prints the same data in pretty, json and markdown where offered', async () => {
    const pretty = await runCli(['rules', '--format', 'pretty']);
    const json = await runCli(['rules', '--format', 'json']);
    const markdown = await runCli(['rules', '--format', 'markdown']);
    const catalogue = JSON.parse(json.stdout) as { id: string }[];
    expect(catalogue.map((r) => r.id)).toContain('rule-config');
    for (const { id } of catalogue) {
      expect(pretty.stdout).toContain(id);
      expect(markdown.stdout).toContain(`\`${id}\``);
    }
    const report = await runCli(['report', '--root', FIXTURE_ROOT, '--month', '2026-10', '--now', TEST_NOW]);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe((await runCli(['report', '--root', FIXTURE_ROOT, '--month', '2026-10', '--now', TEST_NOW, '--format', 'markdown'])).stdout);
    expect(report.stdout).toMatch(/^# /);
  });

  it('gives validate\'s findings as a Markdown report', async () => {
    const result = await runCli(['validate', '--root', FIXTURE_ROOT, '--now', TEST_NOW, '--format', 'markdown', '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^#+ /m);
    expect(result.stdout).not.toMatch(/^::/m);
  });
});
