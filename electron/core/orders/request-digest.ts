import { createHash } from 'node:crypto';

/**
 * A fingerprint of what a client asked for under an id: a retry with the same id and the same
 * request is answered with the first result, the same id with another request is refused.
 */
export function requestDigest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}
