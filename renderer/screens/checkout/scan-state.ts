import type { Product } from '../../../shared/contract/catalog';

/** What the Scanned panel shows: the last code scanned or product picked, or why nothing was found. */
export type ScanState =
  | { kind: 'found'; product: Product; code: string }
  | { kind: 'picked'; product: Product }
  | { kind: 'missing'; code: string }
  | { kind: 'failed'; message: string }
  | null;
