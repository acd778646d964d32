/** Formats the schemas use beyond ajv-formats', shared by the runtime and the compiled validators. */
import { createRequire } from 'node:module';
import { isIanaZone } from '../util/timezones.ts';

type FormatCheck = { validate: (text: string) => boolean };
const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats') as { fullFormats: { date: FormatCheck; 'date-time': FormatCheck } };

/** `format: iana-time-zone`: a real IANA zone name, spelt with its proper case. */
export const IANA_TIME_ZONE_FORMAT = { type: 'string', validate: isIanaZone } as const;

/**
 * `format: date-or-date-time`: a calendar date or an RFC 3339 date-time, each as ajv-formats checks
 * it. One format rather than a choice of two schemas, so a wrong value gets one message.
 */
export const DATE_OR_DATE_TIME_FORMAT = {
  type: 'string',
  validate: (text: string) => fullFormats.date.validate(text) || fullFormats['date-time'].validate(text),
} as const;
