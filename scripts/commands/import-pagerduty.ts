/** `oncall import pagerduty [--overrides]` (see scripts/pagerduty/import.ts). */
import { UsageError, type CommandIO } from './io.ts';

export interface ImportOptions {
  root?: string;
  now?: string;
  overrides?: boolean;
  rotation?: string;
}

export async function runImportPagerDuty(_options: ImportOptions, _io: CommandIO): Promise<number> {
  throw new UsageError('import pagerduty: not available yet.');
}
