/** IANA time-zone names as the platform's ICU knows them (the same data luxon uses). */
let canonical: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (!canonical) {
    canonical = new Map();
    for (const zone of [...Intl.supportedValuesOf('timeZone'), 'UTC']) canonical.set(zone.toLowerCase(), zone);
  }
  return canonical;
}

/**
 * Whether `zone` is a real IANA zone, spelt with its proper case. Intl alone accepts any case
 * ("europe/berlin"), which other tools reading the same file may not.
 */
export function isIanaZone(zone: string): boolean {
  const known = names().get(zone.toLowerCase());
  if (known !== undefined) return known === zone;
  // Links such as "US/Eastern" are valid but not listed as canonical names.
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Z]/.test(zone);
  } catch {
    return false;
  }
}

export function allZoneNames(): string[] {
  return [...names().values()];
}
