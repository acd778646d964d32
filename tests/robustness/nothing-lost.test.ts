/**
 * Nothing is lost: `docs` and `calendar` leave every hand-written file in their way byte for byte
 * as it was, and a write that fails half-way (a full disk, a rename refused) leaves the old file or
 * the new one, never a truncated one, and no temporary file beside it. Failures are injected into
 * node:fs/promises, which every writer uses.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARKDOWN_MARKER } from '../../scripts/docs/marker.ts';
import { FileExistsError, writeFileAtomic, writeNewFile } from '../../scripts/incidents/write-new-file.ts';
import { TEST_NOW, tempRepo, type TempRepo } from '../support/repo.ts';
import { leftoverTempFiles, runCommand, snapshotTree, universalProblems, unexpectedWrites } from './support.ts';

/** Faults the next matching calls meet: a rename or link refused, a write that stops half-way. */
const faults = vi.hoisted(() => ({
  rename: undefined as undefined | ((to: string) => boolean),
  link: undefined as undefined | ((to: string) => boolean),
  /** Writes half the content to the (temporary) file, then fails with ENOSPC. */
  writeFile: undefined as undefined | ((path: string) => boolean),
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: injected ${syscall} failure, ${syscall} '${path}'`), { code, syscall, path });
  const rename: typeof actual.rename = async (from, to) => {
    if (faults.rename?.(String(to))) throw fail('EIO', 'rename', String(to));
    return actual.rename(from, to);
  };
  const link: typeof actual.link = async (from, to) => {
    if (faults.link?.(String(to))) throw fail('EPERM', 'link', String(to));
    return actual.link(from, to);
  };
  const writeFile = (async (path: Parameters<typeof actual.writeFile>[0], data: string | Uint8Array, options?: Parameters<typeof actual.writeFile>[2]) => {
    if (faults.writeFile?.(String(path))) {
      const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
      await actual.writeFile(path, text.slice(0, Math.floor(text.length / 2)), options);
      throw fail('ENOSPC', 'write', String(path));
    }
    return actual.writeFile(path, data, options);
  }) as typeof actual.writeFile;
  return { ...actual, rename, link, writeFile, default: { ...actual, rename, link, writeFile } };
});

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => {
  faults.rename = faults.link = faults.writeFile = undefined;
  repo.cleanup();
});

const isTemp = (path: string) => /\.tmp$/.test(path);

describe('docs with hand-written files in the way', () => {
  it('leaves each of them byte for byte as it was, reports them, and writes the other pages', async () => {
    // At generated paths: a page without the marker, a CODEOWNERS of the team's own, a link, a
    // file where a folder of pages goes; elsewhere: notes beside the pages and the post-mortems.
    repo.write('docs/people.md', '# People (kept by hand)\n\nDo not replace me.\n');
    repo.write('.github/CODEOWNERS', '* @egi/maintainers\n');
    repo.write('docs/rosters', 'a file where the rosters folder would go\n');
    repo.write('docs/notes/meeting.md', `${MARKDOWN_MARKER.replace('Do not edit', 'Edit freely')}\nnotes\n`);
    repo.write('docs/policy/target.md', 'the target of a link\n');
    symlinkSync('target.md', repo.path('docs/policy/roles.md'));
    const before = snapshotTree(repo.root);

    const result = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(universalProblems(result)).toEqual([]);
    expect(result.code).toBe(1);
    const after = snapshotTree(repo.root);
    const handWritten = ['docs/people.md', '.github/CODEOWNERS', 'docs/rosters', 'docs/notes/meeting.md', 'docs/policy/target.md', 'docs/policy/roles.md', ...[...before.keys()].filter((p) => p.startsWith('docs/incidents/'))];
    for (const path of handWritten) expect(after.get(path), path).toEqual(before.get(path));
    for (const path of ['docs/people.md', '.github/CODEOWNERS', 'docs/policy/roles.md']) expect(result.stderr).toContain(`docs: ${path}: a file is in the way`);
    expect(result.stderr).toContain('docs/rosters is a file where a folder is needed');
    // Everything else was generated, and nothing else was touched.
    expect(result.stdout).toContain('created docs/README.md');
    expect(unexpectedWrites(before, after, (path) => path.startsWith('docs/') && !handWritten.includes(path))).toEqual([]);
    expect(leftoverTempFiles(after)).toEqual([]);

    // --check writes nothing at all.
    const check = await runCommand(['docs', '--check', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(check.code).toBe(1);
    expect(snapshotTree(repo.root)).toEqual(after);
  });

  it('does not remove a page of its own that a person has since edited (the marker line is gone)', async () => {
    await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    const page = 'docs/policy/raci.md';
    const edited = repo.read(page).replace(`${MARKDOWN_MARKER}\n`, '# My own RACI notes\n');
    repo.write(page, edited);
    repo.remove('policy/raci.yaml');
    await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(repo.read(page)).toBe(edited);
  });
});

describe('calendar with hand-written files in the way', () => {
  it('writes nothing at all when a calendar of its own would replace a foreign file', async () => {
    const out = repo.path('out');
    mkdirSync(join(out, 'rotations'), { recursive: true });
    writeFileSync(join(out, 'rotations', 'ingestion.ics'), 'BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nEND:VCALENDAR\r\n');
    writeFileSync(join(out, 'README.md'), 'Our calendars.\n');
    const before = snapshotTree(repo.root);
    const result = await runCommand(['calendar', '--root', repo.root, '--now', TEST_NOW, '--out', out], { cwd: repo.root });
    expect(universalProblems(result)).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('out/rotations/ingestion.ics is not a calendar written by oncall calendar; it was left unchanged and no calendar was written.');
    expect(snapshotTree(repo.root)).toEqual(before);
  });

  it('leaves foreign files beside its own calendars unchanged, and removes only stale calendars of its own', async () => {
    const out = repo.path('out');
    await runCommand(['calendar', '--root', repo.root, '--now', TEST_NOW, '--out', out], { cwd: repo.root });
    const people = readdirSync(join(out, 'people'));
    expect(people.length).toBeGreaterThan(3);
    // A calendar of a person who has left (ours, so removed) and one someone else keeps there (kept).
    writeFileSync(join(out, 'people', 'gone-person.ics'), repo.read(`out/people/${people[0]}`));
    writeFileSync(join(out, 'people', 'holidays.ics'), 'BEGIN:VCALENDAR\r\nPRODID:-//Team//Holidays//EN\r\nEND:VCALENDAR\r\n');
    writeFileSync(join(out, 'notes.txt'), 'notes\n');
    const before = snapshotTree(repo.root);
    const result = await runCommand(['calendar', '--root', repo.root, '--now', TEST_NOW, '--out', out], { cwd: repo.root });
    expect(result.code).toBe(0);
    const after = snapshotTree(repo.root);
    expect(after.get('out/people/holidays.ics')).toEqual(before.get('out/people/holidays.ics'));
    expect(after.get('out/notes.txt')).toEqual(before.get('out/notes.txt'));
    expect(after.has('out/people/gone-person.ics')).toBe(false);
    expect(unexpectedWrites(before, after, (path) => path === 'out/people/gone-person.ics')).toEqual([]);
  });
});

describe('interrupted writes leave the old file or the new one, and no temporary file', () => {
  it('docs: a rename that fails leaves the old page whole, and says which file', async () => {
    await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    const page = 'docs/people.md';
    const old = repo.read(page);
    repo.replace('policy/people.yaml', 'name: Sofia Rossi', 'name: Sofia Rossi-Bianchi');
    faults.rename = (to) => to.endsWith(page);
    const result = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(universalProblems(result)).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`docs: could not write ${page} (EIO); it was left as it was.`);
    expect(repo.read(page)).toBe(old);
    expect(leftoverTempFiles(snapshotTree(repo.root))).toEqual([]);

    faults.rename = undefined;
    const retry = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(retry.code).toBe(0);
    expect(repo.read(page)).toContain('Sofia Rossi-Bianchi');
  });

  it('docs: a disk that fills up while a new page is written leaves no page and no temporary file', async () => {
    faults.writeFile = (path) => path.includes('README.md');
    const result = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(universalProblems(result)).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('docs: could not write docs/README.md (ENOSPC); it was left as it was.');
    const tree = snapshotTree(repo.root);
    expect(tree.has('docs/README.md')).toBe(false);
    expect(leftoverTempFiles(tree)).toEqual([]);
  });

  it('docs: a new page on a file system without hard links is renamed into place, nothing left behind', async () => {
    faults.link = () => true;
    const result = await runCommand(['docs', '--root', repo.root, '--now', TEST_NOW], { cwd: repo.root });
    expect(result.code).toBe(0);
    expect(repo.read('docs/README.md').startsWith(MARKDOWN_MARKER)).toBe(true);
    expect(leftoverTempFiles(snapshotTree(repo.root))).toEqual([]);
  });

  it('calendar: a rename that fails leaves the old calendar whole, and says which file', async () => {
    const out = repo.path('out');
    await runCommand(['calendar', '--root', repo.root, '--now', TEST_NOW, '--out', out], { cwd: repo.root });
    const before = snapshotTree(repo.root);
    faults.rename = (to) => to.endsWith('.ics');
    const result = await runCommand(['calendar', '--root', repo.root, '--now', '2026-12-22T12:00:00+01:00', '--out', out], { cwd: repo.root });
    expect(universalProblems(result)).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/calendar: could not write .*\.ics \(EIO\); it was left as it was\./);
    const after = snapshotTree(repo.root);
    expect(unexpectedWrites(before, after)).toEqual([]);
  });

  it('writeFileAtomic: a failed write or rename leaves the old content and no temporary file', async () => {
    const target = repo.path('out/report.md');
    await writeFileAtomic(target, 'old report\n');
    faults.writeFile = isTemp;
    await expect(writeFileAtomic(target, 'new report, longer than the old one\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    faults.writeFile = undefined;
    faults.rename = () => true;
    await expect(writeFileAtomic(target, 'new report, longer than the old one\n')).rejects.toMatchObject({ code: 'EIO' });
    expect(repo.read('out/report.md')).toBe('old report\n');
    expect(readdirSync(repo.path('out'))).toEqual(['report.md']);
    faults.rename = undefined;
    await writeFileAtomic(target, 'new report\n');
    expect(repo.read('out/report.md')).toBe('new report\n');
  });

  it('writeNewFile: a failed write leaves no file and no temporary file; an existing file is never replaced', async () => {
    const target = repo.path('incidents/2026/2026-11-22-new.yaml');
    faults.writeFile = isTemp;
    await expect(writeNewFile(target, 'id: 2026-11-22-new\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    faults.writeFile = undefined;
    faults.link = () => true;
    faults.rename = () => true;
    await expect(writeNewFile(target, 'id: 2026-11-22-new\n')).rejects.toMatchObject({ code: 'EIO' });
    expect(readdirSync(repo.path('incidents/2026')).filter((name) => name.includes('2026-11-22-new'))).toEqual([]);
    faults.link = faults.rename = undefined;
    await writeNewFile(target, 'id: 2026-11-22-new\n');
    await expect(writeNewFile(target, 'something else\n')).rejects.toBeInstanceOf(FileExistsError);
    expect(repo.read('incidents/2026/2026-11-22-new.yaml')).toBe('id: 2026-11-22-new\n');
    expect(readdirSync(repo.path('incidents/2026')).filter(isTemp)).toEqual([]);
  });

  it('report --out: a rename that fails keeps the previous report and exits 2 with the reason', async () => {
    await runCommand(['report', '--root', repo.root, '--now', TEST_NOW, '--month', '2026-10', '--out', 'report.md'], { cwd: repo.root });
    const old = repo.read('report.md');
    faults.rename = () => true;
    const result = await runCommand(['report', '--root', repo.root, '--now', TEST_NOW, '--month', '2026-11', '--out', 'report.md'], { cwd: repo.root });
    expect(universalProblems(result)).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out: could not write report.md: EIO.');
    expect(repo.read('report.md')).toBe(old);
    expect(leftoverTempFiles(snapshotTree(repo.root))).toEqual([]);
  });
});
