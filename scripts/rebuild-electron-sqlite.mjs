// Builds better-sqlite3 for Electron's ABI into native/electron/better-sqlite3/, beside (never over)
// the Node build in node_modules that vitest, tsx and the browser host load. main.mjs passes the
// result to the core as `nativeBinding`; electron-builder ships it as resources/native/.
// Needs the network: a prebuilt binary from better-sqlite3's releases, else Electron's headers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

const electronVersion = JSON.parse(readFileSync(join(packageDir('electron'), 'package.json'), 'utf8')).version;
const source = packageDir('better-sqlite3');
const target = join(root, 'native', 'electron', 'better-sqlite3');
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
const arch = process.env.npm_config_arch || process.arch;

function run(command, args) {
  console.log(`> ${[command, ...args].map((part) => part.replace(root, '')).join(' ')}`);
  return spawnSync(command, args, { cwd: target, stdio: 'inherit' }).status === 0;
}

rmSync(target, { recursive: true, force: true });
cpSync(source, target, {
  recursive: true,
  // The Node build must not come along: a stale binary of the wrong ABI is worse than none.
  filter: (path) => !path.slice(source.length).split(sep).includes('build'),
});

const fetched = run(process.execPath, [
  join(packageDir('prebuild-install'), 'bin.js'),
  '--runtime',
  'electron',
  '--target',
  electronVersion,
  '--arch',
  arch,
  '--platform',
  process.platform,
]);
const built =
  fetched ||
  run(process.execPath, [
    join(packageDir('node-gyp'), 'bin', 'node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);

if (!built || !existsSync(binary)) {
  rmSync(target, { recursive: true, force: true });
  console.error(`Could not build better-sqlite3 for Electron ${electronVersion}; see docs/electron.md.`);
  process.exit(1);
}
console.log(`better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch}): ${relative(root, binary)}`);
