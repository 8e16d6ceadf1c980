import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, Menu, safeStorage, session } from 'electron';
import { pickLocale } from '../../shared/locale';
import { type CounterCore, fillDemoStoreIfEmpty, openCounterCore } from '../core/counter-core';
import { ownerSessionFile } from '../core/head-office/owner-session';
import { runDemoPlatform } from '../host/demo-platform';
import { isAppUrl } from './app-origin';
import { appPaths } from './app-paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { forkPlatformBundle } from './demo-platform-process';
import { registerCounterIpc } from './ipc-registration';
import { printHtml } from './printing';
import { sealedDeviceKeyStore } from './sealed-device-key';
import { loadSealedDeviceSecret } from './sealed-device-secret';
import { sealedSecretFile } from './sealed-secret-file';
import { createMainWindow, guardWebContents, restrictPermissions } from './window';

const paths = appPaths(dirname(fileURLToPath(import.meta.url)), app.isPackaged, process.resourcesPath);
const windows = new Set<BrowserWindow>();

registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = windows;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => fail(error));
}

let closing = false;
let closed = false;

function start(): void {
  const core = openCore();
  if (!core) return;
  if (process.argv.includes('--demo')) {
    const problem = fillDemoStoreIfEmpty(core, pickLocale(app.getLocale()));
    if (problem) console.error(`Could not create the demo store: ${problem}`);
  }
  // The default menu offers reload and developer tools; macOS keeps it for copy and paste.
  if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
  restrictPermissions(session.defaultSession);
  serveRenderer(paths.rendererDir);
  const unregister = registerCounterIpc(
    ipcMain,
    core,
    (frameUrl) => isAppUrl(frameUrl),
    (channel, event) => {
      for (const window of windows) {
        if (isAppUrl(window.webContents.getURL())) window.webContents.send(channel, event);
      }
    },
    (html, width) => printHtml(html, { paper: width === '58' ? '58mm' : '80mm', silent: false }),
  );
  // As in the browser host: the platform runs while the till holds the demo store (from launch, or
  // once "Try the demo store" made it), here as the built bundle in a utility process.
  const demoPlatform =
    process.env.COUNTER_DEMO_PLATFORM === '0'
      ? null
      : runDemoPlatform(core, { dataDir: app.getPath('userData'), start: forkPlatformBundle(paths.platformBundle) });
  app.on('will-quit', (event) => {
    // The sync may be mid-write; quit once it has stopped and the database is closed.
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    unregister();
    Promise.all([demoPlatform?.stop(), core.close()]).finally(() => {
      closed = true;
      app.quit();
    });
  });
  const window = createMainWindow({ preload: paths.preload, icon: paths.icon });
  windows.add(window);
  window.on('closed', () => windows.delete(window));
}

function openCore(): CounterCore | null {
  const dataDir = app.getPath('userData');
  try {
    return openCounterCore({
      dataDir,
      migrationsDir: paths.migrationsDir,
      resourcesDir: paths.resourcesDir,
      nativeBinding: paths.nativeBinding,
      deviceSecret: (storeInUse) => loadSealedDeviceSecret(dataDir, safeStorage, { storeInUse }),
      sync: { keyStore: sealedDeviceKeyStore(dataDir, safeStorage) },
      ownerSession: sealedSecretFile(dataDir, ownerSessionFile, safeStorage),
      // Built beside main.mjs by scripts/build-electron.mjs.
      reportWorker: { url: new URL('./report-worker.mjs', import.meta.url) },
    });
  } catch (error) {
    fail(error);
    return null;
  }
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)
    ? '\n\nThe database module is built for Node, not for Electron. Run `node scripts/rebuild-electron-sqlite.mjs` (see docs/electron.md).'
    : '';
  dialog.showErrorBox('Counter cannot start', `${message}${hint}`);
  app.exit(1);
}
