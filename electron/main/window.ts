import { BrowserWindow, type Session, shell, type WebContents } from 'electron';
import { appStartUrl, isAppUrl } from './app-origin';

export type WindowOptions = { preload: string; icon?: string };

/** The cashier's window: isolated, sandboxed, showing only the app's own pages. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Counter',
    icon: options.icon,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appStartUrl);
  return window;
}

/**
 * Applied to every web contents the app creates (windows, print windows): nothing navigates away
 * from the app or opens a window; https links go to the OS browser instead.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

function openOutside(url: string): void {
  try {
    if (new URL(url).protocol === 'https:') void shell.openExternal(url);
  } catch {
    // Not a URL at all: there is nothing to open.
  }
}

/** The camera (for scanning vouchers) for the app's own pages; every other permission is refused. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const videoOnly =
      'mediaTypes' in details &&
      (details.mediaTypes ?? []).length > 0 &&
      details.mediaTypes?.every((t) => t === 'video');
    callback(permission === 'media' && videoOnly === true && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === 'media' && details.mediaType !== 'audio' && isAppUrl(requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
