import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { contentSecurityPolicy, contentTypes } from '../../shared/web-content';
import { appScheme, resolveAppFile } from './app-origin';

/**
 * Must run before the app is ready. `standard` gives the scheme an origin (so CSP 'self', storage
 * and permission checks work), `secure` lets the page use the camera, and fetch/CORS support lets
 * Vite's `<script type="module" crossorigin>` load.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer (dist/renderer) at app://counter/. Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const fetched = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(fetched.headers);
    headers.set('content-type', contentTypes[extname(file)] ?? fetched.headers.get('content-type') ?? '');
    headers.set('content-security-policy', contentSecurityPolicy);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('cache-control', 'no-cache');
    return new Response(fetched.body, { status: fetched.status, headers });
  });
}
