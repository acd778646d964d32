/**
 * Regenerates scripts/init/example-manifest.json from the example organisation in this repository.
 * Run it after changing the example data or its tests (tests/example/): `npm run regenerate` does.
 * `oncall init` only empties a tree that still matches this manifest exactly (unless --force).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestOf } from './example-organisation.ts';
import { MANIFEST_FILE, readOrganisationTree } from './tree.ts';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = manifestOf(await readOrganisationTree(repositoryRoot));
writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`Wrote ${Object.keys(manifest.files).length} example files to ${MANIFEST_FILE}\n`);
