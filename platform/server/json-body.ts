import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';
import { MAX_JSON_DEPTH } from './body-limits';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `max`: one pass over the bytes counting
 * brackets outside strings, with no recursion, so a body nested 100,000 deep is measured in
 * constant stack. Bytes of multi-byte UTF-8 characters are all ≥ 0x80 and never look like syntax.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return false;
}

/**
 * The one body parser: JSON only (anything else is refused with 415 rather than half-understood).
 * `beforeParse` runs once the whole body is in and before a byte of it is parsed: a signed request's
 * signature is checked there, so a forged body is never parsed.
 */
export function installJsonParser(app: FastifyInstance, beforeParse: (request: FastifyRequest) => Promise<void>): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, async (request: FastifyRequest, body: Buffer) => {
    await beforeParse(request);
    if (body.length === 0) return undefined;
    // JSON.parse itself copes with deep nesting, but what walks the result afterwards recurses.
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw new ApiError(400, 'body_invalid');
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw new ApiError(400, 'body_invalid');
    }
  });
  // An answer sent before the body was all received (a refusal from the headers alone, a 413) ends
  // the connection: kept open, Node would read and discard the rest of the body, however large.
  app.addHook('onSend', async (request, reply) => {
    if (!request.raw.complete) reply.header('connection', 'close');
  });
}
