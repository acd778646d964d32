/**
 * `docs` keeps only the record fields pages show (scripts/docs/page-fields.ts). Every page of the
 * fixture organisation and of a synthetic one must come out byte for byte as from the full values
 * (incident pages from each record read again, as docs does), and a page reading a field that is
 * not kept must fail loudly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../scripts/bench/synthetic/organisation.ts';
import { readExample, writeAll } from '../../scripts/bench/synthetic/tree.ts';
import { buildModel } from '../../scripts/check/build-model.ts';
import { loadDataOnlyModel } from '../../scripts/check/data-only-model.ts';
import { findCalendars, incidentReader, readTemplates } from '../../scripts/commands/docs.ts';
import { pageValue } from '../../scripts/docs/page-fields.ts';
import { renderDocs } from '../../scripts/docs/render.ts';
import type { RepoModel } from '../../scripts/model/repo-model.ts';
import { readRepository } from '../../scripts/repo/read-repository.ts';
import { FIXTURE_ROOT, TEST_NOW } from '../support/repo.ts';

const now = new Date(TEST_NOW);

async function pages(root: string, model: RepoModel, options: { readIncidents?: boolean } = {}): Promise<Map<string, string>> {
  return renderDocs(model, { now, templates: await readTemplates(), calendars: await findCalendars(root), ...(options.readIncidents ? { incidentRecord: incidentReader(root) } : {}) });
}

async function bothWays(root: string): Promise<{ full: Map<string, string>; kept: Map<string, string> }> {
  const full = buildModel((await readRepository(root)).files).model;
  const loaded = await loadDataOnlyModel(root, { keep: pageValue });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // As docs renders: the kept fields in memory, each incident's page from its record read again.
  return { full: await pages(root, full), kept: await pages(root, loaded.model, { readIncidents: true }) };
}

describe('the record fields pages keep', () => {
  it('render every page of the fixture organisation exactly as the full records do', async () => {
    const { full, kept } = await bothWays(FIXTURE_ROOT);
    expect(full.size).toBeGreaterThan(10);
    expect([...kept]).toEqual([...full]);
  });

  it('render every page of a synthetic organisation exactly as the full records do', async () => {
    const root = mkdtempSync(join(tmpdir(), 'oncall-page-fields-'));
    try {
      const organisation = generateOrganisation(await readExample(FIXTURE_ROOT), 'page-fields', { people: 150, rotations: 8, incidents: 200, postmortems: 60, signoffs: 60 });
      writeAll(root, organisation.files);
      const { full, kept } = await bothWays(root);
      expect(full.get('docs/incident-index.md')).toContain('2026');
      expect([...kept]).toEqual([...full]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuse a field they do not keep, naming the list to add it to', () => {
    const incident = pageValue('incident', { id: 'x', title: 'T', timeline: [{ at: 'a', event: 'e' }] }) as Record<string, unknown>;
    expect(incident.title).toBe('T');
    expect(incident.resolved).toBeUndefined();
    expect(() => incident.timeline).toThrow(/"timeline".*PAGE_FIELDS/);
    const signoff = pageValue('signoff', { id: 's', notes: 'kept whole' }) as Record<string, unknown>;
    expect(signoff.notes).toBe('kept whole');
  });
});
