#!/usr/bin/env node
// Entry point of the `oncall` bin and of `npm run oncall`: the TypeScript sources run as they are,
// with no build step (see import-typescript.mjs).
import { importTypeScript } from './import-typescript.mjs';

const { main } = await importTypeScript(new URL('../cli.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
