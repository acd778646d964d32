/** Rewrites the rule table in README.md from the rule registry (`npm run gen:readme`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ruleTableMarkdown } from '../rules/index.ts';

const readmePath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = readme.replace(/<!-- rules:start -->\n[\s\S]*?<!-- rules:end -->/, () => `<!-- rules:start -->\n${ruleTableMarkdown()}<!-- rules:end -->`);
if (updated === readme) console.log('README.md rule table is up to date');
else {
  writeFileSync(readmePath, updated);
  console.log('README.md rule table updated');
}
