import type { DocPath } from '../repo/locate.ts';

/** A document path as people read it: `tiers[0].participants[2]`. */
export function formatPath(path: DocPath): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Every string value in a plain JS value, with its path. */
export function* stringsIn(value: unknown, path: (string | number)[] = []): Generator<{ path: DocPath; value: string }> {
  if (typeof value === 'string') {
    yield { path: [...path], value };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], [...path, i]);
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) yield* stringsIn((value as Record<string, unknown>)[key], [...path, key]);
  }
}
