/** Zone names as people write them beside a time: CET, CEST, EDT. */
import type { DateTime } from 'luxon';

/** A zone's short name at an instant (CET, CEST, EDT), falling back to GMT+1 style. */
export function zoneAbbreviation(instant: DateTime): string {
  for (const locale of ['en-US', 'en-GB']) {
    const name = instant.setLocale(locale).toFormat('ZZZZ');
    if (!name.startsWith('GMT') && !name.startsWith('UTC+') && !name.startsWith('UTC-')) return name;
  }
  return instant.setLocale('en-US').toFormat('ZZZZ');
}
