import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

export const appScheme = 'app';
export const appHost = 'counter';
export const appOrigin = `${appScheme}://${appHost}`;
export const appStartUrl = `${appOrigin}/`;

/**
 * True only for pages of `origin` (by default the renderer served by the app protocol): the
 * navigation guards, the IPC sender check and the camera permission all ask this. Compared part by
 * part because `app:` is no special scheme to the URL parser, whose `origin` is then "null".
 * A user name or password in the URL is refused: the app's own links never carry one.
 */
export function isAppUrl(url: string, origin: string = appOrigin): boolean {
  try {
    const parsed = new URL(url);
    const own = new URL(origin);
    return (
      parsed.protocol === own.protocol &&
      parsed.host === own.host &&
      own.host !== '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * Whether a frame may go to `url` when the page asks (`will-frame-navigate`): only to the app's own
 * pages, except that a subframe may also become `about:srcdoc` or `about:blank`. The receipt
 * preview and the print frames are srcdoc frames; such a document loads nothing by itself and
 * stays under the page's CSP.
 */
export function frameMayNavigate(url: string, isMainFrame: boolean, origin: string = appOrigin): boolean {
  if (isAppUrl(url, origin)) return true;
  return !isMainFrame && (url === 'about:srcdoc' || url === 'about:blank');
}

/** A link the OS browser may open instead: https only, never file:, javascript: or a custom scheme. */
export function outsideLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Maps an app:// URL to a file under `root`, or null. URL parsing already folds `..` segments, but
 * an encoded slash or backslash survives it and decodes into one, so the decoded path is checked
 * again after resolving. Paths without an extension are client routes and get index.html.
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  if (isFile(file)) return file;
  if (extname(file) !== '') return null;
  const index = resolve(base, 'index.html');
  return isFile(index) ? index : null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
