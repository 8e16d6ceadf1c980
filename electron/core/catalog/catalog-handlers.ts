import type { Product, ProductInput } from '../../../shared/contract/catalog';
import { AppError } from '../../../shared/errors';
import { breach } from '../../../shared/limits';
import { decideAccess } from '../../../shared/roles';
import type { HandlerContext, Handlers } from '../handler-context';
import { refuseBreach } from '../store/limit-refusals';
import { readStore, requireStore } from '../store/store-records';
import { readPairing } from '../sync/sync-records';
import { importProductsCsv } from './csv-import';
import {
  findProduct,
  listCategories,
  requireProduct,
  sameCatalogFields,
  saveCategory,
  saveProduct,
  toProduct,
} from './product-records';
import { findByBarcode, searchProducts } from './product-search';

function forCaller(ctx: HandlerContext, product: Product): Product {
  const role = ctx.session?.role;
  return role && decideAccess(role, 'catalog.edit') === 'allow' ? product : { ...product, cost: null };
}

/** A new price past the store's limit is refused; an existing one stays sellable until changed. */
function refusePrice(ctx: HandlerContext, price: number): void {
  const store = requireStore(ctx.db, ctx.now);
  refuseBreach(breach(store.settings, 'price', price), store, ctx.locale);
}

/**
 * On a till paired with a platform, a product that came from it is the brand's: a change made here
 * would be overwritten by the next change of it there, so only the store's own fields (cost) change
 * here. The demo's platform serves this till alone and takes its catalog from it.
 */
function refuseFranchiseEdit(ctx: HandlerContext, before: Product | null, input: ProductInput): void {
  if (!before || before.platformVersion === null || sameCatalogFields(before, input)) return;
  if (!readPairing(ctx.db) || readStore(ctx.db, ctx.now)?.demo) return;
  throw new AppError('product_franchise_owned');
}

export const catalogHandlers = {
  'catalog.listCategories': (ctx, input) => ({ categories: listCategories(ctx.db, input.includeInactive) }),

  'catalog.saveCategory': (ctx, input) => {
    const { category, before } = saveCategory(ctx.db, input, ctx.now);
    ctx.describe(`category:${category.id}`, { before, after: category });
    ctx.emit({ type: 'catalog.changed' });
    return category;
  },

  'catalog.searchProducts': (ctx, input) => {
    const page = searchProducts(ctx.db, input);
    return { ...page, items: page.items.map((product) => forCaller(ctx, product)) };
  },

  'catalog.findByBarcode': (ctx, input) => {
    const product = findByBarcode(ctx.db, input.barcode);
    return { product: product && forCaller(ctx, product) };
  },

  'catalog.getProduct': (ctx, input) => forCaller(ctx, toProduct(requireProduct(ctx.db, input.id))),

  'catalog.saveProduct': (ctx, input) => {
    const earlier = input.id ? findProduct(ctx.db, input.id) : undefined;
    refuseFranchiseEdit(ctx, earlier ? toProduct(earlier) : null, input);
    if (input.price !== earlier?.price) refusePrice(ctx, input.price);
    const { product, before } = saveProduct(ctx.db, input, ctx.now);
    ctx.describe(`product:${product.id}`, { before, after: product });
    ctx.emit({ type: 'catalog.changed' });
    return product;
  },

  'catalog.importCsv': (ctx, input) => {
    const store = readStore(ctx.db, ctx.now);
    if (!store) throw new AppError('not_set_up');
    const summary = importProductsCsv(ctx.db, input.csv, {
      currency: store.currency,
      locale: ctx.locale,
      now: ctx.now,
      lineOffset: input.lineOffset,
      checkPrice: (price) => refusePrice(ctx, price),
      checkProduct: (before, input) => refuseFranchiseEdit(ctx, before, input),
    });
    ctx.describe('catalog:import', {
      created: summary.created,
      updated: summary.updated,
      failed: summary.failed,
      changes: summary.changes,
    });
    if (summary.created + summary.updated > 0) ctx.emit({ type: 'catalog.changed' });
    const { changes: _changes, ...report } = summary;
    return report;
  },
} satisfies Partial<Handlers>;
