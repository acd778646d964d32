/** Small helpers for writing YAML by hand, in the styles the example organisation uses. */

/** The first line every YAML data file carries, for a file at `path`. */
export function modeline(path: string, kind: string): string {
  const depth = path.split('/').length - 1;
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/${kind}.schema.json`;
}

const PLAIN_BLOCK = /^[A-Za-z(][^\n]*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|~|[-+]?[0-9.]+(?:e[-+]?[0-9]+)?)$/i;

/**
 * A text value as a plain scalar where YAML reads it back unchanged, else double-quoted. In flow
 * context (inside `{ }` or `[ ]`) commas and brackets also need quotes.
 */
export function scalar(text: string, flow = false): string {
  const risky =
    !PLAIN_BLOCK.test(text) ||
    RESERVED.test(text) ||
    text.includes(': ') ||
    text.includes(' #') ||
    text.endsWith(':') ||
    text !== text.trim() ||
    (flow && /[,[\]{}]/.test(text));
  return risky ? JSON.stringify(text) : text;
}
