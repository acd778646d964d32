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

/** Every string value in a plain JS value, with its path (each path a fresh array), in document order. */
export function stringsIn(value: unknown, path: (string | number)[] = []): { path: DocPath; value: string }[] {
  const out: { path: DocPath; value: string }[] = [];
  // A plain recursion over one shared path: rules call this for every string of every record.
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      out.push({ path: [...path], value: node });
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        path.push(key);
        visit((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(value);
  return out;
}
