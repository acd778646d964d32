#!/usr/bin/env node
// Entry point for the `oncall` bin: runs the TypeScript sources compiled once into .oncall-cache/build/
// (scripts/cache/compiled-sources.mjs), or through tsx when they cannot be compiled, with no build step.
import { importToolkitModule } from '../cache/compiled-sources.mjs';

const { main } = await importToolkitModule(new URL('../cli.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
