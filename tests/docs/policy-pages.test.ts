/**
 * Policy pages that show what the data holds: the on-call page (what rotations must meet, the
 * triage checklist, review dates) and the post-mortem template on the severities page. Where the
 * source documents state the values, they are compared line by line.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, TOOLKIT_ROOT } from '../support/repo.ts';
import { parseGfm, renderRepository, textOf } from './support.ts';

/** The nodes under a heading, up to the next heading of the same or a higher level. */
function section(markdown: string, title: string): Nodes[] {
  const children = parseGfm(markdown).children as Nodes[];
  const start = children.findIndex((n) => n.type === 'heading' && textOf(n) === title);
  if (start < 0) throw new Error(`no heading "${title}"`);
  const depth = (children[start] as { depth: number }).depth;
  const end = children.findIndex((n, i) => i > start && n.type === 'heading' && (n as { depth: number }).depth <= depth);
  return children.slice(start + 1, end < 0 ? undefined : end);
}

const rowsOf = (table: Nodes) => (table as Table).children.map((row) => row.children.map((cell) => textOf(cell)));

const SEEDS = join(TOOLKIT_ROOT, '..', 'shared', 'seeds');

describe('the on-call page', () => {
  it('lists what rotations must meet: cadence, hand-off and each tier', async () => {
    const page = (await renderRepository(FIXTURE_ROOT)).get('docs/policy/on-call.md')!;
    const nodes = section(page, 'Document ingestion');
    expect(textOf(nodes[0]!)).toBe('Weekly, hand-off Monday 09:00 local time. Source: D9 rotation structure and cadence.');
    expect(rowsOf(nodes.find((n) => n.type === 'table')!)).toEqual([
      ['Tier', 'Coverage (at least)', 'Response (at most)'],
      ['primary', '24/7', 'within 15 minutes'],
      ['secondary', '24/7', 'within 30 minutes'],
      ['owner', 'Business hours + on call', 'within 1 hour'],
    ]);
  });

  it.skipIf(!existsSync(SEEDS))('has the triage checklist and support notes of the on-call and support document, in order', async () => {
    const page = (await renderRepository(FIXTURE_ROOT)).get('docs/policy/on-call.md')!;
    const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('003'))!), 'utf8');
    const bullets = (after: string, before?: string) =>
      seed
        .slice(seed.indexOf(after), before === undefined ? undefined : seed.indexOf(before))
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .map((l) => l.slice(2).trim());
    const nodes = section(page, 'Triage checklist');
    const list = nodes.find((n) => n.type === 'list')!;
    expect((list as { ordered?: boolean }).ordered).toBe(true);
    expect((list as { children: Nodes[] }).children.map((item) => textOf(item))).toEqual(bullets('Triage Checklist', 'Escalation Triggers'));
    const notes = section(page, 'Support notes').find((n) => n.type === 'list')!;
    expect((notes as { children: Nodes[] }).children.map((item) => textOf(item))).toEqual(bullets('Support Notes'));
    expect(nodes.map(textOf)).toContain('Triage ends with a decision: an incident, a bug, a configuration issue, user support.');
  });

  it('shows each policy file\'s last review and when the next is due', async () => {
    const page = (await renderRepository(FIXTURE_ROOT)).get('docs/policy/on-call.md')!;
    const tables = section(page, 'Reviews').filter((n) => n.type === 'table');
    const files = rowsOf(tables[1]!);
    expect(files[0]).toEqual(['Policy file', 'Review', 'Last reviewed', 'Next review due']);
    expect(files).toContainEqual(['policy/escalation.yaml', 'Monthly review of escalation patterns and procedures', 'Mon 16 Nov 2026', 'Wed 16 Dec 2026']);
    expect(files).toContainEqual(['policy/people.yaml', 'Quarterly review of metrics, contact information, SLAs and documentation', 'Mon 16 Nov 2026', 'Tue 16 Feb 2027']);
    expect(files).toHaveLength(11);
  });
});

describe('the post-mortem template on the severities page', () => {
  it.skipIf(!existsSync(SEEDS))('lists the seven sections of the support-ownership document, with their accepted headings', async () => {
    const page = (await renderRepository(FIXTURE_ROOT)).get('docs/policy/severities.md')!;
    const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('000'))!), 'utf8');
    const listed = seed
      .slice(seed.indexOf('Post-Mortem Template'), seed.indexOf('Ownership Transition Summary'))
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2).split(':').map((part) => part.trim()));
    const rows = rowsOf(section(page, 'Post-mortem template').find((n) => n.type === 'table')!);
    expect(rows[0]).toEqual(['Section', 'Holds', 'Also accepted as', 'Required for', 'Written by new postmortem']);
    // The seed's names ("Incident summary") are the headings or accepted ones; what each holds is the seed's text.
    expect(listed).toHaveLength(7);
    rows.slice(1).forEach((row, i) => {
      const [name, holds] = listed[i]!;
      expect([row[0], ...row[2]!.split(', ')], name).toContain(name);
      expect(row[1]!.toLowerCase().replace(/\.$/, ''), name).toContain(holds!.toLowerCase().replace(/^(what|who|why) /, '').split(' ').slice(0, 3).join(' '));
      expect(row[3]).toBe('All');
    });
    expect(rows.find((r) => r[0] === 'What could be improved')![2]).toContain('Lessons learned');
    expect(rows.find((r) => r[0] === 'Action items')![2]).toContain('Corrective actions');
  });
});
