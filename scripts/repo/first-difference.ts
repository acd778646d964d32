/**
 * Where two data values, as YAML readers give them, first differ. Stricter than deep equality:
 * types count (12 is not "12"), so does -0, and so does the order of a mapping's keys, since every
 * reader of the same text must give exactly the same value.
 */
import type { DocPath } from './locate.ts';

/** The first place two values differ. */
export interface ValueDifference {
  /** Path to the differing node; for mappings whose keys differ, the path of the mapping. */
  path: DocPath;
  /** What differs: the nodes themselves, or (two mappings) their keys or the order of their keys. */
  what: 'value' | 'keys';
  /** The two nodes there; for keys, the two mappings' key lists. */
  left: unknown;
  right: unknown;
}

type Shape = 'list' | 'mapping' | 'object' | 'primitive';

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return 'list';
  if (typeof value !== 'object' || value === null) return 'primitive';
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null ? 'mapping' : 'object';
}

/** The first difference between `left` and `right` (lists in order, then mappings key by key), or undefined when they are the same. */
export function firstDifference(left: unknown, right: unknown): ValueDifference | undefined {
  const path: (string | number)[] = [];
  const found = (a: unknown, b: unknown, what: ValueDifference['what'] = 'value'): ValueDifference => ({ path: [...path], what, left: a, right: b });
  const compare = (a: unknown, b: unknown): ValueDifference | undefined => {
    if (Object.is(a, b)) return undefined;
    const shape = shapeOf(a);
    if (shape !== shapeOf(b) || shape === 'primitive' || shape === 'object') return found(a, b);
    if (shape === 'list') {
      const listA = a as unknown[];
      const listB = b as unknown[];
      for (let i = 0; i < Math.min(listA.length, listB.length); i++) {
        path.push(i);
        const difference = compare(listA[i], listB[i]);
        path.pop();
        if (difference) return difference;
      }
      return listA.length === listB.length ? undefined : found(a, b);
    }
    const mapA = a as Record<string, unknown>;
    const mapB = b as Record<string, unknown>;
    const keysA = Object.keys(mapA);
    const keysB = Object.keys(mapB);
    if (Object.getPrototypeOf(mapA) !== Object.getPrototypeOf(mapB) || keysA.length !== keysB.length || keysA.some((key, i) => key !== keysB[i])) {
      return found(keysA, keysB, 'keys');
    }
    for (const key of keysA) {
      path.push(key);
      const difference = compare(mapA[key], mapB[key]);
      path.pop();
      if (difference) return difference;
    }
    return undefined;
  };
  return compare(left, right);
}
