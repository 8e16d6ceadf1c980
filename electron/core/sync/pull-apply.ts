import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { BarcodeText, type Product, ProductInput } from '../../../shared/contract/catalog';
import { noTerms } from '../../../shared/sync/settlement-wire';
import {
  type CatalogItem,
  type OnlineOrderWire,
  type PullResponse,
  type PullStream,
  type StockLevel,
  streamItems,
} from '../../../shared/sync/wire';
import { findCategoryByName, findProductBySku, saveCategory, saveProduct } from '../catalog/product-records';
import { namedStatements } from '../db/open-database';
import { auditSystem } from './pairing';
import { applyCampaign, applyDenial, applyVoucherKey, applyVoucherPolicy } from './pull-vouchers';
import { ackedSeq, writeCursor } from './sync-records';

/** What one page of a stream changed here, for the audit entry and the screens. */
export type PullOutcome = { applied: number; placed: number; skipped: { id: string; reason: string }[] };

const statements = namedStatements({
  onlineOrder: 'SELECT status, pending_step, version FROM online_orders WHERE id = ?',
  upsertOnlineOrder: `INSERT INTO online_orders (id, channel, status, pickup_code, customer_name, note, placed_at, total,
      lines, version, updated_at, merchant_promotion, platform_promotion, delivery_fee, commission_bp)
    VALUES (@id, @channel, @status, @pickupCode, @customerName, @note, @placedAt, @total, @lines, @version, @now,
      @merchantPromotion, @platformPromotion, @deliveryFee, @commissionBp)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, pending_step = @pendingStep, version = excluded.version,
      updated_at = excluded.updated_at, merchant_promotion = excluded.merchant_promotion,
      platform_promotion = excluded.platform_promotion, delivery_fee = excluded.delivery_fee,
      commission_bp = excluded.commission_bp`,
  upsertPlatformStock: `INSERT INTO platform_stock (sku, on_hand, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at`,
  setSoldOut: 'UPDATE products SET sold_out = ?, updated_at = ? WHERE sku = ? AND sold_out <> ?',
  // Only the unsent tail of the queue, by its key: the whole history would be read for every level.
  unsentSoldOut: `SELECT EXISTS (SELECT 1 FROM outbox WHERE seq > ? AND type = 'product.sold_out'
    AND json_extract(payload, '$.sku') = ?)`,
});

/**
 * Applies one page as idempotent upserts and moves the stream's cursor in the same transaction,
 * so a crash replays the page rather than skipping it. A change this till cannot take (a barcode a
 * local product already owns, say) is skipped and named in the audit entry, never blocking the stream.
 */
export function applyPulledPage(
  db: Database,
  auditKey: Buffer,
  stream: PullStream,
  page: PullResponse,
  now: number,
): PullOutcome {
  return db.transaction((): PullOutcome => {
    const outcome: PullOutcome = { applied: 0, placed: 0, skipped: [] };
    for (const change of page.changes) {
      try {
        const rings = db.transaction(() => applyChange(db, stream, change.data, change.version, now))();
        outcome.applied += 1;
        if (rings) outcome.placed += 1;
      } catch (error) {
        outcome.skipped.push({ id: change.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    // A denial or key skipped for good would let a used voucher through offline: such a page is
    // taken again on the next pull instead (the push before it keeps going).
    if (outcome.skipped.length > 0 && guardsVouchers(stream)) {
      throw new Error(`${stream} change ${outcome.skipped[0].id} not applied: ${outcome.skipped[0].reason}`);
    }
    writeCursor(db, stream, page.nextCursor, now);
    if (page.changes.length > 0) {
      auditSystem({ db, auditKey, clock: () => now }, `sync.pull.${stream}`, `stream:${stream}`, {
        applied: outcome.applied,
        cursor: page.nextCursor,
        skipped: outcome.skipped.slice(0, 20),
      });
    }
    return outcome;
  })();
}

function guardsVouchers(stream: PullStream): boolean {
  return stream === 'voucher_keys' || stream === 'voucher_denials' || stream === 'voucher_policy';
}

/** True when the change is an online order new to this till and waiting for someone: it rings. */
function applyChange(db: Database, stream: PullStream, data: unknown, version: string, now: number): boolean {
  switch (stream) {
    case 'catalog':
      applyCatalogItem(db, streamItems.catalog.parse(data), now);
      return false;
    case 'online_orders':
      return applyOnlineOrder(db, streamItems.online_orders.parse(data), version, now);
    case 'stock_levels':
      applyStockLevel(db, streamItems.stock_levels.parse(data), now);
      return false;
    case 'voucher_keys':
      applyVoucherKey(db, streamItems.voucher_keys.parse(data));
      return false;
    case 'campaigns':
      applyCampaign(db, streamItems.campaigns.parse(data), version);
      return false;
    case 'voucher_denials':
      applyDenial(db, streamItems.voucher_denials.parse(data));
      return false;
    case 'voucher_policy':
      applyVoucherPolicy(db, streamItems.voucher_policy.parse(data), now);
      return false;
    default: {
      const unreachable: never = stream;
      throw new Error(`unknown stream ${String(unreachable)}`);
    }
  }
}

/**
 * The franchise catalog is the platform's: a code the till refuses from a person (a wrong EAN check
 * digit) is still the code printed on the goods, and refusing it would leave the item unsellable here.
 */
const PulledProduct = ProductInput.extend({ barcodes: z.array(BarcodeText).max(10).default([]) });

/** Matched by SKU; cost, sold-out and low-stock level stay the store's own. */
function applyCatalogItem(db: Database, item: CatalogItem, now: number): void {
  const existing = findProductBySku(db, item.sku);
  const category =
    findCategoryByName(db, item.categoryZh) ??
    saveCategory(db, { nameZh: item.categoryZh, nameEn: item.categoryEn, sort: 0, active: true }, now).category;
  const input = PulledProduct.parse({
    id: existing?.id,
    categoryId: category.id,
    sku: item.sku,
    barcodes: item.barcodes,
    plu: item.plu,
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    price: item.price,
    cost: existing?.cost ?? 0,
    taxRateBp: item.taxRateBp,
    unit: item.unit,
    active: item.active,
    listedOnline: item.listedOnline,
  });
  // A product the platform sends unchanged (a new till's first pull of a catalog it already has)
  // is left alone: no write, no new updated_at, nothing for open screens to refresh.
  if (existing && sameProduct(existing, input)) return;
  saveProduct(db, input, now);
}

function sameProduct(existing: Product, input: ProductInput): boolean {
  const fields = [
    'categoryId',
    'plu',
    'nameZh',
    'nameEn',
    'price',
    'taxRateBp',
    'unit',
    'active',
    'listedOnline',
  ] as const;
  return (
    fields.every((field) => existing[field] === input[field]) &&
    JSON.stringify([...existing.barcodes].sort()) === JSON.stringify([...input.barcodes].sort())
  );
}

const rank: Record<OnlineOrderWire['state'], number> = {
  placed: 0,
  accepted: 1,
  rejected: 1,
  cancelled: 1,
  ready: 2,
  handed_over: 3,
};

/**
 * The platform's state wins once it has caught up with a step taken here; until then the till
 * keeps showing its own step, so a pull racing a push never makes an accepted order ring again.
 */
function applyOnlineOrder(db: Database, order: OnlineOrderWire, version: string, now: number): boolean {
  const q = statements(db);
  const local = q.onlineOrder.get(order.id) as { status: OnlineOrderWire['state']; pending_step: number } | undefined;
  const behind = local !== undefined && local.pending_step === 1 && rank[order.state] < rank[local.status];
  q.upsertOnlineOrder.run({
    id: order.id,
    channel: order.channel,
    status: behind ? local.status : order.state,
    pendingStep: behind ? 1 : 0,
    pickupCode: order.pickupCode,
    customerName: order.customerName,
    note: order.note,
    placedAt: order.placedAt,
    total: order.total,
    lines: JSON.stringify(order.lines),
    version,
    now,
    // The platform's correction of an order's terms is taken; a sale already recorded keeps its own.
    ...(order.terms ?? noTerms),
  });
  return local === undefined && order.state === 'placed';
}

/** Another till's 估清 reaches this one; the store-wide on-hand is kept beside the local ledger. */
function applyStockLevel(db: Database, level: StockLevel, now: number): void {
  const q = statements(db);
  q.upsertPlatformStock.run(level.sku, level.onHand, now);
  // A toggle made here and not yet pushed is newer than anything the platform can say.
  if (q.unsentSoldOut.pluck().get(ackedSeq(db), level.sku) === 1) return;
  const flag = level.soldOut ? 1 : 0;
  q.setSoldOut.run(flag, now, level.sku, flag);
}
