// Bundles the Electron shell into dist-electron/: main.mjs (ESM, Node), preload.cjs (CommonJS,
// because a sandboxed preload cannot load modules) and the SQL migrations main.mjs hands the core.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist-electron');
const migrationsSource = join(root, 'electron', 'core', 'db', 'migrations');

rmSync(out, { recursive: true, force: true });

await Promise.all([
  build({
    entryPoints: [join(root, 'electron', 'main', 'main.ts')],
    outfile: join(out, 'main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // better-sqlite3 loads its native addon relative to its own folder, so it stays in node_modules.
    external: ['electron', 'better-sqlite3'],
    // Bundled CommonJS dependencies may call require(); an ES module has none unless given one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    sourcemap: true,
    logLevel: 'warning',
  }),
  build({
    entryPoints: [join(root, 'electron', 'preload', 'preload.ts')],
    outfile: join(out, 'preload.cjs'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
    // The contract brings zod with it; minified, every window parses less before the page runs.
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  }),
]);

mkdirSync(join(out, 'migrations'), { recursive: true });
const migrations = readdirSync(migrationsSource).filter((name) => name.endsWith('.sql'));
for (const name of migrations) copyFileSync(join(migrationsSource, name), join(out, 'migrations', name));

console.log(`dist-electron/: main.mjs, preload.cjs, ${migrations.length} migration(s)`);
