import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

export const appScheme = 'app';
export const appHost = 'counter';
export const appOrigin = `${appScheme}://${appHost}`;
export const appStartUrl = `${appOrigin}/`;

/** True only for the app's own pages: the renderer served by the app protocol. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
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
