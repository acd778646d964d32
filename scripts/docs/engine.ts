/**
 * The template engine: an isolated Handlebars instance with the helpers templates use. Templates are
 * compiled with `noEscape`, because Handlebars' own escaping is for HTML and mangles Markdown
 * (`'` -> `&#x27;`) while leaving `|` and `*` alone. Instead every value is escaped for Markdown by a
 * helper, and a template that prints a value without one (`{{name}}`) is refused when it is compiled,
 * so a restyled template cannot print raw data by mistake.
 */
import Handlebars from 'handlebars';
import { markdownTable } from 'markdown-table';
import { escapeMarkdownInline } from '../report/markdown-escape.ts';
import { describeDuration } from '../util/duration.ts';
import { calendarDate, localDateTime } from './format.ts';
import { relativeLink } from './links.ts';
import type { Site } from './site.ts';

type HelperOptions = Handlebars.HelperOptions;
type Hbs = typeof Handlebars;

/** What every template is rendered with: the page's own view plus the site it belongs to. */
export interface PageContext {
  /** Repository-relative path of the page being rendered (relative links start here). */
  page: string;
  site: Site;
  [key: string]: unknown;
}

/** A template problem found before rendering: named by file and line. */
export class TemplateError extends Error {}

function rootOf(options: HelperOptions): PageContext {
  return (options.data as { root: PageContext }).root;
}

/** Helpers receive the options object last; this drops it. */
function args(all: unknown[]): unknown[] {
  return all.slice(0, -1);
}

function isSafe(value: unknown): value is Handlebars.SafeString {
  return value instanceof Handlebars.SafeString;
}

/** Data as Markdown inline text: escaped unless a helper already produced Markdown. */
function inline(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isSafe(value)) return value.toString();
  if (Array.isArray(value)) return value.map(inline).join(', ');
  return escapeMarkdownInline(String(value));
}

/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text: string, info: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${info}\n${body}${fence}`;
}

/** Escapes every `|` not already escaped (an odd number of backslashes before it escapes it). */
function escapeUnescapedPipes(text: string): string {
  return text.replace(/(\\*)\|/g, (match, slashes: string) => (slashes.length % 2 === 1 ? match : `${slashes}\\|`));
}

/** Anchor ids are made from ids the schemas restrict; anything else is dropped, never printed raw. */
function anchorId(value: unknown): string {
  return String(value).toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function registerHelpers(hbs: Hbs): void {
  const safe = (text: string) => new hbs.SafeString(text);

  /** `{{md value}}`: data as inline Markdown text (lists are joined with commas). */
  hbs.registerHelper('md', (value: unknown) => safe(inline(value)));

  /** `{{mdOr value "—"}}`: the value, or the fallback when it is missing or empty. */
  hbs.registerHelper('mdOr', (value: unknown, fallback: unknown) => {
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    return safe(inline(empty ? fallback : value));
  });

  /** `{{list items}}`: a bullet list, one escaped item per line. */
  hbs.registerHelper('list', (items: unknown) => {
    const values = Array.isArray(items) ? items : items === undefined || items === null ? [] : [items];
    return safe(values.length === 0 ? '' : `\n${values.map((item) => `- ${inline(item)}`).join('\n')}\n\n`);
  });

  /** `{{join items " + "}}`: items escaped and joined with a literal separator. */
  hbs.registerHelper('join', (items: unknown, separator: unknown) => {
    const values = Array.isArray(items) ? items : [];
    return safe(values.map(inline).join(typeof separator === 'string' ? separator : ', '));
  });

  /** `{{link text "docs/people.md" "anchor"}}`: a relative link from this page to a repository path. */
  hbs.registerHelper('link', (...all: unknown[]) => {
    const options = all[all.length - 1] as HelperOptions;
    const [text, target, anchor] = args(all);
    const href = relativeLink(rootOf(options).page, String(target), anchor === undefined ? undefined : anchorId(anchor));
    return safe(`[${inline(text)}](${href})`);
  });

  /** `{{anchor id}}`: a link target inside a page (GitHub keeps it as `user-content-<id>`). */
  hbs.registerHelper('anchor', (id: unknown) => safe(`<a id="${anchorId(id)}"></a>`));

  /** `{{person id}}`: the person's name, linked to their entry on the people page. */
  hbs.registerHelper('person', (id: unknown, options: HelperOptions) => {
    const { page, site } = rootOf(options);
    const person = site.people.get(String(id));
    if (!person) return safe(inline(id));
    return safe(`[${inline(person.name)}](${relativeLink(page, site.paths.people, anchorId(person.id))})`);
  });

  /** `{{people ids}}`: several people, linked, joined with commas (or the given separator). */
  hbs.registerHelper('people', (...all: unknown[]) => {
    const options = all[all.length - 1] as HelperOptions;
    const [ids, separator] = args(all);
    const { page, site } = rootOf(options);
    const list = Array.isArray(ids) ? ids : ids === undefined ? [] : [ids];
    return safe(
      list
        .map((id) => {
          const person = site.people.get(String(id));
          return person ? `[${inline(person.name)}](${relativeLink(page, site.paths.people, anchorId(person.id))})` : inline(id);
        })
        .join(typeof separator === 'string' ? separator : ', '),
    );
  });

  /** `{{role id}}`: the role's name, linked to its definition on the roles page. */
  hbs.registerHelper('role', (id: unknown, options: HelperOptions) => {
    const { page, site } = rootOf(options);
    const role = site.roles.get(String(id));
    if (!role || !site.paths.roles) return safe(inline(role?.name ?? id));
    return safe(`[${inline(role.name)}](${relativeLink(page, site.paths.roles, `role-${anchorId(role.id)}`)})`);
  });

  /** `{{roles ids " + "}}`: several roles, linked; `anyone` and `all-stakeholders` read as words. */
  hbs.registerHelper('roles', (...all: unknown[]) => {
    const options = all[all.length - 1] as HelperOptions;
    const [ids, separator] = args(all);
    const { page, site } = rootOf(options);
    if (ids === 'anyone') return safe('Anyone');
    if (ids === 'all-stakeholders') return safe('All stakeholders');
    const list = Array.isArray(ids) ? ids : ids === undefined ? [] : [ids];
    if (list.length === 0) return safe('—');
    return safe(
      list
        .map((id) => {
          const role = site.roles.get(String(id));
          if (!role || !site.paths.roles) return inline(role?.name ?? id);
          return `[${inline(role.name)}](${relativeLink(page, site.paths.roles, `role-${anchorId(role.id)}`)})`;
        })
        .join(typeof separator === 'string' ? separator : ', '),
    );
  });

  /** `{{duration "15m"}}`: `15 minutes`, `8 business hours`, `immediately`. */
  hbs.registerHelper('duration', (text: unknown) => safe(inline(text === undefined ? '' : text === 'next-sprint' ? 'next sprint' : describeDuration(String(text)))));

  /** `{{code text "yaml"}}`: a fenced code block holding the text exactly. */
  hbs.registerHelper('code', (...all: unknown[]) => {
    const [text, info] = args(all);
    return safe(`\n${fenced(String(text ?? ''), typeof info === 'string' ? info.replace(/[^A-Za-z0-9_-]/g, '') : '')}\n\n`);
  });

  /** `{{mermaid diagram}}`: a Mermaid block (GitHub draws it); the diagram text is built in TypeScript. */
  hbs.registerHelper('mermaid', (text: unknown) => safe(`\n${fenced(String(text ?? ''), 'mermaid')}\n\n`));

  /**
   * `{{#table "Role" "Responsibility"}}{{#each roles}}{{row name responsibility}}{{/each}}{{/table}}`:
   * a GFM table from the rows its body adds. Cells are escaped unless a helper made them.
   * `columns=list` appends headers taken from data (a matrix whose columns are roles).
   */
  hbs.registerHelper('table', function (this: unknown, ...all: unknown[]) {
    const options = all[all.length - 1] as HelperOptions;
    const extra = Array.isArray(options.hash?.columns) ? (options.hash.columns as unknown[]) : [];
    const headers = [...args(all), ...extra].map(inline);
    const rows: string[][] = [];
    const data = hbs.createFrame(options.data);
    data.tableRows = rows;
    options.fn(this, { data });
    if (rows.length === 0) return safe('');
    for (const row of rows) {
      if (row.length !== headers.length) {
        throw new TemplateError(`a table row has ${row.length} cells but the table has ${headers.length} columns (${headers.join(', ')}).`);
      }
    }
    // Unaligned delimiters: a change to one cell then changes one line of the page, not the whole table.
    return safe(`\n${markdownTable([headers, ...rows], { alignDelimiters: false })}\n\n`);
  });

  /**
   * `{{row cell cell ...}}` adds a row to the enclosing table; the block form
   * `{{#row}}{{#cell}}...{{/cell}}{{/row}}` builds each cell from template text and helpers.
   */
  hbs.registerHelper('row', function (this: unknown, ...all: unknown[]) {
    const options = all[all.length - 1] as HelperOptions;
    const rows = (options.data as { tableRows?: string[][] }).tableRows;
    if (!rows) throw new TemplateError('{{row}} is used outside a {{#table}} block.');
    if (typeof options.fn === 'function') {
      const cells: string[] = [];
      const data = hbs.createFrame(options.data);
      data.rowCells = cells;
      options.fn(this, { data });
      rows.push(cells);
    } else {
      rows.push(args(all).map(inline));
    }
    return '';
  });

  /** `{{#cell}}...{{/cell}}`: one cell of a block row, on one line, with its pipes escaped. */
  hbs.registerHelper('cell', function (this: unknown, options: HelperOptions) {
    const cells = (options.data as { rowCells?: string[] }).rowCells;
    if (!cells) throw new TemplateError('{{#cell}} is used outside a {{#row}} block.');
    cells.push(escapeUnescapedPipes(String(options.fn(this)).replace(/\s*\n\s*/g, ' ').trim()));
    return '';
  });

  /** `{{strong text}}`: bold text. */
  hbs.registerHelper('strong', (value: unknown) => {
    const text = inline(value);
    return safe(text === '' ? '' : `**${text}**`);
  });

  /** `{{anchored id text}}`: text that other pages can link to as `#id`. */
  hbs.registerHelper('anchored', (id: unknown, value: unknown) => safe(`<a id="${anchorId(id)}"></a>${inline(value)}`));

  /** `{{codeSpan text}}`: inline code, with a fence the text cannot close (pipes escaped inside tables). */
  hbs.registerHelper('codeSpan', (value: unknown, options: HelperOptions) => {
    let text = String(value ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
    const inTable = Boolean((options.data as { tableRows?: unknown }).tableRows);
    if (inTable) text = text.replace(/\|/g, '\\|');
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return safe(`${fence}${pad}${text}${pad}${fence}`);
  });

  /**
   * `{{url "https://..."}}`: a web address from the data as a GFM autolink. Only plain http(s)
   * addresses become links (no other scheme, no spaces, angle brackets or pipes); anything else is
   * shown as inline code, so data cannot smuggle a `javascript:` link or break a table.
   */
  hbs.registerHelper('url', (value: unknown) => {
    const text = String(value ?? '');
    if (/^https?:\/\/[^\s<>|`\\]+$/i.test(text)) return safe(`<${text}>`);
    const plain = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|');
    const fence = '`'.repeat(Math.max(0, ...[...plain.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
    return safe(`${fence} ${plain} ${fence}`);
  });

  /** `{{when "2026-10-14T09:42:00+02:00"}}`: an instant as local time in the organisation's zone. */
  hbs.registerHelper('when', (value: unknown, options: HelperOptions) =>
    safe(value === undefined || value === null ? '' : inline(localDateTime(String(value), rootOf(options).site.zone))),
  );

  /** `{{day "2026-10-14"}}`: a calendar date as `Wed 14 Oct 2026`. */
  hbs.registerHelper('day', (value: unknown) => safe(value === undefined || value === null ? '' : inline(calendarDate(String(value)))));

  /** `{{text "literal"}}`: literal text written in a template, escaped like data. */
  hbs.registerHelper('text', (value: unknown) => safe(inline(value)));

  /** `{{inc @index}}`: a 1-based position. */
  hbs.registerHelper('inc', (n: unknown) => safe(String(Number(n) + 1)));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('and', (...all: unknown[]) => args(all).every(Boolean));
  hbs.registerHelper('or', (...all: unknown[]) => args(all).some(Boolean));
  hbs.registerHelper('count', (items: unknown) => safe(String(Array.isArray(items) ? items.length : 0)));
  hbs.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => safe(inline(Number(n) === 1 ? one : many)));

  /** CODEOWNERS: a path pattern (spaces and a leading `#` escaped, as the file's syntax needs). */
  hbs.registerHelper('ownerPattern', (pattern: unknown) => safe(String(pattern).replace(/^#/, '\\#').replace(/ /g, '\\ ')));
  /** CODEOWNERS: `@login` owners separated by spaces. */
  hbs.registerHelper('owners', (logins: unknown) => safe((Array.isArray(logins) ? logins : []).map((l) => `@${String(l).replace(/[^A-Za-z0-9-]/g, '')}`).join(' ')));
  /** CODEOWNERS: text on one `#` comment line. */
  hbs.registerHelper('comment', (value: unknown) => safe(String(value ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')));
}

/** Names a mustache may use without arguments: block keywords and the `else` branch. */
const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'each', 'with', 'else']);

/**
 * Refuses a template that prints a value without a helper: every `{{...}}` must call a registered
 * helper (`{{md name}}`, `{{person id}}`), so nothing reaches the page unescaped.
 */
function lintTemplate(name: string, source: string, helpers: ReadonlySet<string>): void {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(`templates/${name}.hbs: ${(error as Error).message.split('\n')[0]}`);
  }
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; path?: { original?: unknown; type?: string }; params?: unknown[]; loc?: { start: { line: number } } };
    if (n.type === 'MustacheStatement') {
      const head = typeof n.path?.original === 'string' ? n.path.original : '';
      const isHelper = n.path?.type === 'PathExpression' && helpers.has(head);
      if (!isHelper) {
        const line = n.loc?.start.line ?? 0;
        throw new TemplateError(
          `templates/${name}.hbs:${line}: {{${head}}} prints data without escaping it. Use a helper such as {{md ${head}}}, {{person ${head}}} or {{list ${head}}}.`,
        );
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value !== n.loc) visit(value);
    }
  };
  visit(ast);
}

/** A compiled template: the page context in, Markdown out. */
export type PageTemplate = (context: PageContext) => string;

/** Compiles every template after checking it; the names are the file names without `.hbs`. */
export function compileTemplates(sources: ReadonlyMap<string, string>): Map<string, PageTemplate> {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const helperNames = new Set(Object.keys(hbs.helpers));
  for (const name of BUILT_IN_BLOCKS) helperNames.delete(name);
  const compiled = new Map<string, PageTemplate>();
  for (const [name, source] of [...sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lintTemplate(name, source, helperNames);
    const template = hbs.compile(source, { noEscape: true, strict: false, preventIndent: true });
    compiled.set(name, (context) => {
      try {
        return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw new TemplateError(`templates/${name}.hbs: ${(error as Error).message}`);
      }
    });
  }
  return compiled;
}
