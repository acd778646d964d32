#!/usr/bin/env node
/**
 * `oncall <command>`: parses arguments, loads the one command it runs (so start-up stays fast),
 * and turns the outcome into an exit code: 0 clean, 1 findings, 2 usage or environment error.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { UsageError, processIO, type CommandIO } from './commands/io.ts';
import { DATA_FORMATS, DOCUMENT_FORMATS, FORMATS } from './commands/options.ts';
import { TOOLKIT_VERSION } from './version.ts';

const rootOption = () => new Option('--root <dir>', 'repository to work on (default: the current folder)');
const nowOption = () => new Option('--now <date-time>', 'the current instant, ISO 8601 with offset (default: the clock)');
const FORMAT_WORDS: Record<string, string> = {
  pretty: 'pretty for people (the default)',
  json: 'json for programs',
  markdown: 'markdown as a document',
  github: 'github for workflow annotations and a job summary (the default inside GitHub Actions)',
  sarif: 'sarif for code scanning',
};
/** `--format`, with the same words for the same formats in every command (see commands/options.ts). */
const formatOption = (choices: readonly string[]) => new Option('--format <format>', `output format: ${choices.map((c) => FORMAT_WORDS[c] ?? c).join(', ')}`).choices([...choices]);

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
    .addOption(formatOption(FORMATS))
    .addOption(nowOption())
    .option('--changed-since <ref>', 'only report findings in files changed since this git revision (a pull request\'s base)')
    .option('--no-cache', 'neither read nor write the validation cache (.oncall-cache/validate/, safe to delete)')
    .action((paths: string[], options) =>
      run(async () => (await import('./commands/validate.ts')).runValidate(paths, options, io)),
    );

  program
    .command('docs')
    .description('generate docs/ pages and .github/CODEOWNERS from the data (only files carrying the generator\'s marker are replaced)')
    .option('--check', 'write nothing; list the generated files docs would create, update or remove (with their diffs in the GitHub job summary); exit 1 only when a file is in the way')
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/docs.ts')).runDocs(options, io)));

  program
    .command('rules')
    .description('list every rule id with its description')
    .addOption(formatOption(DOCUMENT_FORMATS))
    .addOption(rootOption())
    .action((options: { format?: string; root?: string }) =>
      run(async () => {
        // The rules are the toolkit's, the same for every repository; --root is checked like everywhere else.
        if (options.root !== undefined) (await import('./commands/options.ts')).resolveRoot(options.root, io);
        const { ruleCatalogue, ruleTableMarkdown } = await import('./rules/index.ts');
        const format = options.format ?? 'pretty';
        if (format === 'markdown') io.stdout(ruleTableMarkdown());
        else if (format === 'json') io.stdout(`${JSON.stringify(ruleCatalogue(), null, 2)}\n`);
        else for (const rule of ruleCatalogue()) io.stdout(`${rule.id.padEnd(28)} ${rule.severity.padEnd(8)} ${rule.description}\n`);
        return 0;
      }),
    );

  program
    .command('status')
    .description("each rollout's current phase, derived from its sign-off history, with who signed what and when")
    .addOption(formatOption(DATA_FORMATS))
    .option('--rollout <id>', 'only this rollout')
    .addOption(rootOption())
    .addOption(new Option('--now <date-time>', 'show the state as of this instant, ignoring later records (ISO 8601 with offset)'))
    .action((options) => run(async () => (await import('./commands/status.ts')).runStatus(options, io)));

  program
    .command('approvals')
    .description('decide the oncall-as-code/approvals status of a pull request\'s head commit (from every open pull request into the default branch with that head) and post it')
    .option('--pr <number>', 'pull request number (default: the pull request of GITHUB_EVENT_PATH)')
    .addOption(formatOption(DATA_FORMATS))
    .option('--dry-run', 'evaluate and print, but post no commit status')
    .addOption(new Option('--base-source <source>', 'read the default branch\'s policy and sign-off history through the GitHub API, or from the local git checkout (large repositories)').choices(['api', 'git']).default('api'))
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/approvals.ts')).runApprovals(options, io)));

  program
    .command('github-ids')
    .description("look up the GitHub account id of everyone in policy/people.yaml without one (approvals match people by it); --write adds them to the file")
    .option('--write', 'write the ids into policy/people.yaml (one line after each github: line; nothing else changes)')
    .addOption(rootOption())
    .action((options) => run(async () => (await import('./commands/github-ids.ts')).runGithubIds(options, io)));

  const newCommand = program.command('new').description('write a prefilled record that validates as written (never replaces a file)');
  newCommand
    .command('incident')
    .description('open an incident: writes incidents/YYYY/<date>-<slug>.yaml with the commander on call now')
    .option('--severity <id>', 'severity from policy/severities.yaml (e.g. P1)')
    .option('--title <text>', 'one-line title; the id is the date and a slug of it')
    .option('--product <id>', 'product affected (default: the only product in policy/lifecycle.yaml)')
    .option('--slug <slug>', 'the id\'s slug, instead of one made from the title')
    .option('--commander <person>', 'incident commander (default: whoever is on call now)')
    .option('--communications-lead <person>', 'communications lead (default for major severities: the owner of client-facing incident communication)')
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/new.ts')).runNewIncident(options, io)));
  newCommand
    .command('postmortem')
    .description('start a post-mortem: writes docs/incidents/<id>.md from the template and the incident record')
    .option('--incident <id>', 'the incident reviewed')
    .addOption(rootOption())
    .action((options) => run(async () => (await import('./commands/new.ts')).runNewPostmortem(options, io)));

  program
    .command('report')
    .description('the monthly uptime and incident report: uptime, incidents, SLA compliance, escalation metrics, action items, maintenance')
    .option('--month <YYYY-MM>', 'the calendar month, in the organisation\'s time zone')
    .addOption(formatOption(DOCUMENT_FORMATS))
    .option('--out <file>', 'write the report to this file instead of printing it')
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/report.ts')).runReport(options, io)));

  program
    .command('remind')
    .description('list overdue post-mortems and action items; with --github, open, update and close one reminder issue per item')
    .option('--github', 'open, update and close GitHub issues (needs GITHUB_TOKEN and GITHUB_REPOSITORY); default: a dry run')
    .addOption(formatOption(DATA_FORMATS))
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/remind.ts')).runRemind(options, io)));

  program
    .command('init')
    .description('turn a fresh copy of the template into an empty organisation (refuses unless the data is still the example)')
    .addOption(rootOption())
    .addOption(nowOption())
    .option('--force', 'replace the policy files even though the data is no longer exactly the example (never deletes your own files)')
    .option('--organisation <name>', 'the organisation\'s name')
    .option('--person <full name>', 'the first person, who holds every role the approval rules need')
    .option('--github <login>', 'that person\'s GitHub login')
    .option('--github-id <id>', 'that person\'s GitHub account id (approvals are matched on it; `github-ids --write` can fill it in later)')
    .option('--timezone <zone>', 'that person\'s and the organisation\'s IANA time zone (default UTC)')
    .action((options) => run(async () => (await import('./commands/init.ts')).runInit(options, io)));

  program
    .command('upgrade')
    .description('take a newer release of the toolkit (scripts, schemas, tests, workflows, package files), keeping your data as it is')
    .option('--from <folder or git address>', 'the release: a folder holding it, or the template repository\'s git address with --ref')
    .option('--ref <tag>', 'the release tag (or branch) to take from a git address')
    .option('--dry-run', 'list what would change, write nothing')
    .option('--force', 'replace toolkit files even when they have changes git does not hold yet')
    .addOption(rootOption())
    .action((options) => run(async () => (await import('./commands/upgrade.ts')).runUpgrade(options, io)));

  const dataFormatOption = () => formatOption(DATA_FORMATS);
  const rotationOption = () => new Option('--rotation <id>', 'only this rotation');

  program
    .command('now')
    .description('who is on call now (or --at another time) for every rotation and tier, how to reach them and who is next')
    .option('--at <date-time>', 'ask about this instant instead of now (ISO 8601 with offset, or a date)')
    .option('--tz <zone>', "the reader's IANA time zone for local times (default: $TZ or the system's)")
    .addOption(rotationOption())
    .addOption(dataFormatOption())
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/now.ts')).runNow(options, io)));

  program
    .command('schedule')
    .description('the shifts of every rotation between two dates, as a table or JSON')
    .option('--from <date>', 'first day (YYYY-MM-DD in the organisation\'s zone, or a date-time with offset; default today)')
    .option('--to <date>', 'last day, included (or a date-time with offset, excluded; default four weeks after --from)')
    .addOption(rotationOption())
    .addOption(dataFormatOption())
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/schedule.ts')).runSchedule(options, io)));

  program
    .command('calendar')
    .description('write iCalendar (.ics) files: one per rotation and one per person')
    .option('--out <dir>', 'folder to write rotations/<id>.ics and people/<id>.ics to')
    .option('--from <date>', 'first day of events (default: the first of last month)')
    .option('--to <date>', 'last day of events, included (default: the end of the month the coverage horizon ends in)')
    .addOption(rotationOption())
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/calendar.ts')).runCalendar(options, io)));

  program
    .command('burden')
    .description('on-call hours per person: per tier, weekends and nights in their own zone, number of shifts')
    .option('--from <date>', 'first day (default: four weeks before today)')
    .option('--to <date>', 'last day, included (default: four weeks after --from)')
    .addOption(rotationOption())
    .addOption(dataFormatOption())
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/burden.ts')).runBurden(options, io)));

  program
    .command('swap')
    .description("swap shifts: the first person's shift goes to the second, and one of the second's back; writes both overrides, validates them and says which approvals the pull request needs")
    .argument('<person>', 'whose shift is given away (a person id)')
    .argument('<other>', 'who takes it, and gives a shift back')
    .option('--at <when>', "the first person's shift: a date-time inside it (with offset), or a date")
    .option('--back <when>', "the second person's shift to give back (default: their next turn of the same tier)")
    .addOption(rotationOption())
    .option('--tier <id>', 'only this tier')
    .option('--reason <text>', 'why, added to the overrides\' reason')
    .option('--author <person>', 'who will open the pull request (their own approval is implied)')
    .option('--dry-run', 'print the overrides, the findings and the approvals, but write nothing')
    .addOption(rootOption())
    .addOption(nowOption())
    .action((person: string, other: string, options) => run(async () => (await import('./commands/swap.ts')).runSwap(person, other, options, io)));

  program
    .command('cover')
    .description('someone covers all shifts of a person in a period; writes the overrides, validates them and says which approvals the pull request needs')
    .argument('<person>', 'whose shifts are covered (a person id)')
    .option('--from <when>', 'start: a date (YYYY-MM-DD, the organisation\'s zone) or a date-time with offset')
    .option('--to <when>', 'end: a date (included) or a date-time with offset (excluded)')
    .option('--by <person>', 'who covers (default: for each shift, the first person free in the roster\'s order)')
    .addOption(rotationOption())
    .option('--tier <id>', 'only this tier')
    .option('--reason <text>', 'why, added to the overrides\' reason')
    .option('--author <person>', 'who will open the pull request (their own approval is implied)')
    .option('--dry-run', 'print the overrides, the findings and the approvals, but write nothing')
    .addOption(rootOption())
    .addOption(nowOption())
    .action((person: string, options) => run(async () => (await import('./commands/cover.ts')).runCover(person, options, io)));

  program
    .command('notify')
    .description('post due hand-off notices and shift reminders to Slack (--slack) or as comments on the "On-call notices" issue (--github), each once; a dry run without either')
    .option('--slack', 'post to the Slack incoming webhook in SLACK_WEBHOOK_URL (GitHub keeps the record: needs GITHUB_TOKEN and GITHUB_REPOSITORY)')
    .option('--github', 'post as comments on the "On-call notices" issue (needs GITHUB_TOKEN and GITHUB_REPOSITORY)')
    .option('--lookback <duration>', 'announce hand-offs up to this long ago (default 6h)')
    .option('--remind-before <duration>', 'remind people this long before their shift starts (default 1d)')
    .addOption(formatOption(DATA_FORMATS))
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/notify.ts')).runNotify(options, io)));

  const sync = program.command('sync').description('make an outside service follow the repository');
  sync
    .command('pagerduty')
    .description('make PagerDuty\'s schedules, overrides and escalation policies follow the rotations (needs PAGERDUTY_TOKEN)')
    .option('--plan', 'show what would change, object by object, and compare PagerDuty\'s rendered schedules with the shifts')
    .option('--apply', 'make the changes, then read PagerDuty again and check it matches')
    .addOption(formatOption(DOCUMENT_FORMATS))
    .option('--exit-code', 'with --plan, exit 1 when anything differs')
    .addOption(rotationOption())
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/sync-pagerduty.ts')).runSyncPagerDuty(options, io)));

  const importCommand = program.command('import').description('write repository data from an outside service');
  importCommand
    .command('pagerduty')
    .description('write rotations/ and the people mapping from PagerDuty\'s schedules and escalation policies; with --overrides, only bring PagerDuty\'s overrides into the rotation files')
    .option('--overrides', 'only add the overrides made in PagerDuty to the rotation files they belong to')
    .option('--dry-run', 'print the rotation files and the people mapping, write nothing')
    .addOption(rotationOption())
    .addOption(rootOption())
    .addOption(nowOption())
    .action((options) => run(async () => (await import('./commands/import-pagerduty.ts')).runImportPagerDuty(options, io)));

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
