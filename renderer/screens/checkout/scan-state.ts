import type { Product } from '../../../shared/contract/catalog';
import type { Quantity } from '../../../shared/pricing/cart';

/** What the strip under the scan field says about the last code or pick: added, or why not. */
export type ScanState =
  | { kind: 'added'; product: Product; code: string | null; quantity: Quantity }
  | { kind: 'inactive'; product: Product }
  | { kind: 'missing'; code: string }
  | { kind: 'failed'; message: string }
  /** Something done to the sale as a whole: parked, resumed, cleared. */
  | { kind: 'note'; text: string }
  | null;
