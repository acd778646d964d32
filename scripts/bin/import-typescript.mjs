/**
 * Imports one of the toolkit's TypeScript modules. Node.js 22.18 and later (and 23.6 and later)
 * run TypeScript themselves by stripping the types, so there is nothing to build: the sources are
 * written in the erasable subset that type stripping accepts (tsconfig.json `erasableSyntaxOnly`).
 * Older Node.js (20) has no type stripping and gets tsx's loader instead, registered once per thread.
 *
 * Plain JavaScript on purpose: this is what runs before any TypeScript can.
 */
import * as nodeModule from 'node:module';

// Node's own on-disk cache of compiled modules (Node.js 22.8 and later; in the system's temp folder,
// NODE_COMPILE_CACHE chooses another, NODE_DISABLE_COMPILE_CACHE=1 turns it off): later starts skip
// most of the compiling, which halves the start-up of `oncall --help`. Node.js 20 has no such cache.
nodeModule.enableCompileCache?.();

let loaderRegistered = false;

export async function importTypeScript(url) {
  if (!process.features.typescript && !loaderRegistered) {
    const { register } = await import('tsx/esm/api');
    register();
    loaderRegistered = true;
  }
  return import(url);
}
