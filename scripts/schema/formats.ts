/** Formats the schemas use beyond ajv-formats', shared by the runtime and the compiled validators. */
import { isIanaZone } from '../util/timezones.ts';

/** `format: iana-time-zone`: a real IANA zone name, spelt with its proper case. */
export const IANA_TIME_ZONE_FORMAT = { type: 'string', validate: isIanaZone } as const;
