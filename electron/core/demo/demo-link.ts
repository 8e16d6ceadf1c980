import type { StoreInfo } from '../../../shared/contract/store';
import type { SampleVoucher } from '../../../shared/contract/vouchers';
import type { CatalogItem } from '../../../shared/sync/wire';
import type { CounterCore } from '../counter-core';
import { readStore } from '../store/store-records';
import { movePairing, readPairing, writePairingRequest } from '../sync/sync-records';
import { type AdminRequest, issueDemoVouchers } from './demo-vouchers';

export type { AdminRequest } from './demo-vouchers';

/*
 * What the demo's platform loop needs of the till's data. The shells run that loop (the process,
 * the HTTP, the timers) but never hold the database: every read and write of it is here.
 */

/** The store on this till when it is the demo store: the demo's platform serves no other. */
export function readDemoStore(core: CounterCore): StoreInfo | null {
  const store = readStore(core.environment.db, Date.now());
  return store?.demo ? store : null;
}

/**
 * Points the till at the demo platform. A till already paired keeps its device and key and only
 * follows the platform to its new address; otherwise it asks for a code and pairs in the background.
 */
export async function pairWithDemoPlatform(
  core: CounterCore,
  platformUrl: string,
  requestCode: () => Promise<string>,
): Promise<void> {
  const db = core.environment.db;
  if (readPairing(db)) movePairing(db, platformUrl);
  else writePairingRequest(db, { platformUrl, code: await requestCode(), at: Date.now() });
  core.environment.sync.retryNow();
}

type CatalogRow = {
  sku: string;
  plu: string | null;
  name_zh: string;
  name_en: string;
  category_zh: string;
  category_en: string;
  price: number;
  tax_rate_bp: number;
  unit: string;
  active: number;
  listed_online: number;
  /** The product's barcodes joined with `|`, or null when it has none. */
  barcodes: string | null;
};

function catalogItemOf(row: CatalogRow): CatalogItem {
  return {
    sku: row.sku,
    barcodes: row.barcodes ? row.barcodes.split('|') : [],
    plu: row.plu,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    categoryZh: row.category_zh,
    categoryEn: row.category_en,
    price: row.price,
    taxRateBp: row.tax_rate_bp,
    unit: row.unit === 'kg' ? 'kg' : 'each',
    active: row.active === 1,
    listedOnline: row.listed_online === 1,
  };
}

/** The till's whole catalog as the platform takes it, for the demo store created there. */
export function readDemoCatalog(core: CounterCore): CatalogItem[] {
  const rows = core.environment.db
    .prepare(
      `SELECT p.sku, p.plu, p.name_zh, p.name_en, c.name_zh AS category_zh, c.name_en AS category_en, p.price,
         p.tax_rate_bp, p.unit, p.active, p.listed_online,
         (SELECT group_concat(barcode, '|') FROM product_barcodes b WHERE b.product_id = p.id) AS barcodes
       FROM products p JOIN categories c ON c.id = p.category_id`,
    )
    .all() as CatalogRow[];
  return rows.map(catalogItemOf);
}

/** Up to three things a pretend customer may order online, skipping what the till marked sold out. */
export function pickDemoOrderSkus(core: CounterCore): string[] {
  return core.environment.db
    .prepare(
      `SELECT sku FROM products WHERE active = 1 AND listed_online = 1 AND sold_out = 0 AND unit = 'each' AND price > 0
       ORDER BY random() LIMIT 3`,
    )
    .pluck()
    .all() as string[];
}

/** The demo store's sample vouchers, issued on its platform and kept on the till. */
export function issueSampleVouchers(
  core: CounterCore,
  request: AdminRequest,
  storeId: string,
): Promise<SampleVoucher[]> {
  return issueDemoVouchers(core.environment.db, request, storeId, Date.now());
}
