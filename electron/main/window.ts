import { app, BrowserWindow, type Session, shell, type WebContents } from 'electron';
import { appStartUrl, frameMayNavigate, isAppUrl, outsideLink } from './app-origin';

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
      // A packaged till has no developer tools: nobody at the counter pokes at the page or its bridge.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appStartUrl);
  return window;
}

/**
 * Applied to every web contents the app creates (windows, print windows): no frame navigates away
 * from the app, no window opens, no <webview> attaches; https links go to the OS browser instead.
 * Navigations the app starts itself (`loadURL`, the receipt's data: page) raise none of these.
 */
export function guardWebContents(contents: WebContents): void {
  // Every frame, the main one included: an iframe cannot bring in another origin either.
  contents.on('will-frame-navigate', (event) => {
    if (!frameMayNavigate(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

function openOutside(url: string): void {
  const link = outsideLink(url);
  if (link) void shell.openExternal(link);
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
