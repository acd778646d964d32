#!/usr/bin/env node
/**
 * `oncall <command>`: parses arguments, loads the one command it runs (so start-up stays fast),
 * and turns the outcome into an exit code: 0 clean, 1 findings, 2 usage or environment error.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { UsageError, processIO, type CommandIO } from './commands/io.ts';
import { FORMATS } from './commands/options.ts';
import { TOOLKIT_VERSION } from './version.ts';

const rootOption = () => new Option('--root <dir>', 'repository to work on (default: the current folder)');
const nowOption = () => new Option('--now <date-time>', 'the current instant, ISO 8601 with offset (default: the clock)');
const formatOption = () => new Option('--format <format>', 'output format').choices(FORMATS as string[]);

export function buildProgram(io: CommandIO, setExit: (code: number) => void): Command {
  const program = new Command('oncall')
    .description('On-call and incident governance as code: validate, render and enforce the policy repository.')
    .version(TOOLKIT_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const run = async (action: () => Promise<number>) => {
    try {
      setExit(await action());
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`oncall: ${error.message}\n`);
        setExit(2);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`oncall: unexpected error: ${message}\n`);
      if (io.env.ONCALL_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
      setExit(2);
    }
  };

  program
    .command('validate')
    .description('check every data file against its schema and the semantic rules')
    .argument('[paths...]', 'only report findings in these files or folders')
    .addOption(rootOption())
    .addOption(formatOption())
    .addOption(nowOption())
    .option('--changed-since <ref>', 'only report findings in files changed since this git revision (a pull request\'s base)')
    .action((paths: string[], options) =>
      run(async () => (await import('./commands/validate.ts')).runValidate(paths, options, io)),
    );

  program
    .command('rules')
    .description('list every rule id with its description')
    .action(() =>
      run(async () => {
        const { ruleCatalogue } = await import('./rules/index.ts');
        for (const rule of ruleCatalogue()) io.stdout(`${rule.id.padEnd(28)} ${rule.severity.padEnd(8)} ${rule.description}\n`);
        return 0;
      }),
    );

  return program;
}

export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return code;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
