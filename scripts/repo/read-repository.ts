/**
 * Reads a repository's data files from disk. The only loading code that touches the file system:
 * it lists the data folders, refuses what is not a regular file, and hands bytes to parseSource.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.ts';
import { DATA_ROOTS, kindOfPath, type KindId } from '../schema/kinds.ts';
import { contentHash } from './content-hash.ts';
import { DEFAULT_DECODE_LIMITS, tooLarge } from './decode.ts';
import { knownParsedYaml, parseYamlFast } from './lazy-yaml.ts';
import { parseSource } from './parse-source.ts';
import type { SourceFile } from './source-file.ts';

export interface ReadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Files that may sit in data folders without being data. */
const IGNORED_NAMES = new Set(['README.md', '.gitkeep', '.keep', '.DS_Store']);

function fileDiagnostic(file: string, ruleId: string, severity: Diagnostic['severity'], message: string, hint: string): Diagnostic {
  return { ruleId, severity, file, line: 1, column: 1, message, hint };
}

/** The first segment of a repository-relative folder path that is a symbolic link, if any. */
async function linkedSegment(root: string, relative: string): Promise<string | undefined> {
  const segments = relative.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const path = segments.slice(0, i).join('/');
    try {
      if ((await lstat(join(root, path))).isSymbolicLink()) return path;
    } catch {
      return undefined; // missing: holds no data
    }
  }
  return undefined;
}

/** Folders whose sub-folders hold records by year (incidents/2026/...). */
const YEAR_FOLDERS = new Set(['incidents', 'signoffs', 'handoffs']);

/**
 * Lists the data files below the repository root: repo-relative paths, sorted, plus findings about
 * entries that are not data (links, unknown files, folders outside the layout).
 */
export async function listDataFiles(root: string, roots: readonly string[] = DATA_ROOTS): Promise<{ paths: string[]; diagnostics: Diagnostic[] }> {
  const paths: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visit = async (relativeDir: string, inYearFolder: boolean): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(root, relativeDir), { withFileTypes: true });
    } catch {
      return; // a missing data folder simply holds no data
    }
    for (const entry of entries) {
      const path = `${relativeDir}/${entry.name}`;
      if (IGNORED_NAMES.has(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        // A link at a data file's path is reported by the reader, which also records that it exists.
        if (kindOfPath(path)) paths.push(path);
        else diagnostics.push(fileDiagnostic(path, 'file-symlink', 'error', 'This is a symbolic link; links are not followed.', 'Replace the link with the file itself: data must live in the repository.'));
        continue;
      }
      if (entry.isDirectory()) {
        // Post-mortems may keep images and attachments in sub-folders; nothing there is data.
        if (relativeDir === 'docs/incidents') continue;
        if (YEAR_FOLDERS.has(relativeDir) && /^[0-9]{4}$/.test(entry.name)) {
          await visit(path, true);
        } else if (YEAR_FOLDERS.has(relativeDir)) {
          diagnostics.push(fileDiagnostic(path, 'unknown-file', 'warning', `Records live in ${relativeDir}/YYYY/; "${entry.name}" is not a year, so its files are not checked.`, `Move the files to ${relativeDir}/<year>/.`));
        } else {
          diagnostics.push(fileDiagnostic(path, 'unknown-file', 'warning', 'This folder is not part of the repository layout; its files are not checked.', 'See the layout in README.md.'));
        }
        continue;
      }
      if (!entry.isFile()) continue;
      if (kindOfPath(path)) {
        paths.push(path);
      } else if (relativeDir !== 'docs/incidents') {
        const recordFolder = YEAR_FOLDERS.has(relativeDir) && !inYearFolder;
        const hint = /\.yml$/.test(entry.name)
          ? `Rename it to ${entry.name.replace(/\.yml$/, '.yaml')}.`
          : recordFolder
            ? `Records live in ${relativeDir}/YYYY/; move it into the folder of its year.`
            : 'See the file kinds in README.md; only those are checked.';
        diagnostics.push(fileDiagnostic(path, 'unknown-file', 'warning', 'This file is not one of the known file kinds, so it is not checked.', hint));
      }
    }
  };
  for (const dataRoot of roots) {
    // readdir follows links, so a data folder (or a folder above it) that is a link is refused here.
    const linked = await linkedSegment(root, dataRoot);
    if (linked === undefined) await visit(dataRoot, false);
    else if (!diagnostics.some((d) => d.file === linked && d.ruleId === 'file-symlink')) {
      diagnostics.push(fileDiagnostic(linked, 'file-symlink', 'error', 'This data folder is a symbolic link; links are not followed, so nothing in it is checked.', 'Replace the link with the folder itself: data must live in the repository.'));
    }
  }
  paths.sort();
  return { paths, diagnostics };
}

/** One data file as read: its SourceFile (absent when it could not be read at all), findings, and bytes. */
export interface ReadFile {
  path: string;
  kind: KindId;
  /** Absent when the file could not be read at all (it then does not count as present). */
  file?: SourceFile;
  diagnostics: Diagnostic[];
  /** The bytes parsed, when the file was read (not for links or oversized files). */
  bytes?: Uint8Array;
}

/** A YAML file's value as read before from the same bytes (the validation cache keeps it by content hash). */
export interface KnownValue {
  /** The content hash (content-hash.ts) of the bytes the value was read from. */
  hash: string;
  value: unknown;
  /** Whether the text may have a comment starting right after its "#" (see lazy-yaml.ts). */
  tightComment: boolean;
}

/**
 * Reads and parses one data file, refusing links and oversized files before reading. Synchronous,
 * so worker threads can read batch after batch without waiting on the event loop. With `known`,
 * a YAML file whose bytes still have that hash is not parsed again: its value is the one known
 * (`usedKnown` then says so).
 */
export function readDataFileSync(root: string, path: string, kind: KindId, known?: KnownValue): ReadFile & { usedKnown?: true } {
  const absolute = join(root, path);
  let bytes: Uint8Array;
  try {
    const info = lstatSync(absolute);
    if (info.isSymbolicLink()) {
      const diagnostic = fileDiagnostic(path, 'file-symlink', 'error', 'This is a symbolic link; links are not followed.', 'Replace the link with the file itself: data must live in the repository.');
      return { path, kind, file: { path, kind, parsed: null }, diagnostics: [diagnostic] }; // it exists: not also "missing"
    }
    if (!info.isFile()) return { path, kind, diagnostics: [] };
    if (info.size > DEFAULT_DECODE_LIMITS.maxBytes) {
      // Never read a file that will be refused anyway: it may be huge.
      return { path, kind, file: { path, kind, parsed: null }, diagnostics: [tooLarge(path, info.size)] }; // it exists: not also "missing"
    }
    bytes = readFileSync(absolute);
  } catch (error) {
    const diagnostic = fileDiagnostic(path, 'file-unreadable', 'error', `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, 'Check that it exists and is readable.');
    return { path, kind, diagnostics: [diagnostic] };
  }
  if (known && kind !== 'postmortem' && contentHash(bytes) === known.hash) {
    const parsed = parseSource(path, kind, bytes, { parseYaml: (text, file, opts) => knownParsedYaml(text, file, known.value, known.tightComment, opts?.lineOffset) });
    return { path, kind, file: parsed.file, diagnostics: parsed.diagnostics, bytes, usedKnown: true };
  }
  const parsed = parseSource(path, kind, bytes, { parseYaml: parseYamlFast });
  return { path, kind, file: parsed.file, diagnostics: parsed.diagnostics, bytes };
}

/** The finding for a path that is not one of the known file kinds. */
export function unknownFileDiagnostic(path: string): Diagnostic {
  return fileDiagnostic(path, 'unknown-file', 'warning', 'This file is not one of the known file kinds, so it is not checked.', 'See the file kinds in README.md.');
}

/** Reads the named repository-relative files (data files only). */
export async function readFiles(root: string, paths: readonly string[]): Promise<ReadResult> {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const kind = kindOfPath(path);
    if (!kind) {
      diagnostics.push(unknownFileDiagnostic(path));
      continue;
    }
    const read = readDataFileSync(root, path, kind);
    if (read.file) files.push(read.file);
    diagnostics.push(...read.diagnostics);
  }
  return { files, diagnostics };
}

/**
 * Reads every data file of the repository, or with `roots` those below some of the data folders
 * (the schedule commands need only policy/ and rotations/).
 */
export async function readRepository(root: string, options: { roots?: readonly (typeof DATA_ROOTS)[number][] } = {}): Promise<ReadResult> {
  const listed = await listDataFiles(root, options.roots);
  const read = await readFiles(root, listed.paths);
  return { files: read.files, diagnostics: [...listed.diagnostics, ...read.diagnostics] };
}
