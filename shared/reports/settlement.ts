import { percentOf } from '../rounding';

/**
 * What the platform's order data carries for one online order (as Chinese delivery platforms
 * publish it per order): the goods at the store's prices, the promotions and who funds each, the
 * delivery fee the customer paid, and the platform's commission rate.
 */
export type OnlineOrderTerms = {
  gross: number;
  /** Promotions the store pays for (its own discounts on the platform). */
  merchantPromotion: number;
  /** Promotions the platform pays for: the customer pays less, the store is not paid less. */
  platformPromotion: number;
  /** Paid by the customer, kept by the platform that delivers. */
  deliveryFee: number;
  /** Charged on what the store sells after its own promotions, in basis points. */
  commissionBp: number;
};

export type OnlineSettlement = {
  gross: number;
  merchantPromotion: number;
  platformPromotion: number;
  deliveryFee: number;
  commission: number;
  /** 应收: what the platform owes the store, gross − the store's promotions − commission. */
  settlement: number;
  /** What the customer paid the platform. */
  customerPaid: number;
  /** What the platform keeps: customerPaid − settlement. */
  platformKeeps: number;
};

/**
 * One online order's settlement. The identities hold to the fen for every order, so a channel's
 * day adds up however it is split: customerPaid = settlement + platformKeeps, and
 * settlement = gross − merchantPromotion − commission.
 */
export function onlineSettlement(terms: OnlineOrderTerms): OnlineSettlement {
  const base = terms.gross - terms.merchantPromotion;
  const commission = percentOf(base, terms.commissionBp);
  const settlement = base - commission;
  const customerPaid = base - terms.platformPromotion + terms.deliveryFee;
  return {
    gross: terms.gross,
    merchantPromotion: terms.merchantPromotion,
    platformPromotion: terms.platformPromotion,
    deliveryFee: terms.deliveryFee,
    commission,
    settlement,
    customerPaid,
    platformKeeps: customerPaid - settlement,
  };
}

/**
 * A group-buy voucher redeemed at the store: the customer paid the platform the voucher's price
 * beforehand, and the platform pays the store the settlement price agreed for the campaign; the
 * difference is the platform's commission.
 */
export function groupBuySettlement(voucher: { price: number; settlementPrice: number }): OnlineSettlement {
  return {
    gross: voucher.price,
    merchantPromotion: 0,
    platformPromotion: 0,
    deliveryFee: 0,
    commission: voucher.price - voucher.settlementPrice,
    settlement: voucher.settlementPrice,
    customerPaid: voucher.price,
    platformKeeps: voucher.price - voucher.settlementPrice,
  };
}

const keys = [
  'gross',
  'merchantPromotion',
  'platformPromotion',
  'deliveryFee',
  'commission',
  'settlement',
  'customerPaid',
  'platformKeeps',
] as const;

export const noSettlement: OnlineSettlement = Object.fromEntries(keys.map((key) => [key, 0])) as OnlineSettlement;

/** A channel's day or range: the orders' settlements added field by field, so the identities still hold. */
export function addSettlements(a: OnlineSettlement, b: OnlineSettlement): OnlineSettlement {
  return Object.fromEntries(keys.map((key) => [key, a[key] + b[key]])) as OnlineSettlement;
}
