import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, pickLocale } from '../../shared/locale';
import { type ErrorCode, type MessageParams, messageFor } from '../../shared/sync/platform-messages';
import { sqlState } from '../db/sql';
import { ApiError } from '../errors';
import { wordedSize } from './body-limits';

export function requestLocale(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

// Times in refusals (`at`, `from`) travel as epoch ms for the till to word; people read a date.
const timeKeys = new Set(['at', 'from']);

/** The parameters as a message shows them: times as `2026-11-27 21:15 UTC`. */
export function wordedParams(params: MessageParams | undefined): MessageParams | undefined {
  if (!params) return params;
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) =>
      timeKeys.has(key) && typeof value === 'number'
        ? [key, `${new Date(value).toISOString().slice(0, 16).replace('T', ' ')} UTC`]
        : [key, value],
    ),
  );
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, params?: MessageParams) {
  return reply.code(status).send({
    error: {
      code,
      message: messageFor(code, requestLocale(request), wordedParams(params)),
      ...(params && Object.keys(params).length > 0 ? { params } : {}),
    },
  });
}

// Fastify's own refusals of a request, by its error code.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'content_type_unsupported',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'body_invalid',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body_invalid',
};

/**
 * Every refusal is `{ error: { code, message } }` in the caller's language (Accept-Language zh* →
 * Chinese). The caller's mistakes are 4xx; only the platform's own failures are 500.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'not_found'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return send(request, reply, error.status, error.code, error.params);
    // Class 22: a value PostgreSQL cannot hold, such as a NUL character in a name.
    if (sqlState(error)?.startsWith('22')) {
      return send(request, reply, 400, 'request_invalid', { detail: 'a value cannot be stored' });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(request, reply, 413, 'body_too_large', { limit: wordedSize(request.routeOptions.bodyLimit) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = fastifyCodes[error.code] ?? 'request_invalid';
      return send(request, reply, status, code, { detail: error.message });
    }
    request.log.error(error);
    return send(request, reply, 500, 'internal');
  });
}
