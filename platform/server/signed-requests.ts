import { createHash, type Hash } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { ApiError } from '../errors';
import { requireAdmin } from './admin-auth';
import { bodyLimits } from './body-limits';
import type { PlatformContext } from './context';
import { checkSignatureClaim, type SignatureClaim, type SignedDevice, verifySignature } from './device-auth';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set from the headers before the body is read; the signature over the body is not checked yet. */
    signatureClaim: SignatureClaim | null;
    /** SHA-256 of the body, fed as it streams in. */
    bodyDigest: Hash | null;
    /** The device whose signature verified; null until it has. */
    signedDevice: SignedDevice | null;
  }
}

export function decorateSignedRequests(app: FastifyInstance): void {
  app.decorateRequest('signatureClaim', null);
  app.decorateRequest('bodyDigest', null);
  app.decorateRequest('signedDevice', null);
}

/** Passes the body through unchanged while hashing it, so no second pass over the bytes is needed. */
function digesting(payload: Readable, digest: Hash): Readable {
  const through = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      digest.update(chunk);
      callback(null, chunk);
    },
  });
  // A client that hangs up mid-body fails `through` too, and the parser reading it answers 400.
  pipeline(payload, through, () => undefined);
  return through;
}

/**
 * Verifies a signed request's signature once its body is all in, with the digest taken as it
 * streamed, and records its nonce. Runs at most once: from the body parser before JSON.parse, or,
 * for a request without a body, before validation.
 */
export async function finishSignature(context: PlatformContext, request: FastifyRequest): Promise<void> {
  const claim = request.signatureClaim;
  if (!claim || request.signedDevice) return;
  const digest = (request.bodyDigest ?? createHash('sha256')).digest('hex');
  request.signedDevice = await verifySignature(context.sql, request, claim, digest);
}

/**
 * Route options for a device-signed route: the headers, the device and the timestamp are checked
 * in `onRequest`, before the body is read, so an unknown device or a stale or unsigned request is
 * refused without reading it; the body, capped at `bodyLimit`, is hashed as it streams; the
 * signature is verified before it is parsed. `orAdmin`: the admin token is taken instead.
 */
export function deviceSigned(
  context: PlatformContext,
  options: { bodyLimit?: number; orAdmin?: boolean } = {},
): RouteShorthandOptions {
  return {
    bodyLimit: options.bodyLimit ?? bodyLimits.device,
    onRequest: async (request) => {
      if (options.orAdmin && request.headers.authorization !== undefined) {
        return requireAdmin(request, context.adminToken);
      }
      request.signatureClaim = await checkSignatureClaim(context.sql, request, context.now());
    },
    preParsing: async (request, _reply, payload) => {
      // Only a body that will be read is hashed; a GET's stays unread, and it signs the empty body.
      if (!request.signatureClaim || request.method === 'GET' || request.method === 'HEAD') return payload;
      request.bodyDigest = createHash('sha256');
      return digesting(payload, request.bodyDigest);
    },
    preValidation: async (request) => finishSignature(context, request),
  };
}

/** The device that signed this request; the route's hooks have verified it before the handler runs. */
export function signedDevice(request: FastifyRequest): SignedDevice {
  if (!request.signedDevice) throw new ApiError(401, 'signature_missing');
  return request.signedDevice;
}
