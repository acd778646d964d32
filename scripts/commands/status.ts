/**
 * `oncall status`: each rollout's current phase, derived from its sign-off history (never stored),
 * with the history: who signed what, when.
 */
import { buildModel } from '../check/build-model.ts';
import { readRepository } from '../repo/read-repository.ts';
import { buildStatus, statusText } from '../signoffs/status.ts';
import { UsageError, type CommandIO } from './io.ts';
import { DATA_FORMATS, resolveChoice, resolveNow, resolveRoot } from './options.ts';

export interface StatusOptions {
  root?: string;
  format?: string;
  rollout?: string;
  now?: string;
}

export async function runStatus(options: StatusOptions, io: CommandIO): Promise<number> {
  const root = resolveRoot(options.root, io);
  const format = resolveChoice(options.format, DATA_FORMATS);
  const now = options.now === undefined ? undefined : resolveNow(options.now);
  const { files } = await readRepository(root);
  const { model } = buildModel(files);
  if (!model.policy.approvals) throw new UsageError('policy/approvals.yaml is missing or not valid, so phases cannot be derived; run validate.');
  const report = buildStatus(model, { ...(now ? { now } : {}), ...(options.rollout !== undefined ? { rollout: options.rollout } : {}) });
  if (options.rollout !== undefined && report.rollouts.length === 0) throw new UsageError(`--rollout: "${options.rollout}" has no sign-off records and is not a product in policy/lifecycle.yaml.`);
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : statusText(report));
  if (report.invalidRecords.length > 0 && format === 'json') io.stderr(`oncall: left out invalid sign-off records (run validate): ${report.invalidRecords.join(', ')}\n`);
  return 0;
}
