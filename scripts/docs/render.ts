/**
 * The docs renderer: repository model in, generated files out. Pure: no file system, no clock; the
 * templates, the instant and the calendar files that exist are parameters, so the same inputs always
 * give byte-identical pages. The writer (scripts/commands/docs.ts) decides what reaches the disk.
 */
import { DateTime } from 'luxon';
import type { Doc, RepoModel } from '../model/repo-model.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { compileTemplates, TemplateError, type PageContext } from './engine.ts';
import { isoWithOffset } from './format.ts';
import { markerFor } from './marker.ts';
import { buildSite, PAGE_PATHS, type CalendarLink, type Site } from './site.ts';
import {
  approvalsView,
  communicationView,
  escalationView,
  killSwitchView,
  lifecycleView,
  onCallView,
  raciView,
  rolesView,
  severitiesView,
} from './views/policy.ts';
import { incidentPageView } from './views/incident.ts';
import { actionItemsView, incidentsView, rolloutViews } from './views/records.ts';
import { codeownersView, indexView } from './views/overview.ts';
import { peopleView, rosterView } from './views/rosters.ts';

/** Every template the renderer needs, one per page kind (file name without `.hbs`). */
export const TEMPLATE_NAMES = [
  'index',
  'lifecycle',
  'roles',
  'raci',
  'severities',
  'escalation',
  'kill-switch',
  'sign-offs',
  'communication',
  'on-call',
  'roster',
  'people',
  'incident-index',
  'incident',
  'action-items',
  'rollout',
  'codeowners',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface RenderOptions {
  /** The instant pages describe: who is on call, what is overdue, the next weeks of shifts. */
  now: Date;
  /**
   * The instant the pages say they show ("as of"), default `now`. The writer keeps the instant of
   * the last change, so a run that changes nothing else leaves every page as it was.
   */
  asOf?: Date;
  /**
   * The full record of an incident, for its page (default: the model's). `docs` keeps only the
   * fields the index shows of each incident in memory, and reads each record when its page is made.
   */
  incidentRecord?: (doc: Doc<'incident'>) => SchemaTypes['incident'];
  /** Render only the pages at these paths (default: every page). */
  only?: ReadonlySet<string>;
  /** Template sources by name (see TEMPLATE_NAMES), as read from scripts/docs/templates/. */
  templates: ReadonlyMap<string, string>;
  /** Calendar files present in the repository, which roster and people pages link to. */
  calendars?: readonly CalendarLink[];
}

/** The pages whose text shows the "as of" instant: the only ones RenderOptions.asOf changes. */
export const STAMPED_PAGES: ReadonlySet<string> = new Set([PAGE_PATHS.index, PAGE_PATHS.actionItems, PAGE_PATHS.roles]);

/** The comment after the marker of docs/README.md recording the instant the pages describe. */
const AS_OF_PREFIX = '<!-- oncall-as-code docs as of ';

/** The "as of" instant a generated index records, read back from its content (see RenderOptions.asOf). */
export function readAsOf(indexContent: string): Date | undefined {
  const line = indexContent.split('\n').find((l) => l.startsWith(AS_OF_PREFIX));
  if (!line) return undefined;
  const text = line.slice(AS_OF_PREFIX.length).replace(/ -->\r?$/, '');
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/**
 * Tidies template output outside code blocks: no trailing spaces, no runs of blank lines, one
 * final newline. Templates can then be laid out for reading without shaping the page's bytes.
 */
export function tidyMarkdown(text: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of text.split('\n')) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence !== undefined) {
      out.push(raw);
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && raw.trim() === open[1]) fence = undefined;
      continue;
    }
    if (open) fence = open[1];
    const line = raw.replace(/[ \t]+$/, '');
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/**
 * Renders every generated file for the repository: a map from repository-relative path to content,
 * each starting with the generator's marker line. Pages whose source is missing or invalid are
 * simply absent.
 */
export function renderDocs(model: RepoModel, options: RenderOptions): Map<string, string> {
  return new Map(renderPages(model, options));
}

/**
 * The generated files one at a time, in path order: `[path, content]`. A page's text exists only
 * while the caller holds it, so a large organisation's thousands of incident pages are never all
 * in memory at once (the writer compares and writes each as it comes).
 */
export function* renderPages(model: RepoModel, options: RenderOptions): Generator<[string, string]> {
  const missing = TEMPLATE_NAMES.filter((name) => !options.templates.has(name));
  if (missing.length > 0) throw new TemplateError(`missing template${missing.length > 1 ? 's' : ''}: ${missing.map((n) => `${n}.hbs`).join(', ')}.`);
  const templates = compileTemplates(options.templates);
  const { now } = options;
  const asOf = options.asOf ?? now;
  const site = buildSite(model, options.calendars ?? []);
  // Each page's view is made when the page is rendered, and is garbage right after: a large
  // organisation's views (rosters, people, incidents) would otherwise all be held at once.
  const pages: { path: string; template: TemplateName; view: () => Record<string, unknown> }[] = [];
  const add = (path: string | undefined, template: TemplateName, view: () => Record<string, unknown>) => {
    if (path !== undefined) pages.push({ path, template, view });
  };

  const policy = model.policy;
  const rollouts = rolloutViews(model, site);
  add(site.paths.index, 'index', () => indexView(model, site, now, asOf, rollouts));
  if (policy.lifecycle) add(site.paths.lifecycle, 'lifecycle', () => lifecycleView(model, site));
  if (policy.roles) add(site.paths.roles, 'roles', () => rolesView(model, site, now, asOf));
  if (policy.raci) add(site.paths.raci, 'raci', () => raciView(model, site));
  if (policy.severities) add(site.paths.severities, 'severities', () => severitiesView(model));
  if (policy.escalation) add(site.paths.escalation, 'escalation', () => escalationView(model, site));
  if (policy['kill-switch']) add(site.paths.killSwitch, 'kill-switch', () => killSwitchView(model, site));
  if (policy.approvals) add(site.paths.approvals, 'sign-offs', () => approvalsView(model, site));
  if (policy.communication) add(site.paths.communication, 'communication', () => communicationView(model, site));
  if (policy.organisation) add(site.paths.onCall, 'on-call', () => onCallView(model));
  for (const doc of model.rotations) add(site.paths.rosters.get(doc.data.id), 'roster', () => rosterView(model, site, doc.data, now));
  add(site.paths.people, 'people', () => peopleView(model, site, now));
  add(site.paths.incidents, 'incident-index', () => incidentsView(model, site, now));
  const incidentRecord = options.incidentRecord ?? ((doc: Doc<'incident'>) => doc.data);
  const postmortemOf = new Map(model.postmortems.map((doc) => [doc.data.incident, doc.file.path]));
  for (const doc of model.incidents) {
    const id = doc.data.id;
    const expected = doc.data.postmortem ?? `docs/incidents/${id}.md`;
    const postmortem = postmortemOf.get(id) ?? (site.files.has(expected) ? expected : undefined);
    add(site.paths.incidentPages.get(id), 'incident', () => incidentPageView(model, site, doc, incidentRecord(doc), postmortem));
  }
  add(site.paths.actionItems, 'action-items', () => actionItemsView(model, site, now, asOf));
  for (const rollout of rollouts) add(rollout.path, 'rollout', () => rollout);
  if (policy.approvals) add(site.paths.codeowners, 'codeowners', () => codeownersView(model, now));

  for (const page of pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (options.only && !options.only.has(page.path)) continue;
    const context: PageContext = { ...page.view(), page: page.path, site };
    const body = templates.get(page.template)!(context);
    const header = [markerFor(page.path)];
    if (page.path === site.paths.index) header.push(`${AS_OF_PREFIX}${isoWithOffset(asOf, site.zone)} -->`);
    const content = page.path.endsWith('.md') ? tidyMarkdown(`${header.join('\n')}\n\n${body}`) : tidyPlain(`${header.join('\n')}\n${body}`);
    yield [page.path, content];
  }
}

/** Plain-text files (CODEOWNERS): no trailing spaces, at most one blank line in a row. */
function tidyPlain(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/[ \t]+$/, ''));
  const out: string[] = [];
  for (const line of lines) if (!(line === '' && (out.length === 0 || out[out.length - 1] === ''))) out.push(line);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

export type { CalendarLink, Site };
