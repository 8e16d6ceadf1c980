import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppEvent, CallRequest, Envelope } from '../../shared/contract';
import { AppError, type ErrorCode, errorMessage } from '../../shared/errors';
import { pickLocale } from '../../shared/locale';
import { serveStatic } from './static-files';

export type HostCore = {
  call(request: CallRequest): Promise<Envelope<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
};

export type HostOptions = { core: HostCore; token: string; staticDir: string; maxBodyBytes?: number };

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/**
 * The browser host: the same dispatcher as Electron's IPC, over loopback HTTP. Guarded by a
 * per-launch token (every /api/ request) and a Host check (no DNS-rebinding from other sites).
 */
export function createHostServer(options: HostOptions): Server {
  // A 5-million-character CSV of Chinese names is about 15 MB of UTF-8; leave room for JSON escapes.
  const maxBody = options.maxBodyBytes ?? 24 * 1024 * 1024;
  const server = createServer((request, response) => {
    if (!hostAllowed(request, server)) return response.writeHead(403, { 'content-type': 'text/plain' }).end('host');
    const url = parseTarget(request.url);
    if (!url) return response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request target');
    const locale = pickLocale(request.headers['accept-language']);
    const refuse = (status: number, code: ErrorCode, params = {}) =>
      sendJson(response, status, { ok: false, error: { code, message: errorMessage(code, params, locale) } });

    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return response.writeHead(405).end();
      return serveStatic(options.staticDir, url.pathname, response);
    }
    const isEvents = url.pathname === '/api/events' && request.method === 'GET';
    // EventSource cannot send headers, so the event stream alone takes the token in its URL.
    const presented = request.headers['x-counter-token'] ?? (isEvents ? url.searchParams.get('token') : null) ?? '';
    if (!sameToken(String(presented), options.token)) return refuse(401, 'host_token_invalid');
    if (isEvents) return streamEvents(options.core, request, response);
    if (request.method !== 'POST') return response.writeHead(405, { allow: 'POST' }).end();
    const method = safeDecode(url.pathname.slice('/api/'.length));
    readBody(request, maxBody)
      .then(async (body) => {
        const call = parseCall(body);
        sendJson(
          response,
          200,
          await options.core.call({
            method,
            input: call.input,
            sessionToken: call.sessionToken,
            approval: call.approval,
            locale: call.locale ?? locale,
          }),
        );
      })
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'payload_too_large') {
          return refuse(413, 'payload_too_large', { limit: `${maxBody / 1024 / 1024} MB` });
        }
        if (error instanceof AppError) return refuse(400, error.code, error.params);
        return refuse(500, 'internal', { ref: 'http' });
      });
  });
  return server;
}

/** Request targets come from any local process; a malformed one must not take the host down. */
function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function hostAllowed(request: IncomingMessage, server: Server): boolean {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = request.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type CallBody = Pick<CallRequest, 'input' | 'sessionToken' | 'approval' | 'locale'>;

function parseCall(body: string): CallBody {
  let parsed: unknown;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    throw new AppError('invalid_input', { detail: 'body is not JSON' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('invalid_input', { detail: 'body must be a JSON object' });
  }
  const call = parsed as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const approval = call.approval as CallRequest['approval'];
  return {
    input: call.input ?? {},
    sessionToken: text(call.sessionToken),
    approval: approval && typeof approval === 'object' ? approval : null,
    locale: text(call.locale),
  };
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new AppError('payload_too_large'));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, jsonHeaders).end(JSON.stringify(body));
}

function streamEvents(core: HostCore, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = core.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), 25_000);
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
