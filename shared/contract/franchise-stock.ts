import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { platformApi } from '../platform-api';
import {
  LOW_STOCK_MAX,
  MovementCursor,
  STOCK_PAGE_MAX,
  STOCK_SEARCH_MAX,
  StockFilter,
} from '../platform-api/franchise-stock';
import { Sku } from './catalog';
import { type HeadOfficeGroup, headOfficeMethod } from './define';

export const FranchiseStockAnswer = platformApi['franchise.stock'].output;
export type FranchiseStockAnswer = z.infer<typeof FranchiseStockAnswer>;
export const FranchiseStockMovements = platformApi['franchise.stock.movements'].output;
export type FranchiseStockMovements = z.infer<typeof FranchiseStockMovements>;

const StoreId = z.string().uuid();

/** Stock across the brand's stores, asked of the platform with the owner's session (docs/franchise.md). */
export const franchiseStockMethods = {
  /** On hand per store and in total, low and sold out, a page of products at a time by SKU. */
  'franchise.stock': headOfficeMethod({
    input: z.object({
      only: StockFilter.default('all'),
      storeId: StoreId.optional(),
      query: z.string().trim().max(STOCK_SEARCH_MAX).default(''),
      after: Sku.optional(),
      limit: z.number().int().min(1).max(STOCK_PAGE_MAX).default(100),
    }),
    output: FranchiseStockAnswer,
    access: 'franchise.view',
    mutates: false,
  }),
  /** One store's stock movements, newest first, optionally of one product and between two days. */
  'franchise.stockMovements': headOfficeMethod({
    input: z.object({
      storeId: StoreId,
      sku: Sku.optional(),
      firstDay: BusinessDay.optional(),
      lastDay: BusinessDay.optional(),
      before: MovementCursor.optional(),
      limit: z.number().int().min(1).max(STOCK_PAGE_MAX).default(50),
    }),
    output: FranchiseStockMovements,
    access: 'franchise.view',
    mutates: false,
  }),
  /** The brand's low-stock level of a product, for every store (null: none). */
  'franchise.setLowStock': headOfficeMethod({
    input: z.object({ sku: Sku, lowAt: z.number().int().min(0).max(LOW_STOCK_MAX).nullable() }),
    output: z.object({ updated: z.number().int() }),
    access: 'franchise.view',
    mutates: true,
  }),
} satisfies HeadOfficeGroup;
