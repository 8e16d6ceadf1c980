import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy, contentTypes } from '../../shared/web-content';

/** Serves the built renderer; unknown paths without an extension get index.html (client routes). */
export function serveStatic(root: string, urlPath: string, response: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root + sep) && file !== root) {
    response.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(relative) !== '') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    file = join(root, 'index.html');
  }
  if (!existsSync(file)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The screens are not built yet: run `npm run build:renderer`, then reload.');
    return;
  }
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = contentSecurityPolicy;
    headers['referrer-policy'] = 'no-referrer';
  }
  const stream = createReadStream(file);
  // The file can vanish between the check and the read (a rebuild while the host runs).
  stream.on('error', () => response.destroy());
  stream.once('open', () => {
    response.writeHead(200, headers);
    stream.pipe(response);
  });
}
