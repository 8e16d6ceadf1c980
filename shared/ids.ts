import { z } from 'zod';

/**
 * UUIDv7: 48-bit millisecond timestamp, then random bits. Generated on the device that creates the
 * record, so ids sort by creation time and double as idempotency keys across sync.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let time = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const uuid = z.uuid();
export const StaffId = uuid.brand<'StaffId'>();
export type StaffId = z.infer<typeof StaffId>;
export const ProductId = uuid.brand<'ProductId'>();
export type ProductId = z.infer<typeof ProductId>;
export const CategoryId = uuid.brand<'CategoryId'>();
export type CategoryId = z.infer<typeof CategoryId>;
export const StoreId = uuid.brand<'StoreId'>();
export type StoreId = z.infer<typeof StoreId>;
/** An order's id is its cart's id from the first scan, so it is the idempotency key of the payment. */
export const OrderId = uuid.brand<'OrderId'>();
export type OrderId = z.infer<typeof OrderId>;
export const RefundId = uuid.brand<'RefundId'>();
export type RefundId = z.infer<typeof RefundId>;
export const ShiftId = uuid.brand<'ShiftId'>();
export type ShiftId = z.infer<typeof ShiftId>;
export const CashMovementId = uuid.brand<'CashMovementId'>();
export type CashMovementId = z.infer<typeof CashMovementId>;
/** A member of a brand (DOMAIN.md, Members): minted by the platform, one person online and offline. */
export const MemberId = uuid.brand<'MemberId'>();
export type MemberId = z.infer<typeof MemberId>;
/** One movement of a member's points journal: its idempotency key wherever it is recorded. */
export const PointsMovementId = uuid.brand<'PointsMovementId'>();
export type PointsMovementId = z.infer<typeof PointsMovementId>;
