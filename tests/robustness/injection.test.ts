/**
 * Text from data renders as inert text everywhere it is shown: every free-text field of the example
 * organisation carries Handlebars, Markdown, HTML and GitHub workflow-command syntax, and the
 * outputs are read back with the tools their readers use (the GFM parser for pages, job summaries
 * and issue bodies; the workflow-command grammar for annotations). Compared with the pages of the
 * untouched data, nothing gains a heading, table row, cell, list, link, HTML block or code block.
 */
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import fc from 'fast-check';
import { formatGithubAnnotations, formatGithubSummary } from '../../scripts/report/github.ts';
import { summarise, type Diagnostic } from '../../scripts/report/diagnostic.ts';
import { runRemind } from '../../scripts/commands/remind.ts';
import type { CommandIO } from '../../scripts/commands/io.ts';
import { keyOfBody } from '../../scripts/remind/plan.ts';
import { collectReminders } from '../../scripts/remind/reminders.ts';
import { buildModel } from '../../scripts/check/build-model.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { fitDescription, STATUS_DESCRIPTION_LIMIT } from '../../scripts/approvals/evaluate.ts';
import { addIssueRoutes, issuesState, type IssuesState } from '../support/github-issues-routes.ts';
import { startGitHubServer, type GitHubServer } from '../support/github-server.ts';
import { TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';
import { approve, exampleFiles, GA_PATH, gaRecord, runAgainst, serve } from '../approvals/fixture.ts';
import { ALL_DATA_FILES, isDisguisedLink, markdownProblems, parseGfm, textOf, walk } from './harness.ts';
import { BENIGN_PAYLOADS, INLINE_PAYLOAD, injectPayloads, PAYLOADS, VISIBLE_PIECES } from './hostile-text.ts';
import { checkProperty, fuzzRuns, parseAnnotations, runCommand } from './support.ts';

/** Node types whose number must not change when data carries syntax: the structure of a page. */
const STRUCTURE = ['heading', 'table', 'tableRow', 'tableCell', 'list', 'listItem', 'link', 'linkReference', 'definition', 'image', 'html', 'code', 'blockquote', 'thematicBreak', 'strong', 'emphasis', 'delete'] as const;

function structureOf(markdown: string): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(STRUCTURE.map((type) => [type, 0]));
  for (const node of walk(parseGfm(markdown))) if (node.type in counts) counts[node.type]! += 1;
  return counts;
}

/**
 * The Mermaid statements of a page with the text from data taken out (quoted labels, gantt task
 * names, titles and section names): what is left must not differ, so data adds no statement.
 */
function mermaidShape(markdown: string): string[] {
  const shape: string[] = [];
  for (const node of walk(parseGfm(markdown))) {
    if (node.type !== 'code' || node.lang !== 'mermaid') continue;
    for (const line of node.value.split('\n')) {
      shape.push(
        line
          .replace(/"[^"]*"/g, '"…"')
          .replace(/^(\s*)[^:]*(:t\d+,)/, '$1…$2')
          .replace(/^(\s*(?:title|section)) .*$/, '$1 …'),
      );
    }
  }
  return shape;
}

/** Raw HTML nodes of a page (the generator writes its marker comment and `<a id>` anchors itself). */
function htmlOf(markdown: string): string[] {
  return [...walk(parseGfm(markdown))].filter((n): n is Extract<Nodes, { type: 'html' }> => n.type === 'html').map((n) => n.value);
}

function visibleText(markdown: string): string {
  return textOf(parseGfm(markdown));
}

/** Every file under `dir` (repository-relative), with its content. */
function readTree(dir: string, relative = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(join(dir, relative))) {
    const path = relative === '' ? name : `${relative}/${name}`;
    if (statSync(join(dir, path)).isDirectory()) for (const [p, c] of readTree(dir, path)) out.set(p, c);
    else out.set(path, readFileSync(join(dir, path), 'utf8'));
  }
  return out;
}

const injected = new Map<readonly string[], Record<string, string>>();

/** Writes the payloads (or, in their places, plain words) into a fresh copy of the fixture organisation. */
function hostileRepo(written: readonly string[] = PAYLOADS): TempRepo {
  const repo = tempRepo();
  let files = injected.get(written);
  if (!files) {
    const result = injectPayloads(Object.fromEntries(ALL_DATA_FILES.map((path) => [path, repo.read(path)])), PAYLOADS, written);
    // The injection must reach every kind of file, or the tests below prove little.
    for (const path of ALL_DATA_FILES) expect(result.fields[path], `text fields carrying a payload in ${path}`).toBeGreaterThan(0);
    files = result.files;
    injected.set(written, files);
  }
  for (const [path, text] of Object.entries(files)) writeFileSync(repo.path(path), text);
  return repo;
}

describe('generated pages (compared with pages of the same data with plain words in place of the payloads)', () => {
  let clean: TempRepo;
  let hostile: TempRepo;
  let cleanPages: Map<string, string>;
  let hostilePages: Map<string, string>;
  beforeAll(async () => {
    clean = hostileRepo(BENIGN_PAYLOADS);
    hostile = hostileRepo();
    for (const repo of [clean, hostile]) {
      const result = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
      expect(result.code, result.stderr).toBe(0);
    }
    const pages = (repo: TempRepo) => new Map([...readTree(repo.path('docs'))].filter(([path]) => path.endsWith('.md') && !path.startsWith('incidents/')));
    cleanPages = pages(clean);
    hostilePages = pages(hostile);
  }, 60_000);
  afterAll(() => {
    clean.cleanup();
    hostile.cleanup();
  });

  it('are the same pages', () => {
    expect([...hostilePages.keys()].sort()).toEqual([...cleanPages.keys()].sort());
    expect(hostilePages.size).toBeGreaterThan(10);
  });

  it('keep the structure of the pages of clean data: no heading, row, cell, list, link, HTML or code block from data', () => {
    for (const [path, markdown] of hostilePages) expect(structureOf(markdown), path).toEqual(structureOf(cleanPages.get(path)!));
  });

  it('have no HTML but the generator\'s own, and no link but the generator\'s own', () => {
    for (const [path, markdown] of hostilePages) {
      expect(htmlOf(markdown), path).toEqual(htmlOf(cleanPages.get(path)!));
      const links = (md: string) => [...walk(parseGfm(md))].filter((n) => n.type === 'link').map((n) => (n as { url: string }).url);
      expect(links(markdown), path).toEqual(links(cleanPages.get(path)!));
      const own = new Set(htmlOf(cleanPages.get(path)!));
      expect(markdownProblems(markdown, { allowHtml: (html) => own.has(html), allowLinks: true }), path).toEqual([]);
    }
  });

  it('add no Mermaid statement', () => {
    for (const [path, markdown] of hostilePages) expect(mermaidShape(markdown), path).toEqual(mermaidShape(cleanPages.get(path)!));
  });

  it('show the payload as text, Handlebars and HTML included', () => {
    const text = [...hostilePages.values()].map(visibleText).join('\n');
    for (const piece of VISIBLE_PIECES) expect(text, piece).toContain(piece);
    // The one-line payload survives whole somewhere: nothing was interpreted or dropped.
    expect(text).toContain(INLINE_PAYLOAD);
  });
});

describe('annotations and job summary of validate --format github', () => {
  let repo: TempRepo;
  let outside: string;
  beforeAll(() => {
    repo = tempRepo();
    outside = mkdtempSync(join(tmpdir(), 'oncall-summary-'));
    // Where diagnostics quote data: an unknown key, a value a pattern refuses. Short, so messages quote them whole.
    repo.replace('incidents/2026/2026-11-18-ingestion-log-warning.yaml', 'severity: P3', 'severity: "::add-mask::secret %0A::error::z"');
    repo.replace('rotations/ingestion.yaml', 'participants: [amara-okafor]', 'participants: ["{{> p}}\\r\\n::set-output name=x::y"]');
    repo.write('policy/organisation.yaml', `${repo.read('policy/organisation.yaml')}"<script>|x|\\n::error::k": x\n`);
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('print one annotation per finding: every line starts a command, no message starts another', async () => {
    const summary = join(outside, 'summary.md');
    const result = await runCommand(['validate', '--root', repo.root, '--format', 'github', '--now', TEST_NOW], { cwd: repo.root, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    const json = JSON.parse((await runCommand(['validate', '--root', repo.root, '--format', 'json', '--now', TEST_NOW], { cwd: repo.root })).stdout) as { diagnostics: unknown[] };
    expect(result.code).toBe(1);
    const { diagnostics, strayLines } = parseAnnotations(result.stdout);
    expect(strayLines).toEqual([]);
    expect(result.stdout.split('\n').filter(Boolean).every((line) => /^::(error|warning|notice)[ :]/.test(line))).toBe(true);
    expect(diagnostics).toHaveLength(json.diagnostics.length);
    // The payloads did reach the messages, escaped: a line end inside one is %0A, never a new line.
    expect(diagnostics.some((d) => d.message.includes('::add-mask::secret'))).toBe(true);
    expect(diagnostics.some((d) => d.message.includes('%250A::error::z'))).toBe(true);
    expect(diagnostics.some((d) => d.message.includes('::set-output name=x::y'))).toBe(true);

    const markdown = readFileSync(summary, 'utf8');
    expect(markdownProblems(markdown)).toEqual([]);
    expect(structureOf(markdown)).toMatchObject({ heading: 1, table: 1, tableRow: diagnostics.length + 1, tableCell: 5 * (diagnostics.length + 1), html: 0, link: 0, list: 0, code: 0 });
    expect(visibleText(markdown)).toContain('"<script>|x|');
  });
});

/** Text with every character class a formatter must survive: syntax, line ends, controls, astral letters. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom('::error::', '::add-mask::', '::set-output name=a::', '%0A', '%25', '\r', '\n', '\r\n', '\u2028', ',', ':', '|', '`', '<b>', '[a](javascript:x)', '{{x}}', '# ', '- ', '😀', 'x'), { maxLength: 12 }).map((parts) => parts.join('')),
);
const hostileDiagnostic: fc.Arbitrary<Diagnostic> = fc.record(
  {
    ruleId: hostileText,
    severity: fc.constantFrom('error', 'warning', 'note'),
    file: hostileText,
    line: fc.integer({ min: 1, max: 10_000 }),
    column: fc.integer({ min: 1, max: 500 }),
    message: hostileText,
    hint: hostileText,
  },
  { requiredKeys: ['ruleId', 'severity', 'file', 'line', 'column', 'message'] },
) as fc.Arbitrary<Diagnostic>;

describe('the GitHub formatters on any text', () => {
  const runs = fuzzRuns(10);
  it(`annotations: one command per finding, whatever its text (${runs} cases)`, async () => {
    await checkProperty(
      'annotations',
      fc.asyncProperty(fc.array(hostileDiagnostic, { maxLength: 5 }), async (diagnostics) => {
        const out = formatGithubAnnotations(diagnostics);
        const lines = out.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(diagnostics.length);
        lines.forEach((line, i) => {
          expect(line).toMatch(new RegExp(`^::${diagnostics[i]!.severity === 'note' ? 'notice' : diagnostics[i]!.severity}[ :]`));
          expect(line).not.toMatch(/[\r\n]/);
        });
      }),
      runs,
    );
  });

  it(`job summary: one table row per finding and nothing but text in it (${runs} cases)`, async () => {
    await checkProperty(
      'job summary',
      fc.asyncProperty(fc.array(hostileDiagnostic, { minLength: 1, maxLength: 5 }), async (diagnostics) => {
        const markdown = formatGithubSummary(diagnostics, summarise(diagnostics, 1));
        expect(markdownProblems(markdown)).toEqual([]);
        expect(structureOf(markdown)).toMatchObject({ heading: 1, table: 1, tableRow: diagnostics.length + 1, html: 0, link: 0, image: 0, list: 0, code: 0, blockquote: 0 });
      }),
      runs,
    );
  });
});

describe('approvals: job summary and commit status', () => {
  let server: GitHubServer | undefined;
  let outside: string | undefined;
  afterAll(async () => {
    await server?.close();
    if (outside) rmSync(outside, { recursive: true, force: true });
  });

  it('keep role names, requirement titles, logins and file paths from the pull request inert', async () => {
    // The base policy's text fields carry the payloads; the pull request adds files with hostile names.
    const { files: base } = injectPayloads(exampleFiles());
    const hostilePath = 'signoffs/2026/x|y`<script>alert(1)</script>`[l](javascript:alert(1)).yaml';
    server = await serve({
      base,
      changes: { [GA_PATH]: gaRecord(), [hostilePath]: 'id: "{{x}}"\n', 'policy/roles.yaml': `${base['policy/roles.yaml']}\n# ::add-mask::x\n` },
      reviews: [approve('amara-okafor'), approve('<img src=x onerror=alert(1)>'), approve('gracelin', { type: 'Bot' })],
    });
    outside = mkdtempSync(join(tmpdir(), 'oncall-approvals-summary-'));
    const summary = join(outside, 'summary.md');
    const run = await runAgainst(server, { env: { GITHUB_STEP_SUMMARY: summary } });
    expect([1, 2]).toContain(run.code);
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const markdown = readFileSync(summary, 'utf8');
    expect(markdownProblems(markdown)).toEqual([]);
    for (const node of walk(parseGfm(markdown))) {
      expect(node.type, textOf(node).slice(0, 80)).not.toBe('html');
      if (node.type === 'link') expect(isDisguisedLink(node)).toBe(false);
    }

    // Pending when the check started, then the verdict.
    expect(server.state.statuses.map((s) => s.state)[0]).toBe('pending');
    expect(server.state.statuses).toHaveLength(2);
    const description = server.state.statuses[1]!.description ?? '';
    expect(description.length).toBeLessThanOrEqual(STATUS_DESCRIPTION_LIMIT);
    expect(description).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(description).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(server.state.statuses[1]!.state).not.toBe('success');
  });
});

describe('remind: issue bodies and comments', () => {
  let repo: TempRepo;
  let server: GitHubServer<IssuesState>;
  beforeAll(async () => {
    repo = hostileRepo();
    server = await startGitHubServer(issuesState());
    addIssueRoutes(server);
  });
  afterAll(async () => {
    repo.cleanup();
    await server.close();
  });

  it('open issues whose bodies show the payloads as text, with no HTML, link or table from data', async () => {
    let stderr = '';
    const io: CommandIO = { stdout: () => {}, stderr: (t) => (stderr += t), env: server.env(), cwd: repo.root, isTTY: false };
    // December: action items are overdue; the missing post-mortem of the outage is overdue too.
    repo.remove('docs/incidents/2026-10-29-ingestion-outage.md');
    const code = await runRemind({ root: repo.root, now: '2026-12-20T12:00:00+01:00', github: true }, io, { clientOptions: { secondMs: 1 } });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(server.state.issues.length).toBeGreaterThanOrEqual(2);
    for (const issue of server.state.issues) {
      const body = issue.body ?? '';
      expect(keyOfBody(body), issue.title).toBeDefined();
      const marker = body.split('\n')[0]!;
      expect(markdownProblems(body, { allowHtml: (html) => html === marker }), issue.title).toEqual([]);
      expect(issue.title).not.toMatch(/[\r\n]/);
    }
    const bodies = server.state.issues.map((issue) => visibleText(issue.body ?? '')).join('\n');
    expect(bodies).toContain('{{x}} {{{y}}} {{> partial}}');
  });

  it('does not let a post-mortem file name with a backtick end the code span of a reminder', async () => {
    const named = tempRepo();
    try {
      const path = 'docs/incidents/x`<img src=x onerror=alert(1)>`|[l](javascript:alert(1)).md';
      renameSync(named.path('docs/incidents/2026-10-14-ingestion-error-rate.md'), named.path(path));
      const { model } = buildModel((await readRepository(named.root)).files);
      const reminders = collectReminders(model, new Date('2026-12-20T12:00:00+01:00'));
      const texts = reminders.filter((r) => r.body.includes('docs/incidents/x')).flatMap((r) => [r.body, r.settled]);
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(markdownProblems(text)).toEqual([]);
        const codes = [...walk(parseGfm(text))].filter((n) => n.type === 'inlineCode').map((n) => (n as { value: string }).value);
        if (text.includes('docs/incidents/x')) expect(codes).toContain(path);
      }
    } finally {
      named.cleanup();
    }
  });
});

describe('monthly report', () => {
  it('keeps incident titles, names and descriptions inert in its Markdown', async () => {
    const benign = hostileRepo(BENIGN_PAYLOADS);
    const hostile = hostileRepo();
    try {
      const render = async (repo: TempRepo) => {
        const result = await runCommand(['report', '--root', repo.root, '--now', TEST_NOW, '--month', '2026-10'], { cwd: repo.root });
        expect(result.code, result.stderr).toBe(0);
        return result.stdout;
      };
      const [plain, markdown] = [await render(benign), await render(hostile)];
      expect(markdownProblems(markdown)).toEqual([]);
      expect(structureOf(markdown)).toEqual(structureOf(plain));
      expect(visibleText(markdown)).toContain('{{> partial}} {{#each z}}e{{/each}} <script>alert(1)</script>');
    } finally {
      benign.cleanup();
      hostile.cleanup();
    }
  });
});

describe('regressions', () => {
  it('posts a one-line commit status description when a role name holds line ends', () => {
    const description = fitDescription('needs approval from # Heading\n- item\r\n::error::x\u2028y: one of @a', '');
    expect(description).toBe('needs approval from # Heading - item ::error::x y: one of @a');
  });

  it('does not cut an emoji in half when shortening a commit status description', () => {
    const text = `${'x'.repeat(STATUS_DESCRIPTION_LIMIT - 2)}😀 and more`;
    const description = fitDescription(text, '');
    expect(description.length).toBeLessThanOrEqual(STATUS_DESCRIPTION_LIMIT);
    expect(description).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
