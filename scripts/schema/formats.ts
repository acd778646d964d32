/** Formats the schemas use beyond ajv-formats', shared by the runtime and the compiled validators. */
import { createRequire } from 'node:module';
import { isDateTimeWithOffset } from '../time/date-time.ts';
import { isIanaZone } from '../util/timezones.ts';

type FormatCheck = { validate: (text: string) => boolean };
const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: { date: FormatCheck } };

/** `format: iana-time-zone`: a real IANA zone name, spelt with its proper case. */
export const IANA_TIME_ZONE_FORMAT = { type: 'string', validate: isIanaZone } as const;

/**
 * `format: date-time`, replacing ajv-formats' RFC 3339 one: seconds may be left out
 * (`2026-10-14T09:42+02:00`, as ISO 8601 allows), the UTC offset may not.
 */
export const DATE_TIME_FORMAT = { type: 'string', validate: isDateTimeWithOffset } as const;

let supported: ((code: string) => boolean) | undefined;

/**
 * `format: phone-region`: a region code (ISO 3166-1 alpha-2, upper case) whose phone numbers
 * libphonenumber-js knows. Its metadata is loaded only when a file holds such a field.
 */
function isPhoneRegion(code: string): boolean {
  supported ??= (require('libphonenumber-js/max') as { isSupportedCountry: (code: string) => boolean }).isSupportedCountry;
  return /^[A-Z]{2}$/.test(code) && supported(code);
}

export const PHONE_REGION_FORMAT = { type: 'string', validate: isPhoneRegion } as const;

/**
 * `format: date-or-date-time`: a calendar date or a date-time as `format: date-time` accepts it. One format rather than a choice of two schemas, so a wrong value gets one message.
 */
export const DATE_OR_DATE_TIME_FORMAT = {
  type: 'string',
  validate: (text: string) => fullFormats.date.validate(text) || isDateTimeWithOffset(text),
} as const;
