/** Ids from titles: `Full ingestion outage!` becomes `full-ingestion-outage`. */

const TRANSLITERATIONS: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', þ: 'th', ı: 'i' };

/**
 * A slug of lower-case ASCII letters, digits and hyphens, cut at a word boundary to at most `max`
 * characters (a single longer word is cut). Accents are dropped (`Störung` becomes `storung`);
 * an empty result means the title has no usable letters.
 */
export function slugify(title: string, max = 51): string {
  const ascii = title
    .toLowerCase()
    .replace(/[ßæøœłđþı]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > max) {
      if (slug === '') slug = word.slice(0, max);
      break;
    }
    slug = next;
  }
  return slug;
}
