/**
 * Runs the toolkit's TypeScript without a TypeScript loader in the process: each source file is
 * compiled once (esbuild, types removed, nothing bundled) into .oncall-cache/build/, mirroring the
 * source tree, and compiled again only when it changes. A run then starts like any JavaScript
 * program, instead of paying for a module loader (tsx) that compiles or looks up every module on
 * every start, on the main thread and again in each worker thread.
 *
 * Compiled modules keep their source's `import.meta.url`, so everything a module finds relative to
 * itself (schemas, templates, package.json, worker entries) is found where it always is. When
 * compiling is not possible (no esbuild, a read-only checkout), the sources run through tsx as before.
 *
 * Plain JavaScript on purpose: this is what runs before any TypeScript can.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLKIT_ROOT = join(SCRIPTS_DIR, '..');
const BUILD_DIR = join(TOOLKIT_ROOT, '.oncall-cache', 'build');
/** Bump when the way files are compiled changes. */
const BUILDER = 'oncall-compiled-sources/1';

/** Source files to compile: the toolkit's modules (not the benchmark's, which runs through tsx). */
function sourceFiles() {
  return readdirSync(SCRIPTS_DIR, { recursive: true })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => /\.(?:ts|js|mjs)$/.test(path) && !path.endsWith('.d.ts') && !path.startsWith('bench/'))
    .sort();
}

function outputPathOf(path) {
  return join(BUILD_DIR, 'scripts', path.replace(/\.ts$/, '.js'));
}

/** Relative imports of `.ts` modules become imports of their compiled `.js` files. */
function rewriteSpecifiers(code) {
  return code.replace(/((?:\bfrom|\bimport)\s*\(?\s*)(["'])(\.{1,2}\/[^"'\n]+?)\.ts\2/g, '$1$2$3.js$2');
}

let esbuild;
function compiler() {
  if (!esbuild) {
    // esbuild comes with tsx (a dependency of the toolkit); resolve it from there.
    const require = createRequire(import.meta.url);
    const tsxDir = dirname(require.resolve('tsx/package.json'));
    esbuild = createRequire(join(tsxDir, 'package.json'))('esbuild');
  }
  return esbuild;
}

function compile(path, source) {
  const url = pathToFileURL(join(SCRIPTS_DIR, path)).href;
  if (!path.endsWith('.ts')) return rewriteSpecifiers(source);
  const { code } = compiler().transformSync(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: url,
    define: { 'import.meta.url': JSON.stringify(url) },
    // Keep every import as written, as tsx does under this repository's tsconfig.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  });
  return rewriteSpecifiers(code);
}

function writeAtomically(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

let built;

/**
 * Makes sure every compiled module is fresh, compiling what changed. Returns false when the
 * compiled tree cannot be used (compiling failed), so the caller runs the sources instead.
 */
export function ensureCompiled() {
  if (built !== undefined) return built;
  try {
    const manifestFile = join(BUILD_DIR, 'manifest.json');
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    } catch {
      manifest = undefined;
    }
    const stamp = `${BUILDER}\0${process.version}`;
    if (!manifest || manifest.stamp !== stamp) manifest = { stamp, files: {} };
    const next = { stamp, files: {} };
    let changed = false;
    for (const path of sourceFiles()) {
      const file = join(SCRIPTS_DIR, path);
      const info = statSync(file);
      const identity = `${info.size}:${info.mtimeMs}:${info.ino}`;
      const known = manifest.files[path];
      const output = outputPathOf(path);
      if (known && known.identity === identity && existsSync(output)) {
        next.files[path] = known;
        continue;
      }
      const source = readFileSync(file, 'utf8');
      const hash = createHash('sha1').update(source).digest('hex');
      if (!known || known.hash !== hash || !existsSync(output)) writeAtomically(output, compile(path, source));
      next.files[path] = { identity, hash };
      changed = true;
    }
    if (changed || Object.keys(manifest.files).length !== Object.keys(next.files).length) writeAtomically(manifestFile, JSON.stringify(next));
    built = true;
  } catch {
    built = false;
  }
  return built;
}

/** The compiled module's URL for a toolkit source URL, or undefined when it has none. */
export function compiledUrlOf(sourceUrl) {
  const path = relative(SCRIPTS_DIR, fileURLToPath(sourceUrl)).split(sep).join('/');
  if (path.startsWith('..') || !ensureCompiled()) return undefined;
  return pathToFileURL(outputPathOf(path)).href;
}

let typescriptRegistered = false;

/** Imports a toolkit module: its compiled form when there is one, else the source through tsx. */
export async function importToolkitModule(sourceUrl) {
  const compiled = process.env.ONCALL_NO_COMPILED ? undefined : compiledUrlOf(sourceUrl);
  if (compiled) return import(compiled);
  if (!typescriptRegistered) {
    const { register } = await import('tsx/esm/api');
    register();
    typescriptRegistered = true;
  }
  return import(sourceUrl);
}
