import type { franchiseCatalogMethods } from '../../../shared/contract/franchise-catalog';
import type { PlatformClient } from '../../../shared/platform-api/client';
import { findCategory, findProductBySku } from '../catalog/product-records';
import type { CoreEnvironment } from '../handler-context';
import { readStore } from '../store/store-records';
import { importFranchiseCsv, type KnownProduct } from './franchise-csv';
import { setLocalPrice } from './local-price';
import { asOwner, auditOwner, type Checked } from './owner-calls';

/** Pages of the brand's catalog as head office reads it for a CSV import with no catalog of its own. */
const PAGE = 1000;

/** What this till holds of a product, as the brand's catalog has it, with the version it came with. */
function heldHere(env: CoreEnvironment, sku: string): KnownProduct | null {
  const product = findProductBySku(env.db, sku);
  if (!product) return null;
  const category = findCategory(env.db, product.categoryId);
  return {
    fields: {
      sku: product.sku,
      barcodes: product.barcodes,
      plu: product.plu,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      categoryZh: category?.nameZh ?? '',
      categoryEn: category?.nameEn ?? '',
      price: product.price,
      taxRateBp: product.taxRateBp,
      unit: product.unit,
      active: product.active,
      listedOnline: product.listedOnline,
    },
    version: product.platformVersion,
  };
}

/** Head office has no catalog of its own: the change is made against the brand's catalog as read now. */
async function readBrandCatalog(client: PlatformClient): Promise<Map<string, KnownProduct>> {
  const known = new Map<string, KnownProduct>();
  let after: string | undefined;
  do {
    const page = await client.call('franchise.catalog', { after, limit: PAGE });
    for (const { version, own: _own, ...fields } of page.products) known.set(fields.sku, { fields, version });
    after = page.next ?? undefined;
  } while (after);
  return known;
}

type Answers = {
  [M in keyof typeof franchiseCatalogMethods]: (env: CoreEnvironment, call: Checked<M>) => Promise<unknown>;
};

/**
 * The owner's catalog changes go to the platform, which authorises them for the owner's brand and
 * refuses one made against a stale version; they come back to every store (this till too) through
 * the catalog stream, never written here first.
 */
export const franchiseCatalogAnswers: Answers = {
  'franchise.catalog': (env, call) => asOwner(env, call, (client) => client.call('franchise.catalog', call.input)),
  'franchise.storePrices': (env, call) => {
    const { storeId, ...page } = call.input;
    return asOwner(env, call, (client) => client.call('franchise.storePrices', { id: storeId, ...page }));
  },
  'franchise.saveProduct': (env, call) =>
    asOwner(env, call, async (client, kept) => {
      const { version } = await client.call('franchise.catalog.put', { items: [call.input] });
      const { sku, price, expectedVersion } = call.input;
      auditOwner(env, call, 'franchise.saveProduct', kept, { sku, price, madeAgainst: expectedVersion, version });
      return { version };
    }),
  'franchise.setStorePrice': (env, call) =>
    asOwner(env, call, async (client, kept) => {
      const { storeId, ...item } = call.input;
      const { version } = await client.call('franchise.storePrices.put', { id: storeId, items: [item] });
      auditOwner(env, call, 'franchise.setStorePrice', kept, { storeId, ...item, version });
      return { version };
    }),
  'franchise.allowLocalPrices': (env, call) =>
    asOwner(env, call, async (client, kept) => {
      const { storeId, skus } = call.input;
      const answer = await client.call('franchise.localPrices.put', { id: storeId, skus });
      auditOwner(env, call, 'franchise.allowLocalPrices', kept, { storeId, skus: answer.skus });
      return answer;
    }),
  'franchise.importCsv': (env, call) =>
    asOwner(env, call, async (client, kept) => {
      const store = readStore(env.db, call.now);
      const known = store ? (sku: string) => heldHere(env, sku) : await lookupIn(readBrandCatalog(client));
      const summary = await importFranchiseCsv(call.input, {
        currency: store?.currency ?? 'CNY',
        locale: call.locale,
        known,
        send: (items) => client.call('franchise.catalog.put', { items }),
      });
      auditOwner(env, call, 'franchise.importCsv', kept, {
        created: summary.created,
        updated: summary.updated,
        failed: summary.failed,
        version: summary.version,
      });
      const { version: _version, ...report } = summary;
      return report;
    }),
  'catalog.setLocalPrice': (env, call) => setLocalPrice(env, call),
};

async function lookupIn(catalog: Promise<Map<string, KnownProduct>>) {
  const known = await catalog;
  return (sku: string) => known.get(sku) ?? null;
}
