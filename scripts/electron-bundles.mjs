// The esbuild settings of what Electron runs, shared by scripts/build-electron.mjs and the tests
// that build a bundle on their own (tests/unit/preload-bundle.test.ts,
// tests/integration/platform-bundle.test.ts), so both check the same thing.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** A preload is parsed before every page; VS Code's is a few KB. Ours carries method names only. */
export const preloadLimitBytes = 16 * 1024;

/**
 * Where the platform bundle goes under dist-electron/. One folder down, beside `migrations/`, as in
 * the source tree: platform/db/migrate.ts finds its SQL at `new URL('../migrations/', import.meta.url)`.
 */
export const platformEntry = join('platform', 'server', 'demo-platform.mjs');

/** main.mjs: ESM for Electron's Node; better-sqlite3 loads its addon from its own folder, so stays out. */
export function mainOptions(out) {
  return {
    entryPoints: [join(root, 'electron', 'main', 'main.ts')],
    outfile: join(out, 'main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    // Bundled CommonJS dependencies may call require(); an ES module has none unless given one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
}

/** report-worker.mjs: the reports' thread, beside main.mjs, built the same way. */
export function reportWorkerOptions(out) {
  return {
    ...mainOptions(out),
    entryPoints: [join(root, 'electron', 'core', 'reports', 'report-worker.ts')],
    outfile: join(out, 'report-worker.mjs'),
  };
}

/** preload.cjs: CommonJS, because a sandboxed preload cannot load modules; `electron` is provided. */
export function preloadOptions(out) {
  return {
    entryPoints: [join(root, 'electron', 'preload', 'preload.ts')],
    outfile: join(out, 'preload.cjs'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * The demo platform (electron/host/demo-platform-child.ts and the platform/ it starts) as one ES
 * module for Electron's utilityProcess or plain Node: no tsx, no TypeScript at run time. Every npm
 * package stays external and is loaded from node_modules, which electron-builder packs from
 * `dependencies`: PGlite reads its .wasm and .data files beside its own module, and pg may look
 * for an optional native addon, neither of which survives bundling. Node 20 is the floor (the
 * tests run it there); Electron 45 brings Node 22.
 */
export function platformOptions(out) {
  return {
    entryPoints: [join(root, 'electron', 'host', 'demo-platform-child.ts')],
    outfile: join(out, platformEntry),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
}

function copySql(from, to) {
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from).filter((name) => name.endsWith('.sql'));
  for (const name of files) copyFileSync(join(from, name), join(to, name));
  return files.length;
}

/** The core's SQLite migrations, which main.mjs hands the core from dist-electron/migrations/. */
export function copyCoreMigrations(out) {
  return copySql(join(root, 'electron', 'core', 'db', 'migrations'), join(out, 'migrations'));
}

/** The platform bundle and its PostgreSQL migrations; returns esbuild's result (with the metafile). */
export async function buildPlatform(out) {
  const result = await build(platformOptions(out));
  copySql(join(root, 'platform', 'migrations'), join(out, 'platform', 'migrations'));
  return result;
}

/** The output's size and every input that came from node_modules: what the preload must not carry. */
export function preloadProblems(metafile) {
  const problems = [];
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    if (output.bytes > preloadLimitBytes) {
      problems.push(`${file} is ${output.bytes} bytes, over the ${preloadLimitBytes}-byte budget`);
    }
    const packages = Object.keys(output.inputs).filter((input) => input.includes('node_modules/'));
    if (packages.length > 0) problems.push(`${file} bundles ${packages.slice(0, 5).join(', ')}`);
  }
  return problems;
}

/** The npm packages a bundle imports at run time (not Node's own modules), by package name. */
export function externalPackages(metafile) {
  const names = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const entry of output.imports ?? []) {
      if (!entry.external || entry.path.startsWith('node:') || builtinModules.includes(entry.path)) continue;
      const parts = entry.path.split('/');
      names.add(entry.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return [...names].sort();
}
