/**
 * Path patterns of policy/approvals.yaml as two readers see them: the approvals check (picomatch,
 * paths relative to the repository root, dot files included) and GitHub's CODEOWNERS (gitignore-like
 * patterns, of which the last matching line alone applies). Pure.
 *
 * - {@link codeownersProblem} says when a pattern cannot mean the same to both (an extended glob,
 *   braces, a character class, a negation, a folder named without `/**`, ...).
 * - {@link codeownersLines} orders the lines so every path's last matching line carries the owners of
 *   every rule that matches it: a pattern inside another (`policy/people.yaml` inside `policy/**`)
 *   comes after it and carries both rules' owners.
 * - Which pattern lies inside which is decided on sample paths built from each pattern: every sample
 *   of the inner one must match the outer one. Two patterns that share some paths but neither holds
 *   the other cannot be written so (GitHub has no "and"), and {@link partialOverlaps} names them.
 */
import picomatch from 'picomatch';

/** Folders a plain pattern most likely names (the toolkit's and the data's). */
const KNOWN_FOLDERS = new Set(['.github', 'docs', 'incidents', 'policy', 'rotations', 'schemas', 'scripts', 'signoffs', 'tests']);

export interface PatternProblem {
  message: string;
  hint: string;
}

const matchers = new Map<string, (path: string) => boolean>();
function matcher(glob: string): (path: string) => boolean {
  let m = matchers.get(glob);
  if (!m) matchers.set(glob, (m = picomatch(glob, { dot: true })));
  return m;
}

/**
 * Why GitHub's CODEOWNERS would read `glob` differently from the approvals check, with the fix; or
 * undefined when the anchored pattern (`/` + glob) means the same to both. `folders` are paths known
 * to be folders (for a plain name such as `signoffs`).
 */
export function codeownersProblem(glob: string, folders: ReadonlySet<string> = KNOWN_FOLDERS): PatternProblem | undefined {
  if (/[@!?*+]\(/.test(glob)) {
    return {
      message: `"${glob}" is an extended glob: the approvals check reads it, but GitHub's CODEOWNERS does not, so no one is asked to review those files`,
      hint: 'Write each alternative as a pattern of its own (e.g. "*.yaml" and "*.yml" instead of "*.+(yaml|yml)").',
    };
  }
  if (/[{}]/.test(glob)) return { message: `"${glob}" uses braces, which GitHub's CODEOWNERS does not expand`, hint: 'Write each alternative as a pattern of its own.' };
  if (/[[\]]/.test(glob)) return { message: `"${glob}" uses a character class, which GitHub's CODEOWNERS does not support`, hint: 'Write each file or alternative as a pattern of its own.' };
  if (glob.startsWith('!')) return { message: `"${glob}" is a negation, which GitHub's CODEOWNERS does not support`, hint: 'Name the paths that need the owners instead of those that do not.' };
  if (glob.startsWith('#')) return { message: `"${glob}" starts with "#", which makes the CODEOWNERS line a comment`, hint: 'Rename the path or match it with a leading "*".' };
  if (/\s|\\/.test(glob)) return { message: `"${glob}" holds a space or a backslash, which GitHub's CODEOWNERS reads as a separator or an escape`, hint: 'Match the name with "?" in place of the space.' };
  if (glob.startsWith('/')) {
    return { message: `"${glob}" starts with "/", and the approvals check matches paths without one, so it matches nothing there`, hint: `Write "${glob.replace(/^\/+/, '')}"; CODEOWNERS lines are anchored for you.` };
  }
  const plain = !/[*?]/.test(glob);
  const name = glob.replace(/\/+$/, '');
  if (glob.endsWith('/') || (plain && folders.has(name))) {
    return {
      message: `"${glob}" names a folder: GitHub's CODEOWNERS gives its owners everything in it, but the approvals check matches only a file of that exact name`,
      hint: `Write "${name}/**" to guard everything in the folder.`,
    };
  }
  return undefined;
}

/**
 * Sample paths of a pattern: each `**` as no folder, one and two; each `*` and `?` as a name. The
 * literal names of `other` patterns are tried in their places too, so two patterns that meet only
 * at a named file (`policy/*.yaml` and `**` + `/people.yaml`) are seen to meet.
 */
export function samplePaths(glob: string, other: readonly string[] = []): string[] {
  const literals = [...new Set(other.flatMap((pattern) => pattern.split('/')).filter((segment) => segment !== '' && !/[*?[\]{}()!+@]/.test(segment)))];
  // Word pieces of the other patterns (`people`, `yaml` of `policy/people.*` and `*.yaml`) stand in for `*`.
  const words = [...new Set(other.flatMap((pattern) => pattern.match(/[A-Za-z0-9_-]+/g) ?? []))];
  let out = [glob];
  const expand = (token: RegExp, choices: readonly string[]) => {
    const next: string[] = [];
    for (const path of out) {
      if (!token.test(path)) {
        next.push(path);
        continue;
      }
      for (const choice of choices) next.push(path.replace(token, choice));
    }
    out = next;
  };
  for (let i = 0; i < 4 && out.some((p) => p.includes('**')); i++) expand(/\/?\*\*\/?/, ['/', '/d1/', '/d1/d2/', ...literals.map((name) => `/${name}/`)]);
  for (let i = 0; i < 4 && out.some((p) => /[*?]/.test(p)); i++) expand(/[*?]/, ['x', 'yz', ...literals, ...words]);
  return [...new Set(out.map((p) => p.replace(/\/+/g, '/').replace(/^\/|\/$/g, '')).filter((p) => p !== ''))];
}

/** Whether every path `inner` matches, `outer` matches too (on sample paths). */
export function patternInside(inner: string, outer: string): boolean {
  const samples = samplePaths(inner);
  return samples.length > 0 && samples.every((path) => matcher(outer)(path));
}

/** Whether some path matches both. */
export function patternsOverlap(a: string, b: string): boolean {
  return samplePaths(a, [b]).some((path) => matcher(b)(path)) || samplePaths(b, [a]).some((path) => matcher(a)(path));
}

export interface OwnedPatterns {
  id: string;
  patterns: readonly string[];
  owners: readonly string[];
}

export interface CodeownersLine {
  pattern: string;
  /** The rule the pattern belongs to, then every other rule whose patterns hold it. */
  rules: string[];
  owners: string[];
}

/**
 * The CODEOWNERS lines for the rules' patterns that GitHub can read, in an order where each path's
 * last matching line names the owners of every rule matching it (as far as patterns nest).
 */
export function codeownersLines(rules: readonly OwnedPatterns[], usable: (glob: string) => boolean = (glob) => codeownersProblem(glob) === undefined): CodeownersLine[] {
  const entries = rules.flatMap((rule) => rule.patterns.filter(usable).map((pattern) => ({ rule, pattern })));
  const lines = entries.map(({ rule, pattern }) => {
    const holders = rules.filter((other) => other !== rule && other.patterns.some((outer) => usable(outer) && patternInside(pattern, outer)));
    const owners = [...new Set([...rule.owners, ...holders.flatMap((h) => h.owners)])];
    // How many patterns hold this one without it holding them: those lines must come first.
    const depth = entries.filter((other) => other.pattern !== pattern && patternInside(pattern, other.pattern) && !patternInside(other.pattern, pattern)).length;
    return { pattern, rules: [rule.id, ...holders.map((h) => h.id)], owners, depth };
  });
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => a.line.depth - b.line.depth || a.index - b.index)
    .map(({ line: { depth: _depth, ...line } }) => line);
}

/** Pairs of patterns of different rules that share paths while neither holds the other. */
export function partialOverlaps(rules: readonly OwnedPatterns[]): { a: { rule: string; pattern: string }; b: { rule: string; pattern: string } }[] {
  const out: { a: { rule: string; pattern: string }; b: { rule: string; pattern: string } }[] = [];
  const entries = rules.flatMap((rule) => rule.patterns.map((pattern) => ({ rule: rule.id, pattern })));
  entries.forEach((a, i) => {
    for (const b of entries.slice(i + 1)) {
      if (a.rule === b.rule || codeownersProblem(a.pattern) || codeownersProblem(b.pattern)) continue;
      if (patternsOverlap(a.pattern, b.pattern) && !patternInside(a.pattern, b.pattern) && !patternInside(b.pattern, a.pattern)) out.push({ a, b });
    }
  });
  return out;
}
