/**
 * `now` after loading: loads the schedule data once (as `oncall now` does), then times finding who is
 * on call at one instant in every rotation, the work `now` does per question. Prints JSON.
 *
 * Usage: node --import tsx scripts/bench/now-after-load.ts <root> <instant>
 */
import { loadScheduleData } from '../commands/schedule.ts';
import { onCallAt } from '../schedule/on-call.ts';

const [root, instant] = process.argv.slice(2);
if (!root || !instant) {
  process.stderr.write('usage: now-after-load.ts <root> <instant>\n');
  process.exit(2);
}
const at = new Date(instant);
const loadStarted = performance.now();
const data = await loadScheduleData(root);
const loadMs = performance.now() - loadStarted;
const started = performance.now();
let shifts = 0;
for (const rotation of data.rotations) shifts += onCallAt(rotation, at).length;
const firstMs = performance.now() - started;
// A second instant, a day later: what a long-running process (a chat bot, a pager bridge) pays per question.
const again = performance.now();
for (const rotation of data.rotations) onCallAt(rotation, new Date(at.getTime() + 86_400_000));
const nextMs = performance.now() - again;
process.stdout.write(`${JSON.stringify({ rotations: data.rotations.length, shifts, loadMs, firstMs, nextMs })}\n`);
