import { AppError, type ErrorCode, type ErrorParams, errorCodes } from '../../../shared/errors';
import type { PlatformRefusal } from '../sync/platform-ask';
import { momentText } from './voucher-text';

const known = new Set<string>(errorCodes);

/**
 * The platform's refusal as the error the cashier reads. Times come as unix ms and are shown in
 * the store's time zone; a code this till has no words for is reported as an unknown voucher
 * rather than passed through unread.
 */
export function platformRefusalError(refusal: PlatformRefusal, timeZone: string): AppError {
  const params: ErrorParams = { ...refusal.params };
  for (const key of ['at', 'from']) {
    const value = params[key];
    if (typeof value === 'number') params[key] = momentText(value, timeZone);
  }
  // The same redemption id was sent before with another cart (the amount changed): the cashier
  // removes the coupon and scans it again, which gives the attempt a new id.
  if (refusal.code === 'idempotency_mismatch') {
    return new AppError('id_reused', { what: { en: 'voucher redemption', 'zh-CN': '核销' } });
  }
  if (!known.has(refusal.code)) return new AppError('voucher_unknown', {}, { platformCode: refusal.code });
  return new AppError(refusal.code as ErrorCode, params);
}
