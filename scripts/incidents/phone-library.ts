/**
 * libphonenumber-js with its full metadata, loaded when records are checked: importing it costs
 * about 100 ms, which runs that check no record (a warm cache, `--help`, the schedule commands)
 * should not pay. Loaded asynchronously with secretlint's preset (scripts/check/rule-libraries.ts);
 * using it before that fails loudly.
 */
type PhoneLibrary = typeof import('libphonenumber-js/max');

let library: PhoneLibrary | undefined;
let loading: Promise<void> | undefined;

/** Loads the library (once; later calls return at once). */
export function loadPhoneLibrary(): Promise<void> {
  loading ??= (async () => {
    library = await import('libphonenumber-js/max');
  })();
  return loading;
}

/** The loaded library. */
export function phoneLibrary(): PhoneLibrary {
  if (!library) throw new Error('libphonenumber-js is not loaded yet (loadPhoneLibrary() must run first)');
  return library;
}
