import { PUSH_BODY_MAX_BYTES } from '../../shared/sync/wire';

// Sizes here and in refusals count 1 MB as 1,048,576 bytes.
const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The most a request body may hold, by who may send it; each sized from what its callers really
 * send (docs/platform-http.md). A body past its route's limit is refused with 413 `body_too_large`,
 * before it is read when its Content-Length says so. A route that names no limit gets `public`.
 */
export const bodyLimits = {
  /** Pairing: a code, a public key and a device name, well under 1 KB even with every character escaped. */
  public: 16 * KiB,
  /** Signed redemption calls: a scanned code of at most 2,000 characters and a few ids. */
  device: 64 * KiB,
  /** The till's push; shared with the till, which splits its batches to stay under it. */
  push: PUSH_BODY_MAX_BYTES,
  /**
   * The admin token's routes. The largest is a catalog call of 5,000 products: 1.2 MB for products
   * like the demo catalog's, 16.2 MB with every field at its maximum in Chinese, 24.8 MB with every
   * character escaped. The admin is known before the body is read.
   */
  admin: 32 * MiB,
} as const;

/** A limit as people read it: `4 MB`, `16 KB`. */
export function wordedSize(bytes: number): string {
  return bytes >= MiB ? `${+(bytes / MiB).toFixed(1)} MB` : `${+(bytes / KiB).toFixed(1)} KB`;
}

/** How deeply arrays and objects may nest in a JSON body; the deepest real body nests about eight. */
export const MAX_JSON_DEPTH = 64;
