import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors';
import { type SessionOwner, sessionOwner } from '../owners/owner-sessions';
import type { PlatformContext } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    /** The owner whose session token came with the request; set before the body is read. */
    owner: SessionOwner | null;
  }
}

const TOKEN = /^Bearer ([A-Za-z0-9_-]{43})$/;

/**
 * An owner's route takes `Authorization: Bearer <session token>` and nothing else: not the admin
 * token, not a device's signature. One indexed read, before a byte of the body; every refusal is
 * the same 401, so it tells a stranger nothing about which tokens exist.
 */
export async function requireOwner(request: FastifyRequest, context: PlatformContext): Promise<SessionOwner> {
  const match = TOKEN.exec(request.headers.authorization ?? '');
  const owner = match ? await sessionOwner(context.sql, match[1], context.now()) : null;
  if (!owner) throw new ApiError(401, 'owner_session_invalid');
  request.owner = owner;
  return owner;
}
