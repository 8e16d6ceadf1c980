import type { Product } from '../../../shared/contract/catalog';
import type { ScannedVoucher } from '../../../shared/contract/vouchers';
import type { Quantity } from '../../../shared/pricing/cart';

/** What the strip under the scan field says about the last code or pick: added, or why not. */
export type ScanState =
  | { kind: 'added'; product: Product; code: string | null; quantity: Quantity }
  | { kind: 'inactive'; product: Product }
  | { kind: 'missing'; code: string }
  | { kind: 'failed'; message: string }
  /** A voucher code went to the core to be checked. */
  | { kind: 'checking' }
  /** A voucher was checked and went on the sale as a coupon. */
  | { kind: 'coupon'; voucher: ScannedVoucher }
  /** Something done to the sale as a whole: parked, resumed, cleared. */
  | { kind: 'note'; text: string }
  | null;
