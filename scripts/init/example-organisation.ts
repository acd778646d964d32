/**
 * What `oncall init` knows about the example organisation and the starter skeleton, as pure
 * functions: the fingerprint of the example data, the test for generated files, and template
 * filling. The command reads and writes the files.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { isGenerated } from '../docs/marker.ts';

/** The example organisation's data files with a hash of each, as shipped with the template. */
export interface ExampleManifest {
  /** Repo-relative path -> `sha256:<hex>` of the content with line endings normalised to LF. */
  files: Record<string, string>;
}

/** How a tree differs from the example organisation; all empty when it is exactly the example. */
export interface ExampleComparison {
  /** Example files that are not there. */
  missing: string[];
  /** Example files whose content differs. */
  changed: string[];
  /** Files that are not part of the example. */
  extra: string[];
}

/**
 * The hash the manifest stores. Line endings are normalised so a checkout with CRLF line endings
 * (Git's autocrlf on Windows) still counts as the example.
 */
export function contentHash(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1').replace(/\r\n/g, '\n');
  return `sha256:${createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex')}`;
}

/** Builds a manifest from the files of an organisation (repo-relative path -> bytes). */
export function manifestOf(tree: ReadonlyMap<string, Uint8Array>): ExampleManifest {
  const files: Record<string, string> = {};
  for (const path of [...tree.keys()].sort()) files[path] = contentHash(tree.get(path)!);
  return { files };
}

export function compareWithExample(tree: ReadonlyMap<string, Uint8Array>, manifest: ExampleManifest): ExampleComparison {
  const missing: string[] = [];
  const changed: string[] = [];
  const extra: string[] = [];
  for (const [path, hash] of Object.entries(manifest.files)) {
    const bytes = tree.get(path);
    if (bytes === undefined) missing.push(path);
    else if (contentHash(bytes) !== hash) changed.push(path);
  }
  for (const path of tree.keys()) if (!(path in manifest.files)) extra.push(path);
  return { missing: missing.sort(), changed: changed.sort(), extra: extra.sort() };
}

export function isExactlyTheExample(comparison: ExampleComparison): boolean {
  return comparison.missing.length === 0 && comparison.changed.length === 0 && comparison.extra.length === 0;
}

/**
 * Whether a file under docs/ (or .github/CODEOWNERS) was written by the toolkit: its first line is
 * the docs generator's marker, or it is a calendar whose PRODID names the generator. Anything else
 * is hand-written and init leaves it alone.
 */
export function isGeneratedFile(path: string, text: string): boolean {
  if (path.endsWith('.ics')) return text.split(/\r?\n/, 20).some((line) => /^PRODID:.*(oncall|ical-generator)/i.test(line));
  return isGenerated(path, text);
}

/** The values the starter skeleton is filled with. */
export interface SkeletonValues {
  organisation: string;
  personId: string;
  personName: string;
  github: string;
  /** The account id, when given: written as `github_id` under the login. */
  githubId?: number;
  timezone: string;
  /** First hand-off date of the starter rotation, YYYY-MM-DD. */
  start: string;
}

/**
 * Fills `%{name}` tokens. Free text is written as a double-quoted YAML scalar (JSON's string form
 * is one), so a name with a colon or a hash stays one value; ids, logins, zones and dates are
 * checked by the caller and written as they are.
 */
export function fillTemplate(template: string, values: SkeletonValues): string {
  const replacements: Record<string, string> = {
    organisation: JSON.stringify(values.organisation),
    person_name: JSON.stringify(values.personName),
    person_id: values.personId,
    github: values.github,
    github_id_line: values.githubId !== undefined ? `\n    github_id: ${values.githubId}` : '',
    timezone: values.timezone,
    start: values.start,
  };
  return template.replace(/%\{([a-z_]+)\}/g, (token, name: string) => {
    const value = replacements[name];
    if (value === undefined) throw new Error(`unknown template token ${token}`);
    return value;
  });
}

/** A person id from a full name: "Ada Lovelace" -> "ada-lovelace". */
export function personIdFrom(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return id === '' ? 'admin' : id;
}

/** The Monday on or before `now` in `zone`: the starter rotation's first weekly hand-off. */
export function rotationStart(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).startOf('week').toISODate()!;
}
