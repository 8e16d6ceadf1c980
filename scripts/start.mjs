// `npm start`: Counter in Electron when Electron can run here, else in the browser via the host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `node scripts/start.mjs -- --demo` keeps the separator that `npm start -- --demo` swallows.
const extraArgs = process.argv.slice(process.argv[2] === '--' ? 3 : 2);
const onWindows = process.platform === 'win32';
const electronSqlite = join(root, 'native', 'electron', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * The executable the `electron` package points at, if it is there and runs. Deliberately not
 * `require('electron')`: that starts a download when the binary is missing, which hangs here.
 */
function electronExecutable() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const executable = join(distDir, relative);
  if (!existsSync(executable)) return null;
  const probe = spawnSync(executable, ['--version'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return probe.status === 0 && /^v\d+/.test(probe.stdout.trim()) ? executable : null;
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: onWindows });
  return result.status === 0;
}

/** Runs the child in the foreground: our signals go to it, its exit code becomes ours. */
function handOver(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function rendererIsStale() {
  const built = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['renderer', 'shared', 'vite.config.ts', 'index.html']
    .map((name) => join(root, name))
    .filter((path) => existsSync(path));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Where the OS keeps per-user app data; the same folder Electron's app.getPath('userData') uses. */
function appDataDir() {
  if (process.platform === 'win32') return process.env.APPDATA || join(homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

function startElectron(executable) {
  if (!run('npm', ['run', 'build'])) process.exit(1);
  handOver(executable, ['.', ...extraArgs]);
}

function startBrowserHost() {
  if (rendererIsStale()) {
    console.log('Building the screens (vite build)…');
    if (!run('npx', ['vite', 'build'])) process.exit(1);
  }
  const dataDir = join(appDataDir(), 'Counter');
  // tsx as a loader, not its CLI: one child process, so signals and the exit code pass straight through.
  handOver(process.execPath, [
    '--import',
    'tsx',
    join('electron', 'host', 'main.ts'),
    '--data-dir',
    dataDir,
    '--port',
    '5310',
    ...extraArgs,
  ]);
}

function electronSqliteReady() {
  if (existsSync(electronSqlite)) return true;
  console.log('Building the database module for Electron (first launch only)…');
  return run(process.execPath, [join('scripts', 'rebuild-electron-sqlite.mjs')]);
}

const executable = electronExecutable();
if (executable && hasDisplay() && electronSqliteReady()) {
  startElectron(executable);
} else {
  const reason = !executable
    ? "Electron's binary is not installed on this machine (it is downloaded on first launch and this machine cannot reach its release host)."
    : !hasDisplay()
      ? 'There is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset).'
      : 'The database module could not be built for Electron (see docs/electron.md).';
  console.log(`${reason} Starting Counter in your browser instead:`);
  startBrowserHost();
}
