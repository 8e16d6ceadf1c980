import type { StockMoveKind } from '../../../shared/contract/stock';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { stockMoveMaxIn } from '../../../shared/limits';
import { type ProductRow, requireProduct } from '../catalog/product-records';
import type { Handler, HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { formatFigure, refuseBreach } from '../store/limit-refusals';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { stockHistory } from './stock-history';
import { recordMovement } from './stock-ledger';
import { listStock, readStockRow, stockStatements } from './stock-records';

export const stockHandlers: {
  'stock.list': Handler<'stock.list'>;
  'stock.history': Handler<'stock.history'>;
  'stock.move': Handler<'stock.move'>;
  'stock.setSoldOut': Handler<'stock.setSoldOut'>;
  'stock.setLowAt': Handler<'stock.setLowAt'>;
} = {
  'stock.list': (ctx, input) => listStock(ctx.db, input),
  'stock.history': (ctx, input) => stockHistory(ctx.db, input),
  'stock.move': (ctx, input) => {
    const q = stockStatements(ctx.db);
    const earlier = q.movementById.get(input.id) as { product_id: string } | undefined;
    if (earlier) {
      if (earlier.product_id !== input.productId)
        throw new AppError('id_reused', { what: { en: 'stock movement', 'zh-CN': '库存变动' } });
      return readStockRow(ctx.db, input.productId);
    }
    const product = requireProduct(ctx.db, input.productId);
    const before = readStockRow(ctx.db, product.id);
    const quantity = ledgerQuantity(input.kind, input.quantity, before.onHand);
    refuseStockMove(ctx, product, input, quantity, before.onHand);
    recordMovement(ctx.db, {
      id: input.id,
      productId: product.id,
      kind: input.kind,
      quantity,
      at: ctx.now,
      staffId: requireSession(ctx).staffId,
    });
    enqueue(ctx.db, { id: input.id, type: 'stock.moved', payload: { note: input.note || null }, now: ctx.now });
    ctx.describe(`product:${product.id}`, {
      sku: product.sku,
      kind: input.kind,
      entered: input.quantity,
      change: quantity,
      note: input.note,
    });
    ctx.emit({ type: 'stock.changed' });
    return readStockRow(ctx.db, product.id);
  },
  'stock.setSoldOut': (ctx, input) => {
    const product = requireProduct(ctx.db, input.productId);
    if ((product.sold_out === 1) !== input.soldOut) {
      stockStatements(ctx.db).setSoldOut.run(input.soldOut ? 1 : 0, ctx.now, product.id);
      enqueue(ctx.db, {
        id: uuidv7(ctx.now),
        type: 'product.sold_out',
        payload: { sku: product.sku, soldOut: input.soldOut, at: ctx.now },
        now: ctx.now,
      });
      ctx.describe(`product:${product.id}`, { sku: product.sku, soldOut: input.soldOut });
      ctx.emit({ type: 'stock.changed' });
      ctx.emit({ type: 'catalog.changed' });
    }
    return readStockRow(ctx.db, product.id);
  },
  'stock.setLowAt': (ctx, input) => {
    const product = requireProduct(ctx.db, input.productId);
    stockStatements(ctx.db).setLowAt.run(input.lowAt, ctx.now, product.id);
    ctx.describe(`product:${product.id}`, { sku: product.sku, lowAt: input.lowAt });
    ctx.emit({ type: 'stock.changed' });
    return readStockRow(ctx.db, product.id);
  },
};

/** The ledger keeps signed changes: a count becomes the difference to what the ledger said. */
function ledgerQuantity(kind: 'receive' | 'count' | 'adjustment' | 'waste', entered: number, onHand: number): number {
  switch (kind) {
    case 'receive':
      if (entered <= 0) throw new AppError('stock_quantity_invalid');
      return entered;
    case 'waste':
      if (entered <= 0) throw new AppError('stock_quantity_invalid');
      return -entered;
    case 'adjustment':
      if (entered === 0) throw new AppError('stock_quantity_invalid');
      return entered;
    case 'count':
      if (entered < 0) throw new AppError('stock_count_negative');
      return entered - onHand;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown stock movement ${String(unreachable)}`);
    }
  }
}

/**
 * What was entered must be within the store's limit (a count is checked as entered: that is the
 * figure someone typed). Waste or a negative adjustment may not take on-hand below zero: goods
 * cannot be thrown away that the ledger says are not there, so a wrong figure is counted first
 * (sales alone may go below zero, as the goods left with the customer whatever the ledger said).
 */
function refuseStockMove(
  ctx: HandlerContext,
  product: ProductRow,
  input: { kind: StockMoveKind; quantity: number },
  change: number,
  onHand: number,
): void {
  const store = requireStore(ctx.db, ctx.now);
  const max = stockMoveMaxIn(store.settings, product.unit);
  const entered = Math.abs(input.kind === 'count' ? input.quantity : change);
  if (entered > max) {
    refuseBreach({ limit: 'stockMove', value: entered, max }, store, ctx.locale, product.unit);
  }
  // A count sets on-hand to what was counted; only the other kinds can dig below zero.
  if (input.kind === 'count' || change >= 0 || onHand + change >= 0) return;
  const figure = (value: number) => formatFigure(value, product.unit === 'kg' ? 'grams' : 'items', store, ctx.locale);
  throw new AppError(
    'stock_below_zero',
    {
      name: { en: product.name_en, 'zh-CN': product.name_zh },
      asked: figure(-change),
      left: figure(onHand + change),
      onHand: figure(onHand),
    },
    { onHand, change },
  );
}
