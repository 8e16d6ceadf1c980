import { sign } from 'node:crypto';
import { encodeFeedbackRef, feedbackSigned, feedbackUrl } from '../../../shared/feedback/feedback-ref';
import type { PlatformLink } from '../sync/sync-runtime';

/**
 * The rating page's address for an order, signed with this till's device key so the platform can
 * tell it came from here, offline or not; null while the till is not paired. Ed25519 is
 * deterministic: a reprint carries the very same link.
 */
export function feedbackLinkFor(link: PlatformLink | null, orderId: string): string | null {
  if (!link) return null;
  const claim = { deviceId: link.deviceId, orderId };
  const signature = sign(null, feedbackSigned(claim), link.key.privateKey);
  return feedbackUrl(link.baseUrl, encodeFeedbackRef(claim, signature));
}
