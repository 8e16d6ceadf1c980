import { ceilings } from '../../shared/limits';
import type { TermsInput } from '../../shared/platform-api/operator-input';
import type { OnlineTerms } from '../../shared/sync/settlement-wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { moneyWords } from '../sync/claim-words';
import { requireStore } from './stores';
import { reserveStoreVersions } from './versions';

const amountNames = {
  merchantPromotion: { en: "The store's promotion", zh: '商家承担的优惠' },
  platformPromotion: { en: "The platform's promotion", zh: '平台承担的优惠' },
  deliveryFee: { en: 'The delivery fee', zh: '配送费' },
} as const;

export function checkCommissionRate(commissionBp: number): void {
  if (!Number.isInteger(commissionBp) || commissionBp < 0 || commissionBp > 10_000) {
    throw new ApiError(400, 'commission_rate_invalid', { value: commissionBp });
  }
}

/**
 * Terms an order of `total` can have: each amount within what one sale can be, rates within
 * 0–100 %, and promotions no larger than the goods (the customer never pays less than nothing).
 */
export function checkTerms(terms: OnlineTerms, total: number, currency: string): void {
  checkCommissionRate(terms.commissionBp);
  for (const key of ['merchantPromotion', 'platformPromotion', 'deliveryFee'] as const) {
    const value = terms[key];
    if (!Number.isInteger(value) || value < 0 || value > ceilings.sale) {
      throw new ApiError(400, 'settlement_amount_invalid', {
        what: amountNames[key],
        // Minor units: a fraction of a fen, or a negative amount, is shown as it was sent.
        value: Number.isInteger(value) && value >= 0 ? moneyWords(value, currency) : String(value),
        max: moneyWords(ceilings.sale, currency),
      });
    }
  }
  const promotions = terms.merchantPromotion + terms.platformPromotion;
  if (promotions > total) {
    throw new ApiError(400, 'promotions_over_total', {
      promotions: moneyWords(promotions, currency),
      total: moneyWords(total, currency),
    });
  }
}

/** An order's terms from what was sent, the rest from `base` (the store's default rate for a new order). */
export function termsFrom(input: TermsInput, base: OnlineTerms): OnlineTerms {
  return {
    merchantPromotion: input.merchantPromotion ?? base.merchantPromotion,
    platformPromotion: input.platformPromotion ?? base.platformPromotion,
    deliveryFee: input.deliveryFee ?? base.deliveryFee,
    commissionBp: input.commissionBp ?? base.commissionBp,
  };
}

export async function storeCommission(
  db: Queryable,
  storeId: string,
): Promise<{ storeId: string; commissionBp: number }> {
  const store = await requireStore(db, storeId);
  const [row] = await db.query<{ commission_bp: number }>('SELECT commission_bp FROM stores WHERE id = $1', [
    store.storeId,
  ]);
  return { storeId: store.storeId, commissionBp: row.commission_bp };
}

/** The rate new online orders of the store take unless they name their own; orders placed keep theirs. */
export async function setStoreCommission(sql: Sql, storeId: string, commissionBp: number) {
  checkCommissionRate(commissionBp);
  await requireStore(sql, storeId);
  await sql.query('UPDATE stores SET commission_bp = $2 WHERE id = $1', [storeId, commissionBp]);
  return { storeId, commissionBp };
}

type TermsRow = {
  total: number;
  merchant_promotion: number;
  platform_promotion: number;
  delivery_fee: number;
  commission_bp: number;
};

export const TERMS_COLUMNS = 'merchant_promotion, platform_promotion, delivery_fee, commission_bp';

export function termsOfRow(row: Omit<TermsRow, 'total'>): OnlineTerms {
  return {
    merchantPromotion: row.merchant_promotion,
    platformPromotion: row.platform_promotion,
    deliveryFee: row.delivery_fee,
    commissionBp: row.commission_bp,
  };
}

/**
 * The operator corrects an order's terms (a dispute settled, a promotion booked wrongly). The order
 * gets a new version, so every till of the store pulls the corrected terms; a sale a till already
 * recorded keeps the terms it had, and reconciliation shows the difference.
 */
export async function correctTerms(sql: Sql, storeId: string, onlineOrderId: string, input: TermsInput) {
  const store = await requireStore(sql, storeId);
  return sql.transaction(async (tx) => {
    const version = await reserveStoreVersions(tx, store.storeId, 1);
    const [row] = await tx.query<TermsRow>(
      `SELECT total, ${TERMS_COLUMNS} FROM online_orders WHERE store_id = $1 AND id::text = $2 FOR UPDATE`,
      [store.storeId, onlineOrderId],
    );
    if (!row) throw new ApiError(404, 'online_order_unknown');
    const terms = termsFrom(input, termsOfRow(row));
    checkTerms(terms, row.total, store.currency);
    await tx.query(
      `UPDATE online_orders SET merchant_promotion = $3, platform_promotion = $4, delivery_fee = $5,
         commission_bp = $6, version = $7 WHERE store_id = $1 AND id::text = $2`,
      [
        store.storeId,
        onlineOrderId,
        terms.merchantPromotion,
        terms.platformPromotion,
        terms.deliveryFee,
        terms.commissionBp,
        version,
      ],
    );
    return { storeId: store.storeId, onlineOrderId, terms };
  });
}
