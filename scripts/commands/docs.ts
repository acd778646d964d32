/**
 * `oncall docs [--check]`: renders the pages and writes them. The only file-system code of the docs
 * generator, and the place its safety rules live:
 *
 * - a file is replaced or removed only when its first line is the generator's marker; a file without
 *   it at a generated path is "in the way": reported, exit 1, left byte for byte as it was;
 * - docs/incidents/ (hand-written post-mortems) is never written, read for markers or cleaned;
 * - a generated page is removed only when no page is rendered for its path any more (its source is
 *   gone), and nothing is generated from a repository whose data files have errors, so a typo in a
 *   policy file cannot make its page disappear;
 * - writes are atomic (a temporary file in the same folder, then a rename; a new file is linked into
 *   place so that a file created meanwhile is never overwritten), and unchanged files are not touched.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, link, lstat, mkdir, open, readdir, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataOnlyModel } from '../check/data-only-model.ts';
import { pageValue } from '../docs/page-fields.ts';
import type { Doc, RepoModel } from '../model/repo-model.ts';
import { checkFileSchema } from '../check/build-model.ts';
import { readDataFileSync } from '../repo/read-repository.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import { pageChangeSummary, type PageChange } from '../docs/change-summary.ts';
import { isGenerated } from '../docs/marker.ts';
import { readAsOf, renderPages, STAMPED_PAGES, TEMPLATE_NAMES } from '../docs/render.ts';
import { PAGE_PATHS, type CalendarLink } from '../docs/site.ts';
import { TemplateError } from '../docs/engine.ts';
import type { CommandIO } from './io.ts';
import { UsageError } from './io.ts';
import { resolveNow, resolveRoot } from './options.ts';

export interface DocsOptions {
  root?: string;
  now?: string;
  check?: boolean;
}

/** The toolkit's templates, one per page kind; editing them restyles the pages. */
export const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'templates');

/** Where calendars live when `oncall calendar` writes them into the repository. */
export const CALENDAR_DIR = 'docs/calendars';

/** Folders the generator owns pages in; docs/incidents/ is excluded wherever it appears. */
const GENERATED_ROOT = 'docs';
const HAND_WRITTEN = 'docs/incidents';
const EXTRA_GENERATED_FILES = [PAGE_PATHS.codeowners];

/** Reads the page templates (`<name>.hbs`) from a folder. */
export async function readTemplates(dir: string = TEMPLATE_DIR): Promise<Map<string, string>> {
  const templates = new Map<string, string>();
  for (const name of TEMPLATE_NAMES) {
    try {
      templates.set(name, await readFile(join(dir, `${name}.hbs`), 'utf8'));
    } catch {
      throw new UsageError(`the template ${join(dir, `${name}.hbs`)} is missing; restore it from the toolkit.`);
    }
  }
  return templates;
}

/** Calendar files (.ics) in the repository's calendar folder, so rosters link only to files that exist. */
export async function findCalendars(root: string): Promise<CalendarLink[]> {
  const out: CalendarLink[] = [];
  const visit = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && entry.name.endsWith('.ics')) {
        const id = entry.name.slice(0, -4);
        const folder = posix.basename(relative);
        out.push(folder === 'people' || folder === 'persons' ? { path, person: id } : { path, rotation: id });
      }
    }
  };
  await visit(CALENDAR_DIR);
  return out;
}

type Entry = { kind: 'missing' | 'stale' | 'unchanged' | 'orphaned' | 'in-the-way'; path: string; reason?: string; content?: string };

async function statOf(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** What a folder is, for blockedParent: missing, a folder, or why it cannot hold a page. */
type FolderState = 'missing' | 'folder' | { blocked: string };

/**
 * Why a parent folder of `relative` cannot hold it (a file or a link where a folder should be).
 * `seen` keeps what each folder was found to be during one plan: thousands of pages share a few.
 */
async function blockedParent(root: string, relative: string, seen: Map<string, FolderState> = new Map()): Promise<string | undefined> {
  const parts = relative.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    let state = seen.get(folder);
    if (state === undefined) {
      const info = await statOf(join(root, folder));
      state = !info ? 'missing' : info.isSymbolicLink() ? { blocked: `${folder} is a symbolic link; the generator does not follow links` } : !info.isDirectory() ? { blocked: `${folder} is a file where a folder is needed` } : 'folder';
      seen.set(folder, state);
    }
    if (state === 'missing') return undefined;
    if (state !== 'folder') return state.blocked;
  }
  return undefined;
}

/**
 * Compares what is rendered with what is on disk, page by page as pages are rendered: an unchanged
 * page's text is let go at once, so only the pages that change are held.
 */
async function plan(root: string, pages: Iterable<[string, string]>): Promise<Entry[]> {
  const entries: Entry[] = [];
  const rendered = new Set<string>();
  const folders = new Map<string, FolderState>();
  for (const [path, content] of pages) {
    rendered.add(path);
    const blocked = await blockedParent(root, path, folders);
    if (blocked) {
      entries.push({ kind: 'in-the-way', path, reason: blocked });
      continue;
    }
    const info = await statOf(join(root, path));
    if (!info) {
      entries.push({ kind: 'missing', path, content });
    } else if (info.isSymbolicLink() || !info.isFile()) {
      entries.push({ kind: 'in-the-way', path, reason: info.isSymbolicLink() ? 'it is a symbolic link' : 'it is not a regular file' });
    } else {
      // Read whole only when it could be equal (one read then answers both questions); otherwise
      // only its first line, since a file in the way may be huge.
      const whole = info.size === Buffer.byteLength(content) ? await readFile(join(root, path), 'utf8').catch(() => undefined) : undefined;
      const generated = whole !== undefined ? isGenerated(path, whole.slice(0, MARKER_HEAD_BYTES)) : await carriesMarker(root, path);
      if (!generated) entries.push({ kind: 'in-the-way', path, reason: 'it was not generated: its first line is not the generator\'s marker' });
      else entries.push(whole === content ? { kind: 'unchanged', path } : { kind: 'stale', path, content });
    }
  }
  for (const path of await generatedFilesOnDisk(root, rendered)) entries.push({ kind: 'orphaned', path });
  return entries;
}

/** Files under docs/ (outside docs/incidents/) and CODEOWNERS that carry the marker, but those in `except`. */
async function generatedFilesOnDisk(root: string, except: ReadonlySet<string> = new Set()): Promise<string[]> {
  const found: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    if (relative === HAND_WRITTEN) return;
    // Never list through a link (sub-folders are skipped below as links): what is found here may be removed.
    if (!(await statOf(join(root, relative)))?.isDirectory()) return;
    let entries;
    try {
      entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && entry.name.endsWith('.md') && !except.has(path) && (await carriesMarker(root, path))) found.push(path);
    }
  };
  await visit(GENERATED_ROOT);
  for (const path of EXTRA_GENERATED_FILES) {
    if (except.has(path) || (await blockedParent(root, path))) continue;
    const info = await statOf(join(root, path));
    if (info?.isFile() && (await carriesMarker(root, path))) found.push(path);
  }
  return found.sort();
}

/** Longest first line worth reading: the marker is far shorter, so a longer line is not it. */
const MARKER_HEAD_BYTES = 1024;

/** Whether the file's first line is the marker; reads only its first bytes, however big the file is. */
async function carriesMarker(root: string, path: string): Promise<boolean> {
  try {
    const handle = await open(join(root, path), 'r');
    try {
      const buffer = Buffer.alloc(MARKER_HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const head = buffer.subarray(0, bytesRead).toString('utf8');
      return isGenerated(path, head);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

function tempName(target: string): string {
  return join(dirname(target), `.${posix.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `content` to a new temporary file beside `target` and lets `place` move it into place. The
 * temporary file is removed whatever happens, so a write or rename that fails (a full disk) leaves
 * the target as it was and nothing beside it.
 */
async function viaTemporaryFile<T>(target: string, content: string, place: (temp: string) => Promise<T>): Promise<T> {
  const temp = tempName(target);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    return await place(temp);
  } finally {
    // Gone already after a rename; removed here after a link or a failure.
    await unlink(temp).catch(() => {});
  }
}

/** Writes a new file without ever replacing one that appeared meanwhile. */
async function createAtomically(target: string, content: string): Promise<'written' | 'in-the-way'> {
  return viaTemporaryFile(target, content, async (temp) => {
    try {
      await link(temp, target);
      return 'written';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'in-the-way';
      // A file system without hard links: check again, then rename.
      if ((await statOf(target)) !== undefined) return 'in-the-way';
      await rename(temp, target);
      return 'written';
    }
  });
}

/** Replaces a generated file, after checking once more that it still carries the marker. */
async function replaceAtomically(root: string, path: string, content: string): Promise<'written' | 'in-the-way'> {
  const target = join(root, path);
  const info = await statOf(target);
  if (!info || info.isSymbolicLink() || !info.isFile() || !(await carriesMarker(root, path))) return 'in-the-way';
  return viaTemporaryFile(target, content, async (temp) => {
    await rename(temp, target);
    return 'written' as const;
  });
}

/** Removes now-empty folders a removed page leaves behind, up to (not including) docs/. */
async function pruneEmptyFolders(root: string, path: string): Promise<void> {
  let folder = posix.dirname(path);
  while (folder.startsWith(`${GENERATED_ROOT}/`) && folder !== HAND_WRITTEN) {
    try {
      await rmdir(join(root, folder));
    } catch {
      return;
    }
    folder = posix.dirname(folder);
  }
}

/**
 * The repository's model when every file reads and matches its schema, else undefined (the files
 * with errors are named). Pages need values alone, so the model holds no texts (data-only-model.ts),
 * and of the records only what pages show (page-fields.ts).
 */
async function loadValidModel(root: string, io: CommandIO): Promise<RepoModel | undefined> {
  const loaded = await loadDataOnlyModel(root, { keep: pageValue });
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    const files = [...new Set(problems.map((d) => d.file))].sort();
    io.stderr(
      `docs: ${files.length} data file${files.length === 1 ? ' has' : 's have'} errors (${files.join(', ')}); pages are generated only from valid data.\n` +
        '  hint: run npm run oncall -- validate, fix what it reports, then run docs again.\n',
    );
    return undefined;
  }
  return loaded.model;
}

/**
 * An incident's whole record, read again when its page is made: the model keeps only the fields the
 * index shows, so a large organisation's timelines are never all in memory at once. A record that
 * changed into something invalid since it was loaded stops the run rather than render half a page.
 */
export function incidentReader(root: string): (doc: Doc<'incident'>) => SchemaTypes['incident'] {
  return (doc) => {
    const file = readDataFileSync(root, doc.file.path, 'incident').file;
    if (!file?.parsed || !checkFileSchema(file).valid) {
      throw new UsageError(`docs: ${doc.file.path} changed while the pages were being made and is no longer valid; run validate, then docs again.`);
    }
    return file.parsed.value as SchemaTypes['incident'];
  };
}

/** The "as of" instant the generated index on disk records, if there is one. */
async function recordedAsOf(root: string): Promise<Date | undefined> {
  try {
    return readAsOf(await readFile(join(root, PAGE_PATHS.index), 'utf8'));
  } catch {
    return undefined;
  }
}

const CHANGE_KIND: Partial<Record<Entry['kind'], PageChange['kind']>> = { missing: 'create', stale: 'update', orphaned: 'remove', 'in-the-way': 'in-the-way' };

/** What --check found, with the files' contents, for the job summary. */
async function changesOf(root: string, entries: readonly Entry[]): Promise<PageChange[]> {
  const changes: PageChange[] = [];
  for (const entry of entries) {
    const kind = CHANGE_KIND[entry.kind];
    if (kind === undefined) continue;
    const before = entry.kind === 'stale' || entry.kind === 'orphaned' ? await readFile(join(root, entry.path), 'utf8').catch(() => '') : undefined;
    changes.push({ kind, path: entry.path, ...(before !== undefined ? { before } : {}), ...(entry.content !== undefined ? { after: entry.content } : {}), ...(entry.reason ? { reason: entry.reason } : {}) });
  }
  return changes;
}

/**
 * `oncall docs [--check]`. Pages say which instant they show ("as of"); that instant is written only
 * when something on the pages changed, so running docs again on unchanged data changes nothing. The
 * pages are regenerated on the default branch (the docs workflow); `--check` reports what a change
 * would regenerate and fails only when a file stands in the way of the generator.
 */
export async function runDocs(options: DocsOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const model = await loadValidModel(root, io);
  if (!model) return 1;

  const recorded = await recordedAsOf(root);
  let now: Date;
  let nowSource: string;
  if (options.now !== undefined) {
    now = resolveNow(options.now);
    nowSource = '--now';
  } else if (options.check && recorded) {
    // Against the instant the pages were generated for: the check shows what the data changes,
    // not what the clock moving on since then would.
    now = recorded;
    nowSource = `the instant recorded in ${PAGE_PATHS.index}`;
  } else {
    now = resolveNow(undefined);
    nowSource = 'the clock';
  }

  const templates = await readTemplates();
  const calendars = await findCalendars(root);
  const incidentRecord = incidentReader(root);
  const planFor = async (asOf: Date, only?: ReadonlySet<string>) => {
    try {
      return await plan(root, renderPages(model, { now, asOf, templates, calendars, incidentRecord, ...(only ? { only } : {}) }));
    } catch (error) {
      if (error instanceof TemplateError) throw new UsageError(error.message);
      throw error;
    }
  };
  // First with the instant the pages already show: when nothing else differs, nothing is written.
  let entries = await planFor(recorded ?? now);
  const changed = entries.some((e) => e.kind === 'missing' || e.kind === 'stale' || e.kind === 'orphaned');
  if (changed && recorded !== undefined && recorded.getTime() !== now.getTime()) {
    // Something changed, so the pages that show the instant show the new one; no other page shows it.
    const restamped = new Map((await planFor(now, STAMPED_PAGES)).filter((entry) => STAMPED_PAGES.has(entry.path)).map((entry) => [entry.path, entry]));
    entries = entries.map((entry) => restamped.get(entry.path) ?? entry);
  }
  const inTheWay = entries.filter((e) => e.kind === 'in-the-way');
  const reportInTheWay = () => {
    for (const entry of inTheWay) {
      io.stderr(`docs: ${entry.path}: a file is in the way: ${entry.reason}. It was left unchanged.\n`);
      io.stderr('  hint: move the file elsewhere (generated pages must not be edited by hand), then run docs again.\n');
    }
  };

  if (options.check) {
    const out = entries.filter((e) => e.kind !== 'unchanged');
    const words: Record<Entry['kind'], string> = { missing: 'missing', stale: 'stale', orphaned: 'orphaned', 'in-the-way': 'in the way', unchanged: '' };
    for (const entry of out) io.stdout(`${words[entry.kind].padEnd(10)} ${entry.path}${entry.reason ? ` (${entry.reason})` : ''}\n`);
    const summaryPath = io.env.GITHUB_STEP_SUMMARY;
    if (summaryPath) await appendFile(summaryPath, pageChangeSummary(await changesOf(root, out)));
    const pending = out.length - inTheWay.length;
    if (out.length === 0) {
      io.stdout(`docs: all ${entries.length} generated files are up to date (rendered for ${nowSource}).\n`);
      return 0;
    }
    if (pending > 0) {
      io.stdout(
        `\ndocs: ${pending} generated file${pending === 1 ? '' : 's'} would change (rendered for ${nowSource}). The docs workflow regenerates them on the default branch after a merge; ` +
          `elsewhere, npm run oncall -- docs${options.now ? ` --now ${options.now}` : ''} writes them.\n`,
      );
    }
    reportInTheWay();
    return inTheWay.length > 0 ? 1 : 0;
  }

  let written = 0;
  let removed = 0;
  for (const entry of entries) {
    if (entry.kind === 'missing' || entry.kind === 'stale') {
      const target = join(root, entry.path);
      await mkdir(dirname(target), { recursive: true });
      let outcome: 'written' | 'in-the-way';
      try {
        outcome = entry.kind === 'missing' ? await createAtomically(target, entry.content!) : await replaceAtomically(root, entry.path, entry.content!);
      } catch (error) {
        // A full disk or a read-only folder: say which file, and that it was left as it was.
        throw new UsageError(`docs: could not write ${entry.path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); it was left as it was. ${written} page${written === 1 ? ' was' : 's were'} written before it.`);
      }
      if (outcome === 'in-the-way') {
        inTheWay.push({ kind: 'in-the-way', path: entry.path, reason: 'a file appeared there while the pages were being written' });
        continue;
      }
      written++;
      io.stdout(`${entry.kind === 'missing' ? 'created' : 'updated'} ${entry.path}\n`);
    } else if (entry.kind === 'orphaned') {
      // Look once more: only a file that still carries the marker, reached without a link, is removed.
      if ((await blockedParent(root, entry.path)) || !(await carriesMarker(root, entry.path))) continue;
      await unlink(join(root, entry.path));
      await pruneEmptyFolders(root, entry.path);
      removed++;
      io.stdout(`removed ${entry.path} (its source is gone)\n`);
    }
  }
  const unchanged = entries.filter((e) => e.kind === 'unchanged').length;
  io.stdout(`docs: ${written} written, ${removed} removed, ${unchanged} unchanged (rendered for ${nowSource}).\n`);
  reportInTheWay();
  return inTheWay.length > 0 ? 1 : 0;
}
