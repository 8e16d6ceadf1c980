import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time check of `Authorization: Bearer <admin token>`; hashing first evens out the lengths. */
export function requireAdmin(request: FastifyRequest, adminToken: string): void {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match || !timingSafeEqual(digest(match[1]), digest(adminToken))) throw new ApiError(401, 'admin_token_invalid');
}
