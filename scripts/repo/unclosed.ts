/**
 * Where an unclosed bracket or quote was opened. The yaml library notices the missing `]`, `}` or
 * quote only where the text stops making sense (a line or more later, or at the end of the file);
 * the mistake a person has to fix is at the opening character.
 */

export type Opener = '[' | '{' | '"' | "'";

/**
 * Offset of the first opener of the given kind that is still open at `until` (exclusive), scanning
 * quotes, flow brackets and comments as YAML does; undefined when none is open.
 */
export function unclosedOpener(text: string, kind: Opener, until = text.length): number | undefined {
  const stack: { char: Opener; offset: number }[] = [];
  let quote: { char: '"' | "'"; offset: number } | undefined;
  for (let i = 0; i < Math.min(until, text.length); i++) {
    const c = text[i]!;
    const before = i === 0 ? '\n' : text[i - 1]!;
    if (quote) {
      if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char) {
        // '' inside single quotes is an escaped quote, not the end.
        if (c === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    const tokenStart = /[\s[{,:-]/.test(before);
    if (c === '#' && /\s/.test(before)) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if ((c === '"' || c === "'") && tokenStart) {
      quote = { char: c, offset: i };
    } else if ((c === '[' || c === '{') && (tokenStart || stack.length > 0)) {
      stack.push({ char: c, offset: i });
    } else if ((c === ']' || c === '}') && stack.length > 0) {
      stack.pop();
    }
  }
  if (quote && quote.char === kind) return quote.offset;
  return stack.find((open) => open.char === kind)?.offset;
}

/** Which opener an error message of the yaml library is about, if it is about one. */
export function openerOfMessage(message: string): Opener | undefined {
  if (/Flow sequence .*end with a \]/.test(message)) return '[';
  if (/Flow mapping .*end with a \}/.test(message)) return '{';
  if (/Missing closing "quote/.test(message)) return '"';
  if (/Missing closing 'quote/.test(message)) return "'";
  return undefined;
}
