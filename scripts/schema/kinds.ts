/**
 * The file kinds of a repository: where each lives and which schema describes it.
 * The one table every loader, generator and editor mapping is derived from.
 */
export interface FileKind {
  /** Kind id, also the schema's base name: `schemas/<id>.schema.json`. */
  id: KindId;
  /** Human name used in messages. */
  label: string;
  /** Glob (as written in .vscode/settings.json) of the files of this kind. */
  glob: string;
  /** Whether the kind is one file (policy) or a collection of records. */
  single: boolean;
}

export type KindId =
  | 'organisation'
  | 'people'
  | 'roles'
  | 'raci'
  | 'severities'
  | 'escalation'
  | 'lifecycle'
  | 'kill-switch'
  | 'approvals'
  | 'communication'
  | 'rotation'
  | 'incident'
  | 'signoff'
  | 'handoff'
  | 'postmortem';

export const POLICY_KINDS = [
  'organisation',
  'people',
  'roles',
  'raci',
  'severities',
  'escalation',
  'lifecycle',
  'kill-switch',
  'approvals',
  'communication',
] as const satisfies readonly KindId[];

export type PolicyKindId = (typeof POLICY_KINDS)[number];

const POLICY_LABELS: Record<PolicyKindId, string> = {
  organisation: 'organisation settings',
  people: 'people',
  roles: 'roles',
  raci: 'RACI matrix',
  severities: 'severity levels',
  escalation: 'escalation policy',
  lifecycle: 'lifecycle ownership',
  'kill-switch': 'kill-switch authority',
  approvals: 'approval rules',
  communication: 'communication policy',
};

export const FILE_KINDS: readonly FileKind[] = [
  ...POLICY_KINDS.map((id) => ({ id, label: POLICY_LABELS[id], glob: `policy/${id}.yaml`, single: true })),
  { id: 'rotation', label: 'rotation', glob: 'rotations/*.yaml', single: false },
  { id: 'incident', label: 'incident record', glob: 'incidents/*/*.yaml', single: false },
  { id: 'signoff', label: 'sign-off record', glob: 'signoffs/*/*.yaml', single: false },
  { id: 'handoff', label: 'hand-off note', glob: 'handoffs/*/*.yaml', single: false },
  { id: 'postmortem', label: 'post-mortem', glob: 'docs/incidents/*.md', single: false },
];

export function kindById(id: KindId): FileKind {
  const kind = FILE_KINDS.find((k) => k.id === id);
  if (!kind) throw new Error(`unknown file kind ${id}`);
  return kind;
}

/**
 * Which kind a repository-relative path is, or undefined when it is not a data file.
 * Year folders must be four digits; post-mortems are the Markdown files directly under docs/incidents.
 */
export function kindOfPath(path: string): KindId | undefined {
  const policy = /^policy\/([a-z-]+)\.yaml$/.exec(path);
  if (policy) {
    const id = policy[1] as PolicyKindId;
    return (POLICY_KINDS as readonly string[]).includes(id) ? id : undefined;
  }
  if (/^rotations\/[^/]+\.yaml$/.test(path)) return 'rotation';
  if (/^incidents\/[0-9]{4}\/[^/]+\.yaml$/.test(path)) return 'incident';
  if (/^signoffs\/[0-9]{4}\/[^/]+\.yaml$/.test(path)) return 'signoff';
  if (/^handoffs\/[0-9]{4}\/[^/]+\.yaml$/.test(path)) return 'handoff';
  if (/^docs\/incidents\/[^/]+\.md$/.test(path)) return 'postmortem';
  return undefined;
}

/** Folders the loader walks; anything else in the repository is not data. */
export const DATA_ROOTS = ['policy', 'rotations', 'incidents', 'signoffs', 'handoffs', 'docs/incidents'] as const;
