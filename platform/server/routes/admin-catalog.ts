import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isCalendarDay } from '../../../shared/reports/periods';
import { ProductBatch, upsertProducts } from '../../data/catalog';
import { franchiseSales, franchiseStock } from '../../data/records';
import { ApiError, parseInput } from '../../errors';
import type { PlatformContext } from '../context';

const SalesQuery = z.object({ day: z.string() });

/** The franchise catalog and the owner's reports across stores. Admin token required. */
export function adminCatalogRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql } = context;

  app.put('/v1/admin/catalog/products', async (request) => {
    const input = parseInput(ProductBatch, request.body);
    const result = await upsertProducts(sql, input.items);
    context.notifier.everyStoreChanged();
    return result;
  });

  app.get('/v1/admin/franchise/sales', async (request) => {
    const { day } = parseInput(SalesQuery, request.query);
    if (!isCalendarDay(day)) throw new ApiError(400, 'day_invalid');
    return { day, rows: await franchiseSales(sql, day) };
  });

  app.get('/v1/admin/franchise/stock', async () => ({ stores: await franchiseStock(sql) }));
}
