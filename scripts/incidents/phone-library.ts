/**
 * libphonenumber-js with its full metadata, loaded when records are checked: importing it costs
 * about 100 ms, which runs that check no record (a warm cache, `--help`, the schedule commands)
 * should not pay. Loaded asynchronously with secretlint's preset (scripts/check/rule-libraries.ts);
 * using it before that fails loudly.
 */
type PhoneLibrary = typeof import('libphonenumber-js/max') & {
  /** The regions of each country calling code, the main region first (`44`: GB, GG, IM, JE). */
  regionsOfCallingCode: (code: string) => readonly string[];
};

let library: PhoneLibrary | undefined;
let loading: Promise<void> | undefined;

/** Loads the library (once; later calls return at once). */
export function loadPhoneLibrary(): Promise<void> {
  loading ??= (async () => {
    const [functions, metadata] = await Promise.all([
      import('libphonenumber-js/max'),
      import('libphonenumber-js/metadata.max.json') as Promise<{ default: { country_calling_codes: Record<string, string[]> } }>,
    ]);
    library = { ...functions, regionsOfCallingCode: (code) => metadata.default.country_calling_codes[code] ?? [] };
  })();
  return loading;
}

/** The loaded library. */
export function phoneLibrary(): PhoneLibrary {
  if (!library) throw new Error('libphonenumber-js is not loaded yet (loadPhoneLibrary() must run first)');
  return library;
}
