import { afterEach, describe, expect, it } from 'vitest';
import { compileTemplates, TemplateError } from '../../scripts/docs/engine.ts';
import { isGenerated, MARKDOWN_MARKER } from '../../scripts/docs/marker.ts';
import { readAsOf } from '../../scripts/docs/render.ts';
import { FIXTURE_ROOT, tempRepo, type TempRepo } from '../support/repo.ts';
import { NOW, parseGfm, renderRepository, textOf, walk } from './support.ts';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe('renderDocs', () => {
  it('renders every page kind for the fixture organisation', async () => {
    const pages = await renderRepository(FIXTURE_ROOT);
    expect([...pages.keys()]).toEqual([
      '.github/CODEOWNERS',
      'docs/README.md',
      'docs/action-items.md',
      'docs/incident-index.md',
      'docs/incident-records/2026/2026-10-14-ingestion-error-rate.md',
      'docs/incident-records/2026/2026-10-29-ingestion-outage.md',
      'docs/incident-records/2026/2026-11-10-ingestion-stuck-upload.md',
      'docs/incident-records/2026/2026-11-18-ingestion-log-warning.md',
      'docs/people.md',
      'docs/policy/communication.md',
      'docs/policy/escalation.md',
      'docs/policy/kill-switch.md',
      'docs/policy/lifecycle.md',
      'docs/policy/on-call.md',
      'docs/policy/raci.md',
      'docs/policy/roles.md',
      'docs/policy/severities.md',
      'docs/policy/sign-offs.md',
      'docs/rollouts/ingestion.md',
      'docs/rosters/ingestion.md',
    ]);
    for (const [path, content] of pages) expect(isGenerated(path, content), path).toBe(true);
    // Nothing generated may land where hand-written post-mortems live.
    expect([...pages.keys()].filter((p) => p.startsWith('docs/incidents/'))).toEqual([]);
  });

  it('is deterministic: two renders of the same data at the same instant are byte-identical', async () => {
    const first = await renderRepository(FIXTURE_ROOT);
    const second = await renderRepository(FIXTURE_ROOT);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, content] of first) expect(Buffer.from(second.get(path)!).equals(Buffer.from(content)), path).toBe(true);
  });

  it('depends on the instant only through --now, which the index records', async () => {
    const later = new Date(NOW.getTime() + 14 * 24 * 3600 * 1000);
    const a = await renderRepository(FIXTURE_ROOT, NOW);
    const b = await renderRepository(FIXTURE_ROOT, later);
    expect(readAsOf(a.get('docs/README.md')!)?.getTime()).toBe(NOW.getTime());
    expect(readAsOf(b.get('docs/README.md')!)?.getTime()).toBe(later.getTime());
    // Policy pages do not depend on the instant at all.
    expect(b.get('docs/policy/raci.md')).toBe(a.get('docs/policy/raci.md'));
    expect(b.get('docs/rosters/ingestion.md')).not.toBe(a.get('docs/rosters/ingestion.md'));
  });

  it('starts every Markdown page with the marker line', async () => {
    const pages = await renderRepository(FIXTURE_ROOT);
    for (const [path, content] of pages) if (path.endsWith('.md')) expect(content.split('\n')[0]).toBe(MARKDOWN_MARKER);
  });

  it('renders the current phase of each rollout and who is on call at the top of the index', async () => {
    const index = (await renderRepository(FIXTURE_ROOT)).get('docs/README.md')!;
    const headings = [...walk(parseGfm(index))].filter((n) => n.type === 'heading').map(textOf);
    expect(headings.slice(0, 3)).toEqual([expect.any(String), 'On call now', 'Rollouts']);
    expect(index).toMatch(/\| \[Document ingestion\]\(rollouts\/ingestion\.md\) \| P4 \(GA\) \|/);
  });
});

describe('incident pages', () => {
  it('flags a required post-mortem that is missing and overdue, and links the ones that exist', async () => {
    repo = tempRepo();
    repo.remove('docs/incidents/2026-10-29-ingestion-outage.md');
    repo.replace('incidents/2026/2026-10-29-ingestion-outage.yaml', 'postmortem: docs/incidents/2026-10-29-ingestion-outage.md\n', '');
    const index = (await renderRepository(repo.root)).get('docs/incident-index.md')!;
    const rows = [...walk(parseGfm(index))].filter((n) => n.type === 'tableRow').map(textOf);
    expect(rows.find((r) => r.includes('Full ingestion outage'))).toMatch(/P0 \(Critical\).*Closed.*missing, overdue, due /);
    expect(rows.find((r) => r.includes('error rate above 20%'))).toMatch(/Post-mortem \(final\)$/);
    expect(rows.find((r) => r.includes('stuck in processing'))).toMatch(/Not required$/);
    expect(index).toMatch(/## Needs attention\n\n- \[Full ingestion outage[^\n]*post-mortem missing, overdue/);
  });

  it('sorts action items into overdue, open and done, linking each to its post-mortem', async () => {
    repo = tempRepo();
    repo.replace('docs/incidents/2026-10-29-ingestion-outage.md', 'due: 2026-12-15', 'due: 2026-11-02');
    const page = (await renderRepository(repo.root)).get('docs/action-items.md')!;
    const sections = page.split('\n## ').map((s) => s.split('\n')[0]);
    expect(sections.slice(1)).toEqual(['Overdue', 'Open', 'Done']);
    const overdue = page.slice(page.indexOf('## Overdue'), page.indexOf('## Open'));
    expect(overdue).toContain('Inventory every credential');
    expect(overdue).toContain('20 days overdue, past the grace period');
    expect(overdue).toContain('](incidents/2026-10-29-ingestion-outage.md)');
  });
});

describe('escaping of text from data', () => {
  const hostile = 'Ingestion | Owner\n<script>alert(1)</script> {{x}} *bold* [link](target) `tick`';
  const shown = 'Ingestion | Owner <script>alert(1)</script> {{x}} *bold* [link](target) `tick`';

  it('keeps a role name with a pipe, a newline, HTML and Handlebars syntax inert text', async () => {
    repo = tempRepo();
    repo.replace('policy/roles.yaml', 'name: Ingestion Owner', `name: ${JSON.stringify(hostile)}`);
    const pages = await renderRepository(repo.root);
    let cellsWithName = 0;
    for (const [path, content] of pages) {
      if (!path.endsWith('.md')) continue;
      const tree = parseGfm(content);
      for (const node of walk(tree)) {
        // The only HTML the generator writes is its own anchors: never anything from data.
        if (node.type === 'html') expect(node.value, path).toMatch(/^(<a id="[a-z0-9-]+">|<\/a>|<!-- [^\n]* -->)$/);
        if (node.type === 'tableCell' && textOf(node).includes('Ingestion | Owner')) {
          expect(textOf(node), path).toContain(shown);
          cellsWithName++;
        }
        // Neither emphasis nor a link is made from the data's Markdown syntax.
        if (node.type === 'emphasis' || node.type === 'strong') expect(textOf(node)).not.toContain('bold');
        if (node.type === 'link') expect(node.url).not.toBe('target');
      }
      expect(content, path).not.toContain('<script>');
    }
    expect(cellsWithName).toBeGreaterThan(5);
  });

  it('refuses a template that prints a value without a helper', () => {
    expect(() => compileTemplates(new Map([['page', '# Title\n\n{{name}}\n']]))).toThrow(TemplateError);
    expect(() => compileTemplates(new Map([['page', '# Title\n\n{{name}}\n']]))).toThrow(/templates\/page\.hbs:3: \{\{name\}\} prints data without escaping it/);
    expect(() => compileTemplates(new Map([['page', '{{{name}}}']]))).toThrow(TemplateError);
    expect(() => compileTemplates(new Map([['page', '{{md name}} {{#each xs}}{{md this}}{{/each}}']]))).not.toThrow();
  });

  it('builds a table whose rows all have the header\'s cell count, or says which template is wrong', () => {
    const templates = compileTemplates(new Map([['page', '{{#table "A" "B"}}{{row "1"}}{{/table}}']]));
    expect(() => templates.get('page')!({ page: 'docs/x.md', site: {} as never })).toThrow(/a table row has 1 cells but the table has 2 columns/);
  });
});
