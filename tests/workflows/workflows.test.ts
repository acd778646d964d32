/**
 * The workflows under .github/workflows, read as data: they call only scripts and commands that
 * exist, keep untrusted text out of shell lines, hold least privilege, pin every action, and the
 * approval evaluator never checks out or runs pull request code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../scripts/cli.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { TOOLKIT_ROOT } from '../support/repo.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  name?: string;
  permissions?: unknown;
  'timeout-minutes'?: number;
  concurrency?: unknown;
  environment?: unknown;
  if?: string;
  steps?: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const WORKFLOW_DIR = join(TOOLKIT_ROOT, '.github', 'workflows');
const files = readdirSync(WORKFLOW_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = files.map((file) => {
  const text = readFileSync(join(WORKFLOW_DIR, file), 'utf8');
  return { file, text, data: parse(text) as Workflow };
});
const byName = (name: string) => {
  const found = workflows.find((w) => w.data.name === name);
  if (!found) throw new Error(`no workflow named ${name}`);
  return found;
};

const jobs = workflows.flatMap((w) => Object.entries(w.data.jobs).map(([id, job]) => ({ file: w.file, id, job })));
const steps = jobs.flatMap(({ file, id, job }) => (job.steps ?? []).map((step) => ({ file, job: id, step })));
const runSteps = steps.filter((s) => typeof s.step.run === 'string') as { file: string; job: string; step: Step & { run: string } }[];

const packageScripts = Object.keys((JSON.parse(readFileSync(join(TOOLKIT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const silentIO: CommandIO = { stdout: () => {}, stderr: () => {}, env: {}, cwd: TOOLKIT_ROOT, isTTY: false };
const cliCommands = buildProgram(silentIO, () => {}).commands.map((c) => c.name());

/** `npm run <script>`, `npm test` and `npm run oncall -- <command>` uses in a shell script. */
function npmUses(script: string): { scripts: string[]; commands: string[] } {
  const scripts: string[] = [];
  const commands: string[] = [];
  for (const m of script.matchAll(/\bnpm\s+(?:run|run-script)\s+(?:-s\s+|--silent\s+)?([A-Za-z0-9:._-]+)(?:\s+--\s+([a-z][a-z0-9-]*))?/g)) {
    scripts.push(m[1]!);
    if (m[1] === 'oncall' && m[2] !== undefined) commands.push(m[2]);
  }
  for (const m of script.matchAll(/\bnpm\s+(test|t)\b/g)) scripts.push(m[1] === 't' ? 'test' : 'test');
  return { scripts, commands };
}

const calledScripts = [...new Set(runSteps.flatMap((s) => npmUses(s.step.run).scripts))].sort();
const calledCommands = [...new Set(runSteps.flatMap((s) => npmUses(s.step.run).commands))].sort();

describe('workflows', () => {
  it('are the ones the documentation describes', () => {
    expect(workflows.map((w) => w.data.name).sort()).toEqual(['approvals', 'approvals-relay', 'docs', 'notify', 'pagerduty-apply', 'pagerduty-plan', 'remind', 'validate', 'validate-cache']);
  });

  it('call npm scripts that exist in package.json', () => {
    expect(calledScripts).toEqual(expect.arrayContaining(['oncall', 'test', 'typecheck', 'lint:workflows']));
    for (const script of calledScripts) expect(packageScripts, `npm run ${script}`).toContain(script);
  });

  it.each(calledCommands.map((command) => [command]))('call `npm run oncall -- %s`, a command registered in scripts/cli.ts', (command) => {
    expect(cliCommands).toContain(command);
  });

  it('call the commands with the arguments the issue names', () => {
    const all = runSteps.map((s) => s.step.run).join('\n');
    expect(all).toContain('npm run oncall -- validate --changed-since "$BASE_SHA" --format github');
    expect(all).toContain('npm run oncall -- docs --check');
    expect(all).toContain('npm run oncall -- approvals --pr "$PR_NUMBER"');
    expect(all).toContain('npm run oncall -- remind --github');
    expect(all).toContain('npm run oncall -- docs\n');
    expect(all).toContain('npm run oncall -- calendar --out docs/calendars');
    expect(all).toContain('npm run oncall -- notify --slack');
    expect(all).toContain('npm run oncall -- notify --github');
    expect(all).toContain('npm run -s oncall -- sync pagerduty --plan --root pull-request --format markdown');
    expect(all).toContain('npm run -s oncall -- sync pagerduty --apply --format markdown');
  });

  it('set up Node.js 24, a maintained LTS line that package.json engines accepts', () => {
    const engines = (JSON.parse(readFileSync(join(TOOLKIT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines.split('||').map((range) => range.trim())).toContain('>=24.0.0');
    const setups = steps.filter((s) => s.step.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBeGreaterThanOrEqual(5);
    for (const { file, step } of setups) expect(step.with?.['node-version'], file).toBe(24);
  });

  it('do not ask a pull request to commit generated pages: the docs check reports what the docs workflow will change', () => {
    const check = runSteps.find((s) => s.file === 'validate.yml' && s.step.run.includes('docs --check'));
    expect(check?.step.name).toBe('Pages the docs workflow will regenerate');
    expect(runSteps.filter((s) => s.file === 'validate.yml' && /oncall -- docs(?! --check)/.test(s.step.run))).toEqual([]);
  });

  it('never put an expression into a shell line (values go through env: and are checked there)', () => {
    for (const { file, job, step } of runSteps) {
      expect(step.run, `${file} ${job} "${step.name ?? ''}"`).not.toMatch(/\$\{\{/);
    }
    // The same in the raw text, in case a run: block were written in a form the parser folds.
    for (const { file, text } of workflows) {
      for (const line of text.split('\n')) {
        if (/^\s*(-\s+)?run:/.test(line)) expect(line, file).not.toMatch(/\$\{\{/);
      }
    }
  });

  it('keep untrusted event text out of everything but env: and if:', () => {
    const untrusted = /\$\{\{[^}]*(github\.event\.(pull_request|issue|comment|review|head_commit|workflow_run\.(head_branch|display_title|head_commit))|github\.head_ref)[^}]*\}\}/;
    for (const { file, job, step } of steps) {
      for (const [key, value] of Object.entries(step.with ?? {})) {
        expect(String(value), `${file} ${job} with.${key}`).not.toMatch(untrusted);
      }
    }
  });

  it('declare permissions for the workflow and for every job', () => {
    for (const { file, data } of workflows) expect(data.permissions, file).toEqual({});
    for (const { file, id, job } of jobs) expect(job.permissions, `${file} ${id}`).toBeDefined();
  });

  it('grant write access only where a job writes', () => {
    const writes = jobs.flatMap(({ file, id, job }) =>
      Object.entries((job.permissions ?? {}) as Record<string, string>)
        .filter(([, level]) => level === 'write')
        .map(([scope]) => `${file} ${id} ${scope}`),
    );
    expect(writes.sort()).toEqual(['approvals.yml evaluate statuses', 'docs.yml commit contents', 'notify.yml notify issues', 'remind.yml remind issues']);
  });

  it('give every job a timeout', () => {
    for (const { file, id, job } of jobs) {
      expect(job['timeout-minutes'], `${file} ${id}`).toBeGreaterThan(0);
      expect(job['timeout-minutes'], `${file} ${id}`).toBeLessThanOrEqual(30);
    }
  });

  it('pin every action to a full commit SHA with its version in a comment', () => {
    const pins = new Map<string, string>();
    for (const { file, text } of workflows) {
      for (const line of text.split('\n')) {
        const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m) continue;
        const [, ref, rest] = m;
        if (ref!.startsWith('./')) continue;
        expect(ref, `${file}: ${line.trim()}`).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/);
        expect(rest, `${file}: ${line.trim()}`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
        const [action, sha] = ref!.split('@') as [string, string];
        // One version of each action across the workflows.
        expect(pins.get(action) ?? sha, `${action} in ${file}`).toBe(sha);
        pins.set(action, sha);
      }
    }
    expect([...pins.keys()].sort()).toEqual([
      'actions/cache/restore',
      'actions/cache/save',
      'actions/checkout',
      'actions/create-github-app-token',
      'actions/download-artifact',
      'actions/setup-node',
      'actions/upload-artifact',
    ]);
  });

  it('never let credentials persist where project code runs after checkout', () => {
    for (const { file, job, step } of steps) {
      if (!step.uses?.startsWith('actions/checkout@')) continue;
      if (file === 'docs.yml' && job === 'commit') continue; // pushes; runs no project code
      expect(step.with?.['persist-credentials'], `${file} ${job}`).toBe(false);
    }
  });

  it('install without install scripts wherever a job holds a write token', () => {
    for (const { file, id, job } of jobs) {
      const writes = Object.values((job.permissions ?? {}) as Record<string, string>).includes('write');
      const installs = (job.steps ?? []).filter((s) => /\bnpm (ci|install)\b/.test(s.run ?? ''));
      if (!writes) continue;
      for (const install of installs) expect(install.run, `${file} ${id}`).toMatch(/npm ci --ignore-scripts/);
    }
  });
});

describe('the approvals workflow', () => {
  const approvals = byName('approvals');
  const relay = byName('approvals-relay');

  it('runs on the default branch\'s events only, never pull_request', () => {
    expect(Object.keys(approvals.data.on).sort()).toEqual(['pull_request_target', 'push', 'schedule', 'workflow_dispatch', 'workflow_run']);
    expect(approvals.data.on.pull_request_target).toEqual({ types: ['opened', 'synchronize', 'reopened', 'edited', 'closed'], branches: ['main'] });
    expect(approvals.data.on.workflow_run).toEqual({ workflows: [relay.data.name], types: ['completed'] });
    expect(approvals.data.on.push).toEqual({
      branches: ['main'],
      paths: ['policy/**', 'rotations/**', 'signoffs/**', 'incidents/**'],
    });
  });

  it('never checks out a pull request ref', () => {
    const checkouts = Object.values(approvals.data.jobs).flatMap((job) => (job.steps ?? []).filter((s) => s.uses?.startsWith('actions/checkout@')));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const checkout of checkouts) {
      expect(checkout.with?.ref).toBe('main');
      expect(checkout.with?.repository).toBeUndefined();
      expect(JSON.stringify(checkout)).not.toMatch(/pull_request|head|merge|refs\/pull/);
    }
    expect(approvals.text).not.toMatch(/pull_request\.head\.(ref|sha)|github\.head_ref|refs\/pull\//);
  });

  it('installs without scripts and runs the evaluator once per pull request at a time', () => {
    const evaluate = approvals.data.jobs.evaluate!;
    const runs = (evaluate.steps ?? []).map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci --ignore-scripts');
    expect(runs).not.toMatch(/npm (install|ci)(?! --ignore-scripts)/);
    expect(evaluate.concurrency).toEqual({ group: 'approvals-pr-${{ matrix.pr }}', 'cancel-in-progress': false });
    expect(evaluate.permissions).toEqual({ contents: 'read', 'pull-requests': 'read', statuses: 'write' });
  });

  it('validates the relayed and dispatched numbers before using them', () => {
    const resolve = (approvals.data.jobs.targets!.steps ?? []).find((s) => s.name === 'Resolve the pull request numbers')!;
    expect(resolve.run).toMatch(/\^\[1-9\]\[0-9\]\{0,8\}\$/);
    expect(resolve.run).toContain('"open main ${RELAY_HEAD_SHA}"');
    expect(resolve.env).toMatchObject({ RELAY_HEAD_SHA: '${{ github.event.workflow_run.head_sha }}', DISPATCH_PR: '${{ inputs.pr }}' });
  });

  it('has a relay that holds no permissions, runs no project code and passes only the number', () => {
    expect(relay.data.on).toEqual({ pull_request_review: { types: ['submitted', 'edited', 'dismissed'] } });
    const [job] = Object.values(relay.data.jobs);
    expect(job!.permissions).toEqual({});
    const uses = (job!.steps ?? []).map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual(['actions/upload-artifact']);
    expect((job!.steps ?? []).map((s) => s.run ?? '').join('\n')).not.toMatch(/\bnpm\b|\bnode\b|\bnpx\b/);
  });
});

describe('the docs workflow', () => {
  const docs = byName('docs');

  it('cannot trigger itself', () => {
    expect(docs.data.on.push).toEqual({ branches: ['main'], paths: ['**', '!docs/**', 'docs/incidents/**', '!.github/CODEOWNERS'] });
    expect(docs.data.jobs.render!.permissions).toEqual({ contents: 'read' });
    expect(String((docs.data.jobs.render as { if?: string }).if)).toContain("github.actor != 'github-actions[bot]'");
  });

  it('runs every hour too, so who is on call now is never more than an hour behind a hand-off', () => {
    const schedule = docs.data.on.schedule as { cron: string }[];
    expect(schedule).toHaveLength(1);
    expect(schedule[0]!.cron).toMatch(/^[1-5]?[0-9] \* \* \* \*$/);
  });

  it('commits only generated paths, from a job that runs no project code', () => {
    const commit = docs.data.jobs.commit!;
    const runs = (commit.steps ?? []).map((s) => s.run ?? '').join('\n');
    expect(runs).not.toMatch(/^\s*(npm|npx|node)\b/m);
    expect(runs).toContain("grep -Ev '^(docs/|\\.github/CODEOWNERS$)'");
    expect(runs).toContain('git push origin HEAD:refs/heads/main');
  });
});

describe('the validation cache', () => {
  const cacheSteps = (name: string) =>
    Object.values(byName(name).data.jobs)
      .flatMap((job) => job.steps ?? [])
      .filter((step) => step.uses?.startsWith('actions/cache'));

  it('is saved only from pushes to the default branch, and only restored by pull requests', () => {
    const keeper = byName('validate-cache');
    expect(Object.keys(keeper.data.on)).toEqual(['push']);
    expect(keeper.data.on.push).toEqual({ branches: ['main'] });
    expect(cacheSteps('validate-cache').map((s) => s.uses!.split('@')[0])).toEqual(['actions/cache/save']);
    expect(cacheSteps('validate').map((s) => s.uses!.split('@')[0])).toEqual(['actions/cache/restore']);
    for (const name of ['validate', 'validate-cache']) for (const step of cacheSteps(name)) expect(step.with?.path).toBe('.oncall-cache/validate');
  });

  it('is restored by a pull request before its changed files are validated', () => {
    const names = (byName('validate').data.jobs.validate!.steps ?? []).map((s) => s.uses?.split('@')[0] ?? s.run ?? '');
    expect(names.indexOf('actions/cache/restore')).toBeGreaterThan(-1);
    expect(names.indexOf('actions/cache/restore')).toBeLessThan(names.findIndex((n) => n.includes('validate --changed-since')));
  });
});

describe('the notify workflow', () => {
  const notify = byName('notify');

  it('runs on a schedule (and by hand) on the default branch, one run at a time, with read access and issue comments only', () => {
    expect(notify.data.on).toEqual({ schedule: [{ cron: '*/15 * * * *' }], workflow_dispatch: null });
    expect(notify.data.concurrency).toEqual({ group: 'notify', 'cancel-in-progress': false });
    expect(notify.data.jobs.notify!.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  it('takes the webhook from a secret through env:, never into a shell line', () => {
    const step = (notify.data.jobs.notify!.steps ?? []).find((s) => s.run?.includes('notify --slack'))!;
    expect(step.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}', SLACK_WEBHOOK_URL: '${{ secrets.ONCALL_SLACK_WEBHOOK_URL }}' });
  });
});

describe('the docs workflow on a schedule', () => {
  it('also regenerates every hour, so "on call now" and the calendars are never days stale', () => {
    expect(byName('docs').data.on.schedule).toEqual([{ cron: '11 * * * *' }]);
  });
});

describe('the PagerDuty workflows', () => {
  it('plan a pull request with the default branch\'s toolkit, reading the pull request only as data, with a read-only token', () => {
    const plan = byName('pagerduty-plan');
    expect(Object.keys(plan.data.on)).toEqual(['pull_request_target']);
    const steps = plan.data.jobs.plan!.steps ?? [];
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkouts.map((s) => [s.with?.ref, s.with?.path ?? '.'])).toEqual([
      ['${{ steps.commits.outputs.base }}', '.'],
      ['${{ steps.commits.outputs.head }}', 'pull-request'],
    ]);
    expect(checkouts[1]!.with?.['sparse-checkout']).toBe('policy\nrotations\n');
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci --no-audit --no-fund --ignore-scripts');
    expect(runs).not.toMatch(/pull-request\/(scripts|package)|cd pull-request/);
    expect(plan.text).toContain('PAGERDUTY_TOKEN: ${{ secrets.PAGERDUTY_READ_TOKEN }}');
    expect(plan.text).not.toContain('secrets.PAGERDUTY_TOKEN');
  });

  it('apply only on main, from the environment that holds the write token, one run at a time', () => {
    const apply = byName('pagerduty-apply');
    expect(apply.data.on.push).toEqual(expect.objectContaining({ branches: ['main'] }));
    expect(apply.data.concurrency).toEqual({ group: 'pagerduty-apply', 'cancel-in-progress': false });
    const job = apply.data.jobs.apply!;
    expect(job.environment).toBe('pagerduty');
    expect(job.if).toBe("github.ref == 'refs/heads/main'");
    expect(apply.text).toContain('PAGERDUTY_TOKEN: ${{ secrets.PAGERDUTY_TOKEN }}');
  });
});
