import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Diagnostic } from '../../scripts/report/diagnostic.ts';

/** A small, deliberately unsorted set covering every severity, a hint, and an end position. */
export const SAMPLE: readonly Diagnostic[] = [
  {
    ruleId: 'stale-rotation',
    severity: 'note',
    file: 'rotations/primary.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 9,
    message: 'rotation has not changed in 180 days',
  },
  {
    ruleId: 'reference-exists',
    severity: 'error',
    file: 'incidents/2024-05-01.yaml',
    line: 12,
    column: 5,
    message: 'participants[2]: "alcie" is not a person in policy/people.yaml.',
    hint: 'Did you mean "alice"?',
  },
  {
    ruleId: 'schema-type',
    severity: 'warning',
    file: 'incidents/2024-05-01.yaml',
    line: 3,
    column: 1,
    message: 'severity: expected one of sev1, sev2, sev3',
  },
];

export function diag(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return { ruleId: 'rule', severity: 'error', file: 'a.yaml', line: 1, column: 2, message: 'msg', ...overrides };
}

/** Minimal structural view of an mdast node, enough to walk the tree without depending on @types/mdast. */
export interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

export function parseGfm(markdown: string): MdNode {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
}

export function walk(node: MdNode, visit: (n: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

export function nodeTypes(node: MdNode): Set<string> {
  const types = new Set<string>();
  walk(node, (n) => types.add(n.type));
  return types;
}

/** The rendered text of a node: what a reader would see. */
export function textOf(node: MdNode): string {
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/** Strip SGR colour sequences, to compare coloured output with plain output. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
